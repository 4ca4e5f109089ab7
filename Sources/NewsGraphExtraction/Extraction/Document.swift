import Foundation
import NewsGraphCore
import NewsGraphSyntax

/// An entity of the article being extracted, with every surface form it was written as.
struct DocEntity {
    var name: String
    /// Surface forms in order of first appearance (includes `name`). Their normalised forms are in
    /// `Document.entityForms`.
    var forms: [String]
    var type: EntityType
    /// How sure the typing is: 3 lexicon, 2 head word/pattern, 1 guess.
    var typeStrength: Int
    var lexiconIndex: Int?
    var mentions: [Provenance] = []
    var confidence: Double
    /// A generic designation ("security forces"): kept only when an event or a triple uses it.
    var generic: Bool
    var used = false
    /// Byte offset of the last mention, for recency.
    var lastSeen: Int = 0
    /// A bare facility noun told apart by its place ("a mosque in Tarvek"): named by the noun alone, the place a
    /// located_in triple.
    var namedApartFromPlace = false
}

/// An entity mention inside the current sentence.
struct Mention {
    var tokens: Range<Int>
    var bytes: Range<Int>
    var entity: Int
    /// Descriptor or pronoun reference ("the group").
    var anaphoric = false
}

/// An event of the article being extracted.
struct DocEvent {
    var type: EventType
    var trigger: String
    var cameo: String
    var acled: String
    var agent: [Int] = []
    var target: [Int] = []
    var place: Int?
    var placeDepth = 0
    var date: String?
    var killed: Int?
    var killedStrength = 0
    var injured: Int?
    var injuredStrength = 0
    var factuality: Factuality = .asserted
    var confidence: Double
    var mentions: [Provenance] = []
    var firstByte: Int
    var lastSeen: Int
    /// For claims: the claimed event.
    var claimed: Int?
    var dropped = false
    /// Announced as another incident ("a second attack", "another ambush"): never merged into one told before.
    var distinct = false
    /// Tells several incidents at once ("attacked four military bases"): no single incident is merged into it.
    var several = false
    /// Told with a year ("the Tarsk Liberation Front seized control of the province in 2014"): a mention of the
    /// past, not a retelling of the article's incident (see `joinActorOnlyMentions`).
    var yearStated = false
}

/// An event mention in the current sentence (a trigger, or a reference such as "the attack").
struct EventMention {
    var tokens: Range<Int>
    var event: Int
}

struct DocTriple: Hashable {
    var subject: Int
    var predicate: TriplePredicate
    var object: Int
    var factuality: Factuality
}

/// The state of one article's extraction: tokens of the chunk in progress, and the entities,
/// events and facts found so far. Created per article, never shared.
final class Document {
    // The mutable state below is only touched by the one thread extracting the article. Its stored
    // properties keep Swift's runtime exclusivity checks, so an overlapping access traps instead of being
    // undefined behaviour: skipping them (`@exclusivity(unchecked)`, once 6 % of the instructions) gained
    // nothing measurable on 2026-12-07 (extraction benchmark, 1 thread, 19 alternating runs of each build:
    // with the checks a median of 24,315 words per CPU-second, best 26,986; without, 23,955 and 27,569).
    let lexicon: Lexicon
    let articleID: String
    let text: [UInt8]
    let date: CalendarDate?
    let datelinePlace: String?
    /// Keys of the grammar words (see `W`).
    let w = W.shared
    /// The lexicon's event words, copied once per article (read in every trigger's window).
    let ew: EventWords

    var tokens: [Token] = []
    var sentenceIndex = 0
    /// Scalar offset of the first byte of the current sentence, for provenance.
    var scalarBase = 0
    var scalarBaseByte = 0
    /// The last byte whose scalar offset `scalarOffset` counted, and that offset.
    var scalarCursorByte = 0
    var scalarCursor = 0
    var sentences: [String] = []

