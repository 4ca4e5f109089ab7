import NewsGraphCore

extension NameResolver {
    // MARK: Events described by type and participants

    /// Events matching "Baru killing", "killing of Sana Baru", "the attack on the camp in Kalat".
    func eventCandidates(_ d: EventDescriptor) -> [ScoredNode] {
        let types: [EventType] = d.type == .killing ? [.killing, .operation, .attack, .bombing, .clash] : [d.type]
        if d.phrases.isEmpty {
            let list = graph.nodes(ofType: d.type)
            guard let date = d.date else { return list.map { ScoredNode(node: $0, score: 30, match: "event type only") } }
            return list.map { n in
                graph.eventDay(of: n).map(date.days.contains) == true
                    ? ScoredNode(node: n, score: EventDescriptor.typeAndDateScore, match: "event type + date")
                    : ScoredNode(node: n, score: 30, match: "event type only")
            }
        }
        // phrase index → event → best participant score
        var perEvent: [NodeID: [Int: Double]] = [:]
        var personTargets: [NodeID: Bool] = [:]
        for (p, phrase) in d.phrases.enumerated() {
            let entities = nameCandidates(phrase.text, kind: .entity).filter { $0.score >= 50 }
            for c in sortCandidates(entities).prefix(10) {
                let base = Double(c.score)
                let isPerson = graph.entityType(of: c.node) == .person
                for eid in graph.edgeIDs(of: c.node, direction: .incoming) {
                    let (source, relation, _) = graph.endpoints(of: eid)
                    guard case .role(let role) = relation, let t = graph.eventType(of: source), types.contains(t) else { continue }
                    let factor = phrase.role == nil || phrase.role == role ? 1.0 : 0.7
                    let value = base * factor
                    if value > perEvent[source, default: [:]][p] ?? 0 { perEvent[source, default: [:]][p] = value }
                    if role == .target && isPerson { personTargets[source] = true }
                }
                if graph.entityType(of: c.node) == .place {
                    for place in placesWithin(c.node).dropFirst() {
                        for eid in graph.edgeIDs(of: place, relation: .role(.place), direction: .incoming) {
                            let source = graph.endpoints(of: eid).source
                            guard let t = graph.eventType(of: source), types.contains(t) else { continue }
                            let factor = (phrase.role == nil || phrase.role == .place ? 1.0 : 0.7) * 0.95
                            let value = base * factor
                            if value > perEvent[source, default: [:]][p] ?? 0 { perEvent[source, default: [:]][p] = value }
                        }
                    }
                }
            }
        }
        if let date = d.date {
            // Events of the type on the date are candidates even when no participant matches.
            for event in graph.events(days: date.days) where graph.eventType(of: event).map(types.contains) == true {
                if perEvent[event] == nil { perEvent[event] = [:] }
            }
        }
        var out: [ScoredNode] = []
        for (event, scores) in perEvent {
            guard let t = graph.eventType(of: event) else { continue }
            var typeFactor = 1.0
            var match = "event type + participant"
            if t != d.type {
                // An operation (attack, …) whose target is the named person counts as that person's killing.
                guard d.type == .killing, personTargets[event] == true else { continue }
                typeFactor = 0.9
                match = "\(t.rawValue) that killed the named person"
            }
            var total = scores.values.reduce(0, +) / Double(d.phrases.count)
            if let date = d.date {
                // A date in the description counts as one more participant, fully met or not at all.
                let onDate = graph.eventDay(of: event).map(date.days.contains) == true
                total = (total * Double(d.phrases.count) + (onDate ? 100 : 0)) / Double(d.phrases.count + 1)
                match += onDate ? " + date" : graph.eventDay(of: event) == nil ? ", undated" : ", other date"
            }
            out.append(ScoredNode(node: event, score: min(94, Int((total * typeFactor).rounded())), match: match))
        }
        return out
    }
}

/// A name read as an event description: an event-type word and participant phrases with role hints
/// ("the killing of Sana Baru" → killing, [target: "sana baru"]).
struct EventDescriptor {
    struct Phrase {
        var text: String
        var role: EventRole?
    }

    var type: EventType
    var phrases: [Phrase]
    /// A date the description gives ("on 2025-03-19").
    var date: PartialDate?

    /// The score of an event of the type on the date, when the description names no participant.
    static let typeAndDateScore = 70

    init?(_ text: String) {
        let dated = DescriptionDate(text)
        self.date = dated?.date
        let words = NameText.words(dated?.text ?? text)
        guard let typeIndex = words.firstIndex(where: { NameText.eventWords[$0] != nil }),
              let type = NameText.eventWords[words[typeIndex]] else { return nil }
        self.type = type
        var phrases: [Phrase] = []
        var current: [String] = []
        var role: EventRole?
        func flush() {
            if !current.isEmpty { phrases.append(Phrase(text: current.joined(separator: " "), role: role)) }
            current = []
        }
        for (i, w) in words.enumerated() {
            if i == typeIndex || NameText.eventWords[w] != nil {
                // The type word, or another event word ("the attack that killed Baru"): a phrase break.
                flush()
                role = nil
            } else if let hint = NameText.roleHints[w] {
                flush()
                role = hint
            } else if !NameText.stopWords.contains(w) {
                current.append(w)
            }
        }
        flush()
        self.phrases = phrases
    }
}
