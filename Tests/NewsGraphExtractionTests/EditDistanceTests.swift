import Testing
@testable import NewsGraphExtraction

/// `Names.editDistance`: the bounded Levenshtein distance on bytes behind in-article misspelling matches.
@Suite("Bounded edit distance")
struct EditDistanceTests {
    private func d(_ a: String, _ b: String, _ limit: Int) -> Int { Names.editDistance(Array(a.utf8), Array(b.utf8), limit: limit) }

    @Test("Within the limit it is the Levenshtein distance: substitutions, insertions, deletions")
    func exact() {
        #expect(d("baloch", "baloch", 2) == 0)
        #expect(d("baloch", "balooch", 2) == 1)
        #expect(d("baloch", "balch", 2) == 1)
        #expect(d("kalat", "kelat", 2) == 1)
        #expect(d("kitten", "sitting", 3) == 3)
        #expect(d("flaw", "lawn", 2) == 2)
        #expect(d("ab", "ba", 2) == 2) // a transposition is two edits
    }

    @Test("Above the limit it returns limit + 1, also when the lengths alone rule the pair out")
    func bounded() {
        #expect(d("kitten", "sitting", 2) == 3)
        #expect(d("quetta", "karachi", 1) == 2)
        #expect(d("a", "abcdef", 2) == 3)
        #expect(d("abcdef", "ghijkl", 0) == 1)
    }

    @Test("The empty string is as far as the other string is long")
    func empty() {
        #expect(d("", "", 0) == 0)
        #expect(d("", "abc", 5) == 3)
        #expect(d("abc", "", 5) == 3)
        #expect(d("", "abc", 1) == 2)
    }

    @Test("It counts bytes: a letter with a diacritic is two bytes, so one substitution can cost two")
    func bytes() {
        #expect(d("lere", "lerè", 3) == 2) // "è" is 0xC3 0xA8
        #expect(d("léré", "léré", 0) == 0)
        #expect(d("lere", "lerè", 1) == 2)
    }
}
