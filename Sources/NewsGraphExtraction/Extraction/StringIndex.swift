/// Strings to entity indices, for an article's name indexes (`Document.entityByForm`, `personNameParts`).
///
/// `Dictionary<String, Int>` hashes every lookup with SipHash over the string; these indexes are asked for
/// every mention. Here a string is found by its FNV-1a key (`Tokenizer.hash`, in a `KeyMap`) and confirmed by
/// comparing the string itself, so names whose keys collide still stay apart. Nothing is ever removed.
struct StringIndex {
    /// Newest entry for each key; entries with the same key are chained through `previous`.
    private var newest: KeyMap<Int>
    private var strings: [String] = []
    private var values: [Int] = []
    private var previous: [Int] = []

    /// The string's key, hashed over its contiguous UTF-8 storage (native strings always have one).
    /// An empty index with room for `capacity` strings before its table grows.
    init(minimumCapacity capacity: Int = 0) { newest = KeyMap(minimumCapacity: capacity) }

    @inline(__always) static func key(_ s: String) -> UInt64 {
        s.utf8.withContiguousStorageIfAvailable { Tokenizer.hash($0) } ?? Tokenizer.hash(s.utf8)
    }

    /// The entry holding `s`, if any.
    private func find(_ s: String, _ key: UInt64) -> Int? {
        var i = newest[key] ?? -1
        while i >= 0 {
            if strings[i] == s { return i }
            i = previous[i]
        }
        return nil
    }

    subscript(s: String) -> Int? {
        get { find(s, StringIndex.key(s)).map { values[$0] } }
        set {
            guard let newValue else { preconditionFailure("StringIndex does not remove strings") }
            let key = StringIndex.key(s)
            if let i = find(s, key) { values[i] = newValue; return }
            previous.append(newest[key] ?? -1)
            newest[key] = strings.count
            strings.append(s)
            values.append(newValue)
        }
    }
}

/// A set of (string, entity) pairs: which normalised forms each entity of an article has (see `StringIndex`).
struct StringPairSet {
    private var newest: KeyMap<Int>
    private var strings: [String] = []
    private var values: [Int] = []
    private var previous: [Int] = []

    /// An empty set with room for `capacity` pairs before its table grows.
    init(minimumCapacity capacity: Int = 0) { newest = KeyMap(minimumCapacity: capacity) }

    func contains(_ s: String, _ value: Int) -> Bool { contains(s, value, StringIndex.key(s)) }

    private func contains(_ s: String, _ value: Int, _ key: UInt64) -> Bool {
        var i = newest[key] ?? -1
        while i >= 0 {
            if values[i] == value, strings[i] == s { return true }
            i = previous[i]
        }
        return false
    }

    /// Adds the pair; returns false when it was there already.
    @discardableResult
    mutating func insert(_ s: String, _ value: Int) -> Bool {
        let key = StringIndex.key(s)
        if contains(s, value, key) { return false }
        previous.append(newest[key] ?? -1)
        newest[key] = strings.count
        strings.append(s)
        values.append(value)
        return true
    }
}
