import NewsGraph

/// Precision, recall and F1 of predicted annotations against gold ones, with the matching rules of
/// the corpus scorer (`shared/tools/score.py`):
///
/// - Names are normalised (lower case, `'s` and the stop words the/a/an/of/so-called dropped, runs of
///   letters and digits kept) and matched against a gold entity's name and aliases. *Lenient* also
///   accepts a predicted name whose words hold all of a gold alias's words, or are all among them and
///   end on the same head word ("Baru" for "Sana Baru").
/// - An entity counts once per gold entity it resolves to; `entities+type` also needs the type.
/// - A predicted event aligns with an unused gold event of the same type that shares an agent, a target
///   or the place (a gold event with no participants aligns on its type alone); the best-sharing one wins.
/// - Triples compare resolved subject, predicate and resolved object; an event-id object (claimed_responsibility)
///   resolves through the event alignment.
/// - Arguments are scored over aligned events: agent/target as sets, place/killed/injured/date as values.
/// - Causal links compare aligned endpoints and the relation; `causal(any relation)` ignores the relation.
public enum Scorer {
    /// Counts for one measure.
    public struct Counts: Codable, Sendable, Hashable {
        public var tp = 0
        public var predicted = 0
        public var gold = 0
        public var precision: Double { predicted == 0 ? 0 : Double(tp) / Double(predicted) }
        public var recall: Double { gold == 0 ? 0 : Double(tp) / Double(gold) }
        public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
        public init() {}
        static func + (a: Counts, b: Counts) -> Counts {
            var c = Counts(); c.tp = a.tp + b.tp; c.predicted = a.predicted + b.predicted; c.gold = a.gold + b.gold; return c
        }
    }

    /// The measures, in report order.
    public static let measures = ["entities", "entities+type", "events", "triples", "arg:agent", "arg:target", "arg:place",
                                  "arg:killed", "arg:injured", "arg:date", "causal", "causal(any relation)"]

    /// Scores of one mode (strict or lenient) by measure.
    public typealias Scores = [String: Counts]

    /// Scores one document: entities, the alignment of events, triples, arguments and causal links
    /// (`Scoring`, one phase each).
    public static func score(gold: Annotation, predicted: Annotation, lenient: Bool) -> Scores {
        var run = Scoring(gold: gold, predicted: predicted, lenient: lenient)
        run.scoreEntities()
        run.alignEvents()
        run.scoreTriples()
        run.scoreArguments()
        run.scoreCausal()
        return run.scores
    }

    /// Sums scores over documents.
    public static func total(_ docs: [Scores]) -> Scores {
        var t: Scores = [:]
        for d in docs { for (k, v) in d { t[k] = (t[k] ?? Counts()) + v } }
        return t
    }
}
