import DossierModel
import DossierStore

/// The contract's JSON shapes (API.md "Resources"), built from the store's read models.
enum Representation {
    static func entityReference(_ entity: EntityReference) -> JSON {
        .object([("id", .string(entity.id)), ("name", .string(entity.name)), ("type", .string(entity.type))])
    }

    static func summaryMembers(_ summary: ArticleSummary) -> [(String, JSON)] {
        [
            ("id", .string(summary.id)),
            ("title", .string(summary.title)),
            ("publishedAt", .optional(summary.publishedAt)),
            ("publishedAtSource", .optional(summary.publishedAtSource)),
            ("language", .string(summary.language)),
            ("languages", .raw(summary.languagesJSON)),
            ("source", .optional(summary.source)),
            ("wordCount", .int(summary.wordCount)),
            ("contentHash", .string(summary.contentHash)),
            ("ingestedAt", .string(summary.ingestedAt)),
        ]
    }

    static func summary(_ summary: ArticleSummary) -> JSON {
        .object(summaryMembers(summary))
    }

    static func searchHit(_ hit: ArticleSearchHit) -> JSON {
        .object(summaryMembers(hit.summary) + [("snippet", .object([
            ("text", .string(hit.snippet.text)),
            ("highlights", .array(hit.snippet.highlights.map { .object([("start", .int($0.start)), ("end", .int($0.end))]) })),
        ]))])
    }

    static func article(_ article: ArticleDetail, status: IngestStatus? = nil) -> JSON {
        var members = summaryMembers(article.summary)
        if let status { members.append(("status", .string(status.rawValue))) }
        members.append(("body", .string(article.body)))
        members.append(("entities", .array(article.entities.map { group in
            .object([
                ("entity", entityReference(group.entity)),
                ("mentions", .array(group.mentions.map {
                    .object([("start", .int($0.start)), ("end", .int($0.end)), ("text", .string($0.text))])
                })),
            ])
        })))
        members.append(("events", .array(article.events.map(event))))
        return .object(members)
    }

    static func event(_ event: EventRecord) -> JSON {
        .object([
            ("id", .string(event.id)),
            ("articleId", .string(event.articleID)),
            ("date", .object([
                ("start", .optional(event.start)),
                ("end", .optional(event.end)),
                ("precision", .string(event.precision)),
                ("text", .string(event.text)),
                ("span", .object([("start", .int(event.spanStart)), ("end", .int(event.spanEnd))])),
                ("resolution", .string(event.resolution)),
                ("anchor", .optional(event.anchor)),
            ])),
            ("summary", .string(event.summary)),
            ("entities", .array(event.entities.map(entityReference))),
        ])
    }

    static func entitySummary(_ entity: EntitySummary) -> JSON {
        .object([
            ("id", .string(entity.reference.id)), ("name", .string(entity.reference.name)), ("type", .string(entity.reference.type)),
            ("articleCount", .int(entity.articleCount)), ("mentionCount", .int(entity.mentionCount)),
        ])
    }

    static func entity(_ entity: EntityDetail) -> JSON {
        .object([
            ("id", .string(entity.summary.reference.id)),
            ("name", .string(entity.summary.reference.name)),
            ("type", .string(entity.summary.reference.type)),
            ("aliases", .array(entity.aliases.map(JSON.string))),
            ("articleCount", .int(entity.summary.articleCount)),
            ("mentionCount", .int(entity.summary.mentionCount)),
            ("firstSeen", .optional(entity.firstSeen)),
            ("lastSeen", .optional(entity.lastSeen)),
            ("articles", .array(entity.articles.map(summary))),
            ("related", .array(entity.related.map {
                .object([("entity", entityReference($0.entity)), ("weight", .int($0.weight))])
            })),
        ])
    }

    static func graph(_ graph: Graph) -> JSON {
        .object([
            ("nodes", .array(graph.nodes.map {
                .object([("id", .string($0.entity.id)), ("name", .string($0.entity.name)), ("type", .string($0.entity.type)),
                         ("mentionCount", .int($0.mentionCount))])
            })),
            ("edges", .array(graph.edges.map {
                .object([("source", .string($0.source)), ("target", .string($0.target)), ("weight", .int($0.weight))])
            })),
        ])
    }

    static func list(_ items: [JSON], nextCursor: String?) -> JSON {
        .object([("items", .array(items)), ("nextCursor", .optional(nextCursor))])
    }
}
