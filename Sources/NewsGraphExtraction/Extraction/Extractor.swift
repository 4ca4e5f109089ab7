import Foundation
import NewsGraphCore

/// The rule-based, lexicon-driven extractor: an `Article` in, an `ArticleGraph` out.
///
/// Stages per sentence: entity mentions (lexicon names, capitalised spans typed by head words,
/// acronym definitions, generic forces, facilities, definite descriptions), dates, event triggers with
/// their arguments and in-article coreference, casualty figures, claims, relations and causal links.
/// The extractor is a value: build it once (lexicons are compiled at construction) and share it across threads.
public struct Extractor: Sendable {
    public let lexicon: Lexicon
    /// Articles are processed in chunks of at most this many bytes, cut at a line or sentence end,
    /// so a huge single-line input never needs all its tokens in memory at once.
    public var chunkBytes: Int = 1 << 20
    /// Print each sentence's mentions to standard error (`NEWSGRAPH_DEBUG` set when the extractor was made).
    public var debug: Bool
    /// Fill `ArticleInfo.contentHash` (SHA-256 of the text, hex; about 75 instructions per byte, 7 % of
    /// extraction). The store and the knowledge graph need it to make re-ingest idempotent; output that
    /// does not carry it (`newsgraph extract`, `evaluate`) turns it off and gets an empty hash.
    public var hashesContent = true

    public init(lexicon: Lexicon, debug: Bool = ProcessInfo.processInfo.environment["NEWSGRAPH_DEBUG"] != nil) {
        self.lexicon = lexicon
        self.debug = debug
    }

    /// The extractor with the bundled lexicons and, optionally, user lexicon files.
    public static func standard(userLexicons: [String] = []) throws -> Extractor {
        Extractor(lexicon: try Lexicon.standard(userFiles: userLexicons))
    }

    public func extract(_ article: Article) -> ArticleGraph {
        let doc = Document(lexicon: lexicon, articleID: article.id, text: article.text, date: article.date, datelinePlace: article.datelinePlace, debug: debug,
                           hashesContent: hashesContent)
        var start = min(article.bodyStart, article.text.count)
        let total = article.text.count
        // the scalar offset of the body start
        doc.scalarBaseByte = 0
        doc.scalarBase = 0
        // the dateline place is a place of the article ("Quetta, Nov 16")
        if let place = article.datelinePlace, !place.isEmpty, let r = Document.range(of: place, in: article.text, before: article.bodyStart) {
            let li = lexicon.entityIndex(named: place)
            let type = li.map { lexicon.entities[$0].type } ?? .place
            if type == .place {
                doc.scalarBase = 0
                doc.scalarBaseByte = 0
                doc.entity(surface: place, type: .place, strength: li == nil ? 2 : 3, lexiconIndex: li, bytes: r, confidence: 0.9)
            }
        }
        while start < total {
            var end = min(total, start + chunkBytes)
            if end < total {
                // cut after the last newline, else after the last ". ", else at a UTF-8 boundary
                var cut = end
                var j = end - 1
                while j > start + chunkBytes / 2 { if article.text[j] == 0x0A { cut = j + 1; break }; j -= 1 }
                if cut == end {
                    j = end - 2
                    while j > start + chunkBytes / 2 { if article.text[j] == 0x2E && article.text[j + 1] == 0x20 { cut = j + 2; break }; j -= 1 }
                }
                while cut < total, cut > start, article.text[cut] & 0xC0 == 0x80 { cut -= 1 }
                end = max(cut, start + 1)
            }
            doc.tokens = Tokenizer.tokenize(article.text, range: start..<end)
            for s in SentenceSplitter.split(doc.tokens) {
                doc.process(sentence: s.tokens)
            }
            start = end
        }
        return doc.result(article: article, lexiconVersion: lexicon.version)
    }
}

extension Document {
    /// Byte range of the first occurrence of `needle` in `text[..<limit]`.
    static func range(of needle: String, in text: [UInt8], before limit: Int) -> Range<Int>? {
        let n = Array(needle.utf8)
        guard !n.isEmpty, limit <= text.count, n.count <= limit else { return nil }
        var i = 0
        while i + n.count <= limit {
            if text[i] == n[0], Array(text[i..<(i + n.count)]) == n { return i..<(i + n.count) }
            i += 1
        }
        return nil
    }

