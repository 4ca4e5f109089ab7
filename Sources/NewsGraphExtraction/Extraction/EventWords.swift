/// The grammar words of the event rules that read the tokens around a trigger (the trigger's form, background
/// mentions, casualty figures, places), read from `event-word` records (`Lexicons/event-words.tsv`) as token keys.
public struct EventWords: RoleWordTable {
    /// The roles an `event-word` record can give its words.
    public enum Role: String, Sendable, CaseIterable {
        case distinct = "distinct"
        case beAuxiliary = "be-auxiliary"
        case edgeNoun = "edge-noun"
        case anaphoricPlaceNoun = "anaphoric-place-noun"
        case callVerb = "call-verb"
        case periodUnit = "period-unit"
        case modal = "modal"
        case habitual = "habitual"
        /// "recent attacks" (background) but "a recent attack on X" (one incident): habitual before a plural noun only.
        case pluralHabitual = "plural-habitual"
        case placePreposition = "place-preposition"
        case clauseBreak = "clause-break"
        case killWord = "kill-word"
        case injureWord = "injure-word"
        case noneWord = "none-word"
        case tollWord = "toll-word"
        case riseVerb = "rise-verb"
        case partWord = "part-word"
        /// "one of the attacks", "some of the raids": a quantity of a set of incidents, no incident of its own.
        case partitiveWord = "partitive-word"
        case perfectAuxiliary = "perfect-auxiliary"
        case deathNoun = "death-noun"
        case elsewhere = "elsewhere"
        /// "the victims were identified as …", "among the dead were …": nouns for the people who died.
        case victimNoun = "victim-noun"
        /// "identified as", "named as": verbs that name people "as".
        case identifyVerb = "identify-verb"
        /// "a number of", "a total of": nouns after "a" that count, never one victim.
        case quantityNoun = "quantity-noun"
        /// "retaliated", "a retaliatory strike", "reprisal attacks": the event answers an incident already told.
        case responseWord = "response-word"
        /// "Kessa would retaliate to the attack, X said": verbs of answering an incident, read in a reported clause.
        case responseVerb = "response-verb"
        /// "a day earlier": adverbs that count a clause back from the sentence's other date.
        case earlierAdverb = "earlier-adverb"
        /// "comes two days after X": the word that counts a clause back from the clause it modifies.
        case afterWord = "after-word"
        /// "The move comes two days after X": the verb that places its subject after an earlier event.
        case sequenceVerb = "sequence-verb"
        /// "on Sunday, when the Front claimed …": the word a "when" clause opens with.
        case whenWord = "when-word"
        /// "on Saturday night": the nouns of a night.
        case nightNoun = "night-noun"
        /// "an overnight blast": a night before the day of the report.
        case overnightWord = "overnight-word"
        /// "a history of attacking security forces": a noun whose "of" phrase tells a habit, not an incident.
        case habitNoun = "habit-noun"
        /// "they were going to commit an attack": a verb of intention whose infinitive's event has not happened.
        case intentionVerb = "intention-verb"
        /// "In response to the incident, …": a noun that names the article's incident without saying what it was.
        case incidentNoun = "incident-noun"
        /// "on a mission to hunt down persons connected with the attack": verbs of pursuit whose purpose answers the event.
        case pursuitVerb = "pursuit-verb"
    }

