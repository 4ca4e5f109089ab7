/// An index of lexicon phrases (sequences of token keys) to values, matched longest first.
///
/// Phrases are found by their first token's key (`Token.key`, FNV-1a) and confirmed word by word on both
/// hashes of each token (`key` and `check`), so a word of the text whose key collides with a lexicon word's
/// neither fires a trigger nor names an entity.
struct PhraseIndex<Value: Sendable>: Sendable {
    /// One word of a phrase: the two hashes its token carries.
    struct Word: Sendable, Equatable {
        var key: UInt64
        var check: UInt32

        init(key: UInt64, check: UInt32) {
            self.key = key
            self.check = check
        }

        init(_ token: Token) { self.init(key: token.key, check: token.check) }

        /// Whether `token` is this word.
        @inline(__always)
        func matches(_ token: Token) -> Bool { token.key == key && token.check == check }
    }

    struct Entry: Sendable {
        var words: [Word]
        var value: Value
    }
    /// Phrases by their first token key, longest first (an empty list once every phrase of a key was removed).
    private(set) var byFirst = KeyMap<[Entry]>()
    private(set) var count = 0

    init() {}

    /// Adds a phrase, given as its tokens (`Tokenizer.tokenize` of the lexicon form), or replaces its value.
    mutating func insert(_ phrase: [Token], value: Value) {
        insert(words: phrase.map(Word.init), value: value)
    }

    /// Adds a phrase with one more value, replacing only a value `sameSlot` says it stands for, and keeping the
    /// others ("Army" is a suffix head in "the Olem Army" and a prefix head in "Army Aviation"): `match` returns the
    /// value added last, `firstMatch` tries each, latest first.
    mutating func add(_ phrase: [Token], value: Value, replacing sameSlot: (Value) -> Bool) {
        let words = phrase.map(Word.init)
        guard let first = words.first else { return }
        var list = byFirst[first.key] ?? []
        if let existing = list.firstIndex(where: { $0.words == words && sameSlot($0.value) }) {
            list[existing].value = value
        } else {
            // before the other phrases of its length, so the list stays longest first and the latest row wins `match`
            let at = list.firstIndex { $0.words.count <= words.count } ?? list.endIndex
            list.insert(Entry(words: words, value: value), at: at)
            count += 1
        }
        byFirst[first.key] = list
    }

    /// Adds a phrase given as its words, or replaces its value.
    mutating func insert(words: [Word], value: Value) {
        guard let first = words.first else { return }
        var list = byFirst[first.key] ?? []
        if let existing = list.firstIndex(where: { $0.words == words }) {
            list[existing].value = value
        } else {
            list.append(Entry(words: words, value: value))
            list.sort { $0.words.count > $1.words.count }
            count += 1
        }
        byFirst[first.key] = list
    }

    /// Removes a phrase, given as its tokens.
    mutating func remove(_ phrase: [Token]) {
        let words = phrase.map(Word.init)
        guard let first = words.first, var list = byFirst[first.key], !list.isEmpty else { return }
        let before = list.count
        list.removeAll { $0.words == words }
        count -= before - list.count
        byFirst[first.key] = list
    }

    /// Whether the phrase `e` is the text's tokens from `i` on (the caller checked it fits before its limit).
    @inline(__always)
    private static func confirmed(_ e: Entry, _ tokens: [Token], at i: Int) -> Bool {
        for k in 0..<e.words.count where !e.words[k].matches(tokens[i + k]) { return false }
        return true
    }

    /// The longest phrase starting at token `i` (not crossing `limit`), with its length in tokens.
    @inline(__always)
    func match(_ tokens: [Token], at i: Int, limit: Int) -> (length: Int, value: Value)? {
        guard i < limit, let list = byFirst[tokens[i].key] else { return nil }
        for e in list where i + e.words.count <= limit && Self.confirmed(e, tokens, at: i) {
            return (e.words.count, e.value)
        }
        return nil
    }

    /// The longest phrase starting at token `i` whose value satisfies `accept` (no allocation).
    @inline(__always)
    func firstMatch(_ tokens: [Token], at i: Int, limit: Int, where accept: (Int, Value) -> Bool) -> (length: Int, value: Value)? {
        guard i < limit, let list = byFirst[tokens[i].key] else { return nil }
        for e in list where i + e.words.count <= limit && Self.confirmed(e, tokens, at: i) {
            if accept(e.words.count, e.value) { return (e.words.count, e.value) }
        }
        return nil
    }

    /// Every phrase starting at token `i`, longest first.
    func matches(_ tokens: [Token], at i: Int, limit: Int) -> [(length: Int, value: Value)] {
        guard i < limit, let list = byFirst[tokens[i].key] else { return [] }
        var out: [(Int, Value)] = []
        for e in list where i + e.words.count <= limit && Self.confirmed(e, tokens, at: i) {
            out.append((e.words.count, e.value))
        }
        return out
    }

    func contains(_ tokens: [Token], at i: Int, limit: Int) -> Bool { match(tokens, at: i, limit: limit) != nil }
}
