import Foundation

/// A token of a chunk as the affix rules cut it (before the final special-case pass): offsets relative to
/// the chunk, text and norm.
struct CachedToken: Sendable {
    let start: Int
    let end: Int
    let text: String
    let norm: String
    /// Whether the text is the first token of a special-case matcher pattern.
    let startsMatcherPattern: Bool
}

/// The tokenizer's chunk cache (spaCy's `_cache`): the tokens of whitespace-delimited chunks already seen,
/// shared by the copies of one tokenizer, bounded like spaCy's (`max_cache_size`, 10,000 chunks by default).
final class ChunkCache: @unchecked Sendable {
    private let lock = NSLock()
    private var tokens: [String: [CachedToken]] = [:]
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        tokens.reserveCapacity(min(capacity, 1 << 14))
    }

    func get(_ chunk: String) -> [CachedToken]? {
        lock.lock()
        defer { lock.unlock() }
        return tokens[chunk]
    }

    func set(_ chunk: String, _ value: [CachedToken]) {
        lock.lock()
        defer { lock.unlock() }
        if tokens.count < capacity { tokens[chunk] = value }
    }
}
