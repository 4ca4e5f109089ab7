// Reading a knowledge graph's nodes: kind, entity and event attributes, names, labels, stable keys, records.

extension KnowledgeGraph {
    public func kind(of node: NodeID) -> NodeKind { node.index < d.entityCount ? .entity : .event }
    public func isEntity(_ node: NodeID) -> Bool { node.index < d.entityCount }
    public func isEvent(_ node: NodeID) -> Bool { node.index >= d.entityCount }

    /// The entity node, or nil for an event ID.
    public func entity(_ node: NodeID) -> EntityNode? {
        let n = node.index
        guard n >= 0 && n < d.entityCount else { return nil }
        return EntityNode(id: node, name: d.entName[n], type: d.entType[n],
                          aliases: Array(d.entAliases[Int(d.entAliasOffsets[n]) ..< Int(d.entAliasOffsets[n + 1])]),
                          confidence: Double(d.entConfidence[n]), articleCount: Int(d.articleCount[n]))
    }

    /// The event node, or nil for an entity ID.
    public func event(_ node: NodeID) -> EventNode? {
        let v = node.index - d.entityCount
        guard v >= 0 && v < d.eventCount else { return nil }
        var killed: [SourcedFigure] = [], injured: [SourcedFigure] = []
        for f in d.evFigures[Int(d.evFigureOffsets[v]) ..< Int(d.evFigureOffsets[v + 1])] {
            let info = chunks[Int(f.article)].info
            if f.killed >= 0 { killed.append(SourcedFigure(article: info.id, date: info.date, value: Int(f.killed), factuality: f.factuality)) }
            if f.injured >= 0 { injured.append(SourcedFigure(article: info.id, date: info.date, value: Int(f.injured), factuality: f.factuality)) }
        }
        var attributes: [String: String] = [:]
        for k in Int(d.evAttrOffsets[v]) ..< Int(d.evAttrOffsets[v + 1]) { attributes[d.evAttrKeys[k]] = d.evAttrValues[k] }
        let date = d.evDate[v]
        return EventNode(id: node, type: d.evType[v], trigger: d.evTrigger[v], date: date == noDate ? nil : dateString(date),
                         place: d.evPlace[v] >= 0 ? NodeID(rawValue: d.evPlace[v]) : nil, factuality: d.evFactuality[v],
                         confidence: Double(d.evConfidence[v]), killed: killed, injured: injured, attributes: attributes,
                         localIDs: Array(d.evLocalIDs[Int(d.evLocalIDOffsets[v]) ..< Int(d.evLocalIDOffsets[v + 1])]),
                         articleCount: Int(d.articleCount[node.index]))
    }

    /// The entity's type, or nil for an event.
    public func entityType(of node: NodeID) -> EntityType? { isEntity(node) ? d.entType[node.index] : nil }
    /// The event's type, or nil for an entity.
    public func eventType(of node: NodeID) -> EventType? { isEvent(node) ? d.evType[node.index - d.entityCount] : nil }
    /// The event's date as a day number (days since 1970-01-01), or nil.
    public func eventDay(of node: NodeID) -> Int? {
        guard isEvent(node) else { return nil }
        let x = d.evDate[node.index - d.entityCount]
        return x == noDate ? nil : Int(x)
    }

    /// The entity name, or the event's most frequent article-local id ("tajori_attack").
    public func name(of node: NodeID) -> String {
        if isEntity(node) { return d.entName[node.index] }
        let v = node.index - d.entityCount
        let s = Int(d.evLocalIDOffsets[v])
        return s < Int(d.evLocalIDOffsets[v + 1]) ? d.evLocalIDs[s] : "event"
    }

    /// A human label: the entity name, or "attack · 2025-03-08 · Tajori" for an event.
    public func label(of node: NodeID) -> String {
        if isEntity(node) { return d.entName[node.index] }
        let v = node.index - d.entityCount
        var parts = [d.evType[v].rawValue]
        if d.evDate[v] != noDate { parts.append(dateString(d.evDate[v])) }
        if d.evPlace[v] >= 0 { parts.append(d.entName[Int(d.evPlace[v])]) }
        return parts.joined(separator: " · ")
    }

    /// A reference that survives rebuilds: "entity:group:<key of the name>" or "event:<local id>:<date>".
    public func key(of node: NodeID) -> String {
        if isEntity(node) { return "entity:\(d.entType[node.index].rawValue):\(NameNormalizer.key(d.entName[node.index]))" }
        let v = node.index - d.entityCount
        return "event:\(name(of: node)):\(d.evDate[v] == noDate ? "" : dateString(d.evDate[v]))"
    }

    /// The records (article + local name) merged into a node, in article-id order.
    public func records(of node: NodeID) -> [RecordRef] {
        guard node.index >= 0 && node.index < nodeCount else { return [] }
        let loc = locator
        return d.records[Int(d.recordOffsets[node.index]) ..< Int(d.recordOffsets[node.index + 1])].compactMap {
            isEntity(node) ? loc.entityRef($0) : loc.eventRef($0)
        }
    }

    /// The articles that support a node, sorted by id.
    public func articles(of node: NodeID) -> [String] {
        var out: [String] = []
        for e in evidence(of: node) {
            let id = chunks[Int(e.articleIndex)].info.id
            if out.last != id { out.append(id) }
        }
        return out
    }

    var locator: RecordLocator { RecordLocator(chunks: chunks, entityBase: res.entityBase, eventBase: res.eventBase) }
}
