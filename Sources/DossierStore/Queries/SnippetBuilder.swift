import DossierModel

/// The snippet of a full-text hit, built in Swift from the article's title and body.
///
/// FTS5's `snippet()` tokenizes the whole body twice per hit, which cost more than ranking a page of hits. This walks
/// the text once, with the tokenizer's rules (`unicode61 remove_diacritics 2`: tokens are runs of letters, digits and
/// private-use characters, compared case- and accent-folded), finds the query's phrases (`prefix*` on a phrase's last
/// token; terms under the right side of a NOT are not highlighted) and keeps the window of `windowTokens` tokens
/// holding the most distinct phrases, the title winning ties as in FTS5. Text before or after the window becomes
/// "…"; highlights are UTF-16 offsets into the returned text, one span per phrase occurrence.
public struct SnippetBuilder: Sendable {
    struct Phrase: Sendable {
        var tokens: [[UInt8]]
        var prefix: Bool
    }

    let phrases: [Phrase]
    public static let windowTokens = 24

    public init(_ query: FullTextQuery) {
        var phrases: [Phrase] = []
        func collect(_ query: FullTextQuery) {
            switch query {
            case .term(let text, let prefix):
                let bytes = Array(text.utf8)
                let tokens = Self.tokens(in: bytes).map { Self.folded(bytes[$0.start..<$0.end]) }
                if !tokens.isEmpty { phrases.append(Phrase(tokens: tokens, prefix: prefix)) }
            case .and(let lhs, let rhs), .or(let lhs, let rhs):
                collect(lhs)
                collect(rhs)
            case .not(let lhs, _):
                collect(lhs)
            }
        }
        collect(query)
        self.phrases = phrases
    }

    /// The snippet of one hit: the best window of the title or the body.
    public func snippet(title: String, body: String) -> Snippet {
        let titleWindow = bestWindow(title)
        let bodyWindow = bestWindow(body)
        if let titleWindow, titleWindow.score >= (bodyWindow?.score ?? 0) { return titleWindow.snippet }
        if let bodyWindow { return bodyWindow.snippet }
        return Self.render(body, window: 0..<Self.windowTokens, hits: [])
    }

    struct Token {
        var start: Int
        var end: Int
    }

    struct Hit {
        var first: Int
        var last: Int
        var phrase: Int
    }

    func bestWindow(_ text: String) -> (score: Int, snippet: Snippet)? {
        let bytes = Array(text.utf8)
        let tokens = Self.tokens(in: bytes)
        guard !tokens.isEmpty, !phrases.isEmpty else { return nil }
        var folded: [[UInt8]?] = Array(repeating: nil, count: tokens.count)
        func token(_ index: Int) -> [UInt8] {
            if let value = folded[index] { return value }
            let value = Self.folded(bytes[tokens[index].start..<tokens[index].end])
            folded[index] = value
            return value
        }
        var hits: [Hit] = []
        for index in tokens.indices {
            for (phraseIndex, phrase) in phrases.enumerated() where index + phrase.tokens.count <= tokens.count {
                var matched = true
                for (offset, wanted) in phrase.tokens.enumerated() {
                    let candidate = token(index + offset)
                    let isLast = offset == phrase.tokens.count - 1
                    if !(candidate == wanted || (isLast && phrase.prefix && candidate.starts(with: wanted))) {
                        matched = false
                        break
                    }
                }
                if matched { hits.append(Hit(first: index, last: index + phrase.tokens.count - 1, phrase: phraseIndex)) }
            }
        }
        guard !hits.isEmpty else { return nil }
        // Each of the first hits anchors a window starting two tokens before it; the window with the most distinct
        // phrases wins, then the one with more hits, then the earlier one.
        var best: (score: Int, start: Int)?
        for anchor in hits.prefix(64) {
            let start = max(0, min(anchor.first - 2, tokens.count - Self.windowTokens))
            let end = start + Self.windowTokens
            let inside = hits.filter { $0.first >= start && $0.last < end }
            let score = Set(inside.map(\.phrase)).count * 1_000 + inside.count
            if score > (best?.score ?? -1) { best = (score, start) }
        }
        guard let best else { return nil }
        let window = best.start..<min(tokens.count, best.start + Self.windowTokens)
        let inside = hits.filter { $0.first >= window.lowerBound && $0.last < window.upperBound }
        return (best.score, Self.render(bytes, tokens: tokens, window: window, hits: inside))
    }