    var entities: [DocEntity] = []
    // (the name tables start with room for a typical article's names: growing them was 3 % of extraction)
    var entityByForm = StringIndex(minimumCapacity: 64)
    /// The normalised forms of each entity: (form, entity) pairs.
    var entityForms = StringPairSet(minimumCapacity: 64)
    /// `facilityPrefixes` of each facility entity asked about so far.
    var facilityPrefixNorms: [Int: [String]] = [:]
    /// Places already matched against the facilities named before them.
    var placesMatchedToFacilities: Set<Int> = []
    /// Entities by the lexicon entry they matched (keyed by `UInt64(lexiconIndex)`).
    var entityByLexicon = KeyMap<Int>(minimumCapacity: 32)
    /// Normalised forms as bytes, for bounded edit-distance matching of misspellings.
    var fuzzyForms: [([UInt8], Int)] = []
    /// Forms by first byte, byte length and word count (`fuzzyBucket`): a misspelling is only looked
    /// for among forms it could match, so an article with thousands of distinct names does not compare
    /// each new name with all of them. Each bucket is a chain through `fuzzyForms`: `fuzzyLast` holds
    /// the index of its latest form, `fuzzyPrevious[i]` the one indexed before form `i` (-1 ends it).
    var fuzzyLast = KeyMap<Int>(minimumCapacity: 64)
    var fuzzyPrevious: [Int] = []
    /// First and last names of persons → entity ("Baru" → "Sana Baru").
    var personNameParts = StringIndex(minimumCapacity: 32)
    var events: [DocEvent] = []
    var triples: [DocTriple: (provenance: [Provenance], confidence: Double)] = [:]
    var tripleOrder: [DocTriple] = []
    /// Positions in `tripleOrder` of each entity's triples as subject (by entity index; grown on demand), so
    /// the rules that ask "has X a role already?" or "is X located in Y?" do not scan every triple.
    var triplesBySubject: [[Int]] = []
    var eventTriples: [(subject: Int, event: Int, provenance: Provenance, confidence: Double)] = []
    var causal: [(from: Int, relation: CausalRelation, to: Int, cue: String, provenance: Provenance, confidence: Double)] = []
    /// Responses whose described cause names a place where no incident was told yet ("in revenge for the martyrs of
    /// Kirkuk", the Kirkuk ambush told after): linked once the article is read (`resolvePendingCauses`).
    var pendingCauses: [PendingCause] = []
    /// Actors a response cue says act in response ("Kessa strikes camps in retaliation for …"), by entity index
    /// (`noteResponders`).
    var responders: Set<Int> = []

    /// Mentions and event mentions of the current sentence.
    var mentions: [Mention] = []
    var eventMentions: [EventMention] = []
    /// The date expressions of the current sentence (`findDates`, read once per sentence).
    var sentenceDates: [DateMention] = []
    var sentenceRange: Range<Int> = 0..<0
    /// `nextFacilityHead`'s last scan: from token `from`, the first facility head is at `at` (or `end`).
    /// Cleared at the start of each sentence's `findMentions` (token indices restart with each chunk).
    var facilityHeadScan: (from: Int, at: Int, end: Int) = (0, -1, 0)
    var sentenceHedge: Double = 1
    var quoteDepthAt: [Bool] = []
    var eventAcronyms: [UInt64: Int] = [:]
    /// Armed groups mentioned in each sentence (sentence index → entities), for inferring whom an operation targeted.
    var sentenceGroups: [Int: [Int]] = [:]
    /// The event a verb of killing last gave its dead to, and in which sentence: whom "the victims" are of.
    var lastToldDeaths: (event: Int, sentence: Int)? = nil

    static let maxMentionsPerEntity = 2000
    /// `NEWSGRAPH_DEBUG` set: print each sentence's mentions to standard error (read once per article).
    let debugSink: Bool

    /// Fill the content hash of the result (`Extractor.hashesContent`).
    let hashesContent: Bool

