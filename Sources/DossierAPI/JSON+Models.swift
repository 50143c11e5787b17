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
        // Mentions and events written straight to bytes: an article has about a hundred of them, and a `JSON` value
        // per member was most of the cost of an article by id.
        var entities: [UInt8] = [UInt8(ascii: "[")]
        for (index, group) in article.entities.enumerated() {
            if index > 0 { entities.append(UInt8(ascii: ",")) }
            entities.append(contentsOf: #"{"entity":"#.utf8)
            writeEntityReference(group.entity, to: &entities)
            entities.append(contentsOf: #","mentions":["#.utf8)
            for (offset, mention) in group.mentions.enumerated() {
                if offset > 0 { entities.append(UInt8(ascii: ",")) }
                entities.append(contentsOf: #"{"start":"#.utf8)
                JSON.writeInt(mention.start, to: &entities)
                entities.append(contentsOf: #","end":"#.utf8)
                JSON.writeInt(mention.end, to: &entities)
                entities.append(contentsOf: #","text":"#.utf8)
                JSON.writeString(mention.text, to: &entities)
                entities.append(UInt8(ascii: "}"))
            }
            entities.append(contentsOf: "]}".utf8)
        }
        entities.append(UInt8(ascii: "]"))
        members.append(("entities", .serialized(entities)))
        var events: [UInt8] = [UInt8(ascii: "[")]
        for (index, event) in article.events.enumerated() {
            if index > 0 { events.append(UInt8(ascii: ",")) }
            writeEvent(event, to: &events)
        }
        events.append(UInt8(ascii: "]"))
        members.append(("events", .serialized(events)))
        return .object(members)
    }

    static func event(_ event: EventRecord) -> JSON {
        var output: [UInt8] = []
        writeEvent(event, to: &output)
        return .serialized(output)
    }

    /// `{id, articleId, date: {start, end, precision, text, span: {start, end}, resolution, anchor}, summary, entities}`.
    static func writeEvent(_ event: EventRecord, to output: inout [UInt8]) {
        func optional(_ value: String?) {
            if let value { JSON.writeString(value, to: &output) } else { output.append(contentsOf: "null".utf8) }
        }
        output.append(contentsOf: #"{"id":"#.utf8)
        JSON.writeString(event.id, to: &output)
        output.append(contentsOf: #","articleId":"#.utf8)
        JSON.writeString(event.articleID, to: &output)
        output.append(contentsOf: #","date":{"start":"#.utf8)
        optional(event.start)
        output.append(contentsOf: #","end":"#.utf8)
        optional(event.end)
        output.append(contentsOf: #","precision":"#.utf8)
        JSON.writeString(event.precision, to: &output)
        output.append(contentsOf: #","text":"#.utf8)
        JSON.writeString(event.text, to: &output)
        output.append(contentsOf: #","span":{"start":"#.utf8)
        JSON.writeInt(event.spanStart, to: &output)
        output.append(contentsOf: #","end":"#.utf8)
        JSON.writeInt(event.spanEnd, to: &output)
        output.append(contentsOf: #"},"resolution":"#.utf8)
        JSON.writeString(event.resolution, to: &output)
        output.append(contentsOf: #","anchor":"#.utf8)
        optional(event.anchor)
        output.append(contentsOf: #"},"summary":"#.utf8)
        JSON.writeString(event.summary, to: &output)
        output.append(contentsOf: #","entities":["#.utf8)
        for (index, entity) in event.entities.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            writeEntityReference(entity, to: &output)
        }
        output.append(contentsOf: "]}".utf8)
    }

    /// `{id, name, type}`.
    static func writeEntityReference(_ entity: EntityReference, to output: inout [UInt8]) {
        output.append(contentsOf: #"{"id":"#.utf8)
        JSON.writeString(entity.id, to: &output)
        output.append(contentsOf: #","name":"#.utf8)
        JSON.writeString(entity.name, to: &output)
        output.append(contentsOf: #","type":"#.utf8)
        JSON.writeString(entity.type, to: &output)
        output.append(UInt8(ascii: "}"))
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

    /// `{"nodes": [...], "edges": [...]}` written straight into one buffer sized up front: a graph of 500 nodes has
    /// up to tens of thousands of edges (megabytes), and building the edges apart and copying them into the answer
    /// held two copies of those megabytes per request in flight.
    static func graph(_ graph: Graph) -> JSON {
        var output: [UInt8] = []
        output.reserveCapacity(32 + graph.nodes.count * 96 + graph.edges.count * 64)
        output.append(contentsOf: #"{"nodes":["#.utf8)
        for (index, node) in graph.nodes.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            output.append(contentsOf: #"{"id":"#.utf8)
            JSON.writeString(node.entity.id, to: &output)
            output.append(contentsOf: #","name":"#.utf8)
            JSON.writeString(node.entity.name, to: &output)
            output.append(contentsOf: #","type":"#.utf8)
            JSON.writeString(node.entity.type, to: &output)
            output.append(contentsOf: #","mentionCount":"#.utf8)
            JSON.writeInt(node.mentionCount, to: &output)
            output.append(UInt8(ascii: "}"))
        }
        output.append(contentsOf: #"],"edges":"#.utf8)
        writeEdges(graph.edges, to: &output)
        output.append(UInt8(ascii: "}"))
        return .serialized(output)
    }

    /// `[{"source", "target", "weight"}]`, each edge written straight to bytes (no `JSON` value per edge).
    static func writeEdges(_ edges: [GraphEdge], to output: inout [UInt8]) {
        output.append(UInt8(ascii: "["))
        for (index, edge) in edges.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            output.append(contentsOf: #"{"source":"#.utf8)
            JSON.writeString(edge.source, to: &output)
            output.append(contentsOf: #","target":"#.utf8)
            JSON.writeString(edge.target, to: &output)
            output.append(contentsOf: #","weight":"#.utf8)
            JSON.writeInt(edge.weight, to: &output)
            output.append(UInt8(ascii: "}"))
        }
        output.append(UInt8(ascii: "]"))
    }

    static func list(_ items: [JSON], nextCursor: String?) -> JSON {
        .object([("items", .array(items)), ("nextCursor", .optional(nextCursor))])
    }
}
