import Glibc

/// Which of `count` shards the calling thread uses: always the same one for a given thread, so one thread's
/// updates stay in order, and usually different ones for different threads, so that handler and I/O threads
/// do not queue on one lock (with more threads than cores, a preempted lock holder stalls every other one).
package enum ThreadShard {
    package static func index(count: Int) -> Int {
        // `pthread_t` is the thread's address: scrambled (Fibonacci hashing), its high bits pick the shard.
        let scrambled = UInt64(pthread_self()) &* 0x9E37_79B9_7F4A_7C15
        return Int(scrambled >> 32) % count
    }
}
