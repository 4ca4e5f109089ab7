import NewsGraphCore

/// The newsgraph RDF vocabulary (`https://newsgraph.dev/ns#`, prefix `ng:`), used by `TurtleWriter` and
/// published in `docs/interchange.md` (the text there is `NewsGraphVocabulary.turtle`; a test keeps them equal).
///
/// - Classes: `ng:Article`, `ng:Entity` with one subclass per entity type (`ng:Person`, `ng:Group`, …),
///   `ng:Event` with one subclass per event type (`ng:Attack`, `ng:Claim`, …), `ng:Evidence`, `ng:CasualtyReport`.
/// - Object properties named exactly as the ontology's relations: the triple predicates (`ng:attacked`,
///   `ng:claimed_responsibility`, …), the event roles (`ng:agent`, `ng:target`, `ng:place`) and the causal
///   relations (`ng:responded_to`, `ng:caused`, `ng:followed`), so that SPARQL reads like `newsgraph query`.
/// - Datatype properties in lowerCamelCase (`ng:date`, `ng:killedCount`, `ng:sentenceText`, …).
/// - Provenance: `prov:wasDerivedFrom` an `ng:Article`, and `ng:evidence` nodes with the article, sentence
///   and span.
public enum NewsGraphVocabulary {
    /// The namespace IRI.
    public static let namespace = "https://newsgraph.dev/ns#"

    /// The prefixes every newsgraph Turtle document declares, in order.
    public static let prefixes: [(String, String)] = [
        ("ng", namespace),
        ("dcterms", "http://purl.org/dc/terms/"),
        ("owl", "http://www.w3.org/2002/07/owl#"),
        ("prov", "http://www.w3.org/ns/prov#"),
        ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
        ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
        ("skos", "http://www.w3.org/2004/02/skos/core#"),
        ("xsd", "http://www.w3.org/2001/XMLSchema#"),
    ]

    /// One term of the vocabulary.
    public struct Term: Sendable, Hashable {
        /// An RDFS class, an OWL object property (to a resource) or an OWL datatype property (to a literal).
        public enum Kind: String, Sendable { case `class`, objectProperty, datatypeProperty }
        /// The local name (`Group`, `responded_to`, `killedCount`).
        public var name: String
        public var kind: Kind
        /// `rdfs:subClassOf` (classes) as a prefixed name.
        public var parent: String?
        /// `rdfs:domain` and `rdfs:range` (properties) as prefixed names.
        public var domain: String?
        public var range: String?
        public var comment: String
    }

    /// The class of an entity type (`ng:Group`).
    public static func className(_ t: EntityType) -> String { InterchangeNames.className(t.rawValue) }
    /// The class of an event type (`ng:Attack`).
    public static func className(_ t: EventType) -> String { InterchangeNames.className(t.rawValue) }

