/// Whether two names of one entity type may denote the same referent, across articles.
///
/// For people, one name's words must lie within the other's and the last words (surnames) must agree: "Khamenei"
/// fits "Ali Khamenei", but "Ali Khamenei" and "Mojtaba Khamenei" are different people who share a surname.
/// Other types match on shared keys alone.
public enum NameCompatibility {
    public static func compatible(_ lhs: String, _ rhs: String, isPerson: Bool) -> Bool {
        guard isPerson else { return true }
        let a = words(lhs), b = words(rhs)
        guard let lastA = a.last, let lastB = b.last, lastA == lastB else { return false }
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        return Set(short).isSubset(of: Set(long))
    }

    public static func words(_ name: String) -> [Substring] {
        TextFolding.fold(name).split(separator: " ")
    }

    public static func wordCount(_ name: String) -> Int {
        words(name).count
    }
}

