import NewsGraphCore

/// Writes a `KnowledgeGraph`'s events as one flat CSV table in the shape of an ACLED export, for spreadsheets,
/// pandas, R and the analysts' existing ACLED workflows.
///
/// One row per event (claims and statements are not ACLED events: a claim appears as `claimed_by` on the
/// event it claims). Columns, in order (`EventsCSVWriter.header`):
/// `event_id` (stable across re-ingests, `StableIDs`), `event_date`, `year`, `event_type`, `sub_event_type`
/// (ACLED's post-2019 taxonomy: the extractor's value, else the default of the newsgraph type,
/// `ACLEDCategory`), `newsgraph_type`, `actor1`, `assoc_actor_1` (further agents, `; `), `actor2`,
/// `assoc_actor_2` (further targets), `country`, `admin1`, `admin2`, `admin3`, `location` (the event's place
/// and the places that contain it, `AdminHierarchy`), `fatalities` (as ACLED: the most
/// conservative figure the sources give), `injured`, `claimed_by`, `factuality`, `confidence`, `cameo`,
/// `source_article` (the article of the evidence), `articles` (every article, `; `), `evidence` (the sentence).
///
/// RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled, lines end in CRLF. A text
/// cell that a spreadsheet would read as a formula (starting with `=`, `+`, `-`, `@`, tab or CR) is prefixed
/// with `'` (OWASP's CSV-injection rule); numbers are written as numbers.
public struct EventsCSVWriter: Sendable {
    /// Places above the graph's `located_in` triples, and which are countries.
    public var gazetteer: PlaceGazetteer

    public init(gazetteer: PlaceGazetteer = PlaceGazetteer()) {
        self.gazetteer = gazetteer
    }

    /// The column names.
    public static let header = [
        "event_id", "event_date", "year", "event_type", "sub_event_type", "newsgraph_type", "actor1", "assoc_actor_1",
        "actor2", "assoc_actor_2", "country", "admin1", "admin2", "admin3", "location", "fatalities", "injured",
        "claimed_by", "factuality", "confidence", "cameo", "source_article", "articles", "evidence",
    ]

    /// A cell before quoting: text (guarded against formulas) or a number (written as is).
    enum Cell {
        case text(String?)
        case number(String?)
    }

    /// The CSV text.
    public func write(_ graph: KnowledgeGraph) -> String {
        let ids = StableIDs(graph)
        var out = Self.header.joined(separator: ",") + "\r\n"
        let rows = graph.eventIDs.compactMap { n -> (String, String, [Cell])? in
            guard let v = graph.event(n), v.type != .claim, v.type != .statement else { return nil }
            return (v.date ?? "", ids.node(n), row(n, v, graph, ids))
        }
        // Date order (undated last), then id: stable whatever the node numbering.
        for (_, _, cells) in rows.sorted(by: { ($0.0.isEmpty ? "~" : $0.0, $0.1) < ($1.0.isEmpty ? "~" : $1.0, $1.1) }) {
            out += cells.map(Self.render).joined(separator: ",") + "\r\n"
        }
        return out
    }

    private func row(_ n: NodeID, _ v: EventNode, _ graph: KnowledgeGraph, _ ids: StableIDs) -> [Cell] {
        let agents = graph.neighbours(of: n, relation: .role(.agent), direction: .outgoing).map { graph.name(of: $0) }
        let targets = graph.neighbours(of: n, relation: .role(.target), direction: .outgoing).map { graph.name(of: $0) }
        let claimants = graph.neighbours(of: n, relation: .triple(.claimedResponsibility), direction: .incoming).map { graph.name(of: $0) }
        let category = ACLEDCategory(attribute: v.attributes["acled"], type: v.type)
        let admin = AdminHierarchy(place: v.place, in: graph, gazetteer: gazetteer)
        let evidence = EvidenceSummary(graph.evidence(of: n), in: graph)
        let fatalities = v.killed.map(\.value).min()
        return [
            .text(ids.node(n)), .number(v.date), .number(v.date.map { String($0.prefix(4)) }),
            .text(category.type), .text(category.subType), .text(v.type.rawValue),
            .text(agents.first), .text(agents.dropFirst().joined(separator: "; ")),
            .text(targets.first), .text(targets.dropFirst().joined(separator: "; ")),
            .text(admin.country), .text(admin.admin(1)), .text(admin.admin(2)), .text(admin.admin(3)), .text(admin.location),
            .number(fatalities.map(String.init)), .number(v.injuredConsensus.map(String.init)),
            .text(claimants.joined(separator: "; ")), .text(v.factuality.rawValue),
            .number(InterchangeNames.decimal(v.confidence)), .text(v.attributes["cameo"]),
            .text(evidence?.article), .text(graph.articles(of: n).joined(separator: "; ")), .text(evidence?.sentence),
        ]
    }

    static func render(_ cell: Cell) -> String {
        switch cell {
        case .number(let s): s ?? ""
        case .text(let s): quote(guardFormula(s ?? ""))
        }
    }

    /// `'` before a text that a spreadsheet would evaluate (`=`, `+`, `-`, `@`, tab, CR first).
    static func guardFormula(_ s: String) -> String {
        guard let first = s.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else { return s }
        return "'" + s
    }

