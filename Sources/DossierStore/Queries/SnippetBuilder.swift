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
    let flat: FlatPhrases
    public static let windowTokens = 24

    /// Phrases as flat arrays: token slot i of all phrases is `bytes[tokenStarts[i]..<tokenStarts[i + 1]]`; phrase p
    /// holds slots `phraseSlots[p]..<phraseSlots[p + 1]`.
    struct FlatPhrases: Sendable {
        var bytes: [UInt8] = []
        var tokenStarts: [Int] = [0]
        var phraseSlots: [Int] = [0]
        var prefix: [Bool] = []
        var phraseCount: Int { prefix.count }

        init(_ phrases: [Phrase]) {
            for phrase in phrases {
                for token in phrase.tokens {
                    bytes += token
                    tokenStarts.append(bytes.count)
                }
                phraseSlots.append(tokenStarts.count - 1)
                prefix.append(phrase.prefix)
            }
        }
    }

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
        self.flat = FlatPhrases(phrases)
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
        /// Every byte ASCII: folded by lowering letters.
        var ascii: Bool
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
        var foldedNonASCII: [Int: [UInt8]] = [:]
        var hits: [Hit] = []
        // The phrases' tokens laid out flat (no nested arrays in the loop over every token of the text).
        let flat = self.flat
        bytes.withUnsafeBufferPointer { buffer in
            flat.bytes.withUnsafeBufferPointer { wanted in
                /// Whether token `index` equals wanted token `slot` (or starts with it), folded; ASCII in place.
                func matches(_ index: Int, _ slot: Int, prefix: Bool) -> Bool {
                    let token = tokens[index]
                    let (from, to) = (flat.tokenStarts[slot], flat.tokenStarts[slot + 1])
                    let count = to - from
                    if token.ascii {
                        let length = token.end - token.start
                        guard prefix ? length >= count : length == count else { return false }
                        for offset in 0..<count {
                            let byte = buffer[token.start + offset]
                            if (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) != wanted[from + offset] { return false }
                        }
                        return true
                    }
                    let folded = foldedNonASCII[index] ?? Self.folded(bytes[token.start..<token.end])
                    foldedNonASCII[index] = folded
                    let target = UnsafeBufferPointer(rebasing: wanted[from..<to])
                    return prefix ? folded.starts(with: target) : folded.elementsEqual(target)
                }
                for index in tokens.indices {
                    for phrase in 0..<flat.phraseCount {
                        let (first, end) = (flat.phraseSlots[phrase], flat.phraseSlots[phrase + 1])
                        guard index + end - first <= tokens.count else { continue }
                        var matched = true
                        for slot in first..<end where !matches(index + slot - first, slot, prefix: flat.prefix[phrase] && slot == end - 1) {
                            matched = false
                            break
                        }
                        if matched { hits.append(Hit(first: index, last: index + end - first - 1, phrase: phrase)) }
                    }
                }
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
        tokens.reserveCapacity(bytes.count / 5)
        bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            var start = -1
            var ascii = true
            while index < buffer.count {
                let byte = buffer[index]
                var length = 1
                let isTokenCharacter: Bool
                if byte < 0x80 {
                    isTokenCharacter = (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
                } else {
                    length = min(byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1, buffer.count - index)
                    isTokenCharacter = Self.scalar(buffer, at: index, length: length).map(Self.isTokenScalar) ?? false
                }
                if isTokenCharacter {
                    if start < 0 {
                        start = index
                        ascii = true
                    }
                    if byte >= 0x80 { ascii = false }
                } else if start >= 0 {
                    tokens.append(Token(start: start, end: index, ascii: ascii))
                    start = -1
                }
                index += length
            }
            if start >= 0 { tokens.append(Token(start: start, end: buffer.count, ascii: ascii)) }
        }
        return tokens
    }

    /// The scalar of a `length`-byte UTF-8 sequence at `index` (the text comes from a `String`, so it is well
    /// formed; a malformed sequence gives nil, a separator), decoded in place rather than through a `String`.
    @inline(__always)
    static func scalar(_ buffer: UnsafeBufferPointer<UInt8>, at index: Int, length: Int) -> Unicode.Scalar? {
        var value: UInt32
        switch length {
        case 2: value = UInt32(buffer[index] & 0x1F)
        case 3: value = UInt32(buffer[index] & 0x0F)
        case 4: value = UInt32(buffer[index] & 0x07)
        default: return nil
        }
        for offset in 1..<length {
            let continuation = buffer[index + offset]
            guard continuation & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(continuation & 0x3F)
        }
        return Unicode.Scalar(value)
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
