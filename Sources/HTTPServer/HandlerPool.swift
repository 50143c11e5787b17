import Foundation

/// A fixed set of threads that run handlers, so blocking work (SQLite) never occupies an I/O queue or
/// Swift's cooperative pool, and at most `threadCount` handlers run at once. Jobs wait in FIFO order.
///
/// `@unchecked Sendable` holds because `jobs` and `stopping` are only touched while `condition` is locked.
final class HandlerPool: @unchecked Sendable {
    typealias Job = @Sendable () -> Void

    private let condition = NSCondition()
    private var jobs: [Job] = []
    private var head = 0
    private var stopping = false

    init(threadCount: Int) {
        for index in 0..<max(1, threadCount) {
            let thread = Thread { [self] in run() }
            thread.name = "dossier-handler-\(index)"
            thread.start()
        }
    }

    /// Queues `job`; it runs as soon as a thread is free.
    func submit(_ job: @escaping Job) {
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    /// Lets the threads finish queued jobs and exit.
    func stop() {
        condition.lock()
        stopping = true
        condition.broadcast()
        condition.unlock()
    }

    private func run() {
        while true {
            condition.lock()
            while head == jobs.count && !stopping { condition.wait() }
            if head == jobs.count {
                condition.unlock()
                return
            }
            let job = jobs[head]
            head += 1
            if head == jobs.count {
                jobs.removeAll(keepingCapacity: true)
                head = 0
            } else if head >= 1024 && head * 2 >= jobs.count {
                jobs.removeFirst(head)
                head = 0
            }
            condition.unlock()
            job()
        }
    }
}
