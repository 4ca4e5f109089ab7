import Foundation
import Testing

@testable import NewsGraphSyntax

/// Hard cases of spaCy's English tokenizer, on sentences of our own; expectations are spaCy 3.8's output.
@Suite struct SyntaxTokenizerTests {
    static let tokenizer: SyntaxTokenizer? = try? SyntaxTokenizer.bundled()

    func tokenizer() throws -> SyntaxTokenizer { try #require(Self.tokenizer) }

    func texts(_ text: String) throws -> [String] { try tokenizer().tokenize(text).map(\.text) }

    func norms(_ text: String) throws -> [String] { try tokenizer().tokenize(text).map(\.norm) }

    @Test func emptyTextHasNoTokens() throws {
        #expect(try tokenizer().tokenize("").isEmpty)
    }

    @Test func contractionsSplitWithTheirNorms() throws {
        #expect(try texts("I don't know.") == ["I", "do", "n't", "know", "."])
        #expect(try norms("I don't know.") == ["i", "do", "not", "know", "."])
        #expect(try texts("Let's go") == ["Let", "'s", "go"])
        #expect(try norms("Let's go") == ["let", "us", "go"])
        #expect(try norms("gonna") == ["going", "to"])
        #expect(try texts("He's 'quoted' here") == ["He", "'s", "'", "quoted", "'", "here"])
    }

    @Test func abbreviationsKeepTheirPeriods() throws {
        #expect(try texts("The U.S. Army and Mr. Smith met.") == ["The", "U.S.", "Army", "and", "Mr.", "Smith", "met", "."])
        #expect(try texts("10a.m. 7pm") == ["10", "a.m.", "7", "pm"])
        #expect(try norms("10a.m. 7pm") == ["10", "a.m.", "7", "p.m."])
    }

    @Test func currenciesUnitsAndPercentsAreSplitOff() throws {
        #expect(try texts("It cost $5 and 10km.") == ["It", "cost", "$", "5", "and", "10", "km", "."])
        #expect(try texts("50%.") == ["50", "%", "."])
        #expect(try texts("AK-47s") == ["AK-47s"])
    }

    @Test func bracketsQuotesAndDashes() throws {
        #expect(try texts("The Border Security Authority (BLA) said.")
            == ["The", "Border", "Security", "Authority", "(", "BLA", ")", "said", "."])
        #expect(try texts("\"We will fight,\" he said.") == ["\"", "We", "will", "fight", ",", "\"", "he", "said", "."])
        #expect(try texts("Rebels—armed—fled – again.") == ["Rebels", "—", "armed", "—", "fled", "–", "again", "."])
        #expect(try norms("Rebels—armed—fled – again.") == ["rebels", "-", "armed", "-", "fled", "-", "again", "."])
    }

