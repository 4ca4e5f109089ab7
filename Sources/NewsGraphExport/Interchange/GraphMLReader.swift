import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import NewsGraphCore

/// Reads GraphML back into an `ArticleGraph` (one per file), so that a graph edited in yEd or Gephi, or
/// built with networkx, can join a `KnowledgeGraph` (`newsgraph import FILE.graphml`).
///
/// What it reads, per node and edge, by GraphML `attr.name` (the key ids do not matter):
/// - our own export (`GraphMLWriter`, with or without yEd graphics) completely: kind, name, type, aliases,
///   trigger, date, killed, injured, factuality, cameo, acled, confidence, and the evidence sentence;
/// - any other GraphML, e.g. `networkx.write_graphml` of a graph with only node labels and edge labels:
///   a node's name is its `name`, else `label`, else the yEd node label, else its id; an edge's relation is
///   its `relation`, else `label`, `predicate`, `type`, else the yEd edge label (case, spaces and hyphens
///   ignored: "Claimed responsibility" is `claimed_responsibility`).
///
/// Nodes without a `kind` are events when they have an event `type` or are the source of an agent, target
/// or place edge or an end of a causal edge, and entities otherwise. Missing types are inferred (an event
/// type from a word of its name, "kalat_attack" → attack; the target of a place edge or a `located_in` edge
/// is a place, the subject of `spokesperson_of` or `leader_of` a person) or take `Options` defaults; every
/// such guess is reported in `Result.notes`.
///
/// Errors (`InterchangeError`, with line numbers): malformed XML, a root other than `<graphml>`, hyperedges,
/// duplicate node ids, edges to undeclared nodes, missing or unknown relation names, and edges whose ends
/// have the wrong kinds (a causal edge to an entity).
///
/// The document becomes one article (its id is the file name, its content hash the SHA-256 of the bytes,
/// so importing the same file twice changes nothing). The evidence sentences in the file become that
/// article's sentences, and each fact's provenance points at its sentence; per-source casualty figures
/// become the consensus figure.
public struct GraphMLReader: Sendable {
    /// Defaults for what a foreign GraphML file does not say.
    public struct Options: Sendable, Hashable {
        /// The type of an entity whose type is neither given nor inferable.
        public var defaultEntityType: EntityType
        /// The type of an event whose type is neither given nor inferable from its name.
        public var defaultEventType: EventType

        public init(defaultEntityType: EntityType = .organization, defaultEventType: EventType = .attack) {
            self.defaultEntityType = defaultEntityType
            self.defaultEventType = defaultEventType
        }
    }

    /// The result of reading one file.
    public struct Result: Sendable {
        /// The file as one article's facts.
        public var article: ArticleGraph
        /// What was guessed, renamed or dropped, one sentence each (empty for our own files).
        public var notes: [String]
    }

    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// Reads a GraphML file; the article id is the file name without its extension.
    public func read(contentsOf url: URL) throws(InterchangeError) -> Result {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw InterchangeError("\(url.path): cannot be read (\(error.localizedDescription)); check the path")
        }
        do {
            return try read(data, id: url.deletingPathExtension().lastPathComponent, source: url.path)
        } catch {
            throw InterchangeError("\(url.path): \(error.message)")
        }
    }

    /// Reads GraphML bytes as the article `id`.
    public func read(_ data: Data, id: String, source: String? = nil) throws(InterchangeError) -> Result {
        let doc = try GraphMLParser.parse(data)
        var builder = ArticleBuilder(doc: doc, options: options, id: id)
        let article = try builder.build(source: source, contentHash: SHA256.hex([UInt8](data)))
        return Result(article: article, notes: builder.notes)
    }

    /// Reads GraphML bytes into a graph of their own.
    public func knowledgeGraph(_ data: Data, id: String) throws(InterchangeError) -> KnowledgeGraph {
        KnowledgeGraph(articles: [try read(data, id: id).article])
    }
}

// MARK: - Parsing

/// The raw content of a GraphML document: keys, nodes and edges with their data by key id.
struct GraphMLDocument {
    struct Key {
        var id: String
        var domain: String
        /// `attr.name`, or nil for yFiles graphics keys.
        var name: String?
        var defaultValue: String?
    }
    struct Element {
        var id: String
        var data: [String: String] = [:]
        /// The text of a yEd `y:NodeLabel` / `y:EdgeLabel`, if any.
        var graphicsLabel: String?
        var line: Int
        var source = ""
        var target = ""
    }
    var keys: [String: Key] = [:]
    var nodes: [Element] = []
    var edges: [Element] = []
    var directed = true
}

