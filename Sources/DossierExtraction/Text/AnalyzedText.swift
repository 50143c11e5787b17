import DossierModel

/// An article body prepared once for every recogniser: its UTF-8 bytes, a byte → UTF-16 offset map and its
/// sentences.
///
/// Why bytes: recognisers scan UTF-8 with tables and tries (Character-by-Character `String` work is orders of
/// magnitude slower); the offset map turns any byte position into the UTF-16 offset API.md requires.
/// The map is sparse: only non-ASCII scalars shift UTF-16 offsets away from byte offsets, so it lists those
/// (none at all for an ASCII body) and a look-up is a binary search among them.
public struct AnalyzedText: Sendable {
    public let body: String
    public let bytes: [UInt8]
    /// Sentences as byte ranges, in order.
    public let sentences: [Range<Int>]
    /// Byte positions of the lead bytes of non-ASCII scalars, in order.
    private let wideStarts: [Int32]
    /// `wideShifts[k]`: bytes minus UTF-16 units of the scalars up to and including `wideStarts[k]`.
    private let wideShifts: [Int32]

    public init(body: String) {
        self.body = body
        let bytes = Array(body.utf8)
        self.bytes = bytes
        var starts: [Int32] = []
        var shifts: [Int32] = []
        bytes.withUnsafeBufferPointer { buffer in
            let count = buffer.count
            guard let base = buffer.baseAddress else { return }
            var index = 0
            var shift: Int32 = 0
            while index < count {
                // Eight ASCII bytes at a time.
                if index + 8 <= count {
                    let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                    if word & 0x8080_8080_8080_8080 == 0 { index += 8; continue }
                }
                let lead = base[index]
                if lead < 0x80 { index += 1; continue }
                let length: Int32
                let units: Int32
                switch lead {
                case 0xC0..<0xE0: length = 2; units = 1
                case 0xE0..<0xF0: length = 3; units = 1
                default: length = 4; units = 2
                }
                shift += length - units
                starts.append(Int32(index))
                shifts.append(shift)
                index += Int(length)
            }
        }
        self.wideStarts = starts
        self.wideShifts = shifts
        self.sentences = SentenceSplitter.split(bytes)
    }

    /// `utf16Offsets[i]` is the UTF-16 offset of byte `i`; one extra entry for `bytes.count`.
    /// Continuation bytes carry the offset of their scalar's start. Built on demand: prefer `utf16Offset(_:)`.
    public var utf16Offsets: [Int32] {
        (0...bytes.count).map { Int32(utf16Offset($0)) }
    }

    public var utf16Count: Int { bytes.count - Int(wideShifts.last ?? 0) }

    /// The UTF-16 offset of a byte position (of its scalar's start, for a continuation byte).
    @inline(__always)
    public func utf16Offset(_ byte: Int) -> Int {
        if wideStarts.isEmpty { return byte }
        return wideStarts.withUnsafeBufferPointer { starts in
            // The number of wide scalars that start before `byte`.
            var low = 0, high = starts.count
            while low < high {
                let mid = (low &+ high) >> 1
                if Int(starts[mid]) < byte { low = mid + 1 } else { high = mid }
            }
            guard low > 0 else { return byte }
            let last = low - 1
            let start = Int(starts[last])
            let lead = bytes[start]
            let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            if byte < start + length {
                // Inside that scalar: the offset of its start.
                return start - (last > 0 ? Int(wideShifts[last - 1]) : 0)
            }
            return byte - Int(wideShifts[last])
        }
    }

    /// The UTF-16 span of a byte range.
    @inline(__always)
    public func span(_ range: Range<Int>) -> TextSpan {
        if wideStarts.isEmpty { return TextSpan(start: range.lowerBound, end: range.upperBound) }
        return TextSpan(start: utf16Offset(range.lowerBound), end: utf16Offset(range.upperBound))
    }

    /// The text of a byte range (which must lie on scalar boundaries).
    public func text(_ range: Range<Int>) -> String {
        bytes.withUnsafeBufferPointer { buffer in
            String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self)
        }
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
