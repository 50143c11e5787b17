import Dispatch
import Glibc

/// One client connection: its socket, parser, pending output and a small state machine
/// (reading → handling → reading …, or → closing → lingering → closed), as NIO's
/// `HTTPServerPipelineHandler`: one request is handled at a time and pipelined requests are answered in
/// order; while a request is handled or the client lags behind on responses, further requests wait in the
/// parser's buffer, whose growth is bounded by `ServerLimits.maxReadAheadBytes`.
///
/// `@unchecked Sendable` holds because every mutable property is only touched on `loop.queue`: Dispatch
/// sources fire there, handler results are delivered there with `queue.async`, and the event loop's sweep
/// runs there. Nothing else reaches a connection.
final class Connection: @unchecked Sendable {
    enum State {
        /// Parsing requests (or waiting for bytes).
        case reading
        /// A request is with the handler.
        case handling
        /// A final response is queued; close once it is written.
        case closingAfterFlush
        /// The final response is written and our side shut down; draining input until the client closes.
        case lingering
        case closed
    }

    let fd: Int32
    unowned let loop: EventLoop
    let core: ServerCore
    let admission: ServerCore.Admission

    private(set) var state = State.reading
    private var parser: RequestParser
    private var output = OutputQueue()
    private var readSource: DispatchSourceRead?
    private var writeSource: DispatchSourceWrite?
    private var readSuspended = false
    private var writeSuspended = false
    private var pendingCancellations = 0

    private var servedRequests = 0
    private var peerClosed = false
    private var draining = false
    private var discardedBytes = 0
    /// Deadline bookkeeping (monotonic nanoseconds).
    private let acceptedAt: UInt64
    private var lastPhase = RequestParser.Phase.idle
    private var phaseStart: UInt64
    private var lastWriteProgress: UInt64
    private var lingerStart: UInt64 = 0

    init(fd: Int32, loop: EventLoop, core: ServerCore, admission: ServerCore.Admission, acceptedAt: UInt64) {
        self.fd = fd
        self.loop = loop
        self.core = core
        self.admission = admission
        self.acceptedAt = acceptedAt
        self.phaseStart = acceptedAt
        self.lastWriteProgress = acceptedAt
        self.parser = RequestParser(limits: core.limits)
    }

    /// Starts watching the socket. A connection over the limit is answered 503 at once.
    func start() {
        let source = DispatchSource.makeReadSource(fileDescriptor: fd, queue: loop.queue)
        source.setEventHandler { [self] in readable() }
        source.setCancelHandler { [self] in sourceCancelled() }
        pendingCancellations += 1
        readSource = source
        source.resume()
        if admission == .rejected {
            let limits = core.limits
            let headers: HTTPHeaders = ["Retry-After": String(limits.retryAfterSeconds)]
            finish(with: ResponseWriter.serialize(problem: .overCapacity(limit: core.maxConnections), extraHeaders: headers))
        }
    }

    // MARK: Reading

    private func readable() {
        guard state != .closed else { return }
        let count = loop.withScratch { buffer in recv(fd, buffer.baseAddress, buffer.count, 0) }
        if count > 0 {
            switch state {
            case .reading, .handling:
                loop.withScratch { buffer in parser.append(UnsafeRawBufferPointer(start: buffer.baseAddress, count: count)) }
                processInput()
            case .closingAfterFlush, .lingering:
                // Input after a final answer is read and dropped, so the client is never blocked writing
                // and the kernel never resets the connection over unread bytes; bounded.
                discardedBytes += count
                if discardedBytes > 4 * 1024 * 1024 { close() }
            case .closed:
                break
            }
        } else if count == 0 {
            peerClosed = true
            suspendReading()
            switch state {
            case .lingering: close()
            case .reading: processInput()
            case .handling, .closingAfterFlush, .closed: break
            }
        } else {
            let code = errno
            if code == EAGAIN || code == EWOULDBLOCK || code == EINTR { return }
            close()
        }
    }

