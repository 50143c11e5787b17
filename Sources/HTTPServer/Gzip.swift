import CZlib

/// gzip (RFC 1952) through zlib, for response bodies.
///
/// Public so an application can compress a cached body once and serve it with `Content-Encoding: gzip`
/// itself; the server leaves a response alone when `Content-Encoding` is already set.
public enum Gzip {
    /// Why `decompress` failed.
    public enum Error: Swift.Error, Equatable, Sendable {
        /// zlib reported `code` (a `Z_*` value) while inflating.
        case corrupt(code: Int32)
        /// The output would exceed the caller's `limit`.
        case tooLarge(limit: Int)
    }

    /// `bytes` as one gzip member. `level` is zlib's 1 (fast) … 9 (small); 6 is zlib's default balance.
    public static func compress(_ bytes: [UInt8], level: Int32 = 6) -> [UInt8] {
        var stream = z_stream()
        guard czlib_deflate_init_gzip(&stream, level) == Z_OK else {
            preconditionFailure("zlib deflateInit2 failed: out of memory")
        }
        defer { deflateEnd(&stream) }
        // deflateBound covers zlib's own framing; gzip adds an 18-byte header and trailer.
        let capacity = Int(deflateBound(&stream, uLong(bytes.count))) + 32
        var output = [UInt8](repeating: 0, count: capacity)
        let written: Int = bytes.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
                stream.avail_in = uInt(input.count)
                stream.next_out = out.baseAddress
                stream.avail_out = uInt(out.count)
                let status = deflate(&stream, Z_FINISH)
                precondition(status == Z_STREAM_END, "zlib deflate did not finish within deflateBound")
                return out.count - Int(stream.avail_out)
            }
        }
        output.removeLast(output.count - written)
        return output
    }

    /// The content of a gzip stream (one or more members), refusing output over `limit` bytes.
    public static func decompress(_ bytes: [UInt8], limit: Int = 64 * 1024 * 1024) throws(Gzip.Error) -> [UInt8] {
        var stream = z_stream()
        guard czlib_inflate_init_gzip(&stream) == Z_OK else { throw .corrupt(code: Z_MEM_ERROR) }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var result: Gzip.Error?
        bytes.withUnsafeBufferPointer { input in
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
            stream.avail_in = uInt(input.count)
            while true {
                let status: Int32 = chunk.withUnsafeMutableBufferPointer { out in
                    stream.next_out = out.baseAddress
                    stream.avail_out = uInt(out.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk.count - Int(stream.avail_out)
                output.append(contentsOf: chunk[0..<produced])
                if output.count > limit { result = .tooLarge(limit: limit); return }
                if status == Z_STREAM_END {
                    // Concatenated members are one stream (RFC 1952 §2.2).
                    if stream.avail_in == 0 { return }
                    guard inflateReset(&stream) == Z_OK else { result = .corrupt(code: Z_STREAM_ERROR); return }
                    continue
                }
                if status == Z_OK { continue }
                if status == Z_BUF_ERROR && stream.avail_in == 0 { result = .corrupt(code: Z_BUF_ERROR); return }
                result = .corrupt(code: status)
                return
            }
        }
        if let result { throw result }
        return output
    }
}