    func process(sentence r: Range<Int>) {
        guard !r.isEmpty else { return }
        sentenceRange = r
        let b0 = Int(tokens[r.lowerBound].start)
        // advance the scalar base to this sentence
        if b0 >= scalarBaseByte {
            scalarBase = scalarOffset(b0)
            scalarBaseByte = b0
        }
        let sentenceText = string(b0..<Int(tokens[r.upperBound - 1].end))
        // (a string of at most 4000 bytes has at most 4000 characters: no need to count them)
        sentences.append(sentenceText.utf8.count > 4000 && sentenceText.count > 4000 ? String(sentenceText.prefix(4000)) : sentenceText)
        sentenceHedge = 1
        for i in r {
            if let h = lexicon.hedges.match(tokens, at: i, limit: r.upperBound) { sentenceHedge = min(sentenceHedge, h.value) }
        }
        computeQuotes()
        findMentions()
        let dates = findDates()
        let groups = mentions.map(\.entity).filter { entities[$0].type == .group }
        if !groups.isEmpty { sentenceGroups[sentenceIndex] = groups }
        findRelations()
        findEvents(dates: dates)
        linkClaims()
        findCasualties()
        attachVictims()
        findCausal()
        if debugSink { dumpSentence() }
        sentenceIndex += 1
    }


