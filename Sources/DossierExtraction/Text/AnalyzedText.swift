import DossierModel

/// An article body prepared once for every recogniser: its UTF-8 bytes, a byte → UTF-16 offset table and
/// its sentences.
///
/// Why bytes: recognisers scan UTF-8 with tables and tries (Character-by-Character `String` work is orders of
/// magnitude slower); the offset table turns any byte position into the UTF-16 offset API.md requires.
public struct AnalyzedText: Sendable {
    public let body: String
    public let bytes: [UInt8]
    /// `utf16Offsets[i]` is the UTF-16 offset of byte `i`; one extra entry for `bytes.count`.
    /// Continuation bytes carry the offset of their scalar's start.
    public let utf16Offsets: [Int32]
    /// Sentences as byte ranges, in order.
    public let sentences: [Range<Int>]

    public init(body: String) {
        self.body = body
        let bytes = Array(body.utf8)
        self.bytes = bytes
        var offsets = [Int32](repeating: 0, count: bytes.count + 1)
        var utf16: Int32 = 0
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length: Int
            let units: Int32
            switch lead {
            case 0..<0x80: length = 1; units = 1
            case 0xC0..<0xE0: length = 2; units = 1
            case 0xE0..<0xF0: length = 3; units = 1
            default: length = 4; units = 2
            }
            let end = min(index + length, bytes.count)
            for position in index..<end { offsets[position] = utf16 }
            utf16 += units
            index = end
        }
        offsets[bytes.count] = utf16
        self.utf16Offsets = offsets
        self.sentences = SentenceSplitter.split(bytes)
    }

    public var utf16Count: Int { Int(utf16Offsets[bytes.count]) }

    /// The UTF-16 span of a byte range.
    @inline(__always)
    public func span(_ range: Range<Int>) -> TextSpan {
        TextSpan(start: Int(utf16Offsets[range.lowerBound]), end: Int(utf16Offsets[range.upperBound]))
    }

    /// The text of a byte range (which must lie on scalar boundaries).
    public func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// The index of the sentence containing `byte` (binary search), or the last sentence before it.
    public func sentenceIndex(containing byte: Int) -> Int {
        var low = 0, high = sentences.count - 1
        guard high >= 0 else { return 0 }
        while low < high {
            let mid = (low + high + 1) / 2
            if sentences[mid].lowerBound <= byte { low = mid } else { high = mid - 1 }
        }
        return low
    }
}