    /// The dependency parse of the whole article (`Extractor.syntax`), offsets in Unicode scalars of
    /// `text`; nil when the extractor was made without a parser. `syntaxToken(atByte:)` maps the rules'
    /// byte offsets onto it.
    var syntax: ParsedText?
    /// The current sentence's parse with its mentions mapped (`sentenceParse()`); reset with each sentence.
    var currentParse: SentenceParse?

    init(lexicon: Lexicon, articleID: String, text: [UInt8], date: String?, datelinePlace: String?, debug: Bool = false, hashesContent: Bool = true) {
        self.lexicon = lexicon
        self.ew = lexicon.eventWords
        self.hashesContent = hashesContent
        self.debugSink = debug
        self.articleID = articleID
        self.text = text
        self.date = date.flatMap { CalendarDate(iso: $0) }
        self.datelinePlace = datelinePlace
    }

    // MARK: text helpers

    @inline(__always) func key(_ i: Int) -> UInt64 { tokens[i].key }

    func string(_ r: Range<Int>) -> String { String(decoding: text[r], as: UTF8.self) }

    func tokenText(_ i: Int) -> String { string(tokens[i].range) }

    /// The text of tokens `r`, with the original spacing.
    func span(_ r: Range<Int>) -> String {
        guard !r.isEmpty else { return "" }
        return string(Int(tokens[r.lowerBound].start)..<Int(tokens[r.upperBound - 1].end))
    }

    func lower(_ i: Int) -> String { tokenText(i).lowercased() }

    static func k(_ s: String) -> UInt64 { Tokenizer.hash(Array(s.utf8)) }

    /// Unicode-scalar offset of byte `b` (which lies in the current sentence or later).
    func scalarOffset(_ b: Int) -> Int {
        if b < scalarBaseByte { return scalarBase - (scalarBaseByte - b) } // only for ASCII-safe backtracking
        // count from the last offset computed when it lies between the sentence start and `b`
        // (the scalar offset of a byte does not depend on where counting starts)
        var n = scalarBase
        var i = scalarBaseByte
        if scalarCursorByte >= i && scalarCursorByte <= b { n = scalarCursor; i = scalarCursorByte }
        text.withUnsafeBytes { t in
            // eight bytes at a time: every byte starts a scalar except continuation bytes (10xxxxxx)
            while i + 8 <= b {
                let w = t.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                let continuation = w & ~(w << 1) & 0x8080_8080_8080_8080
                n += 8 - continuation.nonzeroBitCount
                i += 8
            }
            while i < b { if t[i] & 0xC0 != 0x80 { n += 1 }; i += 1 }
        }
        scalarCursorByte = b
        scalarCursor = n
        return n
    }

    /// The parse token covering byte `b` of the current sentence (or later), if the article was parsed.
    func syntaxToken(atByte b: Int) -> Int? {
        guard let syntax else { return nil }
        return syntax.token(at: scalarOffset(b))
    }

    func provenance(_ bytes: Range<Int>) -> Provenance {
        Provenance(article: articleID, sentence: sentenceIndex, start: scalarOffset(bytes.lowerBound), end: scalarOffset(bytes.upperBound))
    }

    func provenance(tokens r: Range<Int>) -> Provenance {
        provenance(Int(tokens[r.lowerBound].start)..<Int(tokens[r.upperBound - 1].end))
    }

    // MARK: entities