    static func render(_ text: String, window: Range<Int>, hits: [Hit]) -> Snippet {
        let bytes = Array(text.utf8)
        let tokens = Self.tokens(in: bytes)
        guard !tokens.isEmpty else { return Snippet(text: text, highlights: []) }
        return render(bytes, tokens: tokens, window: window.clamped(to: 0..<tokens.count), hits: hits)
    }

    /// The window's text with "…" for what it leaves out, and the hits as UTF-16 spans of that text.
    static func render(_ bytes: [UInt8], tokens: [Token], window: Range<Int>, hits: [Hit]) -> Snippet {
        let startByte = window.lowerBound == 0 ? 0 : tokens[window.lowerBound].start
        let reachesEnd = window.upperBound >= tokens.count
        let endByte = reachesEnd ? bytes.count : tokens[window.upperBound - 1].end
        var text = window.lowerBound == 0 ? "" : "…"
        var units = text.utf16.count
        var highlights: [TextSpan] = []
        var cursor = startByte
        func append(upTo byte: Int) {
            let piece = String(decoding: bytes[cursor..<byte], as: UTF8.self)
            text += piece
            units += piece.utf16.count
            cursor = byte
        }
        for hit in hits.sorted(by: { $0.first < $1.first }) {
            let (from, to) = (tokens[hit.first].start, tokens[hit.last].end)
            if from < cursor {
                // Overlaps the previous highlight: extend it.
                guard to > cursor, var last = highlights.popLast() else { continue }
                append(upTo: to)
                last.end = units
                highlights.append(last)
                continue
            }
            append(upTo: from)
            let start = units
            append(upTo: to)
            highlights.append(TextSpan(start: start, end: units))
        }
        append(upTo: endByte)
        if !reachesEnd { text += "…" }
        return Snippet(text: text, highlights: highlights)
    }

    /// Token ranges (UTF-8 byte offsets) in `bytes`, as unicode61 splits them.
    static func tokens(in bytes: [UInt8]) -> [Token] {
        var tokens: [Token] = []
        var index = 0
        var start: Int?
        while index < bytes.count {
            let byte = bytes[index]
            var length = 1
            let isTokenCharacter: Bool
            if byte < 0x80 {
                isTokenCharacter = (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
            } else {
                length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
                length = min(length, bytes.count - index)
                let scalar = String(decoding: bytes[index..<(index + length)], as: UTF8.self).unicodeScalars.first
                isTokenCharacter = scalar.map(Self.isTokenScalar) ?? false
            }
            if isTokenCharacter {
                if start == nil { start = index }
            } else if let first = start {
                tokens.append(Token(start: first, end: index))
                start = nil
            }
            index += length
        }
        if let first = start { tokens.append(Token(start: first, end: bytes.count)) }
        return tokens
    }

    /// unicode61's default token characters: categories L*, N* and Co (https://sqlite.org/fts5.html#unicode61_tokenizer).
    static func isTokenScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber, .privateUse:
            return true
        default:
            return false
        }
    }

    /// A token case- and accent-folded: ASCII lowered byte by byte, anything else through `TextFolding`.
    static func folded(_ token: ArraySlice<UInt8>) -> [UInt8] {
        if token.allSatisfy({ $0 < 0x80 }) {
            return token.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        }
        return Array(TextFolding.fold(String(decoding: token, as: UTF8.self)).utf8)
    }
}
