import Testing
import HTTPServer

@Suite("Gzip")
struct GzipTests {
    @Test("round-trips bytes of every kind", arguments: [0, 1, 100, 70_000, 1_000_000])
    func roundTrip(count: Int) throws {
        var generator = SystemRandomNumberGenerator()
        let text = Array(String(repeating: "{\"entity\":\"Iran\",\"weight\":3},", count: count / 30 + 1).utf8.prefix(count))
        let noise = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
        for input in [text, noise] {
            let compressed = Gzip.compress(input)
            #expect(compressed.starts(with: [0x1F, 0x8B]))
            #expect(try Gzip.decompress(compressed) == input)
        }
        if count >= 70_000 {
            #expect(Gzip.compress(text).count < text.count / 4)
        }
    }

    @Test("refuses corrupt input and output over the limit")
    func errors() {
        #expect(throws: Gzip.Error.self) { try Gzip.decompress([0x1F, 0x8B, 0x08, 0x00, 0x01]) }
        #expect(throws: Gzip.Error.self) { try Gzip.decompress(Array("not gzip".utf8)) }
        let big = Gzip.compress([UInt8](repeating: 0, count: 200_000))
        #expect(throws: Gzip.Error.tooLarge(limit: 1000)) { try Gzip.decompress(big, limit: 1000) }
    }

    @Test("decompresses concatenated members as one stream")
    func members() throws {
        let joined = Gzip.compress(Array("hello ".utf8)) + Gzip.compress(Array("world".utf8))
        #expect(try Gzip.decompress(joined) == Array("hello world".utf8))
    }
}
