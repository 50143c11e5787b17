import Dispatch
import Glibc

/// The listening socket: accepts without blocking whenever the kernel reports pending clients, admits or
/// rejects each against the connection limit, and hands it to an event loop in turn.
///
/// `@unchecked Sendable` holds because `source`, `nextLoop` and `paused` are only touched on `queue`.
final class Listener: @unchecked Sendable {
    let fd: Int32
    let queue = DispatchQueue(label: "dossier.http.accept")
    private let core: ServerCore
    private let loops: [EventLoop]
    private var source: DispatchSourceRead?
    private var nextLoop = 0
    private var paused = false

    init(fd: Int32, core: ServerCore, loops: [EventLoop]) {
        self.fd = fd
        self.core = core
        self.loops = loops
    }

    func start() {
        queue.sync {
            let source = DispatchSource.makeReadSource(fileDescriptor: fd, queue: queue)
            source.setEventHandler { [self] in acceptPending() }
            source.setCancelHandler { [fd] in Glibc.close(fd) }
            self.source = source
            source.resume()
        }
    }

    /// Stops accepting and closes the listening socket; new clients are refused by the kernel.
    func stop() {
        queue.sync {
            guard let source else { return }
            if paused { source.resume() }
            source.cancel()
            self.source = nil
        }
    }

    private func acceptPending() {
        // Bounded, so one busy listener cannot starve the queue; the source fires again if more wait.
        for _ in 0..<256 {
            let client = accept(fd, nil, nil)
            if client < 0 {
                switch errno {
                case EAGAIN, EWOULDBLOCK:
                    return
                case EINTR, ECONNABORTED, EPROTO:
                    continue
                case EMFILE, ENFILE, ENOBUFS, ENOMEM:
                    // Out of descriptors or memory: pause rather than spin on a level-triggered source.
                    core.log(.error, "accept failed: \(String(cString: strerror(errno))); pausing accepts for 100 ms")
                    pause()
                    return
                default:
                    core.log(.warning, "accept failed: \(String(cString: strerror(errno)))")
                    return
                }
            }
            dispatch(client)
        }
    }

    private func dispatch(_ client: Int32) {
        // accept4 is not exported by Glibc's Swift overlay; two fcntls do the same.
        _ = fcntl(client, F_SETFD, FD_CLOEXEC)
        _ = fcntl(client, F_SETFL, fcntl(client, F_GETFL) | O_NONBLOCK)
        let admission = core.admit()
        if admission == .dropped {
            Glibc.close(client)
            return
        }
        // Responses leave in one write; never hold one back waiting for a delayed ACK (Nagle).
        _ = try? Socket.setOption(client, Int32(IPPROTO_TCP), TCP_NODELAY, 1)
        let loop = loops[nextLoop]
        nextLoop = (nextLoop + 1) % loops.count
        let acceptedAt = Socket.now()
        loop.queue.async {
            loop.adopt(fd: client, admission: admission, acceptedAt: acceptedAt)
        }
    }

    private func pause() {
        guard let source, !paused else { return }
        source.suspend()
        paused = true
        queue.asyncAfter(deadline: .now() + .milliseconds(100)) { [self] in
            guard paused else { return }
            paused = false
            self.source?.resume()
        }
    }
}
