import Synchronization

/// New request ids: 16 lowercase hex digits, distinct for every request of a process.
///
/// A counter from a random start, scrambled by the SplitMix64 finaliser (a bijection on 64 bits, so no two
/// requests of one process share an id). Correlation ids need uniqueness, not secrecy; unlike
/// `UInt64.random`, this costs no system call per request.
enum RequestID {
    private static let start = UInt64.random(in: .min ... .max)
    private static let counter = Atomic<UInt64>(0)

    static func make() -> String {
        let step = counter.wrappingAdd(1, ordering: .relaxed).newValue
        var value = start &+ step &* 0x9E37_79B9_7F4A_7C15
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        value ^= value >> 31
        return hex(value)
    }

    /// `value` as exactly 16 lowercase hex digits.
    static func hex(_ value: UInt64) -> String {
        String(unsafeUninitializedCapacity: 16) { buffer in
            for index in 0..<16 {
                let nibble = UInt8(truncatingIfNeeded: value >> (60 - 4 * UInt64(index))) & 0xF
                buffer[index] = nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
            }
            return 16
        }
    }
}
