/// The OpenAPI 3.1 description of the contract (API.md), served at `/openapi.json`.
///
/// Built once from the same vocabulary as the handlers (problem types, limits, enums), and checked by tests
/// against the router: every route and operation is described, every status an operation can answer listed.
enum OpenAPIDocument {
    static let bytes: [UInt8] = document.serialized()

    static var document: JSON {
        .object([
            ("openapi", .string("3.1.0")),
            ("info", .object([
                ("title", .string("Dossier API")),
                ("version", .string("1.0.0")),
                ("description", .string("""
                    Self-hosted news intelligence: articles, the entities they name, dated events and co-occurrences. \
                    Lists are keyset-paginated with opaque cursors; GET answers under /v1 carry strong ETags \
                    (distinct per content encoding) and answer If-None-Match with 304. HEAD is allowed wherever GET is, \
                    OPTIONS (CORS preflight) on every path. An unknown `entity` in a filter matches nothing (empty list).
                    """)),
            ])),
            ("servers", .array([.object([("url", .string("/"))])])),
            ("paths", OpenAPIPaths.paths),
            ("components", .object([
                ("schemas", OpenAPISchemas.schemas),
                ("securitySchemes", .object([
                    ("bearerAuth", .object([("type", .string("http")), ("scheme", .string("bearer"))])),
                ])),
                ("headers", .object([
                    ("ETag", .object([("description", .string("Strong entity tag of this representation.")),
                                      ("schema", .object([("type", .string("string"))]))])),
                    ("XRequestId", .object([("description", .string("The request id, also in the access log.")),
                                            ("schema", .object([("type", .string("string"))]))])),
                ])),
            ])),
        ])
    }
}

/// Small builders for schema objects.
enum Schema {
    static func ref(_ name: String) -> JSON {
        .object([("$ref", .string("#/components/schemas/\(name)"))])
    }

    static func type(_ name: String, _ extra: [(String, JSON)] = []) -> JSON {
        .object([("type", .string(name))] + extra)
    }

    static func nullable(_ name: String, _ extra: [(String, JSON)] = []) -> JSON {
        .object([("type", .array([.string(name), .string("null")]))] + extra)
    }

    static func enumeration(_ values: [String]) -> JSON {
        .object([("type", .string("string")), ("enum", .array(values.map(JSON.string)))])
    }

    static func array(_ items: JSON) -> JSON {
        .object([("type", .string("array")), ("items", items)])
    }

    static func object(_ properties: [(String, JSON)], required: [String]? = nil) -> JSON {
        .object([
            ("type", .string("object")),
            ("properties", .object(properties)),
            ("required", .array((required ?? properties.map(\.0)).map(JSON.string))),
        ])
    }

    static let integer = type("integer")
    static let nonNegative = type("integer", [("minimum", .int(0))])
    static let string = type("string")
}
