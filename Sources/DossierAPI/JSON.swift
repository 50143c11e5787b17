/// A JSON value with ordered object keys, serialised by hand: keys come out in the contract's order and
/// encoding a page costs a few microseconds (no reflection, no Foundation).
public indirect enum JSON: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSON])
    case object([(String, JSON)])
    /// JSON text stored as such (e.g. `articles.languages`), written through without parsing.
    case raw(String)
    /// JSON already serialised as UTF-8 (a large array written straight to bytes), written through.
    case serialized([UInt8])

    public static func == (lhs: JSON, rhs: JSON) -> Bool {
        lhs.serialized() == rhs.serialized()
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(serialized())
    }

    /// `.string` or `.null`.
    static func optional(_ value: String?) -> JSON {
        value.map(JSON.string) ?? .null
    }

    /// UTF-8 bytes of the compact serialisation.
    public func serialized() -> [UInt8] {
        // Already bytes (a whole answer written directly): shared, not copied.
        if case .serialized(let bytes) = self { return bytes }
        var output: [UInt8] = []
        output.reserveCapacity(1024)
        write(to: &output)
        return output
    }

    func write(to output: inout [UInt8]) {
        switch self {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let value): output.append(contentsOf: (value ? "true" : "false").utf8)
        case .int(let value): JSON.writeInt(value, to: &output)
        case .double(let value):
            if value.isFinite {
                if value == value.rounded(), abs(value) < 1e15 {
                    output.append(contentsOf: String(Int(value)).utf8)
                } else {
                    output.append(contentsOf: String(value).utf8)
                }
            } else {
                output.append(contentsOf: "null".utf8)
            }
        case .string(let value): JSON.writeString(value, to: &output)
        case .raw(let text): output.append(contentsOf: text.utf8)
        case .serialized(let bytes): output.append(contentsOf: bytes)
        case .array(let values):
            output.append(UInt8(ascii: "["))
            for (index, value) in values.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                value.write(to: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                JSON.writeString(key, to: &output)
                output.append(UInt8(ascii: ":"))
                value.write(to: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    /// RFC 8259 §7: quote, backslash and control characters escaped; everything else as UTF-8. Runs of bytes that
    /// need no escape (nearly all of a body) are copied whole, found eight bytes at a time.
    static func writeString(_ value: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { bytes in
            var runStart = 0
            var index = 0
            while index < bytes.count {
                if index + 8 <= bytes.count,
                   !needsEscape(UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)) {
                    index += 8
                    continue
                }
                let byte = bytes[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else {
                    index += 1
                    continue
                }
                if runStart < index { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
                writeEscape(byte, to: &output)
                index += 1
                runStart = index
            }
            if runStart < bytes.count { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...])) }
        }
        output.append(UInt8(ascii: "\""))
    }

    /// Whether any of the eight bytes of `word` is a control character, a quote or a backslash: the classic
    /// "has a zero byte" test (`(x - 0x01…) & ~x & 0x80…`) applied to the word, to it XOR `"` and to it XOR `\`,
    /// with "below 0x20" as "below 0x20 once 0x20 is subtracted" on bytes under 0x80 (UTF-8 lead and continuation
    /// bytes, 0x80 and above, never match).
    @inline(__always) static func needsEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let control = (word &- ones &* 0x20) & ~word & highs
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let quoteZero = (quote &- ones) & ~quote & highs
        let backslashZero = (backslash &- ones) & ~backslash & highs
        return (control | quoteZero | backslashZero) != 0
    }

    private static func writeEscape(_ byte: UInt8, to output: inout [UInt8]) {
        output.append(92)
        switch byte {
        case UInt8(ascii: "\""): output.append(34)
        case UInt8(ascii: "\\"): output.append(92)
        case 0x0A: output.append(UInt8(ascii: "n"))
        case 0x0D: output.append(UInt8(ascii: "r"))
        case 0x09: output.append(UInt8(ascii: "t"))
        default:
            output.append(UInt8(ascii: "u"))
            output.append(48)
            output.append(48)
            output.append(Hex.digit(byte >> 4))
            output.append(Hex.digit(byte))
        }
    }

    /// Decimal digits of `value`, without the `String` that `description` would allocate.
    static func writeInt(_ value: Int, to output: inout [UInt8]) {
        if value < 0 {
            output.append(UInt8(ascii: "-"))
            if value == .min {
                output.append(contentsOf: String(value).utf8.dropFirst())
                return
            }
        }
        var magnitude = value.magnitude
        if magnitude < 10 {
            output.append(UInt8(ascii: "0") + UInt8(magnitude))
            return
        }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = 20
            while magnitude > 0 {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }
}

