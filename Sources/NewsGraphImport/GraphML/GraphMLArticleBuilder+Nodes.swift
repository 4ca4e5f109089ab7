import NewsGraphCore
import NewsGraphExport

extension GraphMLArticleBuilder {
    /// The entities, with unique names (a taken name gets its type added), their types given, inferred or
    /// the default; `names` receives each entity node's name. No alias is another entity's name (the name
    /// would then find the wrong entity).
    mutating func readEntities(nodeValues: [[String: String]], kind: [NodeKind], inferred: [(type: EntityType, why: String)?],
                               names: inout [String]) -> [ExtractedEntity] {
        var usedNames = Set<String>()
        var entities: [ExtractedEntity] = []
        for i in doc.nodes.indices where kind[i] == .entity {
            let v = nodeValues[i], n = doc.nodes[i]
            let type = entityType(v, node: n, inferred: inferred[i])
            let base = nonEmpty(v["name"]) ?? nonEmpty(v["label"]) ?? nonEmpty(n.graphicsLabel) ?? n.id
            var name = base
            if usedNames.contains(name) {
                name = "\(base) (\(type.rawValue))"
                var k = 2
                while usedNames.contains(name) { name = "\(base) (\(type.rawValue) \(k))"; k += 1 }
                notes.append("node '\(n.id)': the name '\(base)' is taken by another node; renamed '\(name)'")
            }
            usedNames.insert(name)
            names[i] = name
            entities.append(ExtractedEntity(name: name, aliases: v["aliases"].map(InterchangeList.split) ?? [], type: type,
                                            mentions: mention(v), confidence: confidence(v["confidence"], node: n.id)))
        }
        for k in entities.indices {
            var seen = Set<String>([entities[k].name])
            entities[k].aliases = entities[k].aliases.filter { !$0.isEmpty && !usedNames.contains($0) && seen.insert($0).inserted }
        }
        return entities
    }

    /// An entity node's type: given, else inferred from the edges, else the default (with a note).
    private mutating func entityType(_ v: [String: String], node n: GraphMLDocument.Element,
                                     inferred: (type: EntityType, why: String)?) -> EntityType {
        if let raw = v["type"] ?? v["entity_type"], let t = EntityType(rawValue: Self.normalise(raw)) { return t }
        let type = inferred?.type ?? options.defaultEntityType
        let reason = inferred.map { " (\($0.why))" } ?? " (the default)"
        if let raw = v["type"] ?? v["entity_type"] {
            notes.append("node '\(n.id)': unknown entity type '\(raw)'; read as \(type.rawValue)\(reason)")
        } else {
            notes.append("node '\(n.id)' (\(nonEmpty(v["name"]) ?? nonEmpty(v["label"]) ?? n.id)): no entity type; read as \(type.rawValue)\(reason)")
        }
        return type
    }

    /// The events, with unique local ids (`_2`, `_3` added); `names` receives each event node's id, and the
    /// second result maps an event node to its index in the events.
    mutating func readEvents(nodeValues: [[String: String]], kind: [NodeKind],
                             names: inout [String]) -> (events: [ExtractedEvent], eventOfNode: [Int: Int]) {
        var usedIDs = Set<String>()
        var events: [ExtractedEvent] = []
        var eventOfNode: [Int: Int] = [:]
        for i in doc.nodes.indices where kind[i] == .event {
            let v = nodeValues[i], n = doc.nodes[i]
            let base = nonEmpty(v["name"]) ?? nonEmpty(v["label"]) ?? nonEmpty(n.graphicsLabel) ?? n.id
            var local = base
            var k = 2
            while usedIDs.contains(local) { local = "\(base)_\(k)"; k += 1 }
            usedIDs.insert(local)
            names[i] = local
            let type = eventType(v, node: n, name: base)
            var date = nonEmpty(v["date"])
            if let d = date, CalendarDate(iso: d) == nil {
                notes.append("node '\(n.id)': the date '\(d)' is not YYYY-MM-DD; dropped")
                date = nil
            }
            var attributes: [String: String] = [:]
            attributes["cameo"] = nonEmpty(v["cameo"])
            attributes["acled"] = nonEmpty(v["acled"])
            eventOfNode[i] = events.count
            events.append(ExtractedEvent(
                id: local, type: type, trigger: nonEmpty(v["trigger"]) ?? "", date: date,
                killed: integer(v["killed"], "killed", node: n.id), injured: integer(v["injured"], "injured", node: n.id),
                factuality: v["factuality"].flatMap { Factuality(rawValue: Self.normalise($0)) } ?? .asserted,
                attributes: attributes, mentions: mention(v), confidence: confidence(v["confidence"], node: n.id)))
        }
        return (events, eventOfNode)
    }

    /// An event node's type: given, else named by a word of its name, else the default (with a note).
    private mutating func eventType(_ v: [String: String], node n: GraphMLDocument.Element, name base: String) -> EventType {
        if let raw = v["type"] ?? v["event_type"], let t = EventType(rawValue: Self.normalise(raw)) { return t }
        if let t = Self.eventType(in: base) {
            notes.append("node '\(n.id)' (\(base)): no event type; read as \(t.rawValue) from its name")
            return t
        }
        notes.append("node '\(n.id)' (\(base)): no event type; read as \(options.defaultEventType.rawValue) (the default)")
        return options.defaultEventType
    }
}
