/// The access-log message of one request, e.g. `GET /v1/articles/{id} 200 0.042ms id=5f0c…`.
///
/// Written straight into the string's storage: string interpolation appends piece by piece, and for a cached
/// answer that alone would cost more than finding the answer.
enum AccessLogLine {
    static func make(method: String, route: String, status: Int, seconds: Double, requestID: String) -> String {
        let micros = max(0, Int((seconds * 1_000_000).rounded()))
        // 20 digits at most for each number, plus " ", " ", " ", ".", "ms id=".
        let capacity = method.utf8.count + route.utf8.count + requestID.utf8.count + 2 * 20 + 3 + 10
        return String(unsafeUninitializedCapacity: capacity) { buffer in
            var writer = Writer(buffer: buffer)
            writer.append(method)
            writer.append(UInt8(ascii: " "))
            writer.append(route)
            writer.append(UInt8(ascii: " "))
            writer.appendDecimal(max(0, status))
            writer.append(UInt8(ascii: " "))
            writer.appendDecimal(micros / 1000)
            writer.append(UInt8(ascii: "."))
            let fraction = micros % 1000
            writer.append(UInt8(ascii: "0") + UInt8(fraction / 100))
            writer.append(UInt8(ascii: "0") + UInt8(fraction / 10 % 10))
            writer.append(UInt8(ascii: "0") + UInt8(fraction % 10))
            writer.append("ms id=")
            writer.append(requestID)
            return writer.count
        }
    }

    private struct Writer {
        let buffer: UnsafeMutableBufferPointer<UInt8>
        var count = 0

        mutating func append(_ byte: UInt8) {
            buffer[count] = byte
            count += 1
        }

        mutating func append(_ text: String) {
            let copied: Void? = text.utf8.withContiguousStorageIfAvailable { source in
                guard let from = source.baseAddress else { return }
                (buffer.baseAddress! + count).update(from: from, count: source.count)
                count += source.count
            }
            if copied == nil {
                for byte in text.utf8 { append(byte) }
            }
        }

        mutating func appendDecimal(_ value: Int) {
            if value >= 10 { appendDecimal(value / 10) }
            append(UInt8(ascii: "0") + UInt8(value % 10))
        }
    }
}
