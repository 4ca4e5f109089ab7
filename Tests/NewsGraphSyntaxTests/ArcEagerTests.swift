import Testing
@_spi(Testing) import NewsGraphCore
@testable import NewsGraphSyntax

/// The transition system on hand-built action sequences.
@Suite struct ArcEagerTests {
    static let names = ["S", "D", "L-nsubj", "L-det", "R-dobj", "R-prep", "R-pobj", "R-pobj||prep", "R-punct", "B-ROOT"]

    func system() throws -> ArcEager { try ArcEager(actionNames: Self.names) }

    func action(_ name: String, _ system: ArcEager) throws -> ArcEager.Action {
        let index = try #require(Self.names.firstIndex(of: name))
        return system.actions[index]
    }

    /// Applies the actions in order, each of which must be valid, and returns the state.
    func run(_ names: [String], length: Int) throws -> ParserState {
        let system = try system()
        var state = ParserState(length: length)
        for name in names {
            let a = try action(name, system)
            #expect(ArcEager.MoveValidity(state).allows(a, in: state), "\(name) should be valid")
            ArcEager.apply(a, to: &state)
        }
        return state
    }

    func validNames(_ state: ParserState) throws -> Set<String> {
        let system = try system()
        let validity = ArcEager.MoveValidity(state)
        return Set(Self.names.indices.filter { validity.allows(system.actions[$0], in: state) }.map { Self.names[$0] }.map { String($0.prefix(1)) })
    }

    @Test func readsActionNamesAndLifts() throws {
        let system = try system()
        #expect(system.actions.map(\.move) == [.shift, .reduce, .leftArc, .leftArc, .rightArc, .rightArc, .rightArc, .rightArc, .rightArc, .breakSentence])
        #expect(system.labels[Int(system.actions[0].label)] == "")
        #expect(system.labels[Int(system.actions[2].label)] == "nsubj")
        #expect(system.labels[Int(system.rootLabel)] == "ROOT")
        let lift = try #require(system.lifts[Int(system.actions[7].label)])
        #expect(system.labels[Int(lift.label)] == "pobj" && system.labels[Int(lift.headLabel)] == "prep")
        #expect(lift.label == system.actions[6].label)  // "pobj" is one label, lifted or not
        #expect(system.lifts[Int(system.actions[6].label)] == nil)
        #expect(throws: SyntaxModelError.self) { try ArcEager(actionNames: ["S", "X-foo"]) }
        #expect(throws: SyntaxModelError.self) { try ArcEager(actionNames: ["Lnsubj"]) }
        #expect(throws: SyntaxModelError.self) { try ArcEager(actionNames: ["R-a||b||c"]) }
    }

    @Test func aParseStartsWithAShiftOrABreakAndASingleWordIsShiftedAndReduced() throws {
        // Break is valid on an empty stack, as in spaCy (B(1) = B(0) + 1 is all it asks).
        #expect(try validNames(ParserState(length: 3)) == ["S", "B"])
        var state = try run(["S"], length: 1)
        #expect(try validNames(state) == ["D"])  // buffer empty: no arcs, no break, no shift
        ArcEager.apply(try action("D", try system()), to: &state)
        #expect(state.isFinal && state.heads == [-1])
    }

    @Test func parsesAHandBuiltSentence() throws {
        // "The(0) dog(1) ate(2) bones(3) .(4)"
        let state = try run(["S", "L-det", "S", "L-nsubj", "S", "R-dobj", "D", "R-punct", "D", "D"], length: 5)
        #expect(state.isFinal)
        #expect(state.heads == [1, 2, -1, 2, 2])
        #expect(state.lastLeftChild(of: 2) == 1 && state.lastRightChild(of: 2) == 4)
    }

    @Test func contextFeaturesAreTheEightWordsOfSpaCy() throws {
        // After "S L-det S": stack [1], buffer 2 3 4; 1 has the left child 0.
        let state = try run(["S", "L-det", "S"], length: 5)
        var ids = [Int32](repeating: 99, count: 8)
        ids.withUnsafeMutableBufferPointer { state.contextTokens(into: $0.baseAddress!) }
        #expect(ids == [2, 3, 1, -1, -1, -1, 0, -1])
    }

