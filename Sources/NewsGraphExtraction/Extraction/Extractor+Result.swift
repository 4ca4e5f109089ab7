import NewsGraphCore

/// The article's facts as an `ArticleGraph`, once every sentence is read: the article-level passes, the
/// entities kept and their names, event ids, events, stated and implied triples, causal links.
extension Document {
    func result(article: Article, lexiconVersion: String) -> ArticleGraph {
        finishArticle()
        let keep = keptEntities()
        let names = entityNames(keep)
        var outEntities: [ExtractedEntity] = []
        outEntities.reserveCapacity(keep.count { $0 })
        for i in entities.indices where keep[i] {
            let aliases = entities[i].forms.filter { $0 != names[i] }
            outEntities.append(ExtractedEntity(name: names[i], aliases: aliases, type: entities[i].type, mentions: entities[i].mentions,
                                               confidence: (entities[i].confidence * 100).rounded() / 100))
        }
        let ids = eventIDs(names)
        let outEvents = extractedEvents(keep: keep, names: names, ids: ids, lexiconVersion: lexiconVersion)
        let outTriples = extractedTriples(keep: keep, names: names, ids: ids)
        // one link per (cause, relation, effect): a link stated twice (the headline and the lead) keeps both sentences
        var outCausal: [ExtractedCausalLink] = []
        for link in causal where !events[link.from].dropped && !events[link.to].dropped {
            let confidence = (link.confidence * 100).rounded() / 100
            if let i = outCausal.firstIndex(where: { $0.from == ids[link.from] && $0.relation == link.relation && $0.to == ids[link.to] }) {
                if !outCausal[i].provenance.contains(link.provenance) { outCausal[i].provenance.append(link.provenance) }
                outCausal[i].confidence = max(outCausal[i].confidence, confidence)
                continue
            }
            outCausal.append(ExtractedCausalLink(from: ids[link.from], relation: link.relation, to: ids[link.to], cue: link.cue,
                                                 provenance: [link.provenance], confidence: confidence))
        }
        let info = ArticleInfo(id: article.id, date: article.date, datelinePlace: article.datelinePlace, source: article.source,
                               title: article.title, contentHash: hashesContent ? article.contentHash : "", sentences: sentences)
        return ArticleGraph(article: info, entities: outEntities, events: outEvents, triples: outTriples, causal: outCausal, lexiconVersion: lexiconVersion)
    }

    /// The article-level passes, then generic participants dropped where a named one stands on that side, and
    /// places dropped from a statement a person makes.
    func finishArticle() {
        resolveKillings()
        resolvePendingCauses()
        clusterIncidents()
        joinIncidentsOnSharedEvidence()
        joinRepeatedStatements()
        retypeForceKillings()
        addSpeakerBodies()
        inferOperationTargets()
        pruneEvents()
        // a generic term ("troops", "policemen") is a participant only when nothing names that side
        func genericForce(_ e: Int) -> Bool { entities[e].generic && entities[e].type != .facility }
        for i in events.indices where !events[i].dropped {
            if events[i].target.contains(where: { !genericForce($0) && entities[$0].type != .facility }) { events[i].target.removeAll(where: genericForce) }
            if events[i].agent.contains(where: { !genericForce($0) }) { events[i].agent.removeAll(where: genericForce) }
            // "the governor of Tarvek, Omar Dask, condemned …", "Olem's Supreme Leader vowed …": a person speaking is
            // the statement's agent; the place the speaker's office is named after does not speak beside them
            if events[i].type == .statement, events[i].agent.contains(where: { entities[$0].type == .person }) {
                events[i].agent.removeAll { entities[$0].type == .place }
            }
        }
    }

    /// Which entities the graph keeps: those events and triples use, and every named one typed with some evidence
    /// (here and below: loops over indices, not over copies of the entity and event values).
    func keptEntities() -> [Bool] {
        for i in events.indices where !events[i].dropped {
            for a in events[i].agent { entities[a].used = true }
            for t in events[i].target { entities[t].used = true }
            if let p = events[i].place { entities[p].used = true }
        }
        var keep = [Bool](repeating: false, count: entities.count)
        for i in entities.indices {
            if entities[i].generic { keep[i] = entities[i].used; continue }
            if entities[i].typeStrength <= 1 && !entities[i].used && entities[i].mentions.count < 2 { continue }
            keep[i] = true
        }
        return keep
    }

    /// Names: the lexicon's canonical name when the text uses it, else the longest plain form (a facility as
    /// first introduced: "military camp in Kalat").
    func entityNames(_ keep: [Bool]) -> [String] {
        var names = [String](repeating: "", count: entities.count)
        for i in entities.indices where keep[i] {
            let forms = entities[i].forms
            let type = entities[i].type
            var name = forms.first ?? entities[i].name
            if type == .facility {
                name = forms.first(where: { !Names.containsParenthesis($0) }) ?? name
            } else if let li = entities[i].lexiconIndex, let canonical = forms.first(where: { Names.equalLowercased($0, lexicon.entities[li].name) }) {
                name = canonical
            } else {
                let plain = forms.filter { f in Names.hasLowercase(f) && !Names.containsParenthesis(f) }
                let generic = entities[i].generic
                let headless = plain.filter { f in !Names.lastWordStartsLowercase(f) || type == .facility || generic }
                if let best = (headless.isEmpty ? plain : headless).max(by: { $0.count < $1.count }) { name = best }
            }
            names[i] = name
        }
        return names
    }

