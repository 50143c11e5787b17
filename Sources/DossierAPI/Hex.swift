/// Lowercase hexadecimal digits, written without `String(format:)` (cursor tags, ETags and JSON escapes are made
/// per request).
enum Hex {
    /// The digit of the low four bits of `value`.
    @inline(__always) static func digit(_ value: UInt8) -> UInt8 {
        let digits: StaticString = "0123456789abcdef"
        return digits.utf8Start[Int(value & 0xF)]
    }

    /// Two digits a byte, in order.
    static func string(_ bytes: some Collection<UInt8>) -> String {
        String(unsafeUninitializedCapacity: bytes.count * 2) { output in
            var index = 0
            for byte in bytes {
                output[index] = digit(byte >> 4)
                output[index + 1] = digit(byte)
                index += 2
            }
            return index
        }
    }
}