    /// Finds or creates the article entity for a surface form.
    @discardableResult
    func entity(surface: String, type: EntityType, strength: Int, lexiconIndex: Int? = nil, generic: Bool = false,
                bytes: Range<Int>, confidence: Double = 0.9) -> Int {
        let norm = Names.normalize(surface)
        var found: Int? = nil
        if let li = lexiconIndex, let e = entityByLexicon[UInt64(li)] { found = e }
        if found == nil, let e = entityByForm[norm], compatible(entities[e].type, type, strength) { found = e }
        // (a listed name joins an earlier unlisted spelling of it: "Yelwata" … "Yelewata", the lexicon's form)
        if found == nil, !generic { found = fuzzyMatch(norm, type: type, strength: strength, unlistedOnly: lexiconIndex != nil) }
        let prov = provenance(bytes)
        if let e = found {
            addForm(e, surface, norm)
            if strength > entities[e].typeStrength { entities[e].type = type; entities[e].typeStrength = strength }
            if let li = lexiconIndex, entities[e].lexiconIndex == nil { entities[e].lexiconIndex = li; entityByLexicon[UInt64(li)] = e }
            if entities[e].mentions.count < Document.maxMentionsPerEntity { entities[e].mentions.append(prov) }
            entities[e].lastSeen = bytes.lowerBound
            if !generic { entities[e].generic = false }
            entities[e].confidence = max(entities[e].confidence, confidence)
            return e
        }
        let e = entities.count
        entityForms.insert(norm, e)
        entities.append(DocEntity(name: surface, forms: [surface], type: type, typeStrength: strength,
                                  lexiconIndex: lexiconIndex, mentions: [prov], confidence: confidence, generic: generic,
                                  lastSeen: bytes.lowerBound))
        entityByForm[norm] = e
        if let li = lexiconIndex { entityByLexicon[UInt64(li)] = e }
        if !generic { indexForm(norm, entity: e) }
        return e
    }

    /// Whether a new mention typed `b` with evidence `strength` may join an entity typed `a`: same type, a weak
    /// guess, or a head-word guess between armed actors ("Baloch Liberaton Army" is the group, not an army unit).
    func compatible(_ a: EntityType, _ b: EntityType, _ strength: Int) -> Bool {
        a == b || strength <= 1 || (strength <= 2 && Document.armedTypes.contains(a) && Document.armedTypes.contains(b))
    }
    static let armedTypes: EntityTypes = [.group, .unit]

    func addForm(_ e: Int, _ surface: String, _ norm: String) {
        if entityForms.insert(norm, e) {
            entities[e].forms.append(surface)
            entityByForm[norm] = entityByForm[norm] ?? e
            if !entities[e].generic { indexForm(norm, entity: e) }
        } else if !entities[e].forms.contains(surface), entities[e].forms.count < 12,
                  !entities[e].forms.contains(where: { $0.lowercased() == surface.lowercased() }) {
            entities[e].forms.append(surface)
        }
    }

    /// A person's surname or first name alone ("Baru" for "Sana Baru"), or a misspelling
    /// ("Baloch Liberaton Army") of an entity of the same type; with `unlistedOnly`, only an entity the lexicon
    /// does not list (a spelling variant of the listed name being read).
    func fuzzyMatch(_ norm: String, type: EntityType, strength: Int, unlistedOnly: Bool = false) -> Int? {
        let nb = Array(norm.utf8)
        guard let firstByte = nb.first else { return nil }
        let wordCount = nb.reduce(1) { $1 == 0x20 ? $0 + 1 : $0 }
        // a single word may be a person's first or last name
        if !unlistedOnly, wordCount == 1, let e = personNameParts[norm], type == .person || strength <= 1 { return e }
        guard nb.count >= 8 else { return nil }
        let limit = nb.count >= 14 ? 2 : 1
        // the candidates: same first byte and word count, length within the limit, in the order they were indexed
        var candidates: [Int] = []
        for length in (nb.count - limit)...(nb.count + limit) {
            var c = fuzzyLast[Document.fuzzyBucket(firstByte, length, wordCount)] ?? -1
            while c >= 0 { candidates.append(c); c = fuzzyPrevious[c] }
        }
        guard !candidates.isEmpty else { return nil }
        candidates.sort()
        var best: (Int, Int)? = nil // (entity, lastSeen)
        for c in candidates {
            let (f, e) = fuzzyForms[c]
            let ent = entities[e]
            guard !ent.generic, compatible(ent.type, type, strength), !unlistedOnly || ent.lexiconIndex == nil && ent.type == type else { continue }
            guard Names.editDistance(nb, f, limit: limit) <= limit else { continue }
            // the differing word must itself be long (not "Baloch" vs "Balochi" head swaps)
            let a = nb.split(separator: 0x20), b = f.split(separator: 0x20)
            guard zip(a, b).allSatisfy({ $0.elementsEqual($1) || ($0.count >= 4 && $1.count >= 4) }) else { continue }
            if best == nil || ent.lastSeen > best!.1 { best = (e, ent.lastSeen) }
        }
        return best?.0
    }