    /// Event ids: the slug of the event's place, target, agent or trigger and its type, numbered when taken.
    func eventIDs(_ names: [String]) -> [String] {
        var ids = [String](repeating: "", count: events.count)
        var used: Set<String> = []
        used.reserveCapacity(events.count)
        for i in events.indices where !events[i].dropped {
            let anchor = events[i].place.map { names[$0] } ?? events[i].target.first.map { names[$0] } ?? events[i].agent.first.map { names[$0] } ?? events[i].trigger
            let slug = Names.slug(anchor)
            let type = events[i].type.rawValue
            var id = slug + "_" + type
            var n = 2
            while !used.insert(id).inserted { id = slug + "_" + type + "_\(n)"; n += 1 }
            ids[i] = id
        }
        return ids
    }

    func extractedEvents(keep: [Bool], names: [String], ids: [String], lexiconVersion: String) -> [ExtractedEvent] {
        func named(_ list: [Int]) -> [String] {
            var out: [String] = []
            out.reserveCapacity(list.count)
            for v in list where keep[v] { out.append(names[v]) }
            return out
        }
        var outEvents: [ExtractedEvent] = []
        outEvents.reserveCapacity(events.count { !$0.dropped })
        for i in events.indices where !events[i].dropped {
            let type = events[i].type
            var attributes = ["cameo": events[i].cameo, "acled": events[i].acled, "lexicon": lexiconVersion]
            if let c = events[i].claimed, !events[c].dropped { attributes["claims"] = ids[c] }
            let hasPlace = type != .claim && (type != .statement || Names.lowercasedContains(events[i].trigger, "curfew"))
            outEvents.append(ExtractedEvent(
                id: ids[i], type: type, trigger: events[i].trigger, agent: named(events[i].agent),
                target: type == .claim ? [] : named(events[i].target),
                place: hasPlace ? events[i].place.flatMap { keep[$0] ? names[$0] : nil } : nil,
                date: events[i].date, killed: events[i].killed, injured: events[i].injured, factuality: events[i].factuality, attributes: attributes,
                mentions: events[i].mentions, confidence: (events[i].confidence * 100).rounded() / 100))
        }
        return outEvents
    }

    /// Triples: stated ones, then those implied by events; one per subject, predicate, object and factuality, by
    /// name (two entities can have one name).
    func extractedTriples(keep: [Bool], names: [String], ids: [String]) -> [ExtractedTriple] {
        var outTriples: [ExtractedTriple] = []
        var triplesSeen = TriplesSeen(names: names, ids: ids)
        func emit(_ s: Int, _ p: TriplePredicate, _ o: Int, _ f: Factuality, _ prov: [Provenance], _ c: Double) {
            guard keep[s], keep[o], triplesSeen.insert(subject: s, p, object: o, f) else { return }
            outTriples.append(ExtractedTriple(subject: names[s], predicate: p, object: names[o], factuality: f, provenance: prov, confidence: (c * 100).rounded() / 100))
        }
        for t in tripleOrder {
            guard let v = triples[t] else { continue }
            emit(t.subject, t.predicate, t.object, t.factuality, v.provenance, v.confidence)
        }
        for i in events.indices where !events[i].dropped {
            let prov = Array(events[i].mentions.prefix(1))
            if events[i].type == .claim, let c = events[i].claimed, !events[c].dropped {
                for a in events[i].agent where keep[a] && entities[a].type == .group
                    && triplesSeen.insert(subject: a, .claimedResponsibility, claimedEvent: c, .reported) {
                    outTriples.append(ExtractedTriple(subject: names[a], predicate: .claimedResponsibility, object: ids[c], factuality: .reported,
                                                      provenance: prov, confidence: (events[i].confidence * 100).rounded() / 100))
                }
                continue
            }
            for (s, p, o, weight) in impliedTriples(of: i) { emit(s, p, o, events[i].factuality, prov, events[i].confidence * weight) }
        }
        return outTriples
    }

    /// The triples an event implies: attacked (agent, non-person target) for attacks, bombings and operations;
    /// killed, kidnapped, arrested for named persons; accused and threatened for accusations, warnings, threats
    /// and vows; opposed for the sides of a clash. Each with a confidence weight.
    func impliedTriples(of i: Int) -> [(Int, TriplePredicate, Int, Double)] {
        let type = events[i].type
        let agent = events[i].agent, target = events[i].target
        var out: [(Int, TriplePredicate, Int, Double)] = []
        switch type {
        case .attack, .bombing, .operation:
            for a in agent where entities[a].type != .person {
                for t in target where entities[t].type != .person { out.append((a, .attacked, t, 1)) }
                for t in target where entities[t].type == .person && ((events[i].killed ?? 0) > 0 || type == .operation) { out.append((a, .killed, t, 0.9)) }
            }
        case .killing, .abduction, .arrest:
            let p: TriplePredicate = type == .killing ? .killed : type == .abduction ? .kidnapped : .arrested
            for a in agent { for t in target where entities[t].type == .person { out.append((a, p, t, 1)) } }
        case .statement:
            let form = Names.lowercased(events[i].trigger)
            let p: TriplePredicate? = form.hasPrefix("accus") || form.hasPrefix("blam") ? .accused
                : (form.hasPrefix("warn") || form.hasPrefix("threat") || form.hasPrefix("vow")) ? .threatened : nil
            if let p { for a in agent { for t in target { out.append((a, p, t, 1)) } } }
        case .clash:
            for a in agent { for t in target where entities[t].type != .person { out.append((a, .opposed, t, 0.8)) } }
        default:
            break
        }
        return out
    }
}
