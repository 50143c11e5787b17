import DossierModel

/// Tells which languages an article is written in, and in what shares.
///
/// Each paragraph (line) gets one language, weighted by its letters: the script decides the family (Latin,
/// Hebrew, Arabic, Cyrillic), then letters and frequent words decide inside it — Persian by پ چ ژ گ and
/// Persian ی ک, Urdu by ٹ ڈ ڑ ں ے ہ ھ, Arabic by ة ي ك ى; Yiddish by its ligatures (װ ױ ײ), pointed alefs and
/// frequent ע against Hebrew; English, French, German, Spanish and Italian by their most frequent words
/// (`Lexicon/language-words*.tsv`).
public struct LanguageIdentifier: Sendable {
    let lexicon: LanguageLexicon

    public init() {
        self.lexicon = LanguageLexicon.shared
    }

    public func identify(_ text: AnalyzedText) -> [LanguageShare] {
        text.bytes.withUnsafeBufferPointer { bytes in
            var weights = [Double](repeating: 0, count: LanguageLexicon.languages.count)
            var lineStart = 0
            let count = bytes.count
            while lineStart < count {
                var lineEnd = lineStart
                // Eight bytes at a time to the next line break.
                if let base = bytes.baseAddress {
                    while lineEnd + 8 <= count {
                        let word = UnsafeRawPointer(base + lineEnd).loadUnaligned(as: UInt64.self) ^ 0x0A0A_0A0A_0A0A_0A0A
                        let found = (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
                        if found != 0 { lineEnd += found.trailingZeroBitCount >> 3; break }
                        lineEnd += 8
                    }
                }
                while lineEnd < count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
                if lineEnd > lineStart {
                    let (language, letters) = classify(bytes, lineStart, lineEnd)
                    if let language, letters > 0 { weights[language] += Double(letters) }
                }
                lineStart = lineEnd + 1
            }
            let total = weights.reduce(0, +)
            guard total > 0 else { return [LanguageShare(code: "en", share: 1)] }
            var shares: [LanguageShare] = []
            for (index, weight) in weights.enumerated() where weight > 0 {
                shares.append(LanguageShare(code: LanguageLexicon.languages[index], share: weight / total))
            }
            return shares.sorted { $0.share != $1.share ? $0.share > $1.share : $0.code < $1.code }
        }
    }

    /// The language of one line and its letter count (estimated from its first 400 bytes on long lines).
    ///
    /// One pass counts letters by script and votes with the line's first 40 words (letters, apostrophes and
    /// non-ASCII bytes; up to 16 bytes long) among the languages whose frequent words they are.
    func classify(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ lineEnd: Int) -> (Int?, Int) {
        let end = min(lineEnd, start + 400)
        let scale = Double(lineEnd - start) / Double(max(1, end - start))
        var latin = 0, hebrew = 0, arabic = 0, cyrillic = 0
        var yiddishMarks = 0, ayin = 0
        var persianMarks = 0, urduMarks = 0, arabicMarks = 0
        var tally = SIMD16<Int32>()
        var seen = 0
        var wordStart = -1
        var packed: UInt64 = 0
        var wordIsASCII = true

        func vote(_ wordEnd: Int) {
            defer { wordStart = -1 }
            guard seen < 40 else { return }
            seen += 1
            let length = wordEnd - wordStart
            guard length <= 16 else { return }
            let mask = wordIsASCII && length <= 8 ? lexicon.shortWords[packed] : lexicon.words[ByteKey.hash(bytes, wordStart, wordEnd)]
            guard var mask else { return }
            while mask != 0 {
                tally[mask.trailingZeroBitCount] += 1
                mask &= mask &- 1
            }
        }

        var index = start
        while index < end {
            let byte = bytes[index]
            if byte < 0x80 {
                let lower = byte | 0x20
                if lower &- 97 < 26 {
                    latin += 1
                } else if byte != 0x27 {
                    if wordStart >= 0 { vote(index) }
                    index += 1
                    continue
                }
                if wordStart < 0 { wordStart = index; packed = 0; wordIsASCII = true }
                packed = packed << 8 | UInt64(lower)
                index += 1
                continue
            }
            if wordStart < 0 { wordStart = index; packed = 0 }
            wordIsASCII = false
            let length = byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
            guard index + length <= end else { break }
            if length == 2 {
                let scalar = (Int(byte & 0x1F) << 6) | Int(bytes[index + 1] & 0x3F)
                switch scalar {
                case 0x00C0...0x024F: latin += 1
                case 0x0400...0x04FF: cyrillic += 1
                case 0x05D0...0x05EA:
                    hebrew += 1
                    if scalar == 0x05E2 { ayin += 1 }
                case 0x05F0...0x05F2: hebrew += 1; yiddishMarks += 1
                case 0x05B7, 0x05B8, 0x05BC, 0x05BF:  // pasekh and komets alef, dagesh, rafe: YIVO pointing
                    yiddishMarks += 1
                case 0x0620...0x064A, 0x066E...0x06D3:
                    arabic += 1
                    switch scalar {
                    case 0x067E, 0x0686, 0x0698, 0x06AF, 0x06CC, 0x06A9: persianMarks += 1
                    case 0x0679, 0x0688, 0x0691, 0x06BA, 0x06D2, 0x06C1, 0x06BE: urduMarks += 1
                    case 0x0629, 0x064A, 0x0643, 0x0649: arabicMarks += 1
                    default: break
                    }
                default: break
                }
            } else if length == 3, byte == 0xEF, bytes[index + 1] == 0xAC || bytes[index + 1] == 0xAD {
                hebrew += 1  // Hebrew presentation forms (אַ אָ precomposed)
                yiddishMarks += 1
            }
            index += length
        }
        if wordStart >= 0 { vote(end) }
        func words(_ language: Int) -> Int { Int(tally[language]) }
        if lineEnd > end {
            latin = Int(Double(latin) * scale); hebrew = Int(Double(hebrew) * scale)
            arabic = Int(Double(arabic) * scale); cyrillic = Int(Double(cyrillic) * scale)
        }
        let letters = latin + hebrew + arabic + cyrillic
        guard letters > 0 else { return (nil, 0) }
        if hebrew * 2 >= letters {
            let yiddish = words(LanguageLexicon.yi) * 2 + yiddishMarks * 2 + (ayin * 100 >= hebrew * 6 ? 3 : 0)
            let hebrewScore = words(LanguageLexicon.he) * 2 + 1
            return (yiddish > hebrewScore ? LanguageLexicon.yi : LanguageLexicon.he, hebrew)
        }
        if arabic * 2 >= letters {
            if urduMarks * 100 >= arabic * 2 || words(LanguageLexicon.ur) > max(words(LanguageLexicon.fa), words(LanguageLexicon.ar)) {
                return (LanguageLexicon.ur, arabic)
            }
            if persianMarks > arabicMarks || words(LanguageLexicon.fa) > words(LanguageLexicon.ar) + 1 {
                return (LanguageLexicon.fa, arabic)
            }
            return (LanguageLexicon.ar, arabic)
        }
        if cyrillic * 2 >= letters { return (LanguageLexicon.ru, cyrillic) }
        var best = LanguageLexicon.en, bestVotes = 0
        for language in LanguageLexicon.latinLanguages where words(language) > bestVotes {
            best = language
            bestVotes = words(language)
        }
        return (best, latin)
    }
}
