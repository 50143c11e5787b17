import Glibc

/// An incremental HTTP/1.1 request parser: bytes in, requests or a typed error out (RFC 9112).
///
/// Pure: no file descriptor, no clock. The connection appends whatever each read returned, however the
/// bytes are split, and calls `next()` until it returns `nil` (more bytes needed). Every limit of
/// `ServerLimits` is checked as bytes arrive, so an oversized head or body is refused before it is buffered.
/// Each byte is examined a bounded number of times, so feeding one byte at a time stays linear.
/// After an error the parser is spent; the connection answers the error and closes.
struct RequestParser {
    /// What `next()` produced.
    enum Event {
        /// The head of a request carrying `Expect: 100-continue` passed every check and its body has not
        /// started arriving: the connection should send `100 Continue` now.
        case continueExpected
        /// A complete request.
        case request(HTTPRequest)
    }

    /// Which part of a request the parser is waiting for; the connection picks its deadline from it.
    enum Phase: Equatable {
        /// Between requests, nothing buffered.
        case idle
        /// Inside a request line or header section.
        case head
        /// Inside a body (or its trailers).
        case body
    }

    enum State {
        case requestLine
        case headerLines
        case fixedBody(remaining: Int)
        case chunkSize
        case chunkData(remaining: Int)
        case chunkDataEnd
        case trailerLines
        case failed
    }

    let limits: ServerLimits
    var buffer: [UInt8] = []
    /// Index of the first unconsumed byte in `buffer`.
    var start = 0
    /// Bytes after `start` already searched for LF without finding one.
    var scanned = 0
    var state: State = .requestLine
    /// Empty lines skipped before the current request line (RFC 9112 §2.2 allows a few).
    var emptyLinesSkipped = 0

    // The request being assembled.
    var head = PartialHead()
    var body: [UInt8] = []
    var sectionBytes = 0
    var expectsContinue = false

    init(limits: ServerLimits) {
        self.limits = limits
    }

    /// Unconsumed bytes held, for read-ahead bounds.
    var bufferedByteCount: Int { buffer.count - start }

    var phase: Phase {
        switch state {
        case .requestLine: return bufferedByteCount == 0 ? .idle : .head
        case .headerLines, .failed: return .head
        case .fixedBody, .chunkSize, .chunkData, .chunkDataEnd, .trailerLines: return .body
        }
    }

    /// Adds bytes received from the client.
    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        compact()
        buffer.append(contentsOf: bytes)
    }

    mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { append($0) }
    }

    /// Drops consumed bytes; gives back a large buffer once it is empty so idle connections stay small.
    private mutating func compact() {
        if start == buffer.count {
            if buffer.capacity > 16 * 1024 { buffer = [] } else { buffer.removeAll(keepingCapacity: true) }
            start = 0
        } else if start >= 4096 && start * 2 >= buffer.count {
            buffer.removeSubrange(0..<start)
            start = 0
        }
    }

    /// The next event, or `nil` when more bytes are needed.
    mutating func next() throws(HTTPParseError) -> Event? {
        do {
            return try step()
        } catch {
            state = .failed
            throw error
        }
    }

    private mutating func step() throws(HTTPParseError) -> Event? {
        while true {
            switch state {
            case .failed:
                return nil
            case .requestLine:
                try checkRequestLinePrefix()
                guard let line = try nextLine(limit: limits.maxRequestLineBytes, onOverflow: .requestLineTooLong(limit: limits.maxRequestLineBytes))
                else { return nil }
                if line.isEmpty {
                    emptyLinesSkipped += 1
                    if emptyLinesSkipped > 4 { throw .malformedRequestLine }
                    continue
                }
                try parseRequestLine(line)
                emptyLinesSkipped = 0
                sectionBytes = 0
                state = .headerLines
            case .headerLines:
                let remaining = limits.maxHeaderBytes - sectionBytes
                guard let line = try nextLine(limit: remaining, onOverflow: .headerSectionTooLarge(limit: limits.maxHeaderBytes))
                else { return nil }
                sectionBytes += line.wireCount
                if line.isEmpty {
                    if let event = try finishHead() { return event }
                } else {
                    try Self.parseFieldLine(line, maxCount: limits.maxHeaderCount, into: &head.headers)
                }
            case .fixedBody(let remaining):
                let take = min(remaining, bufferedByteCount)
                if take > 0 {
                    body.append(contentsOf: buffer[start..<(start + take)])
                    start += take
                }
                if take < remaining {
                    state = .fixedBody(remaining: remaining - take)
                    return nil
                }
                return .request(finishRequest())
            case .chunkSize:
                guard let line = try nextLine(limit: 4096, onOverflow: .invalidChunk(reason: "a chunk-size line is longer than 4096 bytes"))
                else { return nil }
                let size = try parseChunkSize(line)
                if size == 0 {
                    sectionBytes = 0
                    state = .trailerLines
                } else {
                    state = .chunkData(remaining: size)
                }
            case .chunkData(let remaining):
                let take = min(remaining, bufferedByteCount)
                if take > 0 {
                    body.append(contentsOf: buffer[start..<(start + take)])
                    start += take
                }
                if take < remaining {
                    state = .chunkData(remaining: remaining - take)
                    return nil
                }
                state = .chunkDataEnd
            case .chunkDataEnd:
                guard bufferedByteCount >= 1 else { return nil }
                if buffer[start] == ASCII.lf {
                    start += 1
                } else if buffer[start] == ASCII.cr {
                    guard bufferedByteCount >= 2 else { return nil }
                    guard buffer[start + 1] == ASCII.lf else { throw .invalidChunk(reason: "chunk data is not followed by CRLF") }
                    start += 2
                } else {
                    throw .invalidChunk(reason: "chunk data is longer than its declared size")
                }
                state = .chunkSize
            case .trailerLines:
                let remaining = limits.maxHeaderBytes - sectionBytes
                guard let line = try nextLine(limit: remaining, onOverflow: .headerSectionTooLarge(limit: limits.maxHeaderBytes))
                else { return nil }
                sectionBytes += line.wireCount
                if line.isEmpty { return .request(finishRequest()) }
                try Self.parseFieldLine(line, maxCount: limits.maxHeaderCount, into: &head.trailers)
            }
        }
    }

    /// A line without its terminator, and how many bytes it took on the wire.
    struct Line {
        var bytes: ArraySlice<UInt8>
        var wireCount: Int
        var isEmpty: Bool { bytes.isEmpty }
    }

    /// Takes the next LF-terminated line (a CR right before the LF is dropped; a CR anywhere else is refused
    /// by the syntax checks). `limit` bounds the line including its terminator; a line that cannot fit
    /// throws `onOverflow` as soon as that is certain.
    private mutating func nextLine(limit: Int, onOverflow: HTTPParseError) throws(HTTPParseError) -> Line? {
        let available = bufferedByteCount
        let unscanned = available - scanned
        var found: Int?
        if unscanned > 0 {
            let from = start + scanned
            found = buffer.withUnsafeBytes { raw -> Int? in
                guard let base = raw.baseAddress, let hit = memchr(base + from, Int32(ASCII.lf), unscanned) else {
                    return nil
                }
                return UnsafeRawPointer(hit) - base - start
            }
        }
        guard let lf = found else {
            scanned = available
            if available >= limit { throw onOverflow }
            return nil
        }
        let wireCount = lf + 1
        if wireCount > limit { throw onOverflow }
        var end = start + lf
        if end > start && buffer[end - 1] == ASCII.cr { end -= 1 }
        let line = Line(bytes: buffer[start..<end], wireCount: wireCount)
        start += wireCount
        scanned = 0
        return line
    }
}
