import Foundation

/// Bounded, order-preserving concurrency for the pipeline stages.
///
/// `forEachOrdered` pulls items from `next` one at a time, runs `transform` on them in child tasks of a
/// task group (so they spread over the cores), and hands the results to `deliver` in input order on the
/// calling task. At most `workers + prefetch` items are started and not yet delivered: `workers` bounds
/// the parallelism, and `prefetch` lets work go on while `deliver` is busy (a store commit), since a
/// finished task keeps its slot until it is delivered. Memory stays bounded whatever the input length.
public enum OrderedConcurrency {
    /// The number of extraction workers for this machine: one per active core, at least 1, at most 8.
    public static var defaultWorkers: Int { max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8)) }

    public static func forEachOrdered<Input: Sendable, Output: Sendable>(
        workers: Int,
        prefetch: Int = 0,
        next: () throws -> Input?,
        transform: @escaping @Sendable (Input) -> Output,
        deliver: (Output) throws -> Void
    ) async throws {
        let limit = max(1, workers) + max(0, prefetch)
        let window = limit * 2
        try await withThrowingTaskGroup(of: (Int, Output).self) { group in
            var nextSeq = 0
            var emitSeq = 0
            var running = 0
            var exhausted = false
            var ready: [Int: Output] = [:]
            while true {
                while !exhausted, running < limit, nextSeq - emitSeq < window {
                    guard let item = try next() else {
                        exhausted = true
                        break
                    }
                    let seq = nextSeq
                    nextSeq += 1
                    running += 1
                    group.addTask { (seq, transform(item)) }
                }
                while let out = ready.removeValue(forKey: emitSeq) {
                    emitSeq += 1
                    try deliver(out)
                }
                if running == 0 {
                    if exhausted { break }
                    continue
                }
                guard let (seq, out) = try await group.next() else { break }
                running -= 1
                ready[seq] = out
            }
            // Everything has been delivered here: running == 0 and ready is empty.
        }
    }
}
