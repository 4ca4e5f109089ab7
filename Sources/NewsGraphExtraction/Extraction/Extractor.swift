import Foundation
import NewsGraphCore
import NewsGraphSyntax

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
    /// Fill `ArticleInfo.contentHash` (SHA-256 of the text, hex; about 2.6 instructions per byte with the
    /// CPU's SHA extensions, 45 in portable Swift). The store and the knowledge graph need it to make
    /// re-ingest idempotent; output that does not carry it (`newsgraph extract`, `evaluate`) turns it off
    /// and gets an empty hash.
    public var hashesContent = true

    /// The dependency parser whose parse of each article the argument and relation rules read.
    public var syntax: SyntaxParser

    public init(lexicon: Lexicon, syntax: SyntaxParser,
                debug: Bool = ProcessInfo.processInfo.environment["NEWSGRAPH_DEBUG"] != nil) {
        self.lexicon = lexicon
        self.syntax = syntax
        self.debug = debug
    }

    /// The extractor with the bundled lexicons and, optionally, user lexicon files, and the bundled parser.
    public static func standard(userLexicons: [String] = []) throws -> Extractor {
        Extractor(lexicon: try Lexicon.standard(userFiles: userLexicons), syntax: try SyntaxParser.bundled())
    }

    public func extract(_ article: Article) -> ArticleGraph {
        // with no dateline, the date the page prints in its header ("Published May 5th, 2025") dates "on Sunday"
        let date = article.date ?? PublicationDate.find(in: article.text)?.description
        let doc = Document(lexicon: lexicon, articleID: article.id, text: article.text, date: date, datelinePlace: article.datelinePlace, debug: debug,
                           hashesContent: hashesContent)
        var start = min(article.bodyStart, article.text.count)
        let total = article.text.count
        var scalarStart = Self.scalarCount(article.text[0..<start])
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
            // the parse of this chunk, in the article's scalar offsets, line by line (a headline is its own sentence)
            doc.syntax = syntax.parseLines(String(decoding: article.text[start..<end], as: UTF8.self), offset: scalarStart)
            scalarStart += Self.scalarCount(article.text[start..<end])
            doc.tokens = Tokenizer.tokenize(article.text, range: start..<end)
            for s in SentenceSplitter.split(doc.tokens) {
                doc.process(sentence: s.tokens)
            }
            start = end
        }
        return doc.result(article: article, lexiconVersion: lexicon.version)
    }
}

