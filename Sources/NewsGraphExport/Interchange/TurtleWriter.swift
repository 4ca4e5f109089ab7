import NewsGraphCore

/// Writes a `KnowledgeGraph` as RDF 1.1 Turtle in the newsgraph vocabulary (`NewsGraphVocabulary`, `ng:`).
///
/// - Resources get IRIs under `base` that survive re-ingest: `article/<id>`, `entity/<type>/<name key>`,
///   `event/<local id>/<date>` (each path segment percent-encoded as UTF-8; a clash gets `-2`, `-3`…).
/// - Entities: `a ng:Entity, ng:Group`, `rdfs:label` (the name), `skos:altLabel` (aliases). Events:
///   `a ng:Event, ng:Attack`, `rdfs:label`, `ng:localID`, `ng:trigger`, `ng:date` (`xsd:date`), figures, and
///   one `ng:casualtyReport` per source article. Both: `prov:wasDerivedFrom` every supporting article and
///   one `ng:evidence` node per located mention (article, sentence index and text, span, confidence, factuality).
/// - Edges: the plain triple (`<event> ng:agent <entity>`), unless every source denies it, plus a reified
///   `rdf:Statement` with the edge's confidence, factuality, cue and evidence (denied facts appear only there).
/// - Literals are escaped by the Turtle grammar (`QuotedString`: `\"`, `\\`, `\b`, `\f`, `\n`, `\r`, `\t`;
///   other controls, DEL and U+2028/U+2029 as `\u`); output is deterministic.
public struct TurtleWriter: Sendable {
    /// The IRI that resource paths are appended to; must end with `/` or `#`.
    public var base: String

    public init(base: String = "https://newsgraph.dev/id/") {
        self.base = base.hasSuffix("/") || base.hasSuffix("#") ? base : base + "/"
    }

    /// The `@prefix` lines of every document.
    static func prefixBlock() -> String {
        NewsGraphVocabulary.prefixes.map { "@prefix \($0.0): <\($0.1)> .\n" }.joined()
    }

    /// The Turtle text.
    public func write(_ graph: KnowledgeGraph) -> String {
        let view = InterchangeView(graph)
        var out = Self.prefixBlock()
        let articleIRIs = graph.articles.map { iri(["article", $0.id]) }
        var articleIndex: [String: Int] = [:]
        for (i, a) in graph.articles.enumerated() { articleIndex[a.id] = i }
        func articleIRI(_ e: Evidence) -> String { articleIRIs[Int(e.articleIndex)] }
        let nodeIRIs = nodeIRIs(view)

        out += "\n# Articles\n"
        for (i, a) in graph.articles.enumerated() {
            out += "\n\(articleIRIs[i]) a ng:Article, prov:Entity ;\n"
            out += "    dcterms:identifier \(Self.literal(a.id))"
            if let t = a.title { out += " ;\n    dcterms:title \(Self.literal(t))" }
            if let d = a.date { out += " ;\n    dcterms:date \(Self.date(d))" }
            if let s = a.source { out += " ;\n    ng:source \(Self.literal(s))" }
            out += " ;\n    ng:contentHash \(Self.literal(a.contentHash)) .\n"
        }

        out += "\n# Entities and events\n"
        for n in view.nodes {
            var lines: [String] = []
            if n.kind == .entity {
                lines.append("a ng:Entity, ng:\(n.typeClass)")
                lines.append("rdfs:label \(Self.literal(n.name))")
                if !n.aliases.isEmpty { lines.append("skos:altLabel " + n.aliases.map(Self.literal).joined(separator: ", ")) }
            } else {
                lines.append("a ng:Event, ng:\(n.typeClass)")
                lines.append("rdfs:label \(Self.literal(n.label))")
                lines.append("ng:localID \(Self.literal(n.name))")
                if let t = n.trigger { lines.append("ng:trigger \(Self.literal(t))") }
                if let d = n.date { lines.append("ng:date \(Self.date(d))") }
                if let f = n.factuality { lines.append("ng:factuality \(Self.literal(f.rawValue))") }
                if let k = n.killed { lines.append("ng:killedCount \(k)") }
                if let k = n.injured { lines.append("ng:injuredCount \(k)") }
                if let c = n.cameo { lines.append("ng:cameo \(Self.literal(c))") }
                if let c = n.acled { lines.append("ng:acled \(Self.literal(c))") }
                for r in Self.reports(n) {
                    var parts = ["a ng:CasualtyReport"]
                    if let i = articleIndex[r.article] { parts.append("ng:article \(articleIRIs[i])") }
                    if let k = r.killed { parts.append("ng:killedCount \(k)") }
                    if let k = r.injured { parts.append("ng:injuredCount \(k)") }
                    parts.append("ng:factuality \(Self.literal(r.factuality.rawValue))")
                    lines.append("ng:casualtyReport [ " + parts.joined(separator: " ; ") + " ]")
                }
            }
            lines.append("ng:key \(Self.literal(n.key))")
            lines.append("ng:confidence \(InterchangeNames.decimal(n.confidence))")
            let evidence = graph.evidence(of: n.node)
            lines += provenance(evidence, graph, articleIRI)
            out += "\n" + nodeIRIs[n.node.index] + " " + lines.joined(separator: " ;\n    ") + " .\n"
        }

        out += "\n# Edges: the plain triple (unless every source denies it) and the statement with its provenance\n"
        for e in view.edges {
            let s = nodeIRIs[e.edge.source.index], o = nodeIRIs[e.edge.target.index]
            let p = "ng:" + e.relation
            if e.edge.factuality != .denied { out += "\n\(s) \(p) \(o) .\n" } else { out += "\n" }
            var lines = ["a rdf:Statement", "rdf:subject \(s)", "rdf:predicate \(p)", "rdf:object \(o)",
                         "ng:confidence \(InterchangeNames.decimal(e.edge.confidence))",
                         "ng:factuality \(Self.literal(e.edge.factuality.rawValue))"]
            if e.edge.isDisputed { lines.append("ng:disputed true") }
            if let c = e.edge.cue { lines.append("ng:cue \(Self.literal(c))") }
            lines += provenance(graph.evidence(of: e.edge.id), graph, articleIRI)
            out += "[ " + lines.joined(separator: " ;\n    ") + "\n] .\n"
        }
        return out
    }

