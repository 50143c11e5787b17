import DossierModel

/// Turns the text of a `.txt` article into `ArticleText` following API.md's Article rules.
///
/// - A `date YYYY-MM-DD` header may stand alone on the first line or open it before the text, after spaces.
/// - Trailing page boilerplate (lines of at most three words with no sentence punctuation, in any script,
///   e.g. "Gallery" / "Videos") is cut from the end of the body.
/// - The first line is the headline when it is at most 200 characters and a line break follows it; otherwise the
///   title comes from the first sentence, cut at a word boundary to at most 120 characters.
public enum ArticleTextParser {
    public static let maximumHeadlineLength = 200
    public static let maximumDerivedTitleLength = 120

    /// The parts of a source text, before an id is attached.
    public struct Parts: Sendable, Hashable {
        public var title: String
        public var body: String
        public var publishedAt: CalendarDate?
    }

    /// An id from a file name: the name minus its final extension, characters outside `[A-Za-z0-9._-]`
    /// replaced by `-`.
    public static func articleID(fileName: String) -> String {
        var name = Substring(fileName)
        if let dot = name.lastIndex(of: "."), dot != name.startIndex { name = name[..<dot] }
        return sanitizeID(String(name))
    }

    /// Replaces every character outside `[A-Za-z0-9._-]` by `-`.
    public static func sanitizeID(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { isIDScalar($0) ? $0 : "-" }))
    }

    /// Whether `text` is already a valid id (non-empty, only `[A-Za-z0-9._-]`, at most 200 characters).
    public static func isValidID(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.count <= 200 && text.unicodeScalars.allSatisfy(isIDScalar)
    }

    private static func isIDScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "A"..."Z", "a"..."z", "0"..."9", ".", "_", "-": return true
        default: return false
        }
    }

    public static func parse(_ text: String) -> Parts {
        let (publishedAt, remainder) = splitDateHeader(text)
        let body = cleanBody(remainder)
        return Parts(title: title(of: body), body: body, publishedAt: publishedAt)
    }

    /// The stored form of a body: line breaks normalised, outer whitespace and trailing boilerplate removed.
    public static func cleanBody(_ text: String) -> String {
        stripTrailingBoilerplate(normalizeLineBreaks(text).trimmingWhitespace())
    }

    /// Removes a leading `date YYYY-MM-DD` header (alone on its line or before the text on the same line).
    static func splitDateHeader(_ text: String) -> (CalendarDate?, String) {
        var rest = Substring(text).unicodeScalars
        if rest.first == "\u{FEFF}" { rest = rest.dropFirst() }
        func isBlank(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" || scalar == "\r" || scalar == "\n" }
        let original = String(rest)
        let afterSpaces = rest.drop { $0 == " " || $0 == "\t" }
        guard String(afterSpaces.prefix(5)) == "date ", let afterKeyword = Optional(afterSpaces.dropFirst(5).drop { $0 == " " || $0 == "\t" }),
              let date = CalendarDate(iso: String(afterKeyword.prefix(10))) else {
            return (nil, original)
        }
        let afterDate = afterKeyword.dropFirst(10)
        if let next = afterDate.first, !isBlank(next) { return (nil, original) }  // "date 2020-01-170" is not a header
        return (date, String(afterDate))
    }

    static func normalizeLineBreaks(_ text: String) -> String {
        guard text.utf8.contains(0x0D) else { return text }
        var scalars = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\r" {
                scalars.append("\n")
                previousWasCR = true
            } else {
                if !(scalar == "\n" && previousWasCR) { scalars.append(scalar) }
                previousWasCR = false
            }
        }
        return String(scalars)
    }

    /// Cuts trailing lines of at most three words that carry no sentence punctuation, never the first line.
    static func stripTrailingBoilerplate(_ body: String) -> String {
        var lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        while lines.count > 1 {
            guard let last = lines.last else { break }
            let trimmed = last.trimmingWhitespace()
            if trimmed.isEmpty || isBoilerplate(trimmed) {
                lines.removeLast()
            } else {
                break
            }
        }
        return lines.joined(separator: "\n").trimmingWhitespace()
    }

    static func isBoilerplate(_ line: Substring) -> Bool {
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard words.count <= 3 else { return false }
        return !line.unicodeScalars.contains { sentencePunctuation.contains($0) }
    }

    /// Sentence punctuation in the scripts Dossier reads (Latin, Arabic, Hebrew, CJK, Devanagari).
    static let sentencePunctuation: Set<Unicode.Scalar> = [
        ".", "!", "?", ";", ":", ",", "\u{2026}", "\u{061F}", "\u{060C}", "\u{061B}", "\u{06D4}", "\u{3002}",
        "\u{FF01}", "\u{FF1F}", "\u{0964}", "\u{05C3}",
    ]

    public static func title(of body: String) -> String {
        if let newline = body.firstIndex(of: "\n") {
            let first = body[..<newline].trimmingWhitespace()
            if !first.isEmpty, first.count <= maximumHeadlineLength { return String(first) }
        }
        return derivedTitle(from: body)
    }

    /// The first sentence, cut at a word boundary to at most 120 characters.
    static func derivedTitle(from body: String) -> String {
        let firstLine = body.prefix { $0 != "\n" }
        var sentence = firstLine
        var index = firstLine.startIndex
        while index < firstLine.endIndex {
            let character = firstLine[index]
            let next = firstLine.index(after: index)
            if character == "." || character == "!" || character == "?",
               next == firstLine.endIndex || firstLine[next] == " " {
                sentence = firstLine[..<next]
                break
            }
            index = next
        }
        sentence = sentence.trimmingWhitespace()
        guard sentence.count > maximumDerivedTitleLength else { return String(sentence) }
        let limit = sentence.index(sentence.startIndex, offsetBy: maximumDerivedTitleLength)
        var cut = sentence[..<limit]
        if sentence[limit] != " ", let space = cut.lastIndex(of: " ") { cut = cut[..<space] }
        return String(cut.trimmingWhitespace())
    }
}

extension StringProtocol {
    /// The text without leading and trailing whitespace and line breaks.
    func trimmingWhitespace() -> Substring {
        let scalars = Substring(self)
        guard let first = scalars.firstIndex(where: { !$0.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return scalars[first...last]
    }
}

extension String {
    func trimmingWhitespace() -> String {
        String(Substring(self).trimmingWhitespace())
    }
}
