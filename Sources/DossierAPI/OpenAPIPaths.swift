import DossierModel
import DossierStore

/// `paths` of the OpenAPI document, one entry per route of `RouteTable`.
enum OpenAPIPaths {
    static func parameter(_ name: String, in location: String = "query", _ schema: JSON, _ description: String,
                          required: Bool = false, example: JSON? = nil) -> JSON {
        var members: [(String, JSON)] = [
            ("name", .string(name)), ("in", .string(location)), ("required", .bool(required)),
            ("description", .string(description)), ("schema", schema),
        ]
        if let example { members.append(("example", example)) }
        return .object(members)
    }

    static func limit(default value: Int, maximum: Int) -> JSON {
        parameter("limit", Schema.type("integer", [("minimum", .int(1)), ("maximum", .int(maximum)), ("default", .int(value))]),
                  "Page size (nodes for the graph), 1..\(maximum); anything else is a 400.")
    }

    static let cursor = parameter("cursor", Schema.string, "The previous page's `nextCursor`; a cursor not issued by this server for these filters is a 400.")
    static let date = Schema.type("string", [("format", .string("date")), ("pattern", .string("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))])
    /// Examples name articles and entities of the default seeds.
    static let articleID = parameter("id", in: "path", Schema.type("string", [("minLength", .int(1))]), "The article's id.",
                                     required: true, example: .string("000_06c42b9a60775aa6"))
    static let entityID = parameter("id", in: "path", Schema.type("string", [("minLength", .int(1))]), "The entity's id.",
                                    required: true, example: .string("iran"))
    static let identifier = Schema.type("string", [("minLength", .int(1)), ("maxLength", .int(256))])

    static func json(_ schema: JSON, _ description: String, headers: [(String, JSON)] = []) -> JSON {
        .object([
            ("description", .string(description)),
            ("headers", .object(headers + [("X-Request-Id", .object([("$ref", .string("#/components/headers/XRequestId"))]))])),
            ("content", .object([("application/json", .object([("schema", schema)]))])),
        ])
    }

    static func cached(_ schema: String, _ description: String) -> JSON {
        json(Schema.ref(schema), description, headers: [("ETag", .object([("$ref", .string("#/components/headers/ETag"))]))])
    }

    static func problem(_ description: String, headers: [(String, JSON)] = []) -> JSON {
        .object([
            ("description", .string(description)),
            ("headers", .object(headers)),
            ("content", .object([("application/problem+json", .object([("schema", Schema.ref("Problem"))]))])),
        ])
    }

    static let notModified: JSON = .object([("description", .string("Not modified: the If-None-Match tag matches."))])
    static let badRequest = problem("An invalid parameter (`/problems/invalid-parameter`), named in `invalidParams`.")
    static let notFound = problem("No such resource (`/problems/not-found`).")

    static func get(_ operationID: String, _ summary: String, parameters: [JSON], responses: [(String, JSON)]) -> JSON {
        .object([
            ("operationId", .string(operationID)), ("summary", .string(summary)),
            ("parameters", .array(parameters)), ("responses", .object(responses)),
        ])
    }

    static var paths: JSON {
        let entityTypes = Schema.enumeration(EntityType.allCases.map(\.rawValue))
        let precisions = Schema.enumeration(DatePrecision.allCases.map(\.rawValue))
        let readResponses: (String, String) -> [(String, JSON)] = { schema, description in
            [("200", cached(schema, description)), ("304", notModified), ("400", badRequest)]
        }
        let itemResponses: (String, String) -> [(String, JSON)] = { schema, description in
            readResponses(schema, description) + [("404", notFound)]
        }
        let unauthorized = problem("Missing or wrong bearer token (`/problems/unauthorized`).", headers: [
            ("WWW-Authenticate", .object([("schema", Schema.string)])),
        ])
        let forbidden = problem("The server has no API token configured: writes are disabled (`/problems/forbidden`).")
        let unavailable = problem("Writes are not available (`/problems/unavailable`).")
        let timelineParameters: [JSON] = [
            parameter("from", date, "Events overlapping the window from this day (inclusive)."),
            parameter("to", date, "Events overlapping the window up to this day (inclusive)."),
            parameter("article", identifier, "Only events of this article."),
            parameter("precision", precisions, "Only events of this precision."),
            limit(default: 20, maximum: 100), cursor,
        ]
        return .object([
            ("/v1/articles", .object([
                ("get", get("listArticles", "Articles, newest first (by relevance with q)", parameters: [
                    parameter("q", Schema.type("string", [("maxLength", .int(FullTextQuery.maximumLength))]),
                              "Full-text query: words, \"phrases\", prefix*, AND, OR, NOT, parentheses; malformed is a 400. Empty is ignored. "
                                + "Hits are ordered by relevance (bm25, title weighted 4×). A server started with "
                                + "DOSSIER_SEARCH_RANK_BLOCK=N ranks in blocks of the N most recently added matches instead "
                                + "(the newest block by relevance, then the next), which bounds the cost of very common words; "
                                + "paging reaches every match either way.",
                              example: .string("Khamenei OR militia*")),
                    parameter("entity", identifier, "Only articles naming this entity."),
                    parameter("from", date, "publishedAt on or after this day; undated articles are left out."),
                    parameter("to", date, "publishedAt on or before this day; undated articles are left out."),
                    parameter("language", Schema.type("string", [("minLength", .int(1)), ("maxLength", .int(16))]), "ISO 639-1 code."),
                    limit(default: 20, maximum: 100), cursor,
                ], responses: readResponses("ArticleList", "A page of article summaries (with `snippet` under `q`)."))),
                ("post", .object([
                    ("operationId", .string("createArticle")),
                    ("summary", .string("Ingest one article")),
                    ("security", .array([.object([("bearerAuth", .array([]))])])),
                    ("requestBody", .object([
                        ("required", .bool(true)),
                        ("content", .object([("application/json", .object([
                            ("schema", Schema.ref("ArticleInput")),
                            ("example", .object([
                                ("id", .string("example-article")),
                                ("body", .string("Talks in Geneva\n\nDiplomats met in Geneva on 3 March 2026 to discuss sanctions on Iran.")),
                                ("publishedAt", .string("2026-03-04")),
                                ("source", .string("Example Wire")),
                            ])),
                        ]))])),
                    ])),
                    ("responses", .object([
                        ("200", json(Schema.ref("Article"), "Updated or unchanged: the article, with `status`.")),
                        ("201", json(Schema.ref("Article"), "Created: the article, with `status`.", headers: [
                            ("Location", .object([("schema", Schema.string), ("description", .string("/v1/articles/{id}"))])),
                        ]).withLinks()),
                        ("400", problem("An invalid body (`/problems/invalid-body`), fields named in `invalidParams`.")),
                        ("401", unauthorized), ("403", forbidden),
                        ("413", problem("The body is too large (`/problems/payload-too-large`).")),
                        ("415", problem("The body is not application/json (`/problems/unsupported-media-type`).")),
                        ("503", unavailable),
                    ])),
                ])),
            ])),
            ("/v1/articles/{id}", .object([
                ("parameters", .array([articleID])),
                ("get", get("getArticle", "One article, whole", parameters: [], responses: itemResponses("Article", "The article."))),
                ("delete", .object([
                    ("operationId", .string("deleteArticle")),
                    ("summary", .string("Delete an article with its mentions and events")),
                    ("security", .array([.object([("bearerAuth", .array([]))])])),
                    ("responses", .object([
                        ("204", .object([("description", .string("Deleted."))])),
                        ("400", badRequest), ("401", unauthorized), ("403", forbidden), ("404", notFound), ("503", unavailable),
                    ])),
                ])),
            ])),
            ("/v1/entities", .object([
                ("get", get("listEntities", "Entities", parameters: [
                    parameter("type", entityTypes, "Only entities of this type."),
                    parameter("q", Schema.type("string", [("maxLength", .int(256))]),
                              "Prefix of a name or alias, case- and accent-insensitive."),
                    parameter("sort", Schema.type("string", [("enum", .array([.string("mentions"), .string("name")])),
                                                            ("default", .string("mentions"))]), "Order."),
                    limit(default: 20, maximum: 100), cursor,
                ], responses: readResponses("EntityList", "A page of entities."))),
            ])),
            ("/v1/entities/{id}", .object([
                ("parameters", .array([entityID])),
                ("get", get("getEntity", "One entity, whole", parameters: [], responses: itemResponses("Entity", "The entity."))),
            ])),
            ("/v1/entities/{id}/timeline", .object([
                ("parameters", .array([entityID])),
                ("get", get("getEntityTimeline", "The resolved events naming this entity", parameters: timelineParameters,
                            responses: itemResponses("EventList", "A page of events."))),
            ])),
            ("/v1/timeline", .object([
                ("get", get("getTimeline", "Resolved events by date.start, date.end, id",
                            parameters: [parameter("entity", identifier, "Only events naming this entity.")] + timelineParameters,
                            responses: readResponses("EventList", "A page of events."))),
            ])),
            ("/v1/graph", .object([
                ("get", get("getGraph", "Co-occurrence network", parameters: [
                    parameter("entity", identifier, "The neighbourhood of this entity (it comes first)."),
                    parameter("type", entityTypes, "Only nodes of this type (besides the centre)."),
                    parameter("minWeight", Schema.type("integer", [("minimum", .int(1)), ("maximum", .int(1_000_000_000)), ("default", .int(1))]),
                              "Least shared sentences for an edge."),
                    limit(default: 100, maximum: 500),
                ], responses: readResponses("Graph", "Nodes (most mentioned, or strongest neighbours) and the edges among them."))),
            ])),
            ("/healthz", .object([
                ("get", get("health", "Liveness", parameters: [], responses: [("200", json(Schema.ref("Health"), "The process runs."))])),
            ])),
            ("/readyz", .object([
                ("get", get("readiness", "Readiness", parameters: [], responses: [
                    ("200", json(Schema.ref("Health"), "Ready: the database is open, migrated and seeded.")),
                    ("503", problem("Not ready yet (`/problems/not-ready`).")),
                ])),
            ])),
            ("/metrics", .object([
                ("get", get("metrics", "Prometheus metrics", parameters: [], responses: [
                    ("200", .object([
                        ("description", .string("Prometheus text exposition.")),
                        ("content", .object([("text/plain", .object([("schema", Schema.string)]))])),
                    ])),
                ])),
            ])),
            ("/openapi.json", .object([
                ("get", get("openAPI", "This document", parameters: [], responses: [
                    ("200", json(.object([("type", .string("object"))]), "OpenAPI 3.1.")),
                ])),
            ])),
        ])
    }
}

extension JSON {
    /// Adds the links from a created article to reading and deleting it (for clients and stateful testing).
    func withLinks() -> JSON {
        guard case .object(var members) = self else { return self }
        let parameters = JSON.object([("id", .string("$response.body#/id"))])
        members.append(("links", .object([
            ("GetCreatedArticle", .object([("operationId", .string("getArticle")), ("parameters", parameters)])),
            ("DeleteCreatedArticle", .object([("operationId", .string("deleteArticle")), ("parameters", parameters)])),
        ])))
        return .object(members)
    }
}
