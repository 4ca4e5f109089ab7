/// spaCy's `StringStore` keys: the 64-bit id spaCy gives a string (`strings.add`, `get_string_id`).
///
/// The empty string is 0; a string that names one of spaCy's symbols (`spacy.symbols.IDS`, e.g. "det",
/// "number", "X") is that symbol's id; any other string is MurmurHash64A of its UTF-8 bytes with seed 1.
public struct SpacyStringKeys: Sendable {
    /// Symbol name and id by the hash of the name.
    private let symbols: HashKeyMap<(name: String, id: UInt64)>

    init(symbols: [String: UInt64]) {
        self.symbols = HashKeyMap(symbols.map { (Self.hash($0.key), (name: $0.key, id: $0.value)) })
    }

    /// The key spaCy's `StringStore` gives `string`.
    @inline(__always)
    public func key(_ string: String) -> UInt64 {
        if string.isEmpty { return 0 }
        let hash = Self.hash(string)
        return key(string, hash: hash)
    }

    /// The key of `string` whose `hash(_:)` is `hash`.
    @inline(__always)
    func key(_ string: String, hash: UInt64) -> UInt64 {
        if let symbol = symbols[hash], symbol.name == string { return symbol.id }
        return hash
    }

    /// spaCy's `hash_string`: MurmurHash64A of the UTF-8 bytes, seed 1 (no symbol look-up).
    public static func hash(_ string: String) -> UInt64 {
        var copy = string
        return copy.withUTF8 { murmurHash64A(UnsafeRawBufferPointer($0), seed: 1) }
    }
}

/// Austin Appleby's MurmurHash64A (the `hash64` of the `murmurhash` package spaCy uses), little-endian.
func murmurHash64A(_ bytes: UnsafeRawBufferPointer, seed: UInt64) -> UInt64 {
    let m: UInt64 = 0xc6a4_a793_5bd1_e995
    let r: UInt64 = 47
    let length = bytes.count
    var h = seed ^ (UInt64(truncatingIfNeeded: length) &* m)
    let blocks = length / 8
    for block in 0..<blocks {
        var k = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: block * 8, as: UInt64.self))
        k &*= m
        k ^= k >> r
        k &*= m
        h ^= k
        h &*= m
    }
    let tail = blocks * 8
    let rest = length & 7
    if rest > 0 {
        for i in stride(from: rest - 1, through: 0, by: -1) {
            h ^= UInt64(bytes[tail + i]) << (8 * UInt64(i))
        }
        h &*= m
    }
    h ^= h >> r
    h &*= m
    h ^= h >> r
    return h
}