    /// Answers as many buffered requests as the state allows, then writes what is queued, once: pipelined
    /// answers leave together in one `send`. Loops when the output limit stopped parsing and the write made
    /// room again; after `answersPerTurn` answers it lets the loop's other connections go first.
    private func processInput() {
        var answered = 0
        while true {
            let pause = answerBuffered(answered: &answered)
            guard state != .closed else { return }
            if !output.isEmpty { flush() }
            guard state == .reading else { break }
            if pause == .turnOver {
                loop.queue.async { [self] in
                    if state == .reading { processInput() }
                }
                updateReadInterest()
                return
            }
            guard pause == .outputFull, output.isEmpty else { break }
        }
        if state == .reading && peerClosed {
            // Nothing more will come: answer what is queued, then close. A partial request is dropped.
            if output.isEmpty { close() } else { state = .closingAfterFlush }
            return
        }
        if state == .reading && draining && parser.phase == .idle && output.isEmpty {
            close()
            return
        }
        updateReadInterest()
    }

    /// Requests one connection answers in a row before the other connections of its loop get a turn.
    static let answersPerTurn = 32

    /// Why `answerBuffered` stopped.
    private enum Pause {
        /// More bytes are needed, a request is with the handler, or the connection is closing.
        case waiting
        /// The output limit is reached.
        case outputFull
        /// `answersPerTurn` requests were answered.
        case turnOver
    }

    /// Parses requests and answers the immediate ones into `output` until something makes it pause.
    private func answerBuffered(answered: inout Int) -> Pause {
        while state == .reading {
            guard output.byteCount <= core.limits.maxOutputBufferBytes else { return .outputFull }
            guard answered < Self.answersPerTurn else { return .turnOver }
            let event: RequestParser.Event?
            do {
                event = try parser.next()
            } catch {
                notePhase()
                finish(with: ResponseWriter.serialize(problem: error.problem))
                return .waiting
            }
            notePhase()
            guard let event else { return .waiting }
            switch event {
            case .continueExpected:
                output.enqueue([ResponseWriter.continueBytes])
                flush()
            case .request(let request):
                servedRequests += 1
                answered += 1
                handle(request)
            }
        }
        return .waiting
    }

    /// Tracks when the parser enters each phase, for the header, body and idle deadlines.
    private func notePhase() {
        let phase = parser.phase
        guard phase != lastPhase else { return }
        lastPhase = phase
        // The first request's header deadline runs from accept, later ones from their first byte.
        phaseStart = (phase == .head && servedRequests == 0) ? acceptedAt : Socket.now()
    }

    private func updateReadInterest() {
        let blocked = state == .handling || output.byteCount > core.limits.maxOutputBufferBytes
        let wantsInput = !peerClosed && (!blocked || parser.bufferedByteCount < core.limits.maxReadAheadBytes)
        if wantsInput { resumeReading() } else { suspendReading() }
    }

    // MARK: Handling

    /// An immediate answer is queued at once, on this queue (no hop: the caller's loop goes on to the next
    /// pipelined request); anything else goes to the handler pool and comes back through `handled(_:)`.
    private func handle(_ request: HTTPRequest) {
        let core = self.core
        if let response = core.handler.respondImmediately(to: request) {
            let context = ResponseWriter.Context(request: request, compression: core.compression, serverDraining: core.isDraining)
            enqueueAnswer(ResponseWriter.serialize(response, context: context))
            return
        }
        state = .handling
        let loop = self.loop
        core.pool.submit { [self] in
            let response = core.handler.handle(request)
            let context = ResponseWriter.Context(request: request, compression: core.compression, serverDraining: core.isDraining)
            let bytes = ResponseWriter.serialize(response, context: context)
            loop.queue.async { [self] in handled(bytes) }
        }
    }

    /// A handler's answer, back on this queue.
    private func handled(_ response: ResponseWriter.Output) {
        guard state == .handling else { return }
        enqueueAnswer(response)
        processInput()
    }

    /// Queues an answer (without writing it yet) and moves on: to the next request, or to closing.
    private func enqueueAnswer(_ response: ResponseWriter.Output) {
        output.enqueue(response.chunks)
        if response.closeConnection || draining {
            state = .closingAfterFlush
        } else {
            state = .reading
            // The next request's clock starts now, not while it waited behind this one.
            lastPhase = .idle
            notePhase()
        }
    }

    // MARK: Writing

    /// Queues a final answer and closes after it.
    private func finish(with response: ResponseWriter.Output) {
        output.enqueue(response.chunks)
        state = .closingAfterFlush
        flush()
    }

