@testable import DossierAPI
import Foundation
import Testing

@Suite("JSON writer: string escapes and integers")
struct JSONWriterTests {
    /// The escape of RFC 8259 §7, one byte at a time: what the word-at-a-time scan must agree with.
    static func reference(_ value: String) -> [UInt8] {
        var output: [UInt8] = [34]
        for byte in value.utf8 {
            switch byte {
            case 34: output += [92, 34]
            case 92: output += [92, 92]
            case 0x0A: output += Array(#"\n"#.utf8)
            case 0x0D: output += Array(#"\r"#.utf8)
            case 0x09: output += Array(#"\t"#.utf8)
            case 0..<0x20: output += Array(String(format: "\\u%04x", byte).utf8)
            default: output.append(byte)
            }
        }
        output.append(34)
        return output
    }

    static func written(_ value: String) -> [UInt8] {
        var output: [UInt8] = []
        JSON.writeString(value, to: &output)
        return output
    }

    @Test("every character that needs an escape, at every offset of a word and past it")
    func escapesAtEveryOffset() throws {
        let specials = (0..<0x20).map { String(UnicodeScalar(UInt8($0))) } + ["\"", "\\"]
        for special in specials {
            for offset in 0..<20 {
                for length in [offset + 1, offset + 3, 24] where length > offset {
                    var characters = Array(repeating: "a", count: length)
                    characters[offset] = special
                    let value = characters.joined()
                    #expect(Self.written(value) == Self.reference(value), "\(special.unicodeScalars.first!.value) at \(offset) of \(length)")
                }
            }
        }
    }

    @Test("bytes that need no escape pass through whole, UTF-8 included, and parse back to the same string")
    func passesThroughAndRoundTrips() throws {
        let samples = [
            "", "a", "plain ASCII text longer than one word", "Ayatollah Ali Khamenei — 1989–2026",
            "די ייִדישע צייטונג", "ناصر \"quoted\" \\ back", "emoji 🇮🇷 in the middle\nand a new line",
            String(repeating: "\u{7F}\u{80}\u{FF}é", count: 5), "tab\there\r\n\u{0}\u{1F}",
        ]
        for sample in samples {
            let bytes = Self.written(sample)
            #expect(bytes == Self.reference(sample))
            let parsed = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]) as? String
            #expect(parsed == sample)
        }
    }

    @Test("integers as decimal digits, extremes included")
    func integers() {
        for value in [0, 7, 9, 10, 42, 99, 100, 12345, -1, -10, -987654, Int.max, Int.min] {
            var output: [UInt8] = []
            JSON.writeInt(value, to: &output)
            #expect(String(decoding: output, as: UTF8.self) == String(value))
        }
        #expect(JSON.int(-42).serialized() == Array("-42".utf8))
    }
}