    @Test func breakStartsASentenceThatTheStackMustBeEmptiedFor() throws {
        // "A(0) b(1) C(2) d(3) e(4)": after S, B(1) = 2 is marked; with 1 on the stack, B(0) = 2 starts a
        // sentence, so only reducing (or marking 3) remains.
        var state = try run(["S", "B-ROOT", "S"], length: 5)
        #expect(state.isSentenceStart(2) && !state.isSentenceStart(1))
        #expect(try validNames(state) == ["D", "B"])
        // 1 is headless on a deeper stack: reduce puts it back; it cannot be shifted, but it can be attached.
        ArcEager.apply(try action("D", try system()), to: &state)
        #expect(state.B(0) == 1 && state.B(1) == 2 && state.isUnshiftable(1))
        #expect(try validNames(state) == ["D", "L", "R"])
        for name in ["R-dobj", "D"] { ArcEager.apply(try action(name, try system()), to: &state) }
        #expect(try validNames(state) == ["D", "B"])
        ArcEager.apply(try action("D", try system()), to: &state)
        // Stack empty: the new sentence's first word may be shifted.
        #expect(state.stackDepth == 0 && state.B(0) == 2)
        #expect(try validNames(state) == ["S", "B"])
        #expect(state.heads == [-1, 0, -1, -1, -1])
    }

    @Test func reducingAHeadlessWordPutsItBackUntilItGetsALeftChild() throws {
        // Stack [0 1] with 1 headless: reduce unshifts 1, which cannot be shifted again as it is.
        var state = try run(["S", "S", "D"], length: 4)
        #expect(state.stackDepth == 1 && state.B(0) == 1 && state.B(1) == 2)
        #expect(state.isUnshiftable(1))
        #expect(try !validNames(state).contains("S"))
        // A left arc from 1 to 0 makes it shiftable again.
        ArcEager.apply(try action("L-nsubj", try system()), to: &state)
        #expect(!state.isUnshiftable(1) && state.heads[0] == 1 && state.stackDepth == 0)
        // A stack of one headless word is popped, not unshifted.
        state = try run(["S", "D"], length: 3)
        #expect(state.stackDepth == 0 && state.B(0) == 1)
    }

    @Test func aLeftArcReplacesTheHeadFromARightArc() throws {
        // 0 → 1 (right arc), then 2 takes 1 as a left child: 1's arc from 0 is deleted.
        let state = try run(["S", "R-dobj", "L-nsubj"], length: 3)
        #expect(state.heads == [-1, 2, -1])
        #expect(state.lastRightChild(of: 0) == -1 && state.lastLeftChild(of: 2) == 1)
    }

    @Test func breakNeedsTwoAdjacentBufferWords() throws {
        #expect(try !validNames(try run(["S"], length: 2)).contains("B"))  // one buffer word
        #expect(try validNames(try run(["S"], length: 3)).contains("B"))
        // 2 is put back ahead of 4 (3 is attached and popped): B(0) = 2, B(1) = 4 are not adjacent.
        let state = try run(["S", "S", "S", "R-dobj", "D", "D"], length: 5)
        #expect(state.B(0) == 2 && state.B(1) == 4)
        #expect(try validNames(state) == ["D", "L", "R"])
    }

    @Test func randomWalksPickTheBestValidActionAndEnd() throws {
        let system = try system()
        var random = SplitMix64(seed: 11)
        for length in 1...30 {
            var state = ParserState(length: length)
            var steps = 0
            while !state.isFinal {
                let scores = system.actions.map { _ in Float(random.next() % 5) }
                let validity = ArcEager.MoveValidity(state)
                let brute = system.actions.indices.filter { validity.allows(system.actions[$0], in: state) }
                    .max { scores[$0] < scores[$1] || (scores[$0] == scores[$1] && $0 > $1) }
                let best = scores.withUnsafeBufferPointer { system.bestValidAction(scores: $0.baseAddress!, state: state) }
                #expect(best == brute)
                guard let best else { break }
                ArcEager.apply(system.actions[best], to: &state)
                steps += 1
                if steps > ParserState.maximumSteps(length: length) { Issue.record("no end for \(length) words"); break }
            }
            #expect(state.isFinal)
        }
    }
}
