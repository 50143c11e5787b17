import Testing
import HTTPServer

@Suite("HTTPServer compression")
struct HTTPServerCompressionTests {
    @Test("gzips a JSON body for a client that accepts gzip, and round-trips it")
    func gzip() throws {
        let server = try TestServer()
        let client = try server.connect()
        let plain = try client.roundTrip("GET /json HTTP/1.1\r\nHost: a\r\n\r\n")
        #expect(plain.header("Content-Encoding") == nil)
        #expect(plain.header("Vary") == "Accept-Encoding")
        let zipped = try client.roundTrip("GET /json HTTP/1.1\r\nHost: a\r\nAccept-Encoding: gzip, deflate\r\n\r\n")
        #expect(zipped.header("Content-Encoding") == "gzip")
        #expect(zipped.header("Vary") == "Accept-Encoding")
        #expect(zipped.body.count < plain.body.count)
        #expect(try Gzip.decompress(zipped.body) == plain.body)
        let head = try client.roundTrip("HEAD /json HTTP/1.1\r\nHost: a\r\nAccept-Encoding: gzip\r\n\r\n", head: true)
        #expect(head.header("Content-Length") == String(zipped.body.count))
        let refused = try client.roundTrip("GET /json HTTP/1.1\r\nHost: a\r\nAccept-Encoding: gzip;q=0\r\n\r\n")
        #expect(refused.header("Content-Encoding") == nil)
    }

    @Test("compression can be switched off")
    func off() throws {
        let server = try TestServer(compression: false)
        let response = try server.request("GET /json HTTP/1.1\r\nHost: a\r\nAccept-Encoding: gzip\r\n\r\n")
        #expect(response.header("Content-Encoding") == nil)
        #expect(response.header("Vary") == nil)
    }
}