extension Extractor {
    /// The number of Unicode scalars in UTF-8 bytes (every byte but continuation bytes starts one).
    static func scalarCount(_ bytes: ArraySlice<UInt8>) -> Int {
        var n = 0
        for b in bytes where b & 0xC0 != 0x80 { n += 1 }
        return n
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
        currentParse = nil
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
        sentenceDates = dates
        let groups = mentions.map(\.entity).filter { entities[$0].type == .group }
        if !groups.isEmpty { sentenceGroups[sentenceIndex] = groups }
        findRelations()
        findEvents(dates: dates)
        lendDeployedForces()
        linkClaims()
        findCasualties()
        attachNamedVictims()
        attachBodiesOfTheDead()
        attachArmedMembersKilled()
        findCausal()
        findPursuits()
        findRetaliations()
        findVowResponses()
        findAnnouncedResponses()
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
        // a statement's agent is the body plus its named spokesperson, when the spokesperson is named where it speaks
        // ("Amhara Fano spokesperson Abebe Fantahun told reporters …") or right after it (`speaksNext`)
        for i in events.indices where events[i].type == .statement && !events[i].dropped {
            let sentences = Set(events[i].mentions.map(\.sentence))
            for g in events[i].agent where Document.orgTypes.contains(entities[g].type) {
                for t in tripleOrder where t.object == g && t.predicate == .spokespersonOf && t.factuality != .denied && !events[i].agent.contains(t.subject)
                    && (entities[t.subject].mentions.contains(where: { sentences.contains($0.sentence) }) || speaksNext(t.subject, after: sentences)) {
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

    /// "The Tarsk Front has disputed the toll. Front spokesperson Omar Dask told reporters that …": a spokesperson first
    /// named in the sentence right after the body's statement, and speaking in no event of their own, gives it.
    func speaksNext(_ person: Int, after sentences: Set<Int>) -> Bool {
        guard let first = entities[person].mentions.map(\.sentence).min(), sentences.contains(first - 1) else { return false }
        return !events.contains { !$0.dropped && $0.agent.contains(person) }
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
        // Counted once rather than searched for per event (no scan of all events per event):
        // how many claims not dropped (so far) name each event, and the events in a causal link.
        var claimsOf = [Int](repeating: 0, count: events.count)
        for j in events.indices where !events[j].dropped {
            if let c = events[j].claimed, claimsOf.indices.contains(c) { claimsOf[c] += 1 }
        }
        var inCausalLink = [Bool](repeating: false, count: events.count)
        for link in causal {
            if inCausalLink.indices.contains(link.from) { inCausalLink[link.from] = true }
            if inCausalLink.indices.contains(link.to) { inCausalLink[link.to] = true }
        }
        func drop(_ i: Int, _ why: String) {
            explain("\(events[i].trigger) (\(eventLabel(i))): dropped, \(why)")
            events[i].dropped = true
            if let c = events[i].claimed, claimsOf.indices.contains(c) { claimsOf[c] -= 1 }
        }
        for i in events.indices where !events[i].dropped {
            let type = events[i].type
            let trigger = Names.lowercased(events[i].trigger)
            let empty = events[i].agent.isEmpty && events[i].target.isEmpty && events[i].place == nil
            let claimLinked = claimsOf[i] > 0
            if empty && !claimLinked && type != .claim { drop(i, "no participant and no place"); continue }
            // a statement is somebody's: with no speaker it is only a reported attitude
            if type == .statement && events[i].agent.isEmpty && !inCausalLink[i] { drop(i, "a statement with no speaker"); continue }
            let victimNoun: Bool
            switch trigger {
            case "killing", "killings", "death", "deaths", "martyrdom": victimNoun = true
            default: victimNoun = trigger.hasPrefix("killing of") || trigger.hasPrefix("killings of") || trigger.hasPrefix("death of")
            }
            if type == .killing, victimNoun, !events[i].target.contains(where: { entities[$0].type == .person }) { drop(i, "a victim noun with no named victim"); continue }
            // a plural noun mentioned once, with no day and no link to another event, is habitual activity
            // ("ISWAP has carried out attacks in Borno"), not an incident
            if events[i].mentions.count == 1, events[i].date == nil, events[i].agent.isEmpty, !claimLinked, !inCausalLink[i], trigger.hasSuffix("s"), !trigger.hasSuffix("ss"),
               type != .statement, type != .claim, type != .protest, !trigger.hasSuffix("ed"), Names.lastWordEndsInSingleS(trigger) {
                drop(i, "a plural noun told once with no day (habitual activity)")
            }
        }
        causal.removeAll { events[$0.from].dropped || events[$0.to].dropped }
    }

}

/// The triples emitted so far, one per (subject name, predicate, object name, factuality), for `Document.result`.
///
/// Equal to a set of "subject \u{1} predicate \u{1} object \u{1} factuality" strings, which is what it replaced,
/// without making and hashing a string per triple (for speed): names are numbered (equal strings, equal
/// numbers; each entity's and event's name looked up once) and the numbers are the key. A triple with a name
/// that contains U+0001 keeps the string key, as only such keys can run into one another ("a\u{1}b" + "c"
/// against "a" + "b\u{1}c").
struct TriplesSeen {
    private struct Key: Hashable {
        var subject: Int
        var object: Int
        var predicate: TriplePredicate
        var factuality: Factuality

        func hash(into hasher: inout Hasher) {
            // the names' numbers only: the enums would hash their raw strings
            hasher.combine(subject)
            hasher.combine(object)
        }
    }

    private let names: [String]
    private let ids: [String]
    /// Number of each entity's name (-1: not looked up yet); then of each event id.
    private var entityNumber: [Int]
    private var eventNumber: [Int]
    private var numbers: [String: Int] = [:]
    /// Whether the name of each number has a U+0001 byte.
    private var withSeparator: [Bool] = []
    private var seen: Set<Key> = []
    private var seenText: Set<String> = []

    init(names: [String], ids: [String]) {
        self.names = names
        self.ids = ids
        entityNumber = [Int](repeating: -1, count: names.count)
        eventNumber = [Int](repeating: -1, count: ids.count)
    }

    private mutating func number(_ name: String) -> Int {
        // room for a typical article's names at once, rather than growing (and rehashing) from one
        if numbers.isEmpty { numbers.reserveCapacity(16) }
        // one hash and probe: the entry is made (as -1) when missing, then numbered
        let fresh = numbers.count
        let n = Self.numbered(&numbers[name, default: -1], fresh)
        if n == fresh { withSeparator.append(Names.withBytes(name) { $0.contains(0x01) }) }
        return n
    }

    private static func numbered(_ entry: inout Int, _ fresh: Int) -> Int {
        if entry < 0 { entry = fresh }
        return entry
    }

    private mutating func number(entity e: Int) -> Int {
        if entityNumber[e] < 0 { entityNumber[e] = number(names[e]) }
        return entityNumber[e]
    }

    private mutating func number(event e: Int) -> Int {
        if eventNumber[e] < 0 { eventNumber[e] = number(ids[e]) }
        return eventNumber[e]
    }

    /// Adds the triple of entities `s` and `o`; false when it was there already or names one thing twice.
    mutating func insert(subject s: Int, _ p: TriplePredicate, object o: Int, _ f: Factuality) -> Bool {
        insert(number(entity: s), names[s], p, number(entity: o), names[o], f)
    }

    /// Adds the triple of entity `s` and the event `claimedEvent` (by its id).
    mutating func insert(subject s: Int, _ p: TriplePredicate, claimedEvent o: Int, _ f: Factuality) -> Bool {
        insert(number(entity: s), names[s], p, number(event: o), ids[o], f)
    }

    private mutating func insert(_ s: Int, _ subject: String, _ p: TriplePredicate, _ o: Int, _ object: String, _ f: Factuality) -> Bool {
        guard s != o else { return false }
        if withSeparator[s] || withSeparator[o] {
            return seenText.insert(subject + "\u{1}" + p.rawValue + "\u{1}" + object + "\u{1}" + f.rawValue).inserted
        }
        if seen.isEmpty { seen.reserveCapacity(16) }
        return seen.insert(Key(subject: s, object: o, predicate: p, factuality: f)).inserted
    }
}
