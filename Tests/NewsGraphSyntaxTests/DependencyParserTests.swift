import Testing
@_spi(Testing) import NewsGraphCore
@testable import NewsGraphSyntax

/// The parser's annotation steps on hand-built transition sequences, and its behaviour on large inputs.
@Suite struct DependencyParserTests {
    static let actionNames: Result<[String], any Error> = Result { try SyntaxModel.bundled().parser.actions }

    /// Runs the named actions of the bundled model (each must be valid) and annotates the final state.
    func annotate(_ names: [String], length: Int, isSpace: [Bool]? = nil) throws -> DependencyParse {
        let parser = try ParserUnderTest.get()
        let all = try Self.actionNames.get()
        var state = ParserState(length: length)
        for name in names {
            let action = parser.system.actions[try #require(all.firstIndex(of: name), "no action \(name)")]
            #expect(ArcEager.MoveValidity(state).allows(action, in: state), "\(name) should be valid")
            ArcEager.apply(action, to: &state)
        }
        #expect(state.isFinal)
        return parser.annotate(state, isSpace: isSpace)
    }

    @Test func undoesALiftByAttachingToTheNearestWordWithTheHeadLabel() throws {
        // "saw(0) man(1) with(2)": "with" parsed as prep||dobj of "saw" belongs to the dobj "man", as prep.
        let sequence = ["S", "R-dobj", "D", "R-prep||dobj", "D", "D"]
        let parse = try annotate(sequence, length: 3)
        #expect(parse.heads == [0, 0, 1])
        #expect(parse.labels == ["ROOT", "dobj", "prep"])
        #expect(parse.sentenceStarts == [true, false, false])
        // Whitespace words are never the new head: the lift is undone in label only.
        let spaced = try annotate(sequence, length: 3, isSpace: [false, true, false])
        #expect(spaced.heads == [0, 0, 0])
        #expect(spaced.labels == ["ROOT", "dobj", "prep"])
    }

    @Test func breaksMakeSentencesAndHeadlessWordsRoots() throws {
        // "A(0) b(1) C(2) d(3)" with a break before C.
        let parse = try annotate(["S", "B-ROOT", "R-dobj", "D", "D", "S", "R-dobj", "D", "D"], length: 4)
        #expect(parse.heads == [0, 0, 2, 2])
        #expect(parse.labels == ["ROOT", "dobj", "ROOT", "dobj"])
        #expect(parse.sentenceStarts == [true, false, true, false])
    }

    @Test func sentenceStartsAreTheLeftEdgesOfRoots() {
        // 0 ← 1 (root), 2 (root) → 3: starts at 0 and 2.
        let heads: [Int32] = [1, 1, 2, 2]
        #expect(TreeEdges(heads: heads).sentenceStarts(heads: heads) == [true, false, true, false])
    }

    @Test func parsesNothingFromNothing() throws {
        let parse = try ParserUnderTest.get().parse(tokenVectors: [], count: 0)
        #expect(parse.count == 0)
    }

    @Test func parsesTenThousandRandomTokensIntoWellFormedSentences() throws {
        let parser = try ParserUnderTest.get()
        let n = 10_000
        var random = SplitMix64(seed: 2026)
        let vectors = (0..<(n * parser.inputWidth)).map { _ in random.nextFloat() * 4 - 2 }
        let parse = parser.parse(tokenVectors: vectors, count: n)
        #expect(parse.count == n)
        #expect(parse.sentenceStarts.first == true)
        var sentence = [Int](repeating: 0, count: n)
        for i in 1..<n { sentence[i] = sentence[i - 1] + (parse.sentenceStarts[i] ? 1 : 0) }
        var outside = 0, cycles = 0, badRootLabels = 0
        for i in 0..<n {
            let h = parse.heads[i]
            guard h >= 0, h < n else { Issue.record("head \(h) of \(i) out of range"); return }
            if sentence[h] != sentence[i] { outside += 1 }
            if (h == i) != (parse.labels[i] == "ROOT") { badRootLabels += 1 }
            var word = i, steps = 0
            while parse.heads[word] != word && steps <= n {
                word = parse.heads[word]
                steps += 1
            }
            if steps > n { cycles += 1 }
        }
        #expect(outside == 0 && cycles == 0 && badRootLabels == 0)
        #expect(sentence[n - 1] >= 1)
    }
}

extension SplitMix64 {
    /// Uniform in [0, 1), for reproducible random parser inputs.
    mutating func nextFloat() -> Float { Float(next() >> 40) / Float(1 << 24) }
}