/// Turns GraphML bytes into a `GraphMLDocument` with Foundation's XMLParser (libxml2; external entities off).
final class GraphMLParser: NSObject, XMLParserDelegate {
    private var doc = GraphMLDocument()
    private var error: InterchangeError?
    private var stack: [String] = []
    private var sawRoot = false
    private var sawGraph = false
    /// The element being filled: ("node"|"edge", index).
    private var owners: [(String, Int)] = []
    private var currentKey: GraphMLDocument.Key?
    private var dataKey: String?
    private var dataHasChildren = false
    private var text = ""
    private var collecting = false
    private var labelText: String?
    private weak var parser: XMLParser?

    static func parse(_ data: Data) throws(InterchangeError) -> GraphMLDocument {
        // Through a stream, not XMLParser(data:): on Linux the latter hands libxml2 the whole buffer at once,
        // and past 10 MB libxml2 stops with an internal error ("huge input lookup"); a stream is fed in chunks.
        let p = XMLParser(stream: InputStream(data: data))
        p.shouldProcessNamespaces = true
        p.shouldResolveExternalEntities = false
        let delegate = GraphMLParser()
        delegate.parser = p
        p.delegate = delegate
        let ok = p.parse()
        if let e = delegate.error { throw e }
        // libxml2 recovers from some errors (a mismatched or missing end tag) and parse() still returns true:
        // the first error reported to the delegate counts.
        if let failure = delegate.xmlError ?? (!ok ? ((p.parserError as NSError?)?.code ?? 0, p.lineNumber, p.columnNumber) : nil) {
            let (code, line, column) = failure
            throw InterchangeError("malformed XML at line \(line), column \(column): \(describe(code)); check the file is complete, well-formed GraphML")
        }
        guard delegate.sawRoot else { throw InterchangeError("the file is empty or not XML; expected a GraphML document (<graphml>)") }
        return delegate.doc
    }