    private func flush() {
        guard state != .closed, state != .lingering else { return }
        let result = output.send(to: fd) { _ in lastWriteProgress = Socket.now() }
        switch result {
        case .wouldBlock:
            resumeWriting()
        case .failed:
            close()
        case .drained:
            suspendWriting()
            if state == .closingAfterFlush { beginLingering() }
        }
    }

    private func writable() {
        flush()
        if state == .reading { processInput() }
    }

    /// Shuts our side so the client sees the end of the answer, then drains its input until it closes or
    /// `lingerTimeout` passes (nginx's lingering close), so unread request bytes never turn into a reset
    /// that destroys the answer in flight.
    private func beginLingering() {
        state = .lingering
        lingerStart = Socket.now()
        shutdown(fd, Int32(SHUT_WR))
        if peerClosed { close() } else { resumeReading() }
    }

    // MARK: Deadlines and shutdown

    /// Called by the event loop's sweep.
    func checkDeadlines(now: UInt64) {
        let limits = core.limits
        func expired(_ since: UInt64, _ seconds: Double) -> Bool {
            now > since && Double(now - since) > seconds * 1e9
        }
        switch state {
        case .closed:
            return
        case .lingering:
            if expired(lingerStart, limits.lingerTimeout) { close() }
            return
        case .handling, .closingAfterFlush:
            if !output.isEmpty && expired(lastWriteProgress, limits.writeTimeout) { close() }
            return
        case .reading:
            if !output.isEmpty {
                if expired(lastWriteProgress, limits.writeTimeout) { close() }
                return
            }
            switch parser.phase {
            case .idle:
                if servedRequests == 0 {
                    if expired(acceptedAt, limits.headerTimeout) { timeOut(.headerTimeout(seconds: limits.headerTimeout)) }
                } else if expired(max(phaseStart, lastWriteProgress), limits.idleTimeout) {
                    close()
                }
            case .head:
                if expired(phaseStart, limits.headerTimeout) { timeOut(.headerTimeout(seconds: limits.headerTimeout)) }
            case .body:
                if expired(phaseStart, limits.bodyTimeout) { timeOut(.bodyTimeout(seconds: limits.bodyTimeout)) }
            }
        }
    }

    private func timeOut(_ error: HTTPParseError) {
        finish(with: ResponseWriter.serialize(problem: error.problem))
    }

    /// Graceful shutdown: an idle connection closes now; a busy one closes after its current response.
    func beginDrain() {
        draining = true
        if state == .reading && parser.phase == .idle && output.isEmpty { close() }
    }

    /// Closes at once, dropping anything unsent.
    func close() {
        guard state != .closed else { return }
        state = .closed
        output.removeAll()
        if let source = readSource {
            if readSuspended { source.resume() }
            source.cancel()
            readSource = nil
        }
        if let source = writeSource {
            if writeSuspended { source.resume() }
            source.cancel()
            writeSource = nil
        }
        loop.remove(self)
        core.release(admission)
    }

    /// The descriptor is closed only once every source watching it has been cancelled, so Dispatch never
    /// watches a number the kernel has handed to a new connection.
    private func sourceCancelled() {
        pendingCancellations -= 1
        if pendingCancellations == 0 { Glibc.close(fd) }
    }

    // MARK: Source suspension

    // The flags are checked before the source is touched: copying the source out retains and releases it,
    // and its reference count is shared with Dispatch's threads.
    private func suspendReading() {
        guard !readSuspended, let source = readSource else { return }
        source.suspend()
        readSuspended = true
    }

    private func resumeReading() {
        guard readSuspended, let source = readSource else { return }
        source.resume()
        readSuspended = false
    }

    /// The write source exists only once a write has blocked; most connections never need one.
    private func resumeWriting() {
        if let source = writeSource {
            if writeSuspended {
                source.resume()
                writeSuspended = false
            }
            return
        }
        let source = DispatchSource.makeWriteSource(fileDescriptor: fd, queue: loop.queue)
        source.setEventHandler { [self] in writable() }
        source.setCancelHandler { [self] in sourceCancelled() }
        pendingCancellations += 1
        writeSource = source
        source.resume()
    }

    private func suspendWriting() {
        guard !writeSuspended, let source = writeSource else { return }
        source.suspend()
        writeSuspended = true
    }
}