    public private(set) var distinctWords = KeySet()
    public private(set) var beAux = KeySet()
    public private(set) var edgeNouns = KeySet()
    public private(set) var anaphoricPlaceNouns = KeySet()
    public private(set) var callWords = KeySet()
    public private(set) var periodUnits = KeySet()
    public private(set) var modals = KeySet()
    public private(set) var habitual = KeySet()
    public private(set) var pluralHabitual = KeySet()
    public private(set) var placePreps = KeySet()
    public private(set) var clauseBreak = KeySet()
    public private(set) var killWords = KeySet()
    public private(set) var partitiveWords = KeySet()
    public private(set) var sequenceVerbs = KeySet()
    public private(set) var injureWords = KeySet()
    public private(set) var noneWords = KeySet()
    public private(set) var tollWords = KeySet()
    public private(set) var riseVerbs = KeySet()
    public private(set) var partWords = KeySet()
    public private(set) var perfectAux = KeySet()
    public private(set) var deathNouns = KeySet()
    public private(set) var elsewhereWords = KeySet()
    public private(set) var victimNouns = KeySet()
    public private(set) var identifyVerbs = KeySet()
    public private(set) var quantityNouns = KeySet()
    public private(set) var responseWords = KeySet()
    public private(set) var responseVerbs = KeySet()
    public private(set) var earlierAdverbs = KeySet()
    public private(set) var afterWords = KeySet()
    public private(set) var whenWords = KeySet()
    public private(set) var nightNouns = KeySet()
    public private(set) var habitNouns = KeySet()
    public private(set) var intentionVerbs = KeySet()
    public private(set) var overnightWords = KeySet()
    public private(set) var incidentNouns = KeySet()
    public private(set) var pursuitVerbs = KeySet()

    public init() {}

    /// Adds the token keys of `forms` to `role`.
    public mutating func add(_ forms: [String], as role: Role) {
        let keys = forms.map { Tokenizer.hash(Array($0.lowercased().utf8)) }
        switch role {
            case .distinct: for k in keys { distinctWords.insert(k) }
            case .beAuxiliary: for k in keys { beAux.insert(k) }
            case .edgeNoun: for k in keys { edgeNouns.insert(k) }
            case .anaphoricPlaceNoun: for k in keys { anaphoricPlaceNouns.insert(k) }
            case .callVerb: for k in keys { callWords.insert(k) }
            case .periodUnit: for k in keys { periodUnits.insert(k) }
            case .modal: for k in keys { modals.insert(k) }
            case .habitual: for k in keys { habitual.insert(k) }
            case .pluralHabitual: for k in keys { pluralHabitual.insert(k) }
            case .placePreposition: for k in keys { placePreps.insert(k) }
            case .clauseBreak: for k in keys { clauseBreak.insert(k) }
            case .killWord: for k in keys { killWords.insert(k) }
            case .injureWord: for k in keys { injureWords.insert(k) }
            case .noneWord: for k in keys { noneWords.insert(k) }
            case .tollWord: for k in keys { tollWords.insert(k) }
            case .riseVerb: for k in keys { riseVerbs.insert(k) }
            case .partWord: for k in keys { partWords.insert(k) }
            case .partitiveWord: for k in keys { partitiveWords.insert(k) }
            case .perfectAuxiliary: for k in keys { perfectAux.insert(k) }
            case .deathNoun: for k in keys { deathNouns.insert(k) }
            case .elsewhere: for k in keys { elsewhereWords.insert(k) }
            case .victimNoun: for k in keys { victimNouns.insert(k) }
            case .identifyVerb: for k in keys { identifyVerbs.insert(k) }
            case .quantityNoun: for k in keys { quantityNouns.insert(k) }
            case .responseWord: for k in keys { responseWords.insert(k) }
            case .responseVerb: for k in keys { responseVerbs.insert(k) }
            case .earlierAdverb: for k in keys { earlierAdverbs.insert(k) }
            case .afterWord: for k in keys { afterWords.insert(k) }
            case .sequenceVerb: for k in keys { sequenceVerbs.insert(k) }
            case .whenWord: for k in keys { whenWords.insert(k) }
            case .nightNoun: for k in keys { nightNouns.insert(k) }
            case .habitNoun: for k in keys { habitNouns.insert(k) }
            case .intentionVerb: for k in keys { intentionVerbs.insert(k) }
            case .overnightWord: for k in keys { overnightWords.insert(k) }
            case .incidentNoun: for k in keys { incidentNouns.insert(k) }
            case .pursuitVerb: for k in keys { pursuitVerbs.insert(k) }
        }
    }
}
