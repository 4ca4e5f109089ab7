/// A map from token keys to values for the extractor's hot lookups.
///
/// Token keys are already 64-bit FNV-1a hashes, so `Dictionary<UInt64, …>` and `Set<UInt64>` hash
/// them a second time with SipHash on every lookup (about a fifth of the extractor's instructions
/// once did that). This table is open addressing with linear probing over a power-of-two array,
/// indexed by one multiply of the key (Fibonacci hashing) and kept at most a quarter full: a lookup
/// is a multiply, a shift and usually one comparison. Most lookups miss, and a quarter full, most
/// misses stop at an empty home slot (worth 1.5 % of the extractor's instructions over half full,
/// for about 0.3 MB more of tables). Read-only after it is built; order of insertion
/// is not kept and nothing iterates it.
struct KeyMap<Value: Sendable>: Sendable {
    private var keys: [UInt64]
    private var values: [Value?]
    private var shift: UInt64
    /// `keys.count - 1`, kept to wrap the probe without reading the array's count.
    private var mask: Int
    private(set) var count = 0

    init() {
        keys = [UInt64](repeating: 0, count: 8)
        values = [Value?](repeating: nil, count: 8)
        shift = 64 - 3
        mask = 7
    }

    /// An empty map with room for `capacity` keys before it first grows (tables that are filled as an
    /// article is read start at their usual size instead of doubling their way there).
    init(minimumCapacity capacity: Int) {
        var size = 8, bits: UInt64 = 3
        while size < capacity * 4, bits < 40 { size *= 2; bits += 1 }
        keys = [UInt64](repeating: 0, count: size)
        values = [Value?](repeating: nil, count: size)
        shift = 64 - bits
        mask = size - 1
    }

    init<S: Sequence>(_ pairs: S) where S.Element == (UInt64, Value) {
        self.init()
        for (k, v) in pairs { self[k] = v }
    }

    /// The home slot of `key`. `&>>` is a plain shift (`>>` would also test for shifts of 64 or more;
    /// `shift` is always in 1...63).
    @inline(__always)
    private func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) &>> shift) }

    /// The value stored for `key`; setting `nil` is not supported (nothing removes keys).
    subscript(key: UInt64) -> Value? {
        @inline(__always) get {
            var i = slot(key)
            return values.withUnsafeBufferPointer { vs in
                keys.withUnsafeBufferPointer { ks in
                    while true {
                        guard let v = vs[i] else { return nil }
                        if ks[i] == key { return v }
                        i = (i + 1) & mask
                    }
                }
            }
        }
        set {
            guard let newValue else { preconditionFailure("KeyMap does not remove keys") }
            var i = slot(key)
            while values[i] != nil {
                if keys[i] == key { values[i] = newValue; return }
                i = (i + 1) & mask
            }
            keys[i] = key
            values[i] = newValue
            count += 1
            if count * 4 > keys.count { grow() } // see above: at most a quarter full
        }
    }

    /// Doubles the table, moving each entry straight to its new slot (every key is distinct: no
    /// comparisons, no count checks, no recursion through the setter).
    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        let size = oldKeys.count * 2
        var newKeys = [UInt64](repeating: 0, count: size)
        var newValues = [Value?](repeating: nil, count: size)
        shift -= 1
        mask = size - 1
        let sh = shift, m = mask
        newKeys.withUnsafeMutableBufferPointer { nk in
            newValues.withUnsafeMutableBufferPointer { nv in
                for j in oldKeys.indices {
                    guard let v = oldValues[j] else { continue }
                    let k = oldKeys[j]
                    var i = Int(truncatingIfNeeded: (k &* 0x9E37_79B9_7F4A_7C15) &>> sh)
                    while nv[i] != nil { i = (i + 1) & m }
                    nk[i] = k
                    nv[i] = v
                }
            }
        }
        keys = newKeys
        values = newValues
    }
}

/// A set of token keys with `KeyMap`'s cheap lookup (see there).
public struct KeySet: Sendable, ExpressibleByArrayLiteral {
    private var map = KeyMap<Bool>()

    public init() {}

    public init<S: Sequence>(_ keys: S) where S.Element == UInt64 {
        for k in keys { map[k] = true }
    }

    public init(arrayLiteral elements: UInt64...) { self.init(elements) }

    public var count: Int { map.count }

    @inline(__always)
    public func contains(_ key: UInt64) -> Bool { map[key] != nil }

    @discardableResult
    public mutating func insert(_ key: UInt64) -> Bool {
        if map[key] != nil { return false }
        map[key] = true
        return true
    }
}
