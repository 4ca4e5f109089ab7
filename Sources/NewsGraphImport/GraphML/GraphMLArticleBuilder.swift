import NewsGraphCore
import NewsGraphExport

/// Builds the article from a parsed GraphML document, in phases: the edges' ends and relations
/// (`+Edges`), each node's kind and the entity types the edges imply (`+Kinds`), the entities and events
/// (`+Nodes`), then the edges as roles, triples and causal links (`+Facts`). What is guessed, renamed or
/// dropped on the way is collected in `notes`, in the order it happens.
struct GraphMLArticleBuilder {
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

    /// The article: every phase in order.
    mutating func build(source: String?, contentHash: String) throws(InterchangeError) -> ArticleGraph {
        let nodeIndex = try indexNodes()
        let nodeValues = doc.nodes.map { values($0, domain: "node") }
        var edges = try readEdges(nodeIndex: nodeIndex)
        if !doc.directed && !doc.edges.isEmpty {
            notes.append("the graph is undirected; each edge was read from its source to its target as written")
        }
        let kind = kinds(nodeValues: nodeValues, edges: edges)
        try orient(&edges, kind: kind)
        let inferred = inferredEntityTypes(edges)
        var names = [String](repeating: "", count: doc.nodes.count)
        let entities = readEntities(nodeValues: nodeValues, kind: kind, inferred: inferred, names: &names)
        var (events, eventOfNode) = readEvents(nodeValues: nodeValues, kind: kind, names: &names)
        let (triples, causal) = readFacts(edges, names: names, events: &events, eventOfNode: eventOfNode)
        let info = ArticleInfo(id: id, source: source, contentHash: contentHash, sentences: sentences)
        return ArticleGraph(article: info, entities: entities, events: events, triples: triples, causal: causal,
                            lexiconVersion: "graphml")
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

    /// A name or type as the vocabulary writes it: trimmed, lower case, spaces and hyphens as `_`.
    static func normalise(_ s: String) -> String {
        var out = ""
        for c in s.trimmedWhitespace.lowercased() {
            out.append(c == " " || c == "-" ? "_" : c)
        }
        return out
    }

    func nonEmpty(_ s: String?) -> String? {
        guard let s, !s.trimmedWhitespace.isEmpty else { return nil }
        return s
    }

    /// The provenance of an element's evidence sentence: its sentence in the synthesised article text.
    mutating func mention(_ v: [String: String]) -> [Provenance] {
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

    mutating func confidence(_ s: String?, node: String) -> Double {
        guard let s = nonEmpty(s) else { return 1 }
        guard let x = Double(s.trimmedWhitespace), x.isFinite else {
            notes.append("'\(node)': confidence '\(s)' is not a number; read as 1")
            return 1
        }
        return min(1, max(0, x))
    }

    mutating func integer(_ s: String?, _ what: String, node: String) -> Int? {
        guard let s = nonEmpty(s) else { return nil }
        guard let x = Int(s.trimmedWhitespace), x >= 0 else {
            notes.append("node '\(node)': \(what) '\(s)' is not a whole number; dropped")
            return nil
        }
        return x
    }
}

extension String {
    /// The string without leading and trailing white space (Unicode `White_Space`), without Foundation.
    var trimmedWhitespace: String {
        let u = unicodeScalars
        guard let first = u.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = u.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        if first == u.startIndex && last == u.index(before: u.endIndex) { return self }
        return String(u[first ... last])
    }
}
