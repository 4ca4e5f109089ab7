/// (string, integer) entries found by the string's FNV-1a key (`Tokenizer.hash`, in a `KeyMap`) and confirmed by
/// comparing the string itself, so strings whose keys collide still stay apart. Nothing is ever removed.
/// The storage of `StringIndex` and `StringPairSet`: `Dictionary<String, …>` and `Set` hash every lookup with
/// SipHash over the string, and an article's name tables are asked for every mention.
private struct StringChains {
    /// Newest entry for each key; entries with the same key are chained through `previous`.
    private var newest: KeyMap<Int>
    private(set) var strings: [String] = []
    var values: [Int] = []
    private var previous: [Int] = []

    init(minimumCapacity capacity: Int) { newest = KeyMap(minimumCapacity: capacity) }

    /// The string's key, hashed over its contiguous UTF-8 storage (native strings always have one).
    @inline(__always) static func key(_ s: String) -> UInt64 {
        s.utf8.withContiguousStorageIfAvailable { Tokenizer.hash($0) } ?? Tokenizer.hash(s.utf8)
    }

    /// The newest entry for `s` (whose key is `key`) that satisfies `accept`, if any.
    func find(_ s: String, _ key: UInt64, where accept: (Int) -> Bool = { _ in true }) -> Int? {
        var i = newest[key] ?? -1
        while i >= 0 {
            if accept(i), strings[i] == s { return i }
            i = previous[i]
        }
        return nil
    }

    mutating func append(_ s: String, _ key: UInt64, _ value: Int) {
        previous.append(newest[key] ?? -1)
        newest[key] = strings.count
        strings.append(s)
        values.append(value)
    }
}

/// Strings to entity indices, for an article's name indexes (`Document.entityByForm`, `personNameParts`).
struct StringIndex {
    private var chains: StringChains

    /// An empty index with room for `capacity` strings before its table grows.
    init(minimumCapacity capacity: Int = 0) { chains = StringChains(minimumCapacity: capacity) }

    subscript(s: String) -> Int? {
        get { chains.find(s, StringChains.key(s)).map { chains.values[$0] } }
        set {
            guard let newValue else { preconditionFailure("StringIndex does not remove strings") }
            let key = StringChains.key(s)
            if let i = chains.find(s, key) { chains.values[i] = newValue } else { chains.append(s, key, newValue) }
        }
    }
}

/// A set of (string, entity) pairs: which normalised forms each entity of an article has.
struct StringPairSet {
    private var chains: StringChains

    /// An empty set with room for `capacity` pairs before its table grows.
    init(minimumCapacity capacity: Int = 0) { chains = StringChains(minimumCapacity: capacity) }

    func contains(_ s: String, _ value: Int) -> Bool {
        chains.find(s, StringChains.key(s), where: { chains.values[$0] == value }) != nil
    }

    /// Adds the pair; returns false when it was there already.
    @discardableResult
    mutating func insert(_ s: String, _ value: Int) -> Bool {
        let key = StringChains.key(s)
        if chains.find(s, key, where: { chains.values[$0] == value }) != nil { return false }
        chains.append(s, key, value)
        return true
    }
}
