import Testing
@testable import NewsGraphSyntax

@Suite struct SyntaxParserTests {
    @Test func parsesASentenceIntoOneTreeWithTheVerbAsRoot() throws {
        let parser = try SyntaxParser.bundled()
        let parsed = parser.parse("Militants attacked a checkpoint in Zhob on Tuesday.")
        #expect(parsed.sentences.count == 1)
        let root = try #require(parsed.sentences.first?.root)
        #expect(parsed.tokens[root].text == "attacked")
        #expect(parsed.children(of: root, labeled: ["nsubj"]).map { parsed.tokens[$0].text } == ["Militants"])
        #expect(parsed.children(of: root, labeled: ["dobj"]).map { parsed.tokens[$0].text } == ["checkpoint"])
    }

    @Test("A wire dateline that opens a line is parsed apart from the sentence after it")
    func wireDatelineIsParsedApart() throws {
        let parser = try SyntaxParser.bundled()
        let text = "KORVIN CITY, March 22 – The Norland army announced on Friday that its troops repelled the attack."
        let parsed = parser.parseLines(text)
        let announced = try #require(parsed.tokens.indices.first { parsed.tokens[$0].text == "announced" })
        #expect(parsed.children(of: announced, labeled: ["nsubj"]).map { parsed.tokens[$0].text } == ["army"])
        #expect(parsed.tokens.contains { $0.text == "CITY" && $0.sentence != parsed.tokens[announced].sentence })
        // offsets stay those of the text
        #expect(parsed.tokens[announced].start == 41)
    }

    @Test("Wire datelines: place, date or region, agency, then a dash or colon; ordinary sentences are none")
    func wireDatelineShapes() {
        func length(_ s: String) -> Int? { WireDateline.length(s.unicodeScalars) }
        #expect(length("KORVIN, Oct 5 (Wire Service) - Gunmen") == 31)
        #expect(length("QUETTA: Gunmen") == 8)
        #expect(length("KORVIN CITY (Daily News / 10 August) — Gunmen") == 39)
        #expect(length("NEWSWIRE- Gunmen") == 10)
        #expect(length("Gunmen attacked a post - police said") == nil)
        #expect(length("UN - the council") == nil)
        #expect(length("UN - The council met") == nil)
    }
}
