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
/// shared by the copies of one tokenizer, bounded like spaCy's (`max_cache_size`); once full, new chunks are
/// tokenized every time, as in spaCy.
final class ChunkCache: @unchecked Sendable {
    private let lock = NSLock()
    private var tokens: [UInt64: (chunk: String, tokens: [CachedToken])] = [:]
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        tokens.reserveCapacity(min(capacity, 1 << 14))
    }

    /// The cached tokens of `chunk`, whose hash is `hash` (spaCy keys its cache by the hash too).
    func get(_ chunk: String, hash: UInt64) -> [CachedToken]? {
        lock.lock()
        defer { lock.unlock() }
        guard let entry = tokens[hash], entry.chunk == chunk else { return nil }
        return entry.tokens
    }

    func set(_ chunk: String, hash: UInt64, _ value: [CachedToken]) {
        lock.lock()
        defer { lock.unlock() }
        if tokens.count < capacity { tokens[hash] = (chunk, value) }
    }
}

/// The lexical feature keys of token texts already seen (spaCy keeps them on its lexemes), shared by the
/// copies of one tokenizer, bounded.
final class LexemeFeatureCache: @unchecked Sendable {
    struct Entry {
        let text: String
        let norm: String
        let normKey: UInt64
        let prefix: UInt64
        let suffix: UInt64
        let shape: UInt64
    }

    private let lock = NSLock()
    private var entries: [UInt64: Entry] = [:]
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// The entry of `text`, whose hash is `hash`.
    func get(_ text: String, hash: UInt64) -> Entry? {
        lock.lock()
        defer { lock.unlock() }
        guard let entry = entries[hash], entry.text == text else { return nil }
        return entry
    }

    func set(hash: UInt64, _ entry: Entry) {
        lock.lock()
        defer { lock.unlock() }
        if entries.count < capacity { entries[hash] = entry }
    }
}
