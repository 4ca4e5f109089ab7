import Foundation
import NewsGraphCore

/// A known entity from a lexicon.
public struct LexiconEntity: Sendable, Hashable {
    public var name: String
    public var type: EntityType
    public var aliases: [String]
    /// Containing place (for places) or parent force/group (for units, groups).
    public var parent: String?
}

/// How a lexicon phrase must look in the text to count.
public enum CaseRule: UInt8, Sendable {
    /// Any case ("al-Shabaab", "security forces").
    case any
    /// The first word capitalised ("Kalat").
    case capitalized
    /// Every letter upper case, as written in the lexicon ("BLA", "FC").
    case allCaps
}

/// An event trigger from a lexicon.
public struct TriggerInfo: Sendable, Hashable {
    public var type: EventType
    public var cameo: String
    public var acled: String
    /// The lexicon form that matched ("attacked").
    public var form: String
}

/// The events that the context, not a trigger word, tells (`context-trigger` records): each has its event type,
/// CAMEO and ACLED codes in the lexicon like a trigger word's.
public enum ContextTrigger: String, CaseIterable, Sendable {
    /// "ISSP fighters killed 40 villagers": an armed group killing people.
    case groupKilling = "group-killing"
    /// "Gunmen killed a local chief": the killing of one person, nothing else violent told.
    case killingOfOne = "killing-of-one"
    /// "Israeli warplanes struck the port": an aircraft's or an air force's strike.
    case aerialStrike = "aerial-strike"
    /// "Turkish forces struck 29 targets": another armed actor's strike.
    case actorStrike = "actor-strike"
    /// "The Front sent suicidal fighters to a camp".
    case suicideFighters = "suicide-fighters"
    /// "The army, supported by police, retaliated": an armed actor fighting back.
    case returnedFire = "returned-fire"
    /// "revenge for the three fighters martyred in Kessa": deaths a response names, no incident told there.
    case describedDeaths = "described-deaths"
    /// "The Front said it had carried out the attack": a group's own account of an attack, a claim.
    case spokenClaim = "spoken-claim"
}

/// A causal cue from a lexicon.
public struct CueInfo: Sendable, Hashable {
    public enum Order: String, Sendable { case effectCause = "effect-cause", causeEffect = "cause-effect" }
    public var relation: CausalRelation
    public var order: Order
    public var phrase: String
}

/// Head words that type unknown names.
public struct HeadInfo: Sendable, Hashable {
    public enum Position: String, Sendable { case suffix, prefix }
    public var type: EntityType
    public var position: Position
}

/// A lexicon line that could not be used, with the file and line.
public struct LexiconError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var message: String
    public var description: String { "\(file):\(line): \(message) (see the lexicon format: kind<TAB>fields…)" }
}

/// The compiled lexicons: known entities, head words, triggers, causal cues, hedges, negations,
/// role nouns, descriptors, demonyms, stop words and number words. Built once, shared read-only.
public struct Lexicon: Sendable {
    public private(set) var entities: [LexiconEntity] = []
    /// Entity names and aliases → (entity index, case rule).
    private(set) var entityPhrases = PhraseIndex<EntityMatch>()
    private(set) var heads = PhraseIndex<HeadInfo>()
    /// First token keys of facility heads, to rule out facility phrases cheaply.
    private(set) var facilityHeadKeys = KeySet()
    private(set) var triggers = PhraseIndex<TriggerInfo>()
    /// The codes of the events the context tells (`context-trigger` records), by kind.
    private(set) var contextTriggers: [ContextTrigger: TriggerInfo] = [:]
    private(set) var cues = PhraseIndex<CueInfo>()
    private(set) var hedges = PhraseIndex<Double>()
    private(set) var negations = PhraseIndex<Bool>()
    private(set) var roles = PhraseIndex<TriplePredicate>()
    private(set) var relationCues = PhraseIndex<TriplePredicate>()
    /// Sentence-level causal signals ("due to", "in protest", "demanding").
    private(set) var signals = PhraseIndex<Bool>()
    private(set) var descriptors = PhraseIndex<EntityType>()
    private(set) var generics = PhraseIndex<EntityType>()
    private(set) var demonyms = KeyMap<String>()
    /// Demonym words as written ("Pakistani") → country.
    public private(set) var demonymNames: [String: String] = [:]
    private(set) var stops = KeySet()
    private(set) var weak = KeySet()
    /// Units of measure and money after a number ("25 kilometres"): not a count of people.
    private(set) var measures = KeySet()
    /// Titles and ranks before a person's name ("Lieutenant Colonel").
    private(set) var titles = PhraseIndex<Bool>()
    /// Words announcing a person's name after them ("named", "farmer").
    private(set) var personCues = PhraseIndex<Bool>()
    private(set) var numbers = KeyMap<Int>()
    /// Grammar words of the argument rules (`argument` records).
    public private(set) var argumentWords = ArgumentWords()
    /// Grammar words of the event rules around a trigger (`event-word` records).
    public private(set) var eventWords = EventWords()
    /// Grammar words of the relation rules (`relation-word` records).
    public private(set) var relationWords = RelationWords()
    /// Byte length of the shortest number word: a hyphenated count ("twenty-five") is at least two of them and a hyphen.
    private(set) var shortestNumberWord = Int.max
    /// Named version: "builtin-<hash>" plus "+<file>-<hash>" per user file.
    public private(set) var version: String = ""
    private var entityIndexByName: [String: Int] = [:]
    /// Country name or demonym (lower case) → the country's main state force ("pakistan" → Pakistan Army).
    public private(set) var countryForces: [String: Int] = [:]

