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

    /// Scores one document.
    public static func score(gold: Annotation, predicted: Annotation, lenient: Bool) -> Scores {
        var c: Scores = [:]
        func add(_ k: String, _ tp: Int, _ np: Int, _ ng: Int) {
            var x = c[k] ?? Counts(); x.tp += tp; x.predicted += np; x.gold += ng; c[k] = x
        }
        let res = Resolver(gold)
        // entities
        var predKeys: Set<Key> = []
        var predTyped: Set<String> = []
        for e in predicted.entities {
            let ks = Set(([e.name] + e.aliases).map { res.key($0, lenient: lenient) })
            let hit = ks.first { if case .entity = $0 { true } else { false } }
            let k = hit ?? ks.sorted().first ?? .unknown("")
            predKeys.insert(k)
            predTyped.insert("\(k)|\(e.type.rawValue)")
        }
        let tp = predKeys.filter { if case .entity = $0 { true } else { false } }.count
        add("entities", tp, predKeys.count, gold.entities.count)
        let goldTyped = Set(gold.entities.enumerated().map { "\(Key.entity($0.offset))|\($0.element.type.rawValue)" })
        add("entities+type", predTyped.intersection(goldTyped).count, predTyped.count, goldTyped.count)
        // events
        struct Sig { var type: EventType; var agent: Set<Key>; var target: Set<Key>; var place: Key?; var killed: Int?; var injured: Int?; var date: String? }
        func sig(_ e: Annotation.Event, isGold: Bool) -> Sig {
            Sig(type: e.type, agent: Set(e.agent.map { res.key($0, lenient: lenient || isGold) }),
                target: Set(e.target.map { res.key($0, lenient: lenient || isGold) }),
                place: e.place.map { res.key($0, lenient: true) }, killed: e.killed, injured: e.injured, date: e.date)
        }
        let gev = gold.events.map { sig($0, isGold: true) }
        let pev = predicted.events.map { sig($0, isGold: false) }
        var align: [Int: Int] = [:]
        var used: Set<Int> = []
        for (pi, p) in pev.enumerated() {
            var best: (Double, Int)? = nil
            for (gi, g) in gev.enumerated() where !used.contains(gi) && g.type == p.type {
                var share = Double(p.agent.intersection(g.agent).count + p.target.intersection(g.target).count)
                if let pp = p.place, pp == g.place { share += 1 }
                if share == 0 && g.agent.isEmpty && g.target.isEmpty && g.place == nil { share = 0.5 }
                if share > 0, best == nil || share > best!.0 { best = (share, gi) }
            }
            if let b = best { used.insert(b.1); align[pi] = b.1 }
        }
        add("events", align.count, pev.count, gev.count)
        // triples
        let gids = Dictionary(gold.events.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        let pids = Dictionary(predicted.events.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        func objKey(_ o: String, isGold: Bool) -> Key {
            if isGold, let g = gids[o] { return .event(g) }
            if !isGold, let p = pids[o] { return align[p].map { .event($0) } ?? .predictedEvent(o) }
            return res.key(o, lenient: lenient || isGold)
        }
        func tkey(_ t: Annotation.Triple, isGold: Bool) -> String {
            "\(res.key(t.subject, lenient: lenient || isGold))|\(t.predicate)|\(objKey(t.object, isGold: isGold))"
        }
        let goldT = Set(gold.triples.map { tkey($0, isGold: true) })
        let predT = Set(predicted.triples.map { tkey($0, isGold: false) })
        add("triples", predT.intersection(goldT).count, predT.count, goldT.count)
        // arguments
        add("arg:agent", align.reduce(0) { $0 + pev[$1.key].agent.intersection(gev[$1.value].agent).count }, pev.reduce(0) { $0 + $1.agent.count }, gev.reduce(0) { $0 + $1.agent.count })
        add("arg:target", align.reduce(0) { $0 + pev[$1.key].target.intersection(gev[$1.value].target).count }, pev.reduce(0) { $0 + $1.target.count }, gev.reduce(0) { $0 + $1.target.count })
        func valueArg(_ name: String, _ get: (Sig) -> AnyHashable?) {
            let tp = align.filter { get(gev[$0.value]) != nil && get(pev[$0.key]) == get(gev[$0.value]) }.count
            add(name, tp, pev.filter { get($0) != nil }.count, gev.filter { get($0) != nil }.count)
        }
        valueArg("arg:place") { $0.place.map { AnyHashable($0) } }
        valueArg("arg:killed") { $0.killed.map { AnyHashable($0) } }
        valueArg("arg:injured") { $0.injured.map { AnyHashable($0) } }
        valueArg("arg:date") { $0.date.map { AnyHashable($0) } }
        // causal
        let goldC = Set(gold.causal.map { "\(gids[$0.subject].map(String.init) ?? "?")|\($0.predicate)|\(gids[$0.object].map(String.init) ?? "?")" })
        let goldAny = Set(gold.causal.map { "\(gids[$0.subject].map(String.init) ?? "?")|\(gids[$0.object].map(String.init) ?? "?")" })
        func end(_ id: String) -> String { pids[id].flatMap { align[$0] }.map(String.init) ?? "P:" + id }
        let predC = Set(predicted.causal.map { "\(end($0.subject))|\($0.predicate)|\(end($0.object))" })
        let predAny = Set(predicted.causal.map { "\(end($0.subject))|\(end($0.object))" })
        add("causal", predC.intersection(goldC).count, predC.count, goldC.count)
        add("causal(any relation)", predAny.intersection(goldAny).count, predAny.count, goldAny.count)
        return c
    }

    /// Sums scores over documents.
    public static func total(_ docs: [Scores]) -> Scores {
        var t: Scores = [:]
        for d in docs { for (k, v) in d { t[k] = (t[k] ?? Counts()) + v } }
        return t
    }
}
