import Testing
@testable import NewsGraphSyntax

/// "Militants and soldiers clashed in Zhob ." parsed by hand, to test the tree helpers and writers
/// without the model.
func handParsed() -> ParsedText {
    let words: [(String, String, String, Int, String)] = [
        ("Militants", "NNS", "NOUN", 2, "nsubj"),
        ("and", "CC", "CCONJ", 0, "cc"),
        ("soldiers", "NNS", "NOUN", 0, "conj"),
        ("clashed", "VBD", "VERB", 3, "ROOT"),
        ("in", "IN", "ADP", 3, "prep"),
        ("Zhob", "NNP", "PROPN", 4, "pobj"),
        (".", ".", "PUNCT", 3, "punct"),
    ]
    // token 0's head is "clashed" (3); fix the conj chain: soldiers → Militants
    var heads = words.map(\.3)
    heads[0] = 3
    heads[2] = 0
    var tokens: [ParsedToken] = []
    var offset = 0
    for (i, w) in words.enumerated() {
        let len = w.0.unicodeScalars.count
        let spaceAfter = i + 1 < words.count && words[i + 1].0 != "."
        tokens.append(ParsedToken(token: SyntaxToken(text: w.0, start: offset, end: offset + len, spaceAfter: spaceAfter,
                                                     isSpace: false, norm: w.0.lowercased()),
                                  tag: w.1, pos: w.2, head: heads[i], label: w.4, sentence: 0))
        offset += len + (spaceAfter ? 1 : 0)
    }
    return ParsedText(tokens: tokens, sentences: [ParsedSentence(tokens: 0..<7, root: 3)])
}

@Suite struct TreeTests {
    @Test func childrenAreFoundByLabelInTextOrder() {
        let p = handParsed()
        #expect(Array(p.children(of: 3)) == [0, 4, 6])
        #expect(p.children(of: 3, labeled: ["nsubj"]) == [0])
        #expect(p.child(of: 4, labeled: ["pobj"]) == 5)
        #expect(p.head(of: 3) == nil)
    }

    @Test func subtreeSpansCoverTheDescendants() {
        let p = handParsed()
        #expect(p.subtree(of: 0) == 0...2)
        #expect(p.span(ofSubtree: 4) == 31..<38) // "in Zhob"
    }

    @Test func pathsGoUpToTheCommonAncestorAndDown() {
        let p = handParsed()
        #expect(p.path(from: 2, to: 5) == [2, 0, 3, 4, 5])
        #expect(p.path(from: 5, to: 5) == [5])
    }

    @Test func conjunctsListTheWholeCoordination() {
        let p = handParsed()
        #expect(p.conjuncts(of: 2) == [0, 2])
        #expect(p.conjuncts(of: 0) == [0, 2])
    }

    @Test func governingVerbIsTheNearestVerbAncestor() {
        let p = handParsed()
        #expect(p.governingVerb(of: 5) == 3)
        #expect(p.governingVerb(of: 3) == 3)
    }

    @Test func tokenAtOffsetFindsTheCoveringToken() {
        let p = handParsed()
        #expect(p.token(at: 0) == 0)
        #expect(p.token(at: 9) == nil) // the space after "Militants"
        #expect(p.token(at: 34) == 5)
        #expect(p.tokens(in: 10..<22) == 1..<3)
    }

    @Test func conlluHasOneLinePerTokenWithRootZero() {
        let lines = handParsed().conllu(documentID: "t").split(separator: "\n")
        #expect(lines.first == "# newdoc id = t")
        #expect(lines.contains("# text = Militants and soldiers clashed in Zhob."))
        #expect(lines.contains("4\tclashed\t_\tVERB\tVBD\t_\t0\troot\t_\tTokenRange=23:30"))
        #expect(lines.contains("6\tZhob\t_\tPROPN\tNNP\t_\t5\tpobj\t_\tTokenRange=34:38|SpaceAfter=No"))
        #expect(lines.filter { !$0.hasPrefix("#") }.count == 7)
    }

    @Test func jsonNumbersTokensFromOneWithRootZero() {
        let json = handParsed().json(documentID: "t")
        #expect(json.contains("\"head\":0,\"id\":4,\"label\":\"ROOT\""))
        #expect(json.hasPrefix("{\"id\":\"t\""))
    }
}
