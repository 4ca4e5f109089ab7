// Why a node of a knowledge graph is what it is: its records and the merges that joined them, described
// for people; and the graph's statistics (sizes, merges by rule).

extension KnowledgeGraph {
    /// The explanation of every node the name finds (see `lookup(_:)`).
    public func explain(_ name: String) -> [ResolutionExplanation] {
        lookup(name).map(explanation(of:))
    }

    /// Why a node is what it is: its records, forms and the merges (with rules) that joined them.
    public func explanation(of node: NodeID) -> ResolutionExplanation {
        let recs = records(of: node)
        var names: [String] = []
        if let e = entity(node) { names = [e.name] + e.aliases } else if let v = event(node) { names = v.localIDs }
        let loc = locator
        var steps: [MergeStep] = []
        if node.index >= 0 && node.index < nodeCount {
            for m in d.merges[Int(d.mergeOffsets[node.index]) ..< Int(d.mergeOffsets[node.index + 1])] {
                let entity = isEntity(node)
                guard let a = entity ? loc.entityRef(m.recA) : loc.eventRef(m.recA),
                      let b = entity ? loc.entityRef(m.recB) : loc.eventRef(m.recB) else { continue }
                steps.append(MergeStep(rule: m.rule, left: a, right: b, detail: describe(m, entity: entity)))
            }
        }
        let recSet = Set(recs)
        return ResolutionExplanation(
            node: node, kind: kind(of: node), name: isEntity(node) ? name(of: node) : label(of: node),
            type: entityType(of: node)?.rawValue ?? eventType(of: node)?.rawValue ?? "",
            records: recs, names: names, articles: Array(Set(recs.map(\.article))).sorted(), merges: steps,
            overrides: overrides.filter { !recSet.isDisjoint(with: $0.records) })
    }

    private func describe(_ m: MergeData, entity: Bool) -> String {
        let recordCount = res.entityNodeOfRecord.count
        func form(_ el: Int32) -> String? {
            let f = Int(el) - recordCount
            return f >= 0 && f < res.formSurface.count ? res.formSurface[f] : nil
        }
        switch m.rule {
        case .manual:
            return "merged by an analyst"
        case .name:
            return "both are named '\(form(m.formA) ?? "?")' (after normalisation)"
        case .alias:
            return "both are called '\(form(m.formA) ?? "?")' (name or alias, after normalisation)"
        case .acronym:
            let a = form(m.formA) ?? "?", b = form(m.formB) ?? "?"
            let (short, long) = a.count <= b.count ? (a, b) : (b, a)
            return "'\(short)' is the acronym of '\(long)'"
        case .fuzzy:
            let fa = Int(m.formA) - recordCount, fb = Int(m.formB) - recordCount
            if fa >= 0, fb >= 0, fa < res.formSurface.count, fb < res.formSurface.count,
               let (x, y, dist) = NameNormalizer.fuzzyDifference(NameNormalizer.coreTokens(res.formSurface[fa]), NameNormalizer.coreTokens(res.formSurface[fb])) {
                return "'\(res.formSurface[fa])' ~ '\(res.formSurface[fb])': '\(x)' and '\(y)' differ by \(dist) edit\(dist == 1 ? "" : "s")"
            }
            return "'\(form(m.formA) ?? "?")' ~ '\(form(m.formB) ?? "?")' (similar spelling)"
        case .partialName:
            return "'\(form(m.formA) ?? "?")' is part of the name '\(form(m.formB) ?? "?")', and of no other person's"
        case .eventAttributes, .eventID:
            guard let a = eventSummary(m.recA), let b = eventSummary(m.recB) else { return m.rule.rawValue }
            var parts: [String] = []
            if m.rule == .eventID { parts.append("same event id '\(a.id)'") }
            parts.append("both \(a.type)")
            if let x = a.date, let y = b.date { parts.append(x == y ? "on \(x)" : "on \(x) / \(y) (±1 day)") }
            if let x = a.place, let y = b.place { parts.append(x == y ? "at \(x)" : "at \(x) / \(y)") }
            let shared = a.participants.filter { b.participants.contains($0) }
            if !shared.isEmpty { parts.append("shared participant\(shared.count == 1 ? "" : "s") \(shared.map { d.entName.indices.contains(Int($0)) && !isSubgraph ? d.entName[Int($0)] : "#\($0)" }.joined(separator: ", "))") }
            return parts.joined(separator: ", ")
        }
    }

    private func eventSummary(_ g: Int32) -> (id: String, type: String, date: String?, place: String?, participants: [Int32])? {
        guard let (ci, li) = locator.eventLocal(g) else { return nil }
        let c = chunks[ci]
        let e = c.events[li]
        let eb = Int(res.entityBase[ci])
        let args = c.args[Int(e.argStart) ..< Int(e.argStart + e.agentCount + e.targetCount)]
        return (c.strings[Int(e.localID)], e.type.rawValue, e.date == noDate ? nil : dateString(e.date),
                e.place >= 0 ? c.entityName(Int(e.place)) : nil, args.map { res.entityNodeOfRecord[eb + Int($0)] })
    }

    /// Sizes and resolution counts.
    public func statistics() -> GraphStatistics {
        var entitiesByType: [String: Int] = [:], eventsByType: [String: Int] = [:]
        for t in EntityType.allCases { let c = nodes(ofType: t).count; if c > 0 { entitiesByType[t.rawValue] = c } }
        for t in EventType.allCases { let c = nodes(ofType: t).count; if c > 0 { eventsByType[t.rawValue] = c } }
        var byRelation: [String: Int] = [:]
        for e in d.edges { byRelation[Relation(code: e.relation)?.name ?? "?", default: 0] += 1 }
        var byRule: [String: Int] = [:]
        for m in d.merges { byRule[m.rule.rawValue, default: 0] += 1 }
        return GraphStatistics(articles: chunks.count, entities: entityCount, events: eventCount, edges: edgeCount,
                               entityRecords: res.entityNodeOfRecord.count, eventRecords: res.eventNodeOfRecord.count,
                               entitiesByType: entitiesByType, eventsByType: eventsByType, edgesByRelation: byRelation,
                               mergesByRule: byRule, overrides: overrides.count)
    }
}
