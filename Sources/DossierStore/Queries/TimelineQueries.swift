import DossierModel
import SQLiteDB

/// Filters of `GET /v1/timeline` and `GET /v1/entities/{id}/timeline`.
public struct TimelineFilter: Sendable, Hashable {
    public var entityID: String?
    public var articleID: String?
    public var precision: DatePrecision?
    /// Events overlapping `[from, to]` (inclusive; either side open).
    public var from: CalendarDate?
    public var to: CalendarDate?

    public init(entityID: String? = nil, articleID: String? = nil, precision: DatePrecision? = nil,
                from: CalendarDate? = nil, to: CalendarDate? = nil) {
        self.entityID = entityID
        self.articleID = articleID
        self.precision = precision
        self.from = from
        self.to = to
    }
}

/// Read-only timeline queries: resolved events ordered by start, end, id.
///
/// A window `[from, to]` selects overlapping events. Those starting inside it are one range of `events_timeline`;
/// those starting before `from` and still running at `from` come first in the order and are found per span class
/// on `events_timeline_by_span` (migration 0002: classes of nearly equal spans), each class's range bounded by its
/// longest span and cut at the page's length, so no scan reaches back to the start of the index and none reads
/// more than a page of rows. With a precision filter other than `range`, that precision's own longest span bounds
/// one range of `events_timeline_by_precision` instead.
public struct TimelineQueries {
    let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    /// The entities named in an event's sentence, by name.
    public func entities(eventRowID: Int64) throws -> [EntityReference] {
        try connection.fetch(EntityReference.self, sql: TimelineSQL.eventEntities, arguments: [eventRowID])
    }

    /// A page of the timeline after `key`; nil when `filter.entityID` names no entity.
    public func timeline(filter: TimelineFilter, after key: TimelineKey?, limit: Int) throws -> Page<EventRecord, TimelineKey> {
        var entityRowID: Int64?
        if let entityID = filter.entityID {
            guard let rowID = try EntityQueries(connection).rowID(id: entityID) else { return Page(items: [], nextKey: nil) }
            entityRowID = rowID
        }
        let position = key ?? TimelineKey.origin
        var events: [EventRecord] = []
        let driver = TimelineSQL.Driver(filter: filter)
        if (driver == .all || driver == .precision), let from = filter.from {
            // Events that started before the window and overlap it come first.
            if position.start < from.iso {
                var arguments: [any SQLiteValueConvertible] = []
                let sql: String
                if let precision = filter.precision, let span = TimelineSQL.longestSpan(precision) {
                    arguments = [precision.rawValue, from.adding(days: -span).iso, from.iso, from.iso,
                                 position.start, position.end, position.id, limit + 1]
                    sql = TimelineSQL.startedBeforeByPrecision
                } else {
                    for spanClass in TimelineSQL.overlappingSpanClasses {
                        let earliest = TimelineSQL.longestSpan(spanClass: spanClass).map { from.adding(days: -$0).iso } ?? ""
                        arguments += [spanClass, earliest, from.iso, from.iso]
                        if let precision = filter.precision { arguments.append(precision.rawValue) }
                        arguments += [position.start, position.end, position.id, limit + 1] as [any SQLiteValueConvertible]
                    }
                    arguments.append(limit + 1)
                    sql = TimelineSQL.startedBeforeBySpan(precision: filter.precision != nil)
                }
                events += try connection.fetch(reading: EventRecord.self, sql: sql, arguments: arguments)
            }
            if events.count <= limit {
                let inside = position.start < from.iso ? TimelineKey.origin : position
                var arguments: [any SQLiteValueConvertible] = []
                if let precision = filter.precision { arguments.append(precision.rawValue) }
                arguments.append(from.iso)
                if let to = filter.to { arguments.append(to.iso) }
                arguments += [inside.start, inside.end, inside.id, limit + 1 - events.count] as [any SQLiteValueConvertible]
                events += try connection.fetch(
                    reading: EventRecord.self, sql: TimelineSQL.startingInside(precision: filter.precision != nil, to: filter.to != nil),
                    arguments: arguments)
            }
        } else {
            var arguments: [any SQLiteValueConvertible] = []
            switch driver {
            case .entity: arguments.append(entityRowID)
            case .article: arguments.append(filter.articleID)
            case .precision: arguments.append(filter.precision?.rawValue)
            case .all: break
            }
            let shape = TimelineSQL.Shape(filter: filter, driver: driver)
            if shape.article { arguments.append(filter.articleID) }
            if shape.precision { arguments.append(filter.precision?.rawValue) }
            if shape.from { arguments.append(filter.from?.iso) }
            if shape.to { arguments.append(filter.to?.iso) }
            arguments += [position.start, position.end, position.id, limit + 1] as [any SQLiteValueConvertible]
            events = try connection.fetch(reading: EventRecord.self, sql: TimelineSQL.list(driver, shape), arguments: arguments)
        }
        var page = ArticleQueries.page(events, limit: limit) { $0.timelineKey }
        guard !page.items.isEmpty else { return page }
        // The entities of the whole page in one statement (not one per event).
        let rowIDs = "[" + page.items.map { String($0.rowID) }.joined(separator: ",") + "]"
        let entitiesByEvent = try EventEntityGroups.read(connection, sql: TimelineSQL.eventEntitiesOfEvents, arguments: [rowIDs])
        for index in page.items.indices {
            page.items[index].entities = entitiesByEvent[page.items[index].rowID] ?? []
        }
        return page
    }
}

