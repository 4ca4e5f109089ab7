import Testing
@testable import NewsGraphExtraction

/// `KeyMap` and `KeySet`: the open-addressing tables every token-key lookup of the extractor goes through.
@Suite("Key tables")
struct KeyTableTests {
    @Test("A KeyMap returns what was stored, nil for an absent key, and the last value set for a key")
    func insertAndLookUp() {
        var map = KeyMap<String>()
        #expect(map.count == 0)
        #expect(map[42] == nil)
        map[42] = "a"
        map[7] = "b"
        #expect(map[42] == "a")
        #expect(map[7] == "b")
        #expect(map[8] == nil)
        map[42] = "c"
        #expect(map[42] == "c")
        #expect(map.count == 2)
    }

    @Test("Key 0 and the largest key are ordinary keys (0 is not an empty-slot marker)")
    func extremeKeys() {
        var map = KeyMap<Int>()
        #expect(map[0] == nil)
        map[0] = 1
        map[UInt64.max] = 2
        #expect(map[0] == 1)
        #expect(map[UInt64.max] == 2)
        #expect(map[1] == nil)
        #expect(map.count == 2)
    }

    @Test("A KeyMap keeps every entry while it grows far past its first size, from either initialiser")
    func growth() {
        var small = KeyMap<Int>()
        var sized = KeyMap<Int>(minimumCapacity: 3)
        // keys that share their high bits (what the home slot is taken from) and keys spread out
        let keys = (0..<5_000).map { UInt64($0) } + (1...5_000).map { UInt64($0) &* 0x9E37_79B9_7F4A_7C15 }
        for (i, k) in keys.enumerated() {
            small[k] = i
            sized[k] = i
        }
        #expect(small.count == keys.count)
        #expect(sized.count == keys.count)
        #expect(Set(keys).count == keys.count)
        #expect(keys.map { small[$0] } == keys.indices.map { Optional($0) })
        #expect(keys.map { sized[$0] } == keys.indices.map { Optional($0) })
        #expect(small[UInt64.max - 1] == nil)
    }

    @Test("A KeyMap built from pairs keeps the last value of a repeated key")
    func fromPairs() {
        let map = KeyMap([(UInt64(1), "one"), (2, "two"), (1, "uno")])
        #expect(map.count == 2)
        #expect(map[1] == "uno")
        #expect(map[2] == "two")
    }

    @Test("A KeyMap of the tokenizer's keys finds words by their lower-cased bytes, Unicode included")
    func tokenKeys() {
        var map = KeyMap<String>()
        for w in ["Quetta", "Balochistan", "Léré", "خضدار", ""] { map[Tokenizer.hash(Array(w.utf8))] = w }
        #expect(map[Tokenizer.hash(Array("QUETTA".utf8))] == "Quetta")
        #expect(map[Tokenizer.hash(Array("léré".utf8))] == "Léré")
        #expect(map[Tokenizer.hash(Array("خضدار".utf8))] == "خضدار")
        #expect(map[Tokenizer.hash([UInt8]())] == "")
        // only ASCII letters are folded: "LÉRÉ" is another word
        #expect(map[Tokenizer.hash(Array("LÉRÉ".utf8))] == nil)
    }

    @Test("A KeySet reports membership, and insert says whether the key was new")
    func keySet() {
        var set: KeySet = [1, 2, 3]
        #expect(set.count == 3)
        #expect(set.contains(2))
        #expect(!set.contains(4))
        let first = set.insert(4), second = set.insert(4)
        #expect(first)
        #expect(!second)
        #expect(set.contains(4))
        #expect(set.count == 4)
        let many = KeySet((0..<1_000).map { UInt64($0) << 40 })
        #expect(many.count == 1_000)
        #expect((0..<1_000).allSatisfy { (i: Int) in many.contains(UInt64(i) << 40) })
        #expect(!many.contains(1))
    }
}
