import NewsGraph

extension Scorer {
    /// An event as the scorer compares it: its type, its agents and targets as resolved keys, its place
    /// (always resolved leniently, as in `score.py`), its figures and date.
    struct EventSignature {
        var type: EventType
        var agent: Set<Key>
        var target: Set<Key>
        var place: Key?
        var killed: Int?
        var injured: Int?
        var date: String?
    }

    /// The scoring of one document, phase by phase (`Scorer.score` calls them in order): each phase adds
    /// its measures to `scores`; arguments, triples with event objects and causal links read the event
    /// alignment of `alignEvents()`.
    struct Scoring {
        let gold: Annotation
        let predicted: Annotation
        let lenient: Bool
        let resolver: Resolver
        var scores: Scores = [:]
        /// Event signatures, gold and predicted, and each aligned predicted event's gold event.
        var goldEvents: [EventSignature] = []
        var predictedEvents: [EventSignature] = []
        var alignment: [Int: Int] = [:]
        /// Event ids to their index (the first event with an id wins).
        let goldIDs: [String: Int]
        let predictedIDs: [String: Int]

        init(gold: Annotation, predicted: Annotation, lenient: Bool) {
            self.gold = gold
            self.predicted = predicted
            self.lenient = lenient
            resolver = Resolver(gold)
            goldIDs = Dictionary(gold.events.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
            predictedIDs = Dictionary(predicted.events.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        }

        mutating func add(_ measure: String, _ tp: Int, _ predicted: Int, _ gold: Int) {
            var x = scores[measure] ?? Counts()
            x.tp += tp
            x.predicted += predicted
            x.gold += gold
            scores[measure] = x
        }

        /// `entities` and `entities+type`: a predicted entity counts once, as the gold entity one of its names
        /// resolves to, else as its first unknown name.
        mutating func scoreEntities() {
            var predKeys: Set<Key> = []
            var predTyped: Set<String> = []
            for e in predicted.entities {
                let ks = Set(([e.name] + e.aliases).map { resolver.key($0, lenient: lenient) })
                // of two gold entities its names resolve to, the first in the gold file (score.py takes whichever its
                // set yields first, which varies with the hash seed; so did this port's `Set.first`)
                let hit = ks.filter { if case .entity = $0 { true } else { false } }.min()
                let k = hit ?? ks.sorted().first ?? .unknown("")
                predKeys.insert(k)
                predTyped.insert("\(k)|\(e.type.rawValue)")
            }
            let tp = predKeys.filter { if case .entity = $0 { true } else { false } }.count
            add("entities", tp, predKeys.count, gold.entities.count)
            let goldTyped = Set(gold.entities.enumerated().map { "\(Key.entity($0.offset))|\($0.element.type.rawValue)" })
            add("entities+type", predTyped.intersection(goldTyped).count, predTyped.count, goldTyped.count)
        }

        func signature(_ e: Annotation.Event, isGold: Bool) -> EventSignature {
            EventSignature(type: e.type, agent: Set(e.agent.map { resolver.key($0, lenient: lenient || isGold) }),
                           target: Set(e.target.map { resolver.key($0, lenient: lenient || isGold) }),
                           place: e.place.map { resolver.key($0, lenient: true) }, killed: e.killed, injured: e.injured, date: e.date)
        }

        /// `events`: each predicted event, in order, takes the unused gold event of its type that shares the most
        /// agents, targets and place (a gold event with no participants aligns on its type alone).
        mutating func alignEvents() {
            goldEvents = gold.events.map { signature($0, isGold: true) }
            predictedEvents = predicted.events.map { signature($0, isGold: false) }
            var used: Set<Int> = []
            for (pi, p) in predictedEvents.enumerated() {
                var best: (share: Double, gold: Int)? = nil
                for (gi, g) in goldEvents.enumerated() where !used.contains(gi) && g.type == p.type {
                    var share = Double(p.agent.intersection(g.agent).count + p.target.intersection(g.target).count)
                    if let pp = p.place, pp == g.place { share += 1 }
                    if share == 0 && g.agent.isEmpty && g.target.isEmpty && g.place == nil { share = 0.5 }
                    if share > 0, best.map({ share > $0.share }) ?? true { best = (share, gi) }
                }
                if let b = best { used.insert(b.gold); alignment[pi] = b.gold }
            }
            add("events", alignment.count, predictedEvents.count, goldEvents.count)
        }

        /// `triples`: resolved subject, predicate and resolved object; an event object resolves through the alignment.
        mutating func scoreTriples() {
            func objectKey(_ o: String, isGold: Bool) -> Key {
                if isGold, let g = goldIDs[o] { return .event(g) }
                if !isGold, let p = predictedIDs[o] { return alignment[p].map { .event($0) } ?? .predictedEvent(o) }
                return resolver.key(o, lenient: lenient || isGold)
            }
            func tripleKey(_ t: Annotation.Triple, isGold: Bool) -> String {
                "\(resolver.key(t.subject, lenient: lenient || isGold))|\(t.predicate)|\(objectKey(t.object, isGold: isGold))"
            }
            let goldT = Set(gold.triples.map { tripleKey($0, isGold: true) })
            let predT = Set(predicted.triples.map { tripleKey($0, isGold: false) })
            add("triples", predT.intersection(goldT).count, predT.count, goldT.count)
        }

        /// The arguments of aligned events: agents and targets as sets, place, killed, injured and date as values.
        mutating func scoreArguments() {
            let (gev, pev, align) = (goldEvents, predictedEvents, alignment)
            add("arg:agent", align.reduce(0) { $0 + pev[$1.key].agent.intersection(gev[$1.value].agent).count },
                pev.reduce(0) { $0 + $1.agent.count }, gev.reduce(0) { $0 + $1.agent.count })
            add("arg:target", align.reduce(0) { $0 + pev[$1.key].target.intersection(gev[$1.value].target).count },
                pev.reduce(0) { $0 + $1.target.count }, gev.reduce(0) { $0 + $1.target.count })
            func valueArg(_ name: String, _ get: (EventSignature) -> AnyHashable?) {
                let tp = align.filter { get(gev[$0.value]) != nil && get(pev[$0.key]) == get(gev[$0.value]) }.count
                add(name, tp, pev.filter { get($0) != nil }.count, gev.filter { get($0) != nil }.count)
            }
            valueArg("arg:place") { $0.place.map { AnyHashable($0) } }
            valueArg("arg:killed") { $0.killed.map { AnyHashable($0) } }
            valueArg("arg:injured") { $0.injured.map { AnyHashable($0) } }
            valueArg("arg:date") { $0.date.map { AnyHashable($0) } }
        }

        /// `causal` and `causal(any relation)`: links between aligned events, with and without the relation.
        mutating func scoreCausal() {
            let gids = goldIDs
            let goldC = Set(gold.causal.map { "\(gids[$0.subject].map(String.init) ?? "?")|\($0.predicate)|\(gids[$0.object].map(String.init) ?? "?")" })
            let goldAny = Set(gold.causal.map { "\(gids[$0.subject].map(String.init) ?? "?")|\(gids[$0.object].map(String.init) ?? "?")" })
            let (pids, align) = (predictedIDs, alignment)
            func end(_ id: String) -> String { pids[id].flatMap { align[$0] }.map(String.init) ?? "P:" + id }
            let predC = Set(predicted.causal.map { "\(end($0.subject))|\($0.predicate)|\(end($0.object))" })
            let predAny = Set(predicted.causal.map { "\(end($0.subject))|\(end($0.object))" })
            add("causal", predC.intersection(goldC).count, predC.count, goldC.count)
            add("causal(any relation)", predAny.intersection(goldAny).count, predAny.count, goldAny.count)
        }
    }
}