/// The fixed SQL of the timeline queries.
public enum TimelineSQL {
    static let eventEntities = """
        SELECT e.id AS entity_id, e.name AS entity_name, e.type AS entity_type \
        FROM event_entities ee JOIN entities e ON e.rowid = ee.entity_rowid \
        WHERE ee.event_rowid = ? ORDER BY e.name, e.id
        """

    /// The entities of several events (rowids as a JSON array), ordered per event as `eventEntities`.
    static let eventEntitiesOfEvents = """
        SELECT ee.event_rowid AS event_rowid, ee.entity_rowid AS entity_rowid, e.id AS entity_id, e.name AS entity_name, \
        e.type AS entity_type \
        FROM event_entities ee JOIN entities e ON e.rowid = ee.entity_rowid \
        WHERE ee.event_rowid IN (SELECT value FROM json_each(?)) ORDER BY ee.event_rowid, e.name, e.id
        """

    /// The longest span in days an event of `precision` can have; nil when unbounded.
    static func longestSpan(_ precision: DatePrecision) -> Int? {
        switch precision {
        case .day: return 1
        case .week: return 7
        case .month: return 31
        case .quarter, .season: return 92
        case .year: return 366
        case .decade: return 3_653
        case .century: return 36_525
        case .range: return nil
        }
    }

    /// The index that drives a list without the window split.
    enum Driver: Hashable, CaseIterable {
        case entity, article, precision, all

        init(filter: TimelineFilter) {
            if filter.entityID != nil { self = .entity }
            else if filter.articleID != nil { self = .article }
            else if filter.precision != nil { self = .precision }
            else { self = .all }
        }
    }

    /// The filters applied on top of the driving index.
    struct Shape: Hashable {
        var article: Bool
        var precision: Bool
        var from: Bool
        var to: Bool

        init(article: Bool, precision: Bool, from: Bool, to: Bool) {
            self.article = article
            self.precision = precision
            self.from = from
            self.to = to
        }

        init(filter: TimelineFilter, driver: Driver) {
            article = driver == .entity && filter.articleID != nil
            precision = (driver == .entity || driver == .article) && filter.precision != nil
            from = filter.from != nil
            to = filter.to != nil
        }
    }

    static let columns = EventRecord.columns

    /// Arguments: the driver's value, then article, precision, from, to as the shape says, key (3), limit.
    static func list(_ driver: Driver, _ shape: Shape) -> String {
        let (s, e, d): (String, String, String)
        var sql = "SELECT \(columns) FROM "
        var conditions: [String] = []
        switch driver {
        case .entity:
            (s, e, d) = ("ee.start_date", "ee.end_date", "ee.event_id")
            sql += "event_entities ee JOIN events ev ON ev.rowid = ee.event_rowid"
            conditions.append("ee.entity_rowid = ? AND ee.start_date IS NOT NULL")
        case .article:
            (s, e, d) = ("ev.start_date", "ev.end_date", "ev.id")
            sql += "events ev"
            conditions.append("ev.article_id = ? AND ev.start_date IS NOT NULL")
        case .precision:
            (s, e, d) = ("ev.start_date", "ev.end_date", "ev.id")
            sql += "events ev"
            conditions.append("ev.precision = ? AND ev.start_date IS NOT NULL")
        case .all:
            (s, e, d) = ("ev.start_date", "ev.end_date", "ev.id")
            sql += "events ev"
            conditions.append("ev.start_date IS NOT NULL")
        }
        if shape.article { conditions.append("ev.article_id = ?") }
        if shape.precision { conditions.append("ev.precision = ?") }
        if shape.from { conditions.append("\(e) >= ?") }
        if shape.to { conditions.append("\(s) <= ?") }
        conditions.append("(\(s), \(e), \(d)) > (?, ?, ?)")
        return sql + " WHERE " + conditions.joined(separator: " AND ") + " ORDER BY \(s), \(e), \(d) LIMIT ?"
    }