    /// Indexes a new normalised form for fuzzy matching and person-name parts.
    func indexForm(_ norm: String, entity e: Int) {
        let f = Array(norm.utf8)
        var spaces = 0
        var ascii = true
        for b in f { if b == 0x20 { spaces += 1 } else if b >= 0x80 { ascii = false } }
        if let first = f.first {
            let bucket = Document.fuzzyBucket(first, f.count, spaces + 1)
            fuzzyPrevious.append(fuzzyLast[bucket] ?? -1)
            fuzzyLast[bucket] = fuzzyForms.count
        } else {
            fuzzyPrevious.append(-1)
        }
        fuzzyForms.append((f, e))
        if entities[e].type == .person, ascii {
            // the same as the general case below, on bytes: ASCII forms have no grapheme clusters across a space
            if spaces > 0, let s0 = f.firstIndex(where: { $0 != 0x20 }), let s1 = f.lastIndex(where: { $0 != 0x20 }),
               let firstEnd = f[s0...].firstIndex(of: 0x20), firstEnd < s1, let lastStart = f[...s1].lastIndex(of: 0x20) {
                personNameParts[String(decoding: f[(lastStart + 1)...s1], as: UTF8.self)] = e
                let first = String(decoding: f[s0..<firstEnd], as: UTF8.self)
                personNameParts[first] = personNameParts[first] ?? e
            }
        } else if entities[e].type == .person {
            let words = norm.split(separator: " ")
            if words.count >= 2 {
                if let last = words.last { personNameParts[String(last)] = e }
                if let first = words.first { personNameParts[String(first)] = personNameParts[String(first)] ?? e }
            }
        }
    }

    /// The bucket of a form (`fuzzyLast`): its first byte, byte length and word count.
    @inline(__always)
    static func fuzzyBucket(_ first: UInt8, _ length: Int, _ words: Int) -> UInt64 {
        UInt64(first) | UInt64(length) << 8 | UInt64(words) << 40
    }

    // MARK: facts

    /// Whether a triple with subject `s` satisfies `condition` (in the order they were found).
    func hasTriple(subject s: Int, where condition: (DocTriple) -> Bool) -> Bool {
        firstTriple(subject: s, where: condition) != nil
    }

    /// The first triple found with subject `s` that satisfies `condition`.
    func firstTriple(subject s: Int, where condition: (DocTriple) -> Bool) -> DocTriple? {
        guard s < triplesBySubject.count else { return nil }
        for i in triplesBySubject[s] where condition(tripleOrder[i]) { return tripleOrder[i] }
        return nil
    }

    func addTriple(_ s: Int, _ p: TriplePredicate, _ o: Int, factuality: Factuality = .asserted, bytes: Range<Int>, confidence: Double) {
        guard s != o else { return }
        let bytes = min(bytes.lowerBound, bytes.upperBound)..<max(bytes.lowerBound, bytes.upperBound)
        let t = DocTriple(subject: s, predicate: p, object: o, factuality: factuality)
        entities[s].used = true
        entities[o].used = true
        let prov = provenance(bytes)
        if var existing = triples[t] {
            if existing.provenance.count < 50 { existing.provenance.append(prov) }
            existing.confidence = max(existing.confidence, confidence)
            triples[t] = existing
        } else {
            triples[t] = ([prov], confidence)
            if s >= triplesBySubject.count { triplesBySubject.append(contentsOf: repeatElement([], count: s + 1 - triplesBySubject.count)) }
            triplesBySubject[s].append(tripleOrder.count)
            tripleOrder.append(t)
        }
    }
}
