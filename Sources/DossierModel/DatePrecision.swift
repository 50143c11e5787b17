/// How coarse a resolved date expression is (API.md, "Event"; DATES.md).
///
/// `range` is any span that is not one of the calendar units, e.g. "between 2009 and 2016" or
/// "the past four days".
public enum DatePrecision: String, Sendable, Hashable, Codable, CaseIterable {
    case day
    case week
    case month
    case quarter
    case season
    case year
    case decade
    case century
    case range
}

/// Whether a date expression names its interval by itself or needs an anchor date.
public enum DateResolution: String, Sendable, Hashable, Codable, CaseIterable {
    case absolute
    case relative
}