    /// Events starting in `[from, to]`. Arguments: precision?, from, to?, key (3), limit.
    static func startingInside(precision: Bool, to: Bool) -> String {
        var conditions = [String]()
        if precision { conditions.append("ev.precision = ?") }
        conditions.append("ev.start_date IS NOT NULL AND ev.start_date >= ?")
        if to { conditions.append("ev.start_date <= ?") }
        conditions.append("(ev.start_date, ev.end_date, ev.id) > (?, ?, ?)")
        return "SELECT \(columns) FROM events ev WHERE " + conditions.joined(separator: " AND ")
            + " ORDER BY ev.start_date, ev.end_date, ev.id LIMIT ?"
    }

    /// The upper bounds (exclusive, in days of julianday(end) - julianday(start)) of the span classes of
    /// `events_timeline_by_span` (migration 0002): a day, a week, a month, a quarter, a year, two to ten years,
    /// twenty years, a century; the class after the last bound is unbounded.
    static let spanClassBounds = [1, 8, 32, 93, 367, 732, 1_097, 1_462, 1_828, 2_193, 2_558, 2_923, 3_289, 3_654, 7_306, 36_526]

    /// The span class of an event, the same expression as the index's, so the planner matches it.
    static let spanClass: String = {
        let whens = spanClassBounds.enumerated().map { index, bound in
            "WHEN julianday(ev.end_date) - julianday(ev.start_date) < \(bound) THEN \(index)"
        }
        return "(CASE " + whens.joined(separator: " ") + " ELSE \(spanClassBounds.count) END)"
    }()

    /// The span classes whose events can start before a day and still run on it: class 0 (one day) cannot.
    static let overlappingSpanClasses = 1...spanClassBounds.count

    /// The longest span in days after the start of an event of `spanClass`; nil for the last, unbounded class.
    static func longestSpan(spanClass: Int) -> Int? {
        spanClass < spanClassBounds.count ? spanClassBounds[spanClass] - 1 : nil
    }

    /// Events starting before `from` and running at `from`, one index range per span class, each cut at the page's
    /// length before they are merged. The branches read only the index (keys and rowid) and the merge sorts keys;
    /// the page's rows are read whole afterwards, so the up to sixteen pages' worth of candidates never carry their
    /// sentences through the sort. Arguments per branch: span class, earliest start, from, from, precision?,
    /// key (3), limit; then limit.
    public static func startedBeforeBySpan(precision: Bool) -> String {
        let branch = """
            SELECT * FROM (SELECT ev.rowid AS rowid, ev.start_date AS start_date, ev.end_date AS end_date, ev.id AS id \
            FROM events ev WHERE \(spanClass) = ? AND ev.start_date IS NOT NULL \
            AND ev.start_date >= ? AND ev.start_date < ? AND ev.end_date >= ?\(precision ? " AND ev.precision = ?" : "") \
            AND (ev.start_date, ev.end_date, ev.id) > (?, ?, ?) ORDER BY ev.start_date, ev.end_date, ev.id LIMIT ?)
            """
        let union = Array(repeating: branch, count: overlappingSpanClasses.count).joined(separator: " UNION ALL ")
        return """
            SELECT \(columns) FROM (SELECT rowid FROM (\(union)) ORDER BY start_date, end_date, id LIMIT ?) page \
            CROSS JOIN events ev ON ev.rowid = page.rowid ORDER BY ev.start_date, ev.end_date, ev.id
            """
    }

    /// Events of one precision of bounded span starting before `from` and running at `from`.
    /// Arguments: precision, earliest start, from, from, key (3), limit.
    static let startedBeforeByPrecision = """
        SELECT \(columns) FROM events ev WHERE ev.precision = ? AND ev.start_date IS NOT NULL \
        AND ev.start_date >= ? AND ev.start_date < ? AND ev.end_date >= ? \
        AND (ev.start_date, ev.end_date, ev.id) > (?, ?, ?) ORDER BY ev.start_date, ev.end_date, ev.id LIMIT ?
        """

    public static var allStatements: [String] {
        var statements = [eventEntities, eventEntitiesOfEvents, startedBeforeByPrecision, startedBeforeBySpan(precision: false), startedBeforeBySpan(precision: true)]
        for precision in [false, true] {
            for to in [false, true] { statements.append(startingInside(precision: precision, to: to)) }
        }
        for driver in Driver.allCases {
            for article in [false, true] where !article || driver == .entity {
                for precision in [false, true] where !precision || driver == .entity || driver == .article {
                    for from in [false, true] {
                        for to in [false, true] {
                            statements.append(list(driver, Shape(article: article, precision: precision, from: from, to: to)))
                        }
                    }
                }
            }
        }
        return statements
    }
}
