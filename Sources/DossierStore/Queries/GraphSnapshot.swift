import DossierModel
import SQLiteDB
import Synchronization

/// The whole-corpus co-occurrence graph of one data version, in memory, so that `GET /v1/graph` without `entity`
/// picks its nodes and edges without reading the co-occurrences again for every `limit` and `minWeight`.
///
/// Holds every entity in graph order (`mention_count` descending, then id) with the heaviest weight among its
/// co-occurrences, and the co-occurrences among the leading entities (`leadingCount` of all entities and of each
/// type), strongest first. A request whose nodes all lie among those leading entities is answered here; any other
/// (a `minWeight` that skips many leading entities) returns nil and the caller runs the SQL of `GraphQueries`.
/// Built from one read transaction, so it is one consistent snapshot; `GraphSnapshotCache` keeps the latest.
public final class GraphSnapshot: Sendable {
    public let dataVersion: Int
    let entities: [GraphNode]
    /// Heaviest co-occurrence weight of each entity (0: none), by index into `entities`.
    let heaviest: [Int32]
    /// Whether each entity is among the leading ones whose co-occurrences are kept.
    let leading: [Bool]
    /// Co-occurrences among leading entities: weight descending, then source id, then target id (the response order).
    let edges: [SnapshotEdge]

    struct SnapshotEdge: Sendable {
        var source: Int32
        var target: Int32
        var weight: Int32
    }

    /// How many entities of each type, and of all types together, count as leading: the most nodes a graph has.
    public static let leadingCount = 500

    /// Reads the snapshot in the caller's read transaction.
    public init(_ connection: Connection, leadingCount: Int = GraphSnapshot.leadingCount) throws {
        dataVersion = try Meta.dataVersion(connection)
        var entities: [GraphNode] = []
        for row in try connection.rows(sql: GraphSQL.snapshotEntities) {
            entities.append(try GraphQueries.node(row))
        }
        var indexByRowID: [Int64: Int32] = [:]
        indexByRowID.reserveCapacity(entities.count)
        var leading = [Bool](repeating: false, count: entities.count)
        var perType: [String: Int] = [:]
        for (index, entity) in entities.enumerated() {
            indexByRowID[entity.rowID] = Int32(index)
            let rank = perType[entity.entity.type, default: 0]
            perType[entity.entity.type] = rank + 1
            leading[index] = index < leadingCount || rank < leadingCount
        }
        var heaviest = [Int32](repeating: 0, count: entities.count)
        var edges: [SnapshotEdge] = []
        try connection.cachedStatement(sql: GraphSQL.snapshotCooccurrences).forEachRow { row in
            guard let a = indexByRowID[try row.get(at: 0, as: Int64.self)],
                  let b = indexByRowID[try row.get(at: 1, as: Int64.self)] else { return }
            let weight = Int32(clamping: try row.get(at: 2, as: Int.self))
            heaviest[Int(a)] = max(heaviest[Int(a)], weight)
            heaviest[Int(b)] = max(heaviest[Int(b)], weight)
            if leading[Int(a)] && leading[Int(b)] { edges.append(SnapshotEdge(source: a, target: b, weight: weight)) }
        }
        edges.sort { lhs, rhs in
            if lhs.weight != rhs.weight { return lhs.weight > rhs.weight }
            let (l, r) = (entities[Int(lhs.source)].entity.id, entities[Int(rhs.source)].entity.id)
            if l != r { return l < r }
            return entities[Int(lhs.target)].entity.id < entities[Int(rhs.target)].entity.id
        }
        self.entities = entities
        self.heaviest = heaviest
        self.leading = leading
        self.edges = edges
    }

    /// The graph of `filter` (which must have no `entityID`), or nil when it reaches past the leading entities.
    public func graph(_ filter: GraphFilter) -> Graph? {
        guard filter.entityID == nil else { return nil }
        let minimum = Int32(clamping: filter.minWeight)
        var chosen = [Bool](repeating: false, count: entities.count)
        var nodes: [GraphNode] = []
        for index in entities.indices where nodes.count < filter.limit {
            if let type = filter.type, entities[index].entity.type != type.rawValue { continue }
            guard heaviest[index] >= minimum else { continue }
            guard leading[index] else { return nil }
            chosen[index] = true
            nodes.append(entities[index])
        }
        var edges: [GraphEdge] = []
        for edge in self.edges {
            guard edge.weight >= minimum else { break }
            guard chosen[Int(edge.source)], chosen[Int(edge.target)] else { continue }
            edges.append(GraphEdge(
                source: entities[Int(edge.source)].entity.id, target: entities[Int(edge.target)].entity.id, weight: Int(edge.weight)))
        }
        return Graph(nodes: nodes, edges: edges)
    }
}

/// The latest `GraphSnapshot`, shared by every reader of one database; a request that finds it built for another
/// data version builds a new one in its own read transaction.
public final class GraphSnapshotCache: Sendable {
    private let latest = Mutex<GraphSnapshot?>(nil)
    /// Serialises building, so concurrent requests after a write wait for one build instead of each making one.
    private let building = Mutex<Void>(())

    public init() {}

    /// The snapshot for the data version `connection` sees, built if needed.
    func snapshot(_ connection: Connection) throws -> GraphSnapshot {
        let version = try Meta.dataVersion(connection)
        if let current = latest.withLock({ $0 }), current.dataVersion == version { return current }
        return try building.withLock { _ in
            if let current = latest.withLock({ $0 }), current.dataVersion == version { return current }
            let snapshot = try GraphSnapshot(connection)
            latest.withLock { stored in
                if let stored, stored.dataVersion >= snapshot.dataVersion { return }
                stored = snapshot
            }
            return snapshot
        }
    }
}
