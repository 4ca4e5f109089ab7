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
}
