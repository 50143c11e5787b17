@testable import DossierAPI
import Foundation
import Testing

@Suite("ETag digests: XXH64")
struct ContentDigestTests {
    /// Reference values from the xxHash project's implementation (Python `xxhash.xxh64(data).hexdigest()`), seed 0,
    /// at every length class of the algorithm: empty, under 4, 4..7, 8..31, exactly 32, and many stripes.
    static let vectors: [(String, String)] = [
        ("", "ef46db3751d8e999"), ("a", "d24ec4f1a98c6e5b"), ("abc", "44bc2cf5ad770999"), ("abcd", "de0327b0d25d92cc"),
        ("abcdefgh", "3ad351775b4634b7"), ("0123456789abcdef0123456789abcde", "1fdfc63febacfde7"),
        ("0123456789abcdef0123456789abcdef", "642a94958e71e6c5"),
        ("Nobody inspects the spammish repetition", "fbcea83c8a378bf1"),
    ]

    @Test("the reference values of XXH64", arguments: vectors)
    func referenceValues(input: String, expected: String) {
        #expect(ContentDigest.hex(Array(input.utf8)) == expected)
    }

    @Test("many stripes and a tail: 0...255 five times")
    func longInput() {
        let bytes = (0..<5).flatMap { _ in (0...255).map(UInt8.init) }
        #expect(ContentDigest.hex(bytes) == "afc184ad7938a354")
    }

    @Test("one changed byte anywhere changes the digest")
    func sensitivity() {
        let base = Array(repeating: UInt8(ascii: "x"), count: 100)
        let digest = ContentDigest.xxh64(base)
        for index in base.indices {
            var changed = base
            changed[index] = UInt8(ascii: "y")
            #expect(ContentDigest.xxh64(changed) != digest)
        }
    }
}

@Suite("Cursor encoding helpers")
struct CursorEncodingTests {
    @Test("base64url without padding, as Foundation's base64 with the URL alphabet, at every length mod 3")
    func base64URLMatchesFoundation() {
        for length in 0..<40 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 251) }
            let expected = Data(bytes).base64EncodedString()
                .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
                .replacingOccurrences(of: "=", with: "")
            #expect(CursorCodec.base64URL(bytes) == expected)
            #expect(CursorCodec.bytes(base64URL: Substring(expected)) == (bytes.isEmpty ? nil : bytes))
        }
    }

    @Test("scope tags: sixteen hex digits of SHA-256")
    func scopeTag() {
        // SHA-256("abc") begins ba7816bf8f01cfea.
        #expect(CursorCodec.scopeTag("abc") == "ba7816bf8f01cfea")
    }
}