    /// `prov:wasDerivedFrom` the articles, and one `ng:evidence` node per evidence whose sentence is known
    /// (evidence without a position, as from annotation files, would only repeat the article).
    private func provenance(_ evidence: [Evidence], _ graph: KnowledgeGraph, _ articleIRI: (Evidence) -> String) -> [String] {
        var lines: [String] = []
        var articles: [String] = []
        for e in evidence where articles.last != articleIRI(e) { articles.append(articleIRI(e)) }
        if !articles.isEmpty { lines.append("prov:wasDerivedFrom " + articles.joined(separator: ", ")) }
        for e in evidence where e.sentenceIndex != nil {
            var parts = ["a ng:Evidence", "prov:wasDerivedFrom \(articleIRI(e))", "ng:article \(articleIRI(e))"]
            if let s = e.sentenceIndex { parts.append("ng:sentenceIndex \(s)") }
            if let t = graph.sentence(of: e) { parts.append("ng:sentenceText \(Self.literal(t))") }
            if let span = e.span { parts.append("ng:spanStart \(span.lowerBound)"); parts.append("ng:spanEnd \(span.upperBound)") }
            parts.append("ng:confidence \(InterchangeNames.decimal(Double(e.confidence)))")
            parts.append("ng:factuality \(Self.literal(e.factuality.rawValue))")
            lines.append("ng:evidence [ " + parts.joined(separator: " ; ") + " ]")
        }
        return lines
    }

    struct Report { var article: String; var killed: Int?; var injured: Int?; var factuality: Factuality }

    /// One casualty report per article that gives a figure, in article order.
    static func reports(_ n: InterchangeNode) -> [Report] {
        var out: [Report] = []
        for f in n.killedSources {
            out.append(Report(article: f.article, killed: f.value, injured: nil, factuality: f.factuality))
        }
        for f in n.injuredSources {
            if let i = out.firstIndex(where: { $0.article == f.article && $0.injured == nil }) { out[i].injured = f.value }
            else { out.append(Report(article: f.article, killed: nil, injured: f.value, factuality: f.factuality)) }
        }
        return out.sorted { $0.article < $1.article }
    }

    /// The IRI of every node (by index): readable, stable across re-ingest, unique.
    private func nodeIRIs(_ view: InterchangeView) -> [String] {
        var used = Set<String>()
        return view.nodes.map { n in
            var segments: [String]
            if n.kind == .entity {
                let key = NameNormalizer.key(n.name)
                segments = ["entity", n.type, key.isEmpty ? n.id : key]
            } else {
                segments = ["event", n.name.isEmpty ? n.id : n.name]
                if let d = n.date { segments.append(d) }
            }
            var candidate = iri(segments)
            var i = 2
            while !used.insert(candidate).inserted {
                var s = segments
                s[s.count - 1] += "-\(i)"
                candidate = iri(s)
                i += 1
            }
            return candidate
        }
    }

    /// `<base/seg1/seg2>` with every segment percent-encoded.
    func iri(_ segments: [String]) -> String {
        "<" + base + segments.map(Self.percentEncode).joined(separator: "/") + ">"
    }

    /// A path segment: UTF-8 bytes outside RFC 3986 `unreserved` become `%XX`; `.` and `..` are encoded too.
    static func percentEncode(_ s: String) -> String {
        if s == "." || s == ".." || s.isEmpty { return s.isEmpty ? "_" : String(repeating: "%2E", count: s.count) }
        var out = ""
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "A") ... UInt8(ascii: "Z"), UInt8(ascii: "a") ... UInt8(ascii: "z"), UInt8(ascii: "0") ... UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(b))
            default:
                let h = String(b, radix: 16, uppercase: true)
                out += "%" + (h.count == 1 ? "0" : "") + h
            }
        }
        return out
    }

    /// A Turtle string literal (`STRING_LITERAL_QUOTE`), escaped by `QuotedString` (its escapes are `ECHAR`s
    /// and `UCHAR`s).
    public static func literal(_ s: String) -> String {
        QuotedString.quoted(s)
    }

    /// `"2025-03-08"^^xsd:date` for a valid date, a plain literal otherwise.
    static func date(_ s: String) -> String {
        CalendarDate(iso: s) != nil ? "\"\(s)\"^^xsd:date" : literal(s)
    }
}