    private var line: Int { parser?.lineNumber ?? 0 }
    /// The first XML error libxml2 reported: code, line, column.
    private var xmlError: (Int, Int, Int)?

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        if xmlError == nil { xmlError = ((parseError as NSError).code, parser.lineNumber, parser.columnNumber) }
    }

    /// Words for the XML errors people meet (codes of `XMLParser.ErrorCode`).
    static func describe(_ code: Int) -> String {
        switch code {
        case 4: "the document is empty or does not start with an element"
        case 5: "the document ends before every element is closed (truncated file?)"
        case 9: "a character that XML does not allow"
        case 23, 25: "an entity reference without its ';' (write & as &amp;)"
        case 26: "an undeclared entity (write & as &amp;)"
        case 38: "a '<' inside an attribute value (write &lt;)"
        case 39, 40, 41: "a broken attribute (attributes need name=\"value\")"
        case 42: "the same attribute twice on one element"
        case 64: "the XML declaration is not at the very start"
        case 68: "an element or attribute without a name (a stray '<' or '&'?)"
        case 73: "an unclosed tag ('>' expected)"
        case 76: "an end tag that does not match its start tag"
        case 77: "an unfinished tag"
        case 85, 86: "content after the root element"
        default:
            if let c = XMLParser.ErrorCode(rawValue: code) { "\(c) (libxml2 error \(code))" } else { "libxml2 error \(code)" }
        }
    }

    private func fail(_ message: String) {
        guard error == nil else { return }
        error = InterchangeError("line \(line): \(message)")
        parser?.abortParsing()
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes a: [String: String] = [:]) {
        // once the file is refused, libxml2 may still report elements: nothing more is read
        guard error == nil else { return }
        defer { stack.append(name) }
        if !sawRoot {
            sawRoot = true
            guard name == "graphml" else {
                fail("the root element is <\(qualifiedName ?? name)>, not <graphml>; this is not a GraphML file\(name == "gexf" ? " (it is GEXF: open it in Gephi, or export GraphML)" : "")")
                return
            }
            return
        }
        if dataKey != nil {
            // Inside <data>: yFiles graphics (or other markup). Keep only node and edge label text.
            dataHasChildren = true
            if name == "NodeLabel" || name == "EdgeLabel" { collecting = true; text = "" }
            return
        }
        switch name {
        case "key":
            guard let id = a["id"] else { fail("a <key> has no id attribute"); return }
            currentKey = GraphMLDocument.Key(id: id, domain: a["for"] ?? "all", name: a["yfiles.type"] != nil ? nil : (a["attr.name"] ?? id))
        case "default":
            if currentKey != nil { collecting = true; text = "" }
        case "graph":
            if !sawGraph { sawGraph = true; doc.directed = (a["edgedefault"] ?? "directed") != "undirected" }
        case "node":
            guard let id = a["id"] else { fail("a <node> has no id attribute"); return }
            doc.nodes.append(GraphMLDocument.Element(id: id, line: line))
            owners.append(("node", doc.nodes.count - 1))
        case "edge":
            guard let s = a["source"], let t = a["target"] else { fail("an <edge> needs both source and target attributes"); return }
            var e = GraphMLDocument.Element(id: a["id"] ?? "", line: line)
            e.source = s
            e.target = t
            doc.edges.append(e)
            owners.append(("edge", doc.edges.count - 1))
        case "hyperedge":
            fail("hyperedges are not supported; replace each <hyperedge> with ordinary <edge>s")
        case "data":
            guard let key = a["key"] else { fail("a <data> element has no key attribute"); return }
            guard doc.keys[key] != nil else { fail("<data key=\"\(key)\"> uses a key that no <key> element declares; declare it before the graph"); return }
            dataKey = key
            dataHasChildren = false
            collecting = true
            text = ""
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        guard error == nil else { return }
        _ = stack.popLast()
        if let key = dataKey {
            if name == "NodeLabel" || name == "EdgeLabel" {
                if labelText == nil { labelText = text.trimmedWhitespace }
                collecting = false
                return
            }
            guard name == "data" else { return }
            dataKey = nil
            collecting = false
            guard let owner = owners.last, stack.last == owner.0 else { return } // graph-level data: ignored
            if owner.0 == "node" {
                if !dataHasChildren { doc.nodes[owner.1].data[key] = text }
                if let l = labelText, doc.nodes[owner.1].graphicsLabel == nil { doc.nodes[owner.1].graphicsLabel = l }
            } else {
                if !dataHasChildren { doc.edges[owner.1].data[key] = text }
                if let l = labelText, doc.edges[owner.1].graphicsLabel == nil { doc.edges[owner.1].graphicsLabel = l }
            }
            labelText = nil
            return
        }
        switch name {
        case "default":
            if currentKey != nil { currentKey?.defaultValue = text; collecting = false }
        case "key":
            if let k = currentKey { doc.keys[k.id] = k }
            currentKey = nil
        case "node", "edge":
            _ = owners.popLast()
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if collecting { text += string }
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        if collecting { text += String(decoding: CDATABlock, as: UTF8.self) }
    }
}

// MARK: - Interpretation

/// Builds the article from a parsed document.
private struct ArticleBuilder {
    let doc: GraphMLDocument
    let options: GraphMLReader.Options
    let id: String
    var notes: [String] = []
    /// Evidence sentences, in first-use order, and where each starts in the synthesised article text.
    var sentences: [String] = []
    var sentenceIndex: [String: Int] = [:]
    var sentenceStart: [Int] = []
    var textLength = 0

    init(doc: GraphMLDocument, options: GraphMLReader.Options, id: String) {
        self.doc = doc
        self.options = options
        self.id = id
    }

    /// The values of an element by attribute name, defaults included.
    func values(_ e: GraphMLDocument.Element, domain: String) -> [String: String] {
        var out: [String: String] = [:]
        for k in doc.keys.values where (k.domain == domain || k.domain == "all") {
            if let name = k.name, let d = k.defaultValue { out[name] = d }
        }
        for (keyID, v) in e.data {
            if let name = doc.keys[keyID]?.name { out[name] = v }
        }
        return out
    }

    static func normalise(_ s: String) -> String {
        var out = ""
        for c in s.trimmedWhitespace.lowercased() {
            out.append(c == " " || c == "-" ? "_" : c)
        }
        return out
    }

    mutating func build(source: String?, contentHash: String) throws(InterchangeError) -> ArticleGraph {
        // Nodes.
        var nodeIndex: [String: Int] = [:]
        for (i, n) in doc.nodes.enumerated() {
            if nodeIndex[n.id] != nil { throw InterchangeError("line \(n.line): node id '\(n.id)' is declared twice; node ids must be unique") }
            nodeIndex[n.id] = i
        }
        let nodeValues = doc.nodes.map { values($0, domain: "node") }
        // Edges: ends and relations.
        var edges: [(source: Int, relation: Relation, target: Int, values: [String: String], element: GraphMLDocument.Element)] = []
        for e in doc.edges {
            let v = values(e, domain: "edge")
            let describe = "edge\(e.id.isEmpty ? "" : " '\(e.id)'") \(e.source) → \(e.target)"
            guard let s = nodeIndex[e.source], let t = nodeIndex[e.target] else {
                let missing = nodeIndex[e.source] == nil ? e.source : e.target
                throw InterchangeError("line \(e.line): \(describe) names node '\(missing)', which the file does not declare; add the <node> or remove the edge")
            }
            let raw = v["relation"] ?? v["label"] ?? v["predicate"] ?? v["type"] ?? v["relationship"] ?? e.graphicsLabel
            guard let raw, !raw.trimmedWhitespace.isEmpty else {
                throw InterchangeError("line \(e.line): \(describe) has no relation; give it a 'relation' or 'label' attribute with one of: \(Relation.allCases.map(\.name).joined(separator: ", "))")
            }
            guard let r = Relation(name: Self.normalise(raw)) else {
                throw InterchangeError("line \(e.line): \(describe) has the unknown relation '\(raw)'; use one of: \(Relation.allCases.map(\.name).joined(separator: ", "))")
            }
            edges.append((s, r, t, v, e))
        }
        if !doc.directed && !doc.edges.isEmpty {
            notes.append("the graph is undirected; each edge was read from its source to its target as written")
        }

        // Kinds: explicit, else by type, else by the edges.
        enum Kind { case entity, event }
        var kinds = [Kind?](repeating: nil, count: doc.nodes.count)
        for (i, v) in nodeValues.enumerated() {
            if let k = v["kind"].map(Self.normalise), k == "entity" || k == "event" {
                kinds[i] = k == "entity" ? .entity : .event
            } else if let t = (v["type"] ?? v["event_type"]).map(Self.normalise), EventType(rawValue: t) != nil, v["entity_type"] == nil {
                kinds[i] = .event
            } else if let t = (v["type"] ?? v["entity_type"]).map(Self.normalise), EntityType(rawValue: t) != nil {
                kinds[i] = .entity
            }
        }
        for e in edges {
            switch e.relation {
            case .role:
                if kinds[e.source] == nil && !(kinds[e.target] == .event) { kinds[e.source] = .event }
            case .causal:
                if kinds[e.source] == nil { kinds[e.source] = .event }
                if kinds[e.target] == nil { kinds[e.target] = .event }
            case .triple:
                break
            }
        }
        for e in edges {
            if case .role = e.relation, kinds[e.target] == nil, kinds[e.source] == .event { kinds[e.target] = .entity }
        }
        let kind = kinds.map { $0 ?? .entity }

        // Check and orient edges.
        for i in edges.indices {
            let e = edges[i]
            let describe = "line \(e.element.line): edge\(e.element.id.isEmpty ? "" : " '\(e.element.id)'") \(doc.nodes[e.source].id) → \(doc.nodes[e.target].id) '\(e.relation.name)'"
            switch e.relation {
            case .role:
                if kind[e.source] == .entity && kind[e.target] == .event {
                    edges[i] = (e.target, e.relation, e.source, e.values, e.element)
                    notes.append("\(describe): a role edge goes from the event to the entity; read it reversed")
                } else if kind[e.source] != .event || kind[e.target] != .entity {
                    throw InterchangeError("\(describe): a role edge goes from an event to an entity, but it joins \(kind[e.source] == .event ? "an event" : "an entity") to \(kind[e.target] == .event ? "an event" : "an entity"); fix the nodes' kind or the relation")
                }
            case .causal:
                guard kind[e.source] == .event && kind[e.target] == .event else {
                    throw InterchangeError("\(describe): a causal edge joins two events, but \(kind[e.source] == .entity ? doc.nodes[e.source].id : doc.nodes[e.target].id) is an entity; fix its kind or the relation")
                }
            case .triple(let p):
                guard kind[e.source] == .entity else {
                    throw InterchangeError("\(describe): the subject of '\(p.rawValue)' must be an entity, but it is an event; fix its kind or the relation")
                }
                if kind[e.target] == .event && p != .claimedResponsibility {
                    throw InterchangeError("\(describe): the object of '\(p.rawValue)' must be an entity (only claimed_responsibility takes an event); fix its kind or the relation")
                }
            }
        }

        // Entity types inferred from edges.
        var inferred = [EntityType?](repeating: nil, count: doc.nodes.count)
        var why = [String](repeating: "", count: doc.nodes.count)
        for e in edges {
            switch e.relation {
            case .role(.place), .triple(.locatedIn):
                inferred[e.target] = .place
                why[e.target] = "the place of an event or the object of located_in"
            case .triple(.spokespersonOf), .triple(.leaderOf):
                if inferred[e.source] == nil { inferred[e.source] = .person; why[e.source] = "the subject of \(e.relation.name)" }
            default:
                break
            }
        }

        // Entities (unique names), then events (unique local ids).
        var names = [String](repeating: "", count: doc.nodes.count)
        var usedNames = Set<String>()
        var entities: [ExtractedEntity] = []
        for i in doc.nodes.indices where kind[i] == .entity {
            let v = nodeValues[i], n = doc.nodes[i]
            let type: EntityType
            if let raw = v["type"] ?? v["entity_type"], let t = EntityType(rawValue: Self.normalise(raw)) {
                type = t
            } else {
                type = inferred[i] ?? options.defaultEntityType
                let reason = inferred[i] != nil ? " (\(why[i]))" : " (the default)"
                if let raw = v["type"] ?? v["entity_type"] {
                    notes.append("node '\(n.id)': unknown entity type '\(raw)'; read as \(type.rawValue)\(reason)")
                } else {
                    notes.append("node '\(n.id)' (\(nonEmpty(v["name"]) ?? nonEmpty(v["label"]) ?? n.id)): no entity type; read as \(type.rawValue)\(reason)")
                }
            }
            let base = nonEmpty(v["name"]) ?? nonEmpty(v["label"]) ?? nonEmpty(n.graphicsLabel) ?? n.id
            var name = base
            if usedNames.contains(name) {
                name = "\(base) (\(type.rawValue))"
                var k = 2
                while usedNames.contains(name) { name = "\(base) (\(type.rawValue) \(k))"; k += 1 }
                notes.append("node '\(n.id)': the name '\(base)' is taken by another node; renamed '\(name)'")
            }
            usedNames.insert(name)
            names[i] = name
            entities.append(ExtractedEntity(name: name, aliases: v["aliases"].map(InterchangeNames.splitList) ?? [], type: type,
                                            mentions: mention(v), confidence: confidence(v["confidence"], node: n.id)))
        }
        // An alias must not be another entity's name (the name would then find the wrong entity).
        for k in entities.indices {
            var seen = Set<String>([entities[k].name])
            entities[k].aliases = entities[k].aliases.filter { !$0.isEmpty && !usedNames.contains($0) && seen.insert($0).inserted }
        }
        var usedIDs = Set<String>()
        var events: [ExtractedEvent] = []
        var eventOfNode: [Int: Int] = [:]
        for i in doc.nodes.indices where kind[i] == .event {
            let v = nodeValues[i], n = doc.nodes[i]
            let base = nonEmpty(v["name"]) ?? nonEmpty(v["label"]) ?? nonEmpty(n.graphicsLabel) ?? n.id
            var local = base
            var k = 2
            while usedIDs.contains(local) { local = "\(base)_\(k)"; k += 1 }
            usedIDs.insert(local)
            names[i] = local
            let type: EventType
            if let raw = v["type"] ?? v["event_type"], let t = EventType(rawValue: Self.normalise(raw)) {
                type = t
            } else if let t = Self.eventType(in: base) {
                type = t
                notes.append("node '\(n.id)' (\(base)): no event type; read as \(t.rawValue) from its name")
            } else {
                type = options.defaultEventType
                notes.append("node '\(n.id)' (\(base)): no event type; read as \(type.rawValue) (the default)")
            }
            var date = nonEmpty(v["date"])
            if let d = date, CalendarDate(iso: d) == nil {
                notes.append("node '\(n.id)': the date '\(d)' is not YYYY-MM-DD; dropped")
                date = nil
            }
            var attributes: [String: String] = [:]
            attributes["cameo"] = nonEmpty(v["cameo"])
            attributes["acled"] = nonEmpty(v["acled"])
            eventOfNode[i] = events.count
            events.append(ExtractedEvent(
                id: local, type: type, trigger: nonEmpty(v["trigger"]) ?? "", date: date,
                killed: integer(v["killed"], "killed", node: n.id), injured: integer(v["injured"], "injured", node: n.id),
                factuality: v["factuality"].flatMap { Factuality(rawValue: Self.normalise($0)) } ?? .asserted,
                attributes: attributes, mentions: mention(v), confidence: confidence(v["confidence"], node: n.id)))
        }

        // Edges into roles, triples and causal links.
        var triples: [ExtractedTriple] = []
        var causal: [ExtractedCausalLink] = []
        for e in edges {
            let prov = mention(e.values)
            let conf = confidence(e.values["confidence"], node: e.element.id)
            let fact = e.values["factuality"].flatMap { Factuality(rawValue: Self.normalise($0)) } ?? .asserted
            switch e.relation {
            case .role(let role):
                guard let ev = eventOfNode[e.source] else { continue }
                let who = names[e.target]
                switch role {
                case .agent: if !events[ev].agent.contains(who) { events[ev].agent.append(who) }
                case .target: if !events[ev].target.contains(who) { events[ev].target.append(who) }
                case .place:
                    if events[ev].place == nil { events[ev].place = who }
                    else if events[ev].place != who {
                        notes.append("event '\(events[ev].id)': a second place '\(who)' dropped (an event has one place)")
                    }
                }
            case .triple(let p):
                triples.append(ExtractedTriple(subject: names[e.source], predicate: p, object: names[e.target],
                                               factuality: fact, provenance: prov, confidence: conf))
            case .causal(let c):
                causal.append(ExtractedCausalLink(from: names[e.source], relation: c, to: names[e.target],
                                                  cue: nonEmpty(e.values["cue"]) ?? "", provenance: prov, confidence: conf))
            }
        }
        let info = ArticleInfo(id: id, source: source, contentHash: contentHash, sentences: sentences)
        return ArticleGraph(article: info, entities: entities, events: events, triples: triples, causal: causal,
                            lexiconVersion: "graphml")
    }

    private func nonEmpty(_ s: String?) -> String? {
        guard let s, !s.trimmedWhitespace.isEmpty else { return nil }
        return s
    }

    /// The provenance of an element's evidence sentence: its sentence in the synthesised article text.
    private mutating func mention(_ v: [String: String]) -> [Provenance] {
        guard let s = nonEmpty(v["evidence"]) else { return [] }
        let k: Int
        if let known = sentenceIndex[s] { k = known } else {
            k = sentences.count
            sentences.append(s)
            sentenceIndex[s] = k
            sentenceStart.append(textLength)
            textLength += s.unicodeScalars.count + 1
        }
        return [Provenance(article: id, sentence: k, start: sentenceStart[k], end: sentenceStart[k] + s.unicodeScalars.count)]
    }

    private mutating func confidence(_ s: String?, node: String) -> Double {
        guard let s = nonEmpty(s) else { return 1 }
        guard let x = Double(s.trimmedWhitespace), x.isFinite else {
            notes.append("'\(node)': confidence '\(s)' is not a number; read as 1")
            return 1
        }
        return min(1, max(0, x))
    }

    private mutating func integer(_ s: String?, _ what: String, node: String) -> Int? {
        guard let s = nonEmpty(s) else { return nil }
        guard let x = Int(s.trimmedWhitespace), x >= 0 else {
            notes.append("node '\(node)': \(what) '\(s)' is not a whole number; dropped")
            return nil
        }
        return x
    }

    /// An event type named by a word of `name` ("kalat_attack", "Attack on X", "bombings").
    static func eventType(in name: String) -> EventType? {
        let words = NameNormalizer.normalizedTokens(name)
        for w in words {
            if let t = EventType(rawValue: w) { return t }
            if w.hasSuffix("s"), let t = EventType(rawValue: String(w.dropLast())) { return t }
        }
        return nil
    }
}

private extension String {
    /// The string without leading and trailing white space (Unicode `White_Space`), without Foundation.
    var trimmedWhitespace: String {
        let u = unicodeScalars
        guard let first = u.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = u.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        if first == u.startIndex && last == u.index(before: u.endIndex) { return self }
        return String(u[first ... last])
    }
}
