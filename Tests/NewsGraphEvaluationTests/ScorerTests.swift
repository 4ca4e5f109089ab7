import Foundation
import NewsGraph
import Testing
@testable import NewsGraphEvaluation

/// The scorer's port of the corpus scorer's rules, and the readers of the evaluation data sets, on inputs
/// written here (the corpus checks, against `score.py` itself, are in `NewsGraphTests`).
@Suite("Evaluation")
struct ScorerTests {
    @Test("Names are normalised as score.py does: lower case, 's and the/a/an/of/so-called dropped, runs of letters and digits")
    func normalisation() {
        #expect(Scorer.norm("The so-called Baloch Liberation Army’s") == "baloch liberation army")
        #expect(Scorer.norm("Sana Baru's") == "sana baru")
        #expect(Scorer.norm("F-16 of the Air Force") == "f 16 air force")
    }

    static let gold = Annotation(
        id: "t",
        entities: [.init(name: "Sana Baru", type: .person), .init(name: "Baloch Liberation Army", aliases: ["BLA"], type: .group)],
        events: [.init(id: "e1", type: .attack, trigger: "killed", agent: ["BLA"], target: ["Sana Baru"], killed: 1)])

    @Test("Strict matching wants the name or an alias; lenient also takes a shorter name ending on the head word")
    func strictAndLenient() {
        let predicted = Annotation(
            id: "t",
            entities: [.init(name: "Baru", type: .person), .init(name: "BLA", type: .group)],
            events: [.init(id: "p1", type: .attack, trigger: "killed", agent: ["BLA"], target: ["Baru"], killed: 1)])
        let strict = Scorer.score(gold: Self.gold, predicted: predicted, lenient: false)
        let lenient = Scorer.score(gold: Self.gold, predicted: predicted, lenient: true)
        #expect(strict["entities"]?.tp == 1)
        #expect(lenient["entities"]?.tp == 2)
        #expect(lenient["entities+type"]?.tp == 2)
        #expect(lenient["events"]?.tp == 1 && lenient["arg:target"]?.tp == 1 && lenient["arg:killed"]?.tp == 1)
        #expect(lenient["entities"]?.f1 == 1)
    }

    @Test("A predicted entity whose names resolve to two gold entities counts as the first of them, every run")
    func entityResolvingToTwoGoldEntitiesIsDeterministic() {
        // "Baru" (alias) resolves to Sana Baru and "BLA" to the group: one predicted entity, two gold candidates;
        // with a second predicted entity named "Sana Baru", the tally depends on which candidate the first takes
        let predicted = Annotation(
            id: "t",
            entities: [.init(name: "BLA", aliases: ["Baru"], type: .group), .init(name: "Sana Baru", type: .person)],
            events: [])
        for _ in 0..<20 {
            let s = Scorer.score(gold: Self.gold, predicted: predicted, lenient: true)
            #expect(s["entities"]?.tp == 1)
            #expect(s["entities"]?.predicted == 1)
        }
    }

    @Test("Totals sum the counts over documents before precision and recall")
    func totals() {
        var a = Scorer.Counts(), b = Scorer.Counts()
        a.count(predicted: true, gold: true)
        b.count(predicted: true, gold: false)
        b.count(predicted: false, gold: true)
        let t = Scorer.total([["causal": a], ["causal": b]])["causal"]
        #expect(t?.tp == 1 && t?.predicted == 2 && t?.gold == 2)
        #expect(t?.precision == 0.5 && t?.recall == 0.5)
    }

    @Test("CNC sentences: blank lines are skipped but counted, and a bad line fails the file naming its line")
    func cncReader() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("cnc-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data("{\"id\": \"a\", \"text\": \"It rained, so they left.\", \"causal\": true}\n\n{\"id\": \"b\", \"text\": \"x\"}\n".utf8).write(to: file)
        #expect(throws: ArticleReadError.malformedJSON(path: file.path, line: 3, reason: "expected {\"id\", \"text\", \"causal\"}")) {
            try CNCSentence.read(file.path)
        }
        try Data("{\"id\": \"a\", \"text\": \"It rained, so they left.\", \"causal\": true}\n \r\n{\"id\": \"b\", \"text\": \"x\", \"causal\": false}".utf8).write(to: file)
        #expect(try CNCSentence.read(file.path) == [CNCSentence(id: "a", text: "It rained, so they left.", causal: true),
                                                     CNCSentence(id: "b", text: "x", causal: false)])
    }

    @Test("PETRARCH actor names: each '/' alternative is a set of words without qualifiers; a predicted name matches one")
    func petrarchNames() {
        let alternatives = PetrarchEvaluation.alternatives("GONDOR / MINAS TIRITH military / the ANORIEN police")
        #expect(alternatives == [["gondor"], ["minas", "tirith"], ["anorien"]])
        #expect(PetrarchEvaluation.matches("Gondor's army", alternatives))
        #expect(PetrarchEvaluation.matches("the city of Minas Tirith", alternatives))
        #expect(!PetrarchEvaluation.matches("Rohan", alternatives))
    }
}