    /// Every term, classes first.
    public static let terms: [Term] = {
        var t: [Term] = []
        func cls(_ n: String, _ parent: String?, _ c: String) { t.append(Term(name: n, kind: .class, parent: parent, comment: c)) }
        func obj(_ n: String, _ d: String?, _ r: String?, _ c: String) { t.append(Term(name: n, kind: .objectProperty, domain: d, range: r, comment: c)) }
        func dat(_ n: String, _ d: String?, _ r: String?, _ c: String) { t.append(Term(name: n, kind: .datatypeProperty, domain: d, range: r, comment: c)) }
        cls("Article", "prov:Entity", "A news article the graph was extracted from.")
        cls("Entity", nil, "A resolved named entity: one node of the merged graph.")
        for e in EntityType.allCases { cls(className(e), "ng:Entity", "An entity of type '\(e.rawValue)'.") }
        cls("Event", nil, "A resolved event: one node of the merged graph.")
        for e in EventType.allCases { cls(className(e), "ng:Event", "An event of type '\(e.rawValue)'.") }
        cls("Evidence", "prov:Entity", "A place in an article that states a fact: article, sentence and character span.")
        cls("CasualtyReport", nil, "The killed and injured figures one article gives for an event.")
        for p in TriplePredicate.allCases {
            obj(p.rawValue, "ng:Entity", p == .claimedResponsibility ? "ng:Event" : "ng:Entity",
                "The ontology predicate '\(p.rawValue)' between entities\(p == .claimedResponsibility ? " (the object is an event)" : "").")
        }
        for r in EventRole.allCases { obj(r.rawValue, "ng:Event", "ng:Entity", "The event role '\(r.rawValue)'.") }
        for c in CausalRelation.allCases {
            obj(c.rawValue, "ng:Event", "ng:Event", "The causal relation '\(c.rawValue)' (subject: the later event or the cause).")
        }
        obj("evidence", nil, "ng:Evidence", "Where a node or a reified edge is stated.")
        obj("article", "ng:Evidence", "ng:Article", "The article of an evidence or casualty report.")
        obj("casualtyReport", "ng:Event", "ng:CasualtyReport", "One source's casualty figures for the event.")
        dat("key", nil, "xsd:string", "A reference that survives re-ingest ('entity:group:northernfront').")
        dat("localID", "ng:Event", "xsd:string", "The article-local event id most sources use ('kalat_attack').")
        dat("trigger", "ng:Event", "xsd:string", "The trigger words as written.")
        dat("date", "ng:Event", "xsd:date", "The date most sources give the event.")
        dat("factuality", nil, "xsd:string", "'asserted', 'reported' or 'denied'.")
        dat("confidence", nil, "xsd:decimal", "Extraction confidence, 0 to 1.")
        dat("disputed", "rdf:Statement", "xsd:boolean", "True when some sources state the fact and others deny it.")
        dat("cue", "rdf:Statement", "xsd:string", "The words that stated a causal link ('in response to').")
        dat("killedCount", nil, "xsd:integer", "People killed: on an event, the figure most sources give; on a casualty report, that source's.")
        dat("injuredCount", nil, "xsd:integer", "People injured (as killedCount).")
        dat("cameo", "ng:Event", "xsd:string", "CAMEO root code.")
        dat("acled", "ng:Event", "xsd:string", "ACLED event type.")
        dat("sentenceIndex", "ng:Evidence", "xsd:integer", "Zero-based sentence index in the article.")
        dat("sentenceText", "ng:Evidence", "xsd:string", "The sentence text.")
        dat("spanStart", "ng:Evidence", "xsd:integer", "Span start, in Unicode scalars from the start of the article.")
        dat("spanEnd", "ng:Evidence", "xsd:integer", "Span end (exclusive), in Unicode scalars.")
        dat("source", "ng:Article", "xsd:string", "Where the article text came from (path or URL).")
        dat("contentHash", "ng:Article", "xsd:string", "SHA-256 of the article text, hex.")
        return t
    }()

    /// The vocabulary as Turtle (RDFS classes, OWL object and datatype properties), as published in `docs/interchange.md`.
    public static var turtle: String {
        var out = TurtleWriter.prefixBlock()
        out += "\n<https://newsgraph.dev/ns> a owl:Ontology ;\n"
        out += "    rdfs:label \"newsgraph vocabulary\" ;\n"
        out += "    rdfs:comment \"Entities, events, relations and provenance of newsgraph knowledge graphs.\" .\n"
        for term in terms {
            out += "\nng:\(term.name) a "
            switch term.kind {
            case .class: out += "rdfs:Class"
            case .objectProperty: out += "owl:ObjectProperty"
            case .datatypeProperty: out += "owl:DatatypeProperty"
            }
            if let p = term.parent { out += " ; rdfs:subClassOf \(p)" }
            if let d = term.domain { out += " ; rdfs:domain \(d)" }
            if let r = term.range { out += " ; rdfs:range \(r)" }
            out += " ;\n    rdfs:comment \(TurtleWriter.literal(term.comment)) .\n"
        }
        return out
    }
}
