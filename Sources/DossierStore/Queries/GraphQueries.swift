import DossierModel
import SQLiteDB

/// Parameters of `GET /v1/graph`.
public struct GraphFilter: Sendable, Hashable {
    /// The centre of a neighbourhood; nil for the whole corpus.
    public var entityID: String?
    public var type: EntityType?
    public var minWeight: Int
    /// The most nodes.
    public var limit: Int

    public init(entityID: String? = nil, type: EntityType? = nil, minWeight: Int = 1, limit: Int = 100) {
        self.entityID = entityID
        self.type = type
        self.minWeight = minWeight
        self.limit = limit
    }
}

/// Read-only co-occurrence graph queries over the `cooccurrences` table (never over mentions).
///
/// Without `entityID`: the most-mentioned entities (of `type`) that share at least `minWeight` sentences with
/// some entity. With it: that entity and its strongest neighbours (of `type`). Edges: the co-occurrences of
/// weight ≥ `minWeight` among the chosen nodes, strongest first.
public struct GraphQueries {
    let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    /// The graph, or nil when `filter.entityID` names no entity. With `snapshots`, the whole-corpus graph comes from
    /// the data version's `GraphSnapshot` when it can answer (the same nodes and edges as the SQL below).
    public func graph(_ filter: GraphFilter, snapshots: GraphSnapshotCache? = nil) throws -> Graph? {
        if filter.entityID == nil, let snapshots, let graph = try snapshots.snapshot(connection).graph(filter) {
            return graph
        }
        var nodes: [GraphNode] = []
        if let entityID = filter.entityID {
            guard let centre = try connection.rows(sql: GraphSQL.node, arguments: [entityID]).first else { return nil }
            let centreNode = try Self.node(centre)
            nodes.append(centreNode)
            if filter.limit > 1 {
                var arguments: [any SQLiteValueConvertible] = [centreNode.rowID, filter.minWeight, centreNode.rowID, filter.minWeight]
                if let type = filter.type { arguments.append(type.rawValue) }
                arguments.append(filter.limit - 1)
                nodes += try connection.rows(sql: GraphSQL.neighbours(typed: filter.type != nil), arguments: arguments).map(Self.node)
            }
        } else {
            var arguments: [any SQLiteValueConvertible] = []
            if let type = filter.type { arguments.append(type.rawValue) }
            arguments += [filter.minWeight, filter.minWeight, filter.limit] as [any SQLiteValueConvertible]
            nodes = try connection.rows(sql: GraphSQL.topNodes(typed: filter.type != nil), arguments: arguments).map(Self.node)
        }
        let idByRowID = Dictionary(nodes.map { ($0.rowID, $0.entity.id) }, uniquingKeysWith: { first, _ in first })
        let rowIDs = "[" + nodes.map { String($0.rowID) }.joined(separator: ",") + "]"
        var edges: [GraphEdge] = []
        for row in try connection.rows(sql: GraphSQL.edges, arguments: [rowIDs, rowIDs, filter.minWeight]) {
            let a: Int64 = try row.get("entity_a")
            let b: Int64 = try row.get("entity_b")
            guard let source = idByRowID[a], let target = idByRowID[b] else { continue }
            edges.append(GraphEdge(source: source, target: target, weight: try row.get("weight")))
        }
        edges.sort { ($1.weight, $0.source, $0.target) < ($0.weight, $1.source, $1.target) }
        return Graph(nodes: nodes, edges: edges)
    }

    static func node(_ row: Row) throws -> GraphNode {
        GraphNode(rowID: try row.get("rowid"), entity: try EntityReference(row: row), mentionCount: try row.get("mention_count"))
    }
}

/// The fixed SQL of the graph queries.
public enum GraphSQL {
    static let nodeColumns = "e.rowid AS rowid, e.id AS entity_id, e.name AS entity_name, e.type AS entity_type, e.mention_count AS mention_count"
    static let node = "SELECT \(nodeColumns) FROM entities e WHERE e.id = ?"

    /// Arguments: centre, minWeight, centre, minWeight, type?, limit.
    static func neighbours(typed: Bool) -> String {
        """
        SELECT \(nodeColumns) FROM (SELECT entity_b AS other, weight FROM cooccurrences WHERE entity_a = ? AND weight >= ? \
        UNION ALL SELECT entity_a AS other, weight FROM cooccurrences WHERE entity_b = ? AND weight >= ?) r \
        JOIN entities e ON e.rowid = r.other\(typed ? " WHERE e.type = ?" : "") ORDER BY r.weight DESC, e.id LIMIT ?
        """
    }

    /// Arguments: type?, minWeight, minWeight, limit.
    static func topNodes(typed: Bool) -> String {
        """
        SELECT \(nodeColumns) FROM entities e WHERE \(typed ? "e.type = ? AND " : "")\
        (EXISTS (SELECT 1 FROM cooccurrences c WHERE c.entity_a = e.rowid AND c.weight >= ?) \
        OR EXISTS (SELECT 1 FROM cooccurrences c WHERE c.entity_b = e.rowid AND c.weight >= ?)) \
        ORDER BY e.mention_count DESC, e.id LIMIT ?
        """
    }

    /// Arguments: node rowids as a JSON array (twice), minWeight.
    ///
    /// One range scan of the primary key per node (`entity_a`), each row's `entity_b` tested against the node set
    /// (the unary `+` keeps the planner from turning the pair into nodes² point lookups, ~3× slower at 500 nodes).
    static let edges = """
        SELECT entity_a, entity_b, weight FROM cooccurrences \
        WHERE entity_a IN (SELECT value FROM json_each(?)) AND +entity_b IN (SELECT value FROM json_each(?)) AND weight >= ?
        """

    /// Every entity in graph order, for `GraphSnapshot`.
    static let snapshotEntities = "SELECT \(nodeColumns) FROM entities e ORDER BY e.mention_count DESC, e.id"

    /// Every co-occurrence, for `GraphSnapshot`: the one statement that reads a whole table, once per data version.
    static let snapshotCooccurrences = "SELECT entity_a, entity_b, weight FROM cooccurrences"

    /// The statements a request runs (the query-plan test requires an index for each).
    public static var allStatements: [String] {
        [node, neighbours(typed: false), neighbours(typed: true), topNodes(typed: false), topNodes(typed: true), edges,
         snapshotEntities]
    }

    /// Statements that read a whole table by design (once per data version, not per request).
    public static let wholeTableStatements = [snapshotCooccurrences]
}