    /// What an entity phrase points to.
    public struct EntityMatch: Sendable, Hashable {
        public var entity: Int
        public var caseRule: CaseRule
        public var surface: String
    }

    public init() {}

    /// The bundled lexicons, plus user lexicon files.
    public static func standard(userFiles: [String] = []) throws -> Lexicon {
        var lexicon = Lexicon()
        let urls = try bundledFiles()
        var hashes: [UInt8] = []
        for url in urls {
            let data = try Data(contentsOf: url)
            hashes += SHA256.digest(Array(data))
            try lexicon.load(Array(data), file: url.lastPathComponent)
        }
        lexicon.version = "builtin-" + String(SHA256.hex(hashes).prefix(10))
        for path in userFiles {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw LexiconError(file: path, line: 0, message: "cannot read the lexicon file")
            }
            try lexicon.load(Array(data), file: path)
            let stem = (path as NSString).lastPathComponent
            lexicon.version += "+\(stem)-" + String(SHA256.hex(Array(data)).prefix(10))
        }
        // (indexed before returning: a `defer` would index the local copy after the value was returned)
        lexicon.indexCountryForces()
        return lexicon
    }

    static func bundledFiles() throws -> [URL] {
        let locator = ResourceLocator(
            bundleName: "newsgraph_NewsGraphExtraction",
            sourceResources: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("Resources").path
        )
        guard let dir = locator.folder("Lexicons") else {
            throw LexiconError(file: "Lexicons", line: 0, message: "the bundled lexicons are missing from the installation; reinstall with `make install PREFIX=…` or set NEWSGRAPH_RESOURCES")
        }
        let files = try FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil)
        return files.filter { $0.pathExtension == "tsv" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// The tokens of a lexicon phrase, as `PhraseIndex` stores it.
    static func phrase(_ form: String) -> [Token] {
        Tokenizer.tokenize(Array(form.utf8))
    }

    static func caseRule(_ phrase: String) -> CaseRule {
        let bytes = Array(phrase.utf8)
        let toks = Tokenizer.tokenize(bytes)
        guard let first = toks.first else { return .any }
        if first.allCaps, first.end - first.start <= 6 { return .allCaps }
        if first.capitalized { return .capitalized }
        return .any
    }

    /// Indexes each country's main state force: a unit named after the country or its demonym,
    /// an army before armed forces before a military ("Pakistan Army", "Malian Armed Forces").
    public mutating func indexCountryForces() {
        var best: [String: (Int, Int)] = [:]
        var countryOf: [String: String] = [:] // prefix → country
        for e in entities where e.type == .place && e.parent == nil { countryOf[e.name.lowercased()] = e.name.lowercased() }
        for (d, c) in demonymNames { countryOf[d.lowercased()] = c.lowercased() }
        // by name or alias: "Tatmadaw" is Myanmar's through its alias "Myanmar army"
        for (idx, e) in entities.enumerated() where e.type == .unit {
            for n in ([e.name] + e.aliases).map({ $0.lowercased() }) {
                for suffix in [(" army", 3), (" armed forces", 2), (" military", 1), (" defence forces", 1), (" defense forces", 1)] where n.hasSuffix(suffix.0) {
                    let prefix = String(n.dropLast(suffix.0.count))
                    if let country = countryOf[prefix], best[country] == nil || suffix.1 > best[country]!.1 { best[country] = (idx, suffix.1) }
                }
            }
        }
        countryForces = best.mapValues(\.0)
    }

    /// Adds one entity (or replaces the type and aliases of a known one).
    public mutating func addEntity(_ e: LexiconEntity) {
        let idx: Int
        if let existing = entityIndexByName[e.name.lowercased()] {
            idx = existing
            entities[idx] = e
        } else {
            idx = entities.count
            entities.append(e)
            entityIndexByName[e.name.lowercased()] = idx
        }
        let plainForms = Set(([e.name] + e.aliases).map { $0.lowercased() })
        for form in [e.name] + e.aliases where !form.isEmpty {
            // "Baloch Liberation Army (BLA)" is an acronym definition, which the extractor reads itself
            if form.hasSuffix(")"), let open = form.lastIndex(of: "("),
               plainForms.contains(form[..<open].trimmingCharacters(in: .whitespaces).lowercased()) { continue }
            let phrase = Lexicon.phrase(form)
            guard !phrase.isEmpty else { continue }
            entityPhrases.insert(phrase, value: EntityMatch(entity: idx, caseRule: Lexicon.caseRule(form), surface: form))
        }
    }

    /// The known entity with this name or alias.
    public func entity(named name: String) -> LexiconEntity? {
        if let i = entityIndexByName[name.lowercased()] { return entities[i] }
        let toks = Tokenizer.tokenize(Array(name.utf8))
        if let m = entityPhrases.match(toks, at: 0, limit: toks.count), m.length == toks.count { return entities[m.value.entity] }
        return nil
    }

    /// Adds a `KIND ROLE FORMS` record's words to its table, or says which roles the kind allows.
    private static func addRoleWords<T: RoleWordTable>(_ r: Record, to table: inout T) throws {
        guard let role = T.Role(rawValue: r[1]) else {
            throw r.error("unknown \(r.kind) role '\(r[1])' (one of \(T.Role.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        table.add(r.list(2), as: role)
    }

    /// The trigger record of an event the context tells, read as the words `form`; nil when no lexicon defines it.
    func contextTrigger(_ kind: ContextTrigger, form: String) -> TriggerInfo? {
        guard var info = contextTriggers[kind] else { return nil }
        info.form = form
        return info
    }

    /// Parses lexicon records from a file's bytes.
    public mutating func load(_ bytes: [UInt8], file: String) throws {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw LexiconError(file: file, line: 0, message: "not valid UTF-8")
        }
        var lineNo = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNo += 1
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.isEmpty || line.hasPrefix("#") { continue }
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map { String($0).trimmingSpaces() }
            let record = Record(fields: f, file: file, line: lineNo)
            if try addNamedRecord(record) { continue }
            if try addWordRecord(record) { continue }
            throw LexiconError(file: file, line: lineNo, message: "unknown record kind '\(f[0])'")
        }
    }

    /// Adds an entity, head-word, trigger, cue, hedge, negation or relation record; false for another kind.
    private mutating func addNamedRecord(_ r: Record) throws -> Bool {
        switch r.kind {
        case "entity":
            try r.need(3)
            let type: EntityType = try r.field(2, "entity type")
            addEntity(LexiconEntity(name: r[1], type: type, aliases: r.count > 3 ? r.list(3) : [],
                                    parent: r.count > 4 && !r[4].isEmpty ? r[4] : nil))
        case "head":
            try r.need(3)
            let type: EntityType = try r.field(2, "entity type")
            let pos = r.count > 3 ? HeadInfo.Position(rawValue: r[3]) ?? .suffix : .suffix
            for form in r.list(1) {
                let phrase = Lexicon.phrase(form)
                // a head word may stand at either end of a name: both rows are kept
                heads.add(phrase, value: HeadInfo(type: type, position: pos)) { $0.position == pos }
                if type == .facility, let first = phrase.first { facilityHeadKeys.insert(first.key) }
            }
        case "trigger":
            try r.need(5)
            let type: EventType = try r.field(2, "event type")
            for form in r.list(1) {
                triggers.insert(Lexicon.phrase(form), value: TriggerInfo(type: type, cameo: r[3], acled: r[4], form: form))
            }
        case "untrigger":
            try r.need(2)
            for form in r.list(1) { triggers.remove(Lexicon.phrase(form)) }
        case "context-trigger":
            try r.need(5)
            guard let kind = ContextTrigger(rawValue: r[1]), let type = EventType(rawValue: r[2]) else {
                throw r.error("context-trigger needs a kind (\(ContextTrigger.allCases.map(\.rawValue).joined(separator: ", "))) and an event type")
            }
            contextTriggers[kind] = TriggerInfo(type: type, cameo: r[3], acled: r[4], form: "")
        case "cue":
            try r.need(4)
            guard let rel = CausalRelation(rawValue: r[2]), let order = CueInfo.Order(rawValue: r[3]) else {
                throw r.error("cue needs a relation (responded_to|caused|followed) and an order (effect-cause|cause-effect)")
            }
            for form in r.list(1) { cues.insert(Lexicon.phrase(form), value: CueInfo(relation: rel, order: order, phrase: form)) }
        case "hedge":
            try r.need(3)
            guard let w = Double(r[2]), (0...1).contains(w) else { throw r.error("hedge weight must be a number from 0 to 1") }
            for form in r.list(1) { hedges.insert(Lexicon.phrase(form), value: w) }
        case "negation":
            try r.need(2)
            for form in r.list(1) { negations.insert(Lexicon.phrase(form), value: true) }
        case "role":
            try r.need(3)
            let p: TriplePredicate = try r.field(2, "predicate")
            for form in r.list(1) { roles.insert(Lexicon.phrase(form), value: p) }
        case "relation":
            try r.need(3)
            let p: TriplePredicate = try r.field(2, "predicate")
            for form in r.list(1) { relationCues.insert(Lexicon.phrase(form), value: p) }
        default:
            return false
        }
        return true
    }

    /// Adds a grammar-word or word-list record (role words, descriptors, generics, demonyms, stop words, signals,
    /// titles, person cues, measures, weak words, numbers); false for another kind.
    private mutating func addWordRecord(_ r: Record) throws -> Bool {
        switch r.kind {
        case "event-word":
            try r.need(3)
            try Lexicon.addRoleWords(r, to: &eventWords)
        case "argument":
            try r.need(3)
            try Lexicon.addRoleWords(r, to: &argumentWords)
        case "relation-word":
            try r.need(3)
            try Lexicon.addRoleWords(r, to: &relationWords)
        case "descriptor":
            try r.need(3)
            let type: EntityType = try r.field(2, "entity type")
            for form in r.list(1) { descriptors.insert(Lexicon.phrase(form), value: type) }
        case "generic":
            try r.need(3)
            let type: EntityType = try r.field(2, "entity type")
            for form in r.list(1) { generics.insert(Lexicon.phrase(form), value: type) }
        case "demonym":
            try r.need(3)
            for form in r.list(1) { demonyms[Tokenizer.hash(Array(form.utf8))] = r[2]; demonymNames[form] = r[2] }
        case "stop":
            try r.need(2)
            for form in r.list(1) { stops.insert(Tokenizer.hash(Array(form.utf8))) }
        case "signal":
            try r.need(2)
            for form in r.list(1) { signals.insert(Lexicon.phrase(form), value: true) }
        case "title":
            try r.need(2)
            for form in r.list(1) { titles.insert(Lexicon.phrase(form), value: true) }
        case "personcue":
            try r.need(2)
            for form in r.list(1) { personCues.insert(Lexicon.phrase(form), value: true) }
        case "measure":
            try r.need(2)
            for form in r.list(1) { measures.insert(Tokenizer.hash(Array(form.utf8))) }
        case "weak":
            try r.need(2)
            for form in r.list(1) { weak.insert(Tokenizer.hash(Array(form.utf8))) }
        case "number":
            try r.need(3)
            guard let v = Int(r[2]) else { throw r.error("number value must be an integer") }
            for form in r.list(1) {
                numbers[Tokenizer.hash(Array(form.utf8))] = v
                shortestNumberWord = min(shortestNumberWord, form.utf8.count)
            }
        default:
            return false
        }
        return true
    }
}

/// One lexicon record: its tab-separated fields, and where it stands, for one-line errors that name the file and line.
private struct Record {
    let fields: [String]
    let file: String
    let line: Int

    /// The record kind, its first field ("trigger", "entity").
    var kind: String { fields[0] }
    var count: Int { fields.count }
    subscript(i: Int) -> String { fields[i] }

    /// Checks that the record has at least `n - 1` fields after its kind.
    func need(_ n: Int) throws {
        guard fields.count >= n else { throw error("'\(kind)' needs \(n - 1) fields, found \(fields.count - 1)") }
    }

    /// The `|`-separated forms of field `i`.
    func list(_ i: Int) -> [String] { fields[i].split(separator: "|").map { String($0).trimmingSpaces() }.filter { !$0.isEmpty } }

    /// The member of `T` field `i` names ("attack", "unit", "killed"), or a one-line error saying which kind was unknown.
    func field<T: RawRepresentable>(_ i: Int, _ what: String) throws -> T where T.RawValue == String {
        guard let v = T(rawValue: fields[i]) else { throw error("unknown \(what) '\(fields[i])'") }
        return v
    }

    func error(_ message: String) -> LexiconError { LexiconError(file: file, line: line, message: message) }
}
