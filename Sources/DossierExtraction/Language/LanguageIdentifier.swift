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
            while lineStart < bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
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
    func classify(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ lineEnd: Int) -> (Int?, Int) {
        let end = min(lineEnd, start + 400)
        let scale = Double(lineEnd - start) / Double(max(1, end - start))
        var latin = 0, hebrew = 0, arabic = 0, cyrillic = 0
        var yiddishMarks = 0, ayin = 0
        var persianMarks = 0, urduMarks = 0, arabicMarks = 0
        var index = start
        while index < end {
            let byte = bytes[index]
            if byte < 0x80 {
                if (byte | 0x20) >= 97 && (byte | 0x20) <= 122 { latin += 1 }
                index += 1
                continue
            }
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
        if lineEnd > end {
            latin = Int(Double(latin) * scale); hebrew = Int(Double(hebrew) * scale)
            arabic = Int(Double(arabic) * scale); cyrillic = Int(Double(cyrillic) * scale)
        }
        let letters = latin + hebrew + arabic + cyrillic
        guard letters > 0 else { return (nil, 0) }
        let words = wordVotes(bytes, start, end)
        if hebrew * 2 >= letters {
            let yiddish = words[LanguageLexicon.yi] * 2 + yiddishMarks * 2 + (ayin * 100 >= hebrew * 6 ? 3 : 0)
            let hebrewScore = words[LanguageLexicon.he] * 2 + 1
            return (yiddish > hebrewScore ? LanguageLexicon.yi : LanguageLexicon.he, hebrew)
        }
        if arabic * 2 >= letters {
            if urduMarks * 100 >= arabic * 2 || words[LanguageLexicon.ur] > max(words[LanguageLexicon.fa], words[LanguageLexicon.ar]) {
                return (LanguageLexicon.ur, arabic)
            }
            if persianMarks > arabicMarks || words[LanguageLexicon.fa] > words[LanguageLexicon.ar] + 1 {
                return (LanguageLexicon.fa, arabic)
            }
            return (LanguageLexicon.ar, arabic)
        }
        if cyrillic * 2 >= letters { return (LanguageLexicon.ru, cyrillic) }
        var best = LanguageLexicon.en, bestVotes = 0
        for language in LanguageLexicon.latinLanguages where words[language] > bestVotes {
            best = language
            bestVotes = words[language]
        }
        return (best, latin)
    }

    /// Per language, how many of the line's first words are among its most frequent words.
    private func wordVotes(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> [Int] {
        var votes = [Int](repeating: 0, count: LanguageLexicon.languages.count)
        var index = start
        var seen = 0
        while index < end && seen < 40 {
            while index < end, isSeparator(bytes[index]) { index += 1 }
            let wordStart = index
            while index < end, !isSeparator(bytes[index]) { index += 1 }
            guard index > wordStart else { continue }
            seen += 1
            guard index - wordStart <= 16, let mask = lexicon.words[ByteKey.hash(bytes, wordStart, index)] else { continue }
            for language in 0..<votes.count where mask & (1 << language) != 0 { votes[language] += 1 }
        }
        return votes
    }

    @inline(__always)
    private func isSeparator(_ byte: UInt8) -> Bool {
        byte < 0x80 && !((byte | 0x20) >= 97 && (byte | 0x20) <= 122) && byte != 0x27
    }
}
