import DossierModel

/// `components.schemas` of the OpenAPI document: the shapes of API.md "Resources".
enum OpenAPISchemas {
    static var schemas: JSON {
        let entityTypes = EntityType.allCases.map(\.rawValue)
        let precisions = DatePrecision.allCases.map(\.rawValue)
        let nullableDate = Schema.nullable("string", [("format", .string("date"))])
        let span = Schema.object([("start", Schema.nonNegative), ("end", Schema.nonNegative)])
        let summaryProperties: [(String, JSON)] = [
            ("id", Schema.string),
            ("title", Schema.string),
            ("publishedAt", nullableDate),
            ("publishedAtSource", .object([("enum", .array([.string("header"), .string("inferred"), .null]))])),
            ("language", Schema.string),
            ("languages", Schema.array(Schema.ref("LanguageShare"))),
            ("source", Schema.nullable("string")),
            ("wordCount", Schema.nonNegative),
            ("contentHash", Schema.type("string", [("pattern", .string("^[0-9a-f]{64}$"))])),
            ("ingestedAt", Schema.type("string", [("format", .string("date-time"))])),
        ]
        let summaryRequired = summaryProperties.map(\.0)
        let entityRefProperties: [(String, JSON)] = [
            ("id", Schema.string), ("name", Schema.string), ("type", Schema.ref("EntityType")),
        ]
        return .object([
            ("EntityType", Schema.enumeration(entityTypes)),
            ("EntityRef", Schema.object(entityRefProperties)),
            ("LanguageShare", Schema.object([
                ("code", Schema.string), ("share", Schema.type("number", [("minimum", .int(0)), ("maximum", .int(1))])),
            ])),
            ("Snippet", Schema.object([
                ("text", Schema.string),
                ("highlights", Schema.array(span)),
            ])),
            ("ArticleSummary", Schema.object(
                summaryProperties + [("snippet", Schema.ref("Snippet"))], required: summaryRequired)),
            ("Article", Schema.object(summaryProperties + [
                ("status", Schema.enumeration(["created", "updated", "unchanged"])),
                ("body", Schema.string),
                ("entities", Schema.array(Schema.ref("EntityMention"))),
                ("events", Schema.array(Schema.ref("Event"))),
            ], required: summaryRequired + ["body", "entities", "events"])),
            ("EntityMention", Schema.object([
                ("entity", Schema.ref("EntityRef")),
                ("mentions", Schema.array(Schema.object([
                    ("start", Schema.nonNegative), ("end", Schema.nonNegative), ("text", Schema.string),
                ]))),
            ])),
            ("Event", Schema.object([
                ("id", Schema.string),
                ("articleId", Schema.string),
                ("date", Schema.object([
                    ("start", nullableDate),
                    ("end", nullableDate),
                    ("precision", Schema.enumeration(precisions)),
                    ("text", Schema.string),
                    ("span", span),
                    ("resolution", Schema.enumeration(DateResolution.allCases.map(\.rawValue))),
                    ("anchor", nullableDate),
                ])),
                ("summary", Schema.string),
                ("entities", Schema.array(Schema.ref("EntityRef"))),
            ])),
            ("EntitySummary", Schema.object(entityRefProperties + [
                ("articleCount", Schema.nonNegative), ("mentionCount", Schema.nonNegative),
            ])),
            ("Entity", Schema.object(entityRefProperties + [
                ("aliases", Schema.array(Schema.string)),
                ("articleCount", Schema.nonNegative),
                ("mentionCount", Schema.nonNegative),
                ("firstSeen", nullableDate),
                ("lastSeen", nullableDate),
                ("articles", Schema.array(Schema.ref("ArticleSummary"))),
                ("related", Schema.array(Schema.object([("entity", Schema.ref("EntityRef")), ("weight", Schema.nonNegative)]))),
            ])),
            ("ArticleList", list("ArticleSummary")),
            ("EntityList", list("EntitySummary")),
            ("EventList", list("Event")),
            ("Graph", Schema.object([
                ("nodes", Schema.array(Schema.object(entityRefProperties + [("mentionCount", Schema.nonNegative)]))),
                ("edges", Schema.array(Schema.object([
                    ("source", Schema.string), ("target", Schema.string), ("weight", Schema.nonNegative),
                ]))),
            ])),
            ("ArticleInput", .object([
                ("type", .string("object")),
                ("properties", .object([
                    ("id", Schema.type("string", [("pattern", .string("^[A-Za-z0-9._-]{1,200}$"))])),
                    ("title", Schema.string),
                    ("body", Schema.type("string", [("minLength", .int(1)), ("pattern", .string("\\S"))])),
                    ("publishedAt", .object([("anyOf", .array([
                        Schema.type("string", [("format", .string("date"))]),
                        Schema.type("string", [("pattern", .string("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z$"))]),
                    ]))])),
                    ("source", Schema.string),
                    ("language", Schema.type("string", [("pattern", .string("^[a-z]{2}$"))])),
                ])),
                ("required", .array([.string("body")])),
            ])),
            ("Health", Schema.object([("status", Schema.string)])),
            ("Problem", Schema.object([
                ("type", Schema.string),
                ("title", Schema.string),
                ("status", Schema.type("integer", [("minimum", .int(400)), ("maximum", .int(599))])),
                ("detail", Schema.string),
                ("invalidParams", Schema.array(Schema.object([("name", Schema.string), ("reason", Schema.string)]))),
            ], required: ["type", "title", "status", "detail"])),
        ])
    }

    static func list(_ item: String) -> JSON {
        Schema.object([
            ("items", Schema.array(Schema.ref(item))),
            ("nextCursor", Schema.nullable("string", [("description", .string("Pass as `cursor` for the next page; null on the last."))])),
        ])
    }
}
