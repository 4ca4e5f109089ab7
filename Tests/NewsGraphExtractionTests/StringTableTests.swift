import Testing
@testable import NewsGraphExtraction

/// `StringIndex` and `StringPairSet`: an article's name tables, found by FNV key and confirmed by the string.
@Suite("String tables")
struct StringTableTests {
    @Test("A StringIndex returns the stored value, nil for an absent string, the last value set for a string")
    func index() {
        var index = StringIndex(minimumCapacity: 4)
        #expect(index["quetta"] == nil)
        index["quetta"] = 1
        index["kalat"] = 2
        #expect(index["quetta"] == 1)
        #expect(index["kalat"] == 2)
        index["quetta"] = 3
        #expect(index["quetta"] == 3)
        #expect(index["Quetta"] == nil)
    }

    @Test("A StringIndex tells apart strings whose keys are equal (the key folds ASCII case; the string does not)")
    func sameKey() {
        // Tokenizer.hash folds A–Z, so these three share one key: the chain must confirm the string
        #expect(Tokenizer.hash(Array("Kech".utf8)) == Tokenizer.hash(Array("KECH".utf8)))
        var index = StringIndex()
        index["kech"] = 1
        index["Kech"] = 2
        index["KECH"] = 3
        #expect(index["kech"] == 1)
        #expect(index["Kech"] == 2)
        #expect(index["KECH"] == 3)
        #expect(index["kecH"] == nil)
    }

    @Test("A StringIndex holds the empty string, Unicode strings and many strings past its first size")
    func edgeCases() {
        var index = StringIndex()
        index[""] = 0
        index["léré"] = 1
        index["lere"] = 2
        index["e\u{301}"] = 3 // decomposed: another string of bytes than "é"
        #expect(index[""] == 0)
        #expect(index["léré"] == 1)
        #expect(index["lere"] == 2)
        #expect(index["e\u{301}"] == 3)
        let names = (0..<2_000).map { (i: Int) in "name \(i)" }
        for (i, name) in names.enumerated() { index[name] = i }
        let found = names.map { index[$0] }
        #expect(found == names.indices.map { Optional($0) })
        #expect(index["name 2000"] == nil)
        #expect(index["léré"] == 1)
    }

    @Test("A StringPairSet holds (string, value) pairs: insert says whether the pair was new")
    func pairSet() {
        var set = StringPairSet(minimumCapacity: 2)
        #expect(!set.contains("kech", 1))
        let inserted = [set.insert("kech", 1), set.insert("kech", 1), set.insert("kech", 2), set.insert("KECH", 1), set.insert("", 1)]
        #expect(inserted == [true, false, true, true, true])
        #expect(set.contains("kech", 1))
        #expect(set.contains("kech", 2))
        #expect(set.contains("KECH", 1))
        #expect(set.contains("", 1))
        #expect(!set.contains("KECH", 2))
        #expect(!set.contains("kech", 3))
    }
}
