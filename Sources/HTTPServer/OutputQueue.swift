import Glibc

/// Response bytes waiting for the socket, written with `sendmsg` and `MSG_NOSIGNAL`, resuming after partial
/// writes. Small chunks are coalesced so pipelined responses leave together; large ones (bodies shared with
/// the handler's storage) are never copied into.
struct OutputQueue {
    enum SendResult {
        /// Everything queued has been written.
        case drained
        /// The socket buffer is full; wait for writability.
        case wouldBlock
        /// The peer is gone (`EPIPE`, `ECONNRESET`, …).
        case failed(errno: Int32)
    }

    private var chunks: [[UInt8]] = []
    /// Bytes of `chunks[0]` already written.
    private var offset = 0
    /// Bytes not yet written.
    private(set) var byteCount = 0

    var isEmpty: Bool { byteCount == 0 }

    mutating func enqueue(_ newChunks: [[UInt8]]) {
        for chunk in newChunks where !chunk.isEmpty {
            byteCount += chunk.count
            if let last = chunks.last, last.count + chunk.count <= 2 * ResponseWriter.coalesceLimit {
                chunks[chunks.count - 1].append(contentsOf: chunk)
            } else {
                chunks.append(chunk)
            }
        }
    }

    /// Writes as much as the socket takes, up to two chunks per call (head and body), looping until the
    /// queue is empty or the socket would block. `progress` is told how many bytes left each time.
    mutating func send(to fd: Int32, progress: (Int) -> Void) -> SendResult {
        while !chunks.isEmpty {
            let written: Int
            if chunks.count == 1 {
                written = chunks[0].withUnsafeBytes { first in
                    Glibc.send(fd, first.baseAddress! + offset, first.count - offset, Int32(MSG_NOSIGNAL))
                }
            } else {
                written = chunks[0].withUnsafeBytes { first in
                    chunks[1].withUnsafeBytes { second in
                        var vectors = [
                            iovec(iov_base: UnsafeMutableRawPointer(mutating: first.baseAddress! + offset), iov_len: first.count - offset),
                            iovec(iov_base: UnsafeMutableRawPointer(mutating: second.baseAddress!), iov_len: second.count),
                        ]
                        return vectors.withUnsafeMutableBufferPointer { buffer in
                            var message = msghdr()
                            message.msg_iov = buffer.baseAddress
                            message.msg_iovlen = 2
                            return sendmsg(fd, &message, Int32(MSG_NOSIGNAL))
                        }
                    }
                }
            }
            if written < 0 {
                let code = errno
                if code == EAGAIN || code == EWOULDBLOCK { return .wouldBlock }
                if code == EINTR { continue }
                return .failed(errno: code)
            }
            progress(written)
            consume(written)
        }
        return .drained
    }

    private mutating func consume(_ count: Int) {
        var remaining = count
        byteCount -= count
        while remaining > 0, let first = chunks.first {
            let left = first.count - offset
            if remaining >= left {
                remaining -= left
                chunks.removeFirst()
                offset = 0
            } else {
                offset += remaining
                remaining = 0
            }
        }
    }

    /// Drops everything (the connection is closing abruptly).
    mutating func removeAll() {
        chunks = []
        offset = 0
        byteCount = 0
    }
}