    func dumpSentence() {
        var line = "S\(sentenceIndex): "
        for m in mentions { line += "[\(span(m.tokens))=\(entities[m.entity].name)/\(entities[m.entity].type.rawValue)\(m.anaphoric ? "*" : "")] " }
        for em in eventMentions { line += "{\(span(em.tokens))→e\(em.event)} " }
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// A state force killing a named member of an armed group ("Qari Zar Wali, a TTP commander who was gunned down by
    /// security forces") is a counter-insurgency operation against that group, not a killing of a civilian.
    func retypeForceKillings() {
        for i in events.indices where events[i].type == .killing && !events[i].dropped && !events[i].agent.isEmpty {
            guard events[i].agent.allSatisfy({ entities[$0].type == .unit }) else { continue }
            let groups = events[i].target.compactMap { v -> Int? in
                guard entities[v].type == .person else { return nil }
                return tripleOrder.first { $0.subject == v && ($0.predicate == .memberOf || $0.predicate == .leaderOf) && entities[$0.object].type == .group }?.object
            }
            guard !groups.isEmpty, let op = lexicon.trigger(named: "operation") else { continue }
            events[i].type = .operation
            events[i].cameo = op.cameo
            events[i].acled = op.acled
            for g in groups where !events[i].target.contains(g) { events[i].target.append(g) }
        }
    }

    /// A spokesperson speaks for a body: statements and claims by a person also take the body the person
    /// speaks for or belongs to ("Mureed Baloch, spokesperson of the BLA" → agent BLA and Mureed Baloch).
    func addSpeakerBodies() {
        // a claim's agent is the group plus its named spokesperson
        for i in events.indices where events[i].type == .claim && !events[i].dropped {
            for g in events[i].agent where entities[g].type == .group {
                for t in tripleOrder where t.object == g && t.predicate == .spokespersonOf && t.factuality != .denied && !events[i].agent.contains(t.subject) {
                    events[i].agent.append(t.subject)
                }
            }
        }
        for i in events.indices where (events[i].type == .statement || events[i].type == .claim) && !events[i].dropped {
            for a in events[i].agent where entities[a].type == .person {
                for t in tripleOrder where t.subject == a && (t.predicate == .spokespersonOf || t.predicate == .leaderOf || t.predicate == .memberOf) && t.factuality != .denied {
                    if !events[i].agent.contains(t.object) { events[i].agent.insert(t.object, at: 0) }
                }
            }
        }
    }

    /// A state operation or strike with no stated target is aimed at the armed group its sentences name
    /// ("killed 27 members of the Arakan Army during clearance operations").
    func inferOperationTargets() {
        for i in events.indices where [.operation, .bombing].contains(events[i].type) && !events[i].dropped && events[i].target.isEmpty {
            guard !events[i].agent.isEmpty, events[i].agent.allSatisfy({ entities[$0].type == .unit || entities[$0].type == .organization }) else { continue }
            var seen: Set<Int> = []
            for m in events[i].mentions {
                for g in sentenceGroups[m.sentence] ?? [] where !events[i].agent.contains(g) && seen.insert(g).inserted {
                    events[i].target.append(g)
                }
            }
        }
    }

    /// Drops events that say too little to be an incident: no participant and no place; a victim noun
    /// ("the killing", "martyrdom") with no named victim; a plural mention ("attacks") with no date.
    func pruneEvents() {
        let victimNouns: Set<String> = ["killing", "killings", "death", "deaths", "martyrdom"]
        for i in events.indices where !events[i].dropped {
            let e = events[i]
            let trigger = e.trigger.lowercased()
            let empty = e.agent.isEmpty && e.target.isEmpty && e.place == nil
            let claimLinked = events.contains { $0.claimed == i && !$0.dropped }
            if empty && !claimLinked && e.type != .claim { events[i].dropped = true; continue }
            // a statement is somebody's: with no speaker it is only a reported attitude
            if e.type == .statement && e.agent.isEmpty && !causal.contains(where: { $0.from == i || $0.to == i }) { events[i].dropped = true; continue }
            let victimNoun = victimNouns.contains(trigger) || trigger.hasPrefix("killing of") || trigger.hasPrefix("killings of") || trigger.hasPrefix("death of")
            if e.type == .killing, victimNoun, !e.target.contains(where: { entities[$0].type == .person }) { events[i].dropped = true; continue }
            let inCausalLink = causal.contains { $0.from == i || $0.to == i }
            // a plural noun mentioned once, with no day and no link to another event, is habitual activity
            // ("ISWAP has carried out attacks in Borno"), not an incident
            if e.mentions.count == 1, e.date == nil, !claimLinked, !inCausalLink, trigger.hasSuffix("s"), !trigger.hasSuffix("ss"), ![.statement, .claim, .protest].contains(e.type),
               !trigger.hasSuffix("ed"), (trigger.split(separator: " ").last.map { !$0.hasSuffix("ss") && $0.hasSuffix("s") } ?? false) {
                events[i].dropped = true
            }
        }
        causal.removeAll { events[$0.from].dropped || events[$0.to].dropped }
    }

    /// The article's facts as an `ArticleGraph`.
    func result(article: Article, lexiconVersion: String) -> ArticleGraph {
        resolveKillings()
        retypeForceKillings()
        addSpeakerBodies()
        inferOperationTargets()
        pruneEvents()
        // a generic term ("troops", "policemen") is a participant only when nothing names that side
        func genericForce(_ e: Int) -> Bool { entities[e].generic && entities[e].type != .facility }
        for i in events.indices where !events[i].dropped {
            if events[i].target.contains(where: { !genericForce($0) && entities[$0].type != .facility }) { events[i].target.removeAll(where: genericForce) }
            if events[i].agent.contains(where: { !genericForce($0) }) { events[i].agent.removeAll(where: genericForce) }
        }
        // entities referenced by events and triples
        for e in events where !e.dropped {
            for a in e.agent + e.target { entities[a].used = true }
            if let p = e.place { entities[p].used = true }
        }
        var keep = [Bool](repeating: false, count: entities.count)
        for (i, e) in entities.enumerated() {
            if e.generic { keep[i] = e.used; continue }
            if e.typeStrength <= 1 && !e.used && e.mentions.count < 2 { continue }
            keep[i] = true
        }
        // names: the lexicon's canonical name when the text uses it, else the longest plain form
        var names = [String](repeating: "", count: entities.count)
        for (i, e) in entities.enumerated() where keep[i] {
            var name = e.forms.first ?? e.name
            if e.type == .facility {
                name = e.forms.first(where: { !Names.containsParenthesis($0) }) ?? name  // as first introduced: "military camp in Kalat"
            } else if let li = e.lexiconIndex, let canonical = e.forms.first(where: { $0.lowercased() == lexicon.entities[li].name.lowercased() }) {
                name = canonical
            } else {
                let plain = e.forms.filter { f in
                    Names.hasLowercase(f) && !Names.containsParenthesis(f)
                }
                let headless = plain.filter { f in
                    !Names.lastWordStartsLowercase(f) || e.type == .facility || e.generic
                }
                if let best = (headless.isEmpty ? plain : headless).max(by: { $0.count < $1.count }) { name = best }
            }
            names[i] = name
        }
        var outEntities: [ExtractedEntity] = []
        for (i, e) in entities.enumerated() where keep[i] {
            let aliases = e.forms.filter { $0 != names[i] }
            outEntities.append(ExtractedEntity(name: names[i], aliases: aliases, type: e.type, mentions: e.mentions,
                                               confidence: (e.confidence * 100).rounded() / 100))
        }
        // event ids
        var ids = [String](repeating: "", count: events.count)
        var used: Set<String> = []
        for (i, e) in events.enumerated() where !e.dropped {
            let anchor = e.place.map { names[$0] } ?? e.target.first.map { names[$0] } ?? e.agent.first.map { names[$0] } ?? e.trigger
            let slug = Names.slug(anchor)
            var id = slug + "_" + e.type.rawValue
            var n = 2
            while used.contains(id) { id = slug + "_" + e.type.rawValue + "_\(n)"; n += 1 }
            used.insert(id)
            ids[i] = id
        }
        func named(_ list: [Int]) -> [String] { list.filter { keep[$0] }.map { names[$0] } }
        var outEvents: [ExtractedEvent] = []
        for (i, e) in events.enumerated() where !e.dropped {
            var attributes = ["cameo": e.cameo, "acled": e.acled, "lexicon": lexiconVersion]
            if let c = e.claimed, !events[c].dropped { attributes["claims"] = ids[c] }
            outEvents.append(ExtractedEvent(
                id: ids[i], type: e.type, trigger: e.trigger, agent: named(e.agent),
                target: e.type == .claim ? [] : named(e.target),
                place: e.type == .claim || (e.type == .statement && !e.trigger.lowercased().contains("curfew")) ? nil : e.place.flatMap { keep[$0] ? names[$0] : nil },
                date: e.date, killed: e.killed, injured: e.injured, factuality: e.factuality, attributes: attributes,
                mentions: e.mentions, confidence: (e.confidence * 100).rounded() / 100))
        }
        // triples: stated ones, then those implied by events
        var outTriples: [ExtractedTriple] = []
        var seen: Set<String> = []
        func emit(_ s: String, _ p: TriplePredicate, _ o: String, _ f: Factuality, _ prov: [Provenance], _ c: Double) {
            let key = s + "\u{1}" + p.rawValue + "\u{1}" + o + "\u{1}" + f.rawValue
            guard s != o, seen.insert(key).inserted else { return }
            outTriples.append(ExtractedTriple(subject: s, predicate: p, object: o, factuality: f, provenance: prov, confidence: (c * 100).rounded() / 100))
        }
        for t in tripleOrder where keep[t.subject] && keep[t.object] {
            let v = triples[t]!
            emit(names[t.subject], t.predicate, names[t.object], t.factuality, v.provenance, v.confidence)
        }
        for (i, e) in events.enumerated() where !e.dropped {
            let prov = Array(e.mentions.prefix(1))
            let f: Factuality = e.factuality
            switch e.type {
            case .attack, .bombing, .operation:
                for a in e.agent where keep[a] && entities[a].type != .person {
                    for t in e.target where keep[t] && entities[t].type != .person { emit(names[a], .attacked, names[t], f, prov, e.confidence) }
                }
                for a in e.agent where keep[a] && entities[a].type != .person {
                    for t in e.target where keep[t] && entities[t].type == .person && (e.killed ?? 0) > 0 || e.type == .operation && keep[t] && entities[t].type == .person {
                        emit(names[a], .killed, names[t], f, prov, e.confidence * 0.9)
                    }
                }
            case .killing, .abduction, .arrest:
                let p: TriplePredicate = e.type == .killing ? .killed : e.type == .abduction ? .kidnapped : .arrested
                for a in e.agent where keep[a] {
                    for t in e.target where keep[t] && entities[t].type == .person { emit(names[a], p, names[t], f, prov, e.confidence) }
                }
            case .claim:
                if let c = e.claimed, !events[c].dropped {
                    for a in e.agent where keep[a] && entities[a].type == .group { emit(names[a], .claimedResponsibility, ids[c], .reported, prov, e.confidence) }
                }
            case .statement:
                let form = e.trigger.lowercased()
                let p: TriplePredicate? = form.hasPrefix("accus") || form.hasPrefix("blam") ? .accused : (form.hasPrefix("warn") || form.hasPrefix("threat")) ? .threatened : nil
                if let p {
                    for a in e.agent where keep[a] {
                        for t in e.target where keep[t] { emit(names[a], p, names[t], f, prov, e.confidence) }
                    }
                }
            case .clash:
                for a in e.agent where keep[a] {
                    for t in e.target where keep[t] && entities[t].type != .person { emit(names[a], .opposed, names[t], f, prov, e.confidence * 0.8) }
                }
            default: break
            }
            _ = i
        }
        let outCausal = causal.filter { !events[$0.from].dropped && !events[$0.to].dropped }.map {
            ExtractedCausalLink(from: ids[$0.from], relation: $0.relation, to: ids[$0.to], cue: $0.cue, provenance: [$0.provenance],
                                confidence: ($0.confidence * 100).rounded() / 100)
        }
        let info = ArticleInfo(id: article.id, date: article.date, datelinePlace: article.datelinePlace, source: article.source,
                               title: article.title, contentHash: hashesContent ? article.contentHash : "", sentences: sentences)
        return ArticleGraph(article: info, entities: outEntities, events: outEvents, triples: outTriples, causal: outCausal, lexiconVersion: lexiconVersion)
    }
}
