import Glibc

/// Byte classes from RFC 9110 §5.6.2 and RFC 9112, as lookup tables so the parser never builds a
/// `Character` per byte.
enum ASCII {
    static let cr: UInt8 = 0x0D
    static let lf: UInt8 = 0x0A
    static let space: UInt8 = 0x20
    static let tab: UInt8 = 0x09
    static let colon: UInt8 = 0x3A
    static let percent: UInt8 = 0x25
    static let plus: UInt8 = 0x2B
    static let question: UInt8 = 0x3F
    static let ampersand: UInt8 = 0x26
    static let equals: UInt8 = 0x3D
    static let slash: UInt8 = 0x2F
    static let semicolon: UInt8 = 0x3B
    static let comma: UInt8 = 0x2C

    /// `tchar`: the characters of a token (method, field name, transfer coding).
    static let isTokenTable: [Bool] = (0..<256).map { byte in
        switch UInt8(byte) {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "A")...UInt8(ascii: "Z"):
            return true
        default:
            return Array("!#$%&'*+-.^_`|~".utf8).contains(UInt8(byte))
        }
    }

    @inline(__always) static func isToken(_ byte: UInt8) -> Bool { isTokenTable[Int(byte)] }

    /// `field-vchar` plus SP and HTAB: what may appear inside a field value (obs-text allowed, CTLs not).
    @inline(__always) static func isFieldValueByte(_ byte: UInt8) -> Bool {
        byte == tab || (byte >= 0x20 && byte != 0x7F)
    }

    /// Bytes allowed in a request target as sent: visible ASCII except `#` (a fragment is never sent).
    @inline(__always) static func isTargetByte(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte < 0x7F && byte != UInt8(ascii: "#")
    }

    @inline(__always) static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte &- UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte &- UInt8(ascii: "a") &+ 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte &- UInt8(ascii: "A") &+ 10
        default: return nil
        }
    }

    @inline(__always) static func lowercased(_ byte: UInt8) -> UInt8 {
        (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte
    }

    /// Whether `bytes` equals the lowercase ASCII `lower`, ignoring case.
    static func equalsIgnoringCase<C: Collection<UInt8>>(_ bytes: C, _ lower: StaticString) -> Bool {
        guard bytes.count == lower.utf8CodeUnitCount else { return false }
        return lower.withUTF8Buffer { expected in
            zip(bytes, expected).allSatisfy { lowercased($0) == $1 }
        }
    }

    /// Whether `text` equals the lowercase ASCII `lower`, ignoring case; reads the string's bytes in place.
    static func equalsIgnoringCase(_ text: String, _ lower: StaticString) -> Bool {
        guard text.utf8.count == lower.utf8CodeUnitCount else { return false }
        var text = text
        return text.withUTF8 { equalsIgnoringCase($0, lower) }
    }

    static func equalsIgnoringCase(_ bytes: UnsafeBufferPointer<UInt8>, _ lower: StaticString) -> Bool {
        bytes.count == lower.utf8CodeUnitCount && matchesIgnoringCase(bytes, at: 0, lower)
    }

    static func hasPrefixIgnoringCase(_ bytes: UnsafeBufferPointer<UInt8>, _ lower: StaticString) -> Bool {
        bytes.count >= lower.utf8CodeUnitCount && matchesIgnoringCase(bytes, at: 0, lower)
    }

    static func hasSuffixIgnoringCase(_ bytes: UnsafeBufferPointer<UInt8>, _ lower: StaticString) -> Bool {
        bytes.count >= lower.utf8CodeUnitCount && matchesIgnoringCase(bytes, at: bytes.count - lower.utf8CodeUnitCount, lower)
    }

    /// Whether the lowercase ASCII `lower` occurs anywhere in `text`, ignoring case.
    static func containsIgnoringCase(_ text: String, _ lower: StaticString) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            let length = lower.utf8CodeUnitCount
            guard bytes.count >= length else { return false }
            for offset in 0...(bytes.count - length) where matchesIgnoringCase(bytes, at: offset, lower) { return true }
            return false
        }
    }

    /// Whether `lower` matches `bytes` from `offset` on (the caller checked that it fits).
    @inline(__always) private static func matchesIgnoringCase(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, _ lower: StaticString) -> Bool {
        lower.withUTF8Buffer { expected in
            for index in 0..<expected.count where lowercased(bytes[offset + index]) != expected[index] { return false }
            return true
        }
    }

    /// Whether `bytes` are exactly `literal`, compared in place.
    static func equals(_ bytes: ArraySlice<UInt8>, _ literal: StaticString) -> Bool {
        guard bytes.count == literal.utf8CodeUnitCount else { return false }
        return bytes.withUnsafeBufferPointer { memcmp($0.baseAddress!, literal.utf8Start, $0.count) == 0 }
    }
}
