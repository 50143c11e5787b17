import Crypto
import Foundation

/// One value of a keyset position inside a cursor.
enum CursorValue: Sendable, Hashable {
    case null
    case string(String)
    case integer(Int64)
    /// Carried as its exact bit pattern (bm25 scores compare exactly).
    case double(Double)

    var tagged: String {
        switch self {
        case .null: return "n"
        case .string(let value): return "s" + value
        case .integer(let value): return "i" + String(value)
        case .double(let value): return "d" + String(value.bitPattern, radix: 16)
        }
    }

    init?(tagged: String) {
        guard let tag = tagged.first else { return nil }
        let rest = String(tagged.dropFirst())
        switch tag {
        case "n": self = .null
        case "s": self = .string(rest)
        case "i":
            guard let value = Int64(rest) else { return nil }
            self = .integer(value)
        case "d":
            guard let bits = UInt64(rest, radix: 16) else { return nil }
            self = .double(Double(bitPattern: bits))
        default: return nil
        }
    }

    var string: String? { if case .string(let value) = self { return value } else { return nil } }
    var optionalString: String?? {
        switch self {
        case .null: return .some(nil)
        case .string(let value): return .some(value)
        default: return nil
        }
    }
    var integer: Int64? { if case .integer(let value) = self { return value } else { return nil } }
    var double: Double? { if case .double(let value) = self { return value } else { return nil } }
}

/// Opaque, tamper-evident pagination cursors: `base64url(payload).base64url(HMAC-SHA256(payload)[0..<16])`.
///
/// The payload holds a hash of the scope (the operation and its normalised filters) and the keyset position.
/// The key is `meta.cursor_key`, so cursors survive restarts; a cursor used with other filters, edited, or issued
/// by another database fails verification and is a 400.
struct CursorCodec: Sendable {
    /// The key bytes (`SymmetricKey` is not Sendable here; it is rebuilt per use, which costs a copy of 32 bytes).
    private let keyBytes: [UInt8]
    private var key: SymmetricKey { SymmetricKey(data: keyBytes) }

    init(keyHex: String?) {
        if let keyHex, let bytes = Self.bytes(hex: keyHex), bytes.count >= 16 {
            keyBytes = bytes
        } else {
            keyBytes = (0..<32).map { _ in UInt8.random(in: 0 ... 255) }
        }
    }

    func encode(scope: String, position: [CursorValue]) -> String {
        let payload = ([Self.scopeTag(scope)] + position.map(\.tagged))
        let payloadBytes = JSON.array(payload.map(JSON.string)).serialized()
        let mac = Array(HMAC<SHA256>.authenticationCode(for: payloadBytes, using: key)).prefix(16)
        return Self.base64URL(payloadBytes) + "." + Self.base64URL(Array(mac))
    }

    /// The position, or nil when the cursor is malformed, forged, or was issued for another scope.
    func decode(_ token: String, scope: String) -> [CursorValue]? {
        guard token.utf8.count <= 4096 else { return nil }
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let payload = Self.bytes(base64URL: parts[0]), let mac = Self.bytes(base64URL: parts[1]),
              mac.count == 16 else { return nil }
        let expected = Array(HMAC<SHA256>.authenticationCode(for: payload, using: key)).prefix(16)
        var difference: UInt8 = 0
        for (a, b) in zip(expected, mac) { difference |= a ^ b }
        guard difference == 0,
              let array = try? JSONSerialization.jsonObject(with: Data(payload)) as? [String],
              array.first == Self.scopeTag(scope) else { return nil }
        var values: [CursorValue] = []
        for item in array.dropFirst() {
            guard let value = CursorValue(tagged: item) else { return nil }
            values.append(value)
        }
        return values
    }

    static func scopeTag(_ scope: String) -> String {
        Hex.string(Array(SHA256.hash(data: Array(scope.utf8))).prefix(8))
    }

    /// RFC 4648 §5 (URL- and filename-safe alphabet), without padding.
    static func base64URL(_ bytes: [UInt8]) -> String {
        let alphabet: StaticString = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
        let symbols = alphabet.utf8Start
        let length = (bytes.count * 8 + 5) / 6
        return String(unsafeUninitializedCapacity: length) { output in
            var written = 0
            var index = 0
            while index < bytes.count {
                let chunk = min(3, bytes.count - index)
                var group = UInt32(bytes[index]) << 16
                if chunk > 1 { group |= UInt32(bytes[index + 1]) << 8 }
                if chunk > 2 { group |= UInt32(bytes[index + 2]) }
                for position in 0...chunk {
                    output[written] = symbols[Int((group >> UInt32(18 - 6 * position)) & 0x3F)]
                    written += 1
                }
                index += 3
            }
            return written
        }
    }

    static func bytes(base64URL text: Substring) -> [UInt8]? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        guard !base64.contains("="), !base64.isEmpty else { return nil }
        while base64.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64).map(Array.init)
    }

    static func bytes(hex: String) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        var index = 0
        while index < digits.count {
            guard let high = hexValue(digits[index]), let low = hexValue(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 48...57: return byte - 48
        case 97...102: return byte - 87
        case 65...70: return byte - 55
        default: return nil
        }
    }
}