    /// RFC 4180: quoted when the field holds a comma, a quote, CR or LF (or starts or ends with a space).
    static func quote(_ s: String) -> String {
        let special = s.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
        guard special || s.hasPrefix(" ") || s.hasSuffix(" ") else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// An ACLED event type and sub-event type (post-2019 taxonomy, `docs/interchange.md#events-csv`).
struct ACLEDCategory: Sendable, Equatable {
    var type: String
    var subType: String

    /// ACLED's six event types; sub-types may contain `/` ("Air/drone strike"), so the attribute
    /// "Explosions/Remote violence/Air/drone strike" is split after the type it starts with.
    static let types = ["Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
                        "Strategic developments"]

    init(type: String, subType: String) {
        self.type = type
        self.subType = subType
    }

    /// The extractor's `acled` attribute ("Type/Sub-type") when it names an ACLED type, else the default of `type`.
    init(attribute: String?, type: EventType) {
        if let a = attribute, let t = Self.types.first(where: { a.hasPrefix($0 + "/") }) {
            self.type = t
            let sub = String(a.dropFirst(t.count + 1))
            subType = sub == "Air or drone strike" ? "Air/drone strike" : sub
            return
        }
        self = Self.default(type)
    }

    /// The ACLED category a newsgraph event type most often is, when the extractor gave none.
    static func `default`(_ type: EventType) -> ACLEDCategory {
        switch type {
        case .attack, .clash, .operation: ACLEDCategory(type: "Battles", subType: "Armed clash")
        case .bombing: ACLEDCategory(type: "Explosions/Remote violence", subType: "Remote explosive/landmine/IED")
        case .killing: ACLEDCategory(type: "Violence against civilians", subType: "Attack")
        case .abduction: ACLEDCategory(type: "Violence against civilians", subType: "Abduction/forced disappearance")
        case .arrest: ACLEDCategory(type: "Strategic developments", subType: "Arrests")
        case .protest: ACLEDCategory(type: "Protests", subType: "Peaceful protest")
        case .claim, .statement: ACLEDCategory(type: "Strategic developments", subType: "Other")
        }
    }
}

/// The place of an event and the places that contain it, outermost first: the `located_in` triples of the graph
/// (the most confident container at each step), then the gazetteer's parents above the last one. The country is
/// the outermost place the gazetteer knows as a country; the places between it and the event's place are admin1,
/// admin2, admin3. `[Pakistan, Balochistan, Kalat]` gives country Pakistan, admin1 Balochistan, location Kalat.
/// Without a known country, the containers are admin1… from the outermost and the country is empty.
struct AdminHierarchy: Sendable {
    /// The country, when known.
    var country: String?
    /// Containers between the country and the place, outermost first.
    var admins: [String]
    /// The event's place.
    var location: String?

    init(place: NodeID?, in graph: KnowledgeGraph, gazetteer: PlaceGazetteer) {
        guard let place else { country = nil; admins = []; location = nil; return }
        var nodes = [place]
        var current = place
        while nodes.count < 7 {
            let parents = graph.edges(of: current, relation: .triple(.locatedIn), direction: .outgoing)
                .filter { graph.entityType(of: $0.target) == .place && !nodes.contains($0.target) }
            guard let next = parents.max(by: { a, b in
                a.confidence != b.confidence ? a.confidence < b.confidence : graph.name(of: a.target) > graph.name(of: b.target)
            }) else { break }
            nodes.append(next.target)
            current = next.target
        }
        var chain = nodes.map { graph.name(of: $0) }
        while chain.count < 7, let top = chain.last, let parent = gazetteer.parent(of: top),
              !chain.contains(where: { NameNormalizer.key($0) == NameNormalizer.key(parent) }) {
            chain.append(parent)
        }
        chain.reverse()
        location = chain.last
        if let k = chain.firstIndex(where: gazetteer.isCountry) {
            country = chain[k]
            admins = Array(chain[(k + 1)...].dropLast())
        } else {
            country = nil
            admins = Array(chain.dropLast())
        }
    }

    /// The `level`-th container below the country (1-based).
    func admin(_ level: Int) -> String? { level <= admins.count ? admins[level - 1] : nil }
}

/// Which place contains which, and which places are countries, by normalised name (`NameNormalizer.key`):
/// what the events CSV uses above the graph's own `located_in` triples. The `NewsGraph` library builds it
/// from the place lexicons (`places.tsv`: countries and their first-level subdivisions).
public struct PlaceGazetteer: Sendable {
    private var parents: [String: String] = [:]
    private var countries: Set<String> = []

    /// No places: only the graph's `located_in` triples, and no country column.
    public init() {}

    /// `places`: (name or alias, containing place or nil); a place without a container that contains others
    /// is a country.
    public init(places: [(name: String, parent: String?)]) {
        for p in places {
            if let parent = p.parent { parents[NameNormalizer.key(p.name), default: parent] = parent }
        }
        let containers = Set(parents.values.map(NameNormalizer.key))
        countries = Set(places.filter { $0.parent == nil }.map { NameNormalizer.key($0.name) }).intersection(containers)
    }

    func parent(of place: String) -> String? { parents[NameNormalizer.key(place)] }
    func isCountry(_ place: String) -> Bool { countries.contains(NameNormalizer.key(place)) }
}