    @Test func hyphenatedWordsSplitAtTheHyphen() throws {
        #expect(try texts("A well-known pro-government militia.")
            == ["A", "well", "-", "known", "pro", "-", "government", "militia", "."])
        #expect(try texts("ex-rebel") == ["ex", "-", "rebel"])
    }

    @Test func urlsAndEmailAddressesStayWhole() throws {
        #expect(try texts("See https://www.example.org/news?id=5, then www.bbc.co.uk.")
            == ["See", "https://www.example.org/news?id=5", ",", "then", "www.bbc.co.uk", "."])
        #expect(try texts("Write to press@example.com.") == ["Write", "to", "press@example.com", "."])
    }

    @Test func whitespaceRunsBecomeSpaceTokens() throws {
        let tokens = try tokenizer().tokenize("one  two   three")
        #expect(tokens.map(\.text) == ["one", " ", "two", "  ", "three"])
        #expect(tokens.map(\.spaceAfter) == [true, false, true, false, false])
        #expect(tokens.map(\.isSpace) == [false, true, false, true, false])
        #expect(tokens.map(\.start) == [0, 4, 5, 9, 11])
        #expect(try texts("line\nnext\n\nend") == ["line", "\n", "next", "\n\n", "end"])
        #expect(try texts("a\tb") == ["a", "\t", "b"])
        #expect(try texts("  lead") == ["  ", "lead"])
        #expect(try texts("trail  ").map { $0 } == ["trail", " "])
        #expect(try texts(" ") == [" "])
        #expect(try norms("\u{A0}x") == ["  ", "x"])
    }

    @Test func offsetsCountUnicodeScalars() throws {
        let tokens = try tokenizer().tokenize("Attack 😀👍🏽 here")
        #expect(tokens.map(\.text) == ["Attack", "😀", "👍", "🏽", "here"])
        #expect(tokens.map(\.start) == [0, 7, 8, 9, 11])
        #expect(tokens.map(\.end) == [6, 8, 9, 10, 15])
    }

    @Test func nonLatinScriptsAndPythonLowerCase() throws {
        #expect(try texts("Москва и Київ") == ["Москва", "и", "Київ"])
        #expect(try norms("Москва и Київ") == ["москва", "и", "київ"])
        #expect(try texts("北京市") == ["北京市"])
        #expect(try norms("ΟΔΟΣ") == ["οδος"])  // final sigma, as Python's str.lower()
        #expect(try norms("İstanbul ǅemal") == ["i\u{307}stanbul", "ǆemal"])
    }

    @Test func emoticonsAreRestoredByTheFinalSpecialCasePass() throws {
        #expect(try texts("x:)") == ["x", ":)"])
        // The matcher also matches "(" + ":" across the space; that longer-or-leftmost span blocks ":)".
        #expect(try texts("(( :)x") == ["(", "(", ":", ")", "x"])
    }

    @Test func featuresAreSpacyKeysWithSymbols() throws {
        let tokenizer = try tokenizer()
        let tokens = tokenizer.tokenize("Xi det number ΟΔΟΣ")
        let expected: [[UInt64]] = [
            [11_314_802_059_826_114_770, 101, 16_534_309_131_401_149_447, 12_204_527_652_707_022_206, 1, 0],
            [415, 8_148_669_997_605_808_657, 415, 4_088_098_365_541_558_500, 1, 0],
            [432, 13_210_364_986_222_294_696, 8_529_155_809_759_507_800, 13_110_060_611_322_374_290, 1, 0],
            [17_129_677_069_475_088_392, 6_281_389_250_385_958_075, 17_379_186_000_339_699_687, 13_862_804_199_789_047_564, 0, 0],
        ]
        #expect(tokenizer.lexicalFeatures(tokens) == expected.flatMap { $0 })
        #expect(SpacyStringKeys.hash("hello") == 5_983_625_672_228_268_878)
        #expect(tokenizer.stringKeys.key("") == 0)
    }

    @Test func wordShapesFollowSpacy() {
        #expect(LexicalFeatures.wordShape("Xi") == "Xx")
        #expect(LexicalFeatures.wordShape("number") == "xxxx")
        #expect(LexicalFeatures.wordShape("C3PO-2024!") == "XdXX-dddd!")
        #expect(LexicalFeatures.wordShape(String(repeating: "a", count: 100)) == "LONG")
        #expect(LexicalFeatures.suffix("👍🏽ab") == "🏽ab")
    }

    /// A megabyte without a space comes back whole, covering every scalar in order (its time is
    /// measured by `Benchmarks/extraction/hostile.sh`, not here).
    @Test(arguments: ["ab1-", "((x.", "word"])
    func aMegabyteTokenComesBackWholeAndInOrder(_ unit: String) throws {
        let tokenizer = try tokenizer()
        let large = String(repeating: unit, count: 1_000_000 / unit.count)
        let tokens = tokenizer.tokenize(large)
        #expect(tokens.first?.start == 0)
        #expect(tokens.last?.end == large.unicodeScalars.count)
        #expect(zip(tokens, tokens.dropFirst()).allSatisfy { $0.end <= $1.start })
    }
}
