/// Writes a `DOTGraph` as DOT text that Graphviz 2.42.2 always parses, following the checklist in
/// `../shared/notes/graphviz.md` §4:
///
/// - IDs go out bare only when they match `[A-Za-z_][A-Za-z0-9_]*` and are not a keyword (compared
///   case-insensitively), or are a plain numeral; everything else is quoted (empty, `1a`, `a@b`, `a:b`,
///   non-ASCII, `<b>`-looking strings, keywords in any case).
/// - Inside quotes `"` becomes `\"`; escStrings are written from `EscString.encoded`; a lone backslash that
///   would precede the closing quote or a line break is doubled.
/// - Quoted strings longer than `maxQuotedLength` UTF-8 bytes are split into `"…" + "…"` (Graphviz 2.42.2
///   fails on quoted strings past about 16 KB); HTML labels are never split.
/// - Deterministic: attributes sorted by name, statements in insertion order, cluster names with a
///   lowercase `cluster_` prefix, subgraph names unique (`_2`, `_3`… appended), a node in one cluster only
///   (its first one in document order; later declarations keep their attributes, outside any cluster).
/// - Lines end with LF; no BOM; edge operator `->` in a digraph and `--` in a graph.
public struct DOTWriter: Sendable {
    /// The longest quoted string, in UTF-8 bytes, before it is split with `+`.
    public var maxQuotedLength: Int
    /// Indentation of one nesting level.
    public var indent: String

    public init(maxQuotedLength: Int = 8_000, indent: String = "  ") {
        self.maxQuotedLength = max(16, maxQuotedLength)
        self.indent = indent
    }

    /// The DOT keywords, which the lexer matches case-insensitively.
    public static let keywords: Set<String> = ["node", "edge", "graph", "digraph", "subgraph", "strict"]

    /// The DOT text of a graph.
    public func write(_ graph: DOTGraph) -> String {
        var out = ""
        var state = State()
        if graph.strict { out += "strict " }
        out += graph.kind.rawValue
        if let id = graph.id { out += " " + quoteID(id.value) }
        out += " {\n"
        writeBody(attributes: graph.graphAttributes, nodeDefaults: graph.nodeDefaults, edgeDefaults: graph.edgeDefaults,
                  statements: graph.statements, kind: graph.kind, depth: 1, clusterPath: [], state: &state, into: &out)
        // Nodes declared again in an unrelated cluster keep their attributes here, outside any cluster.
        for node in state.displaced {
            out += indent + quoteID(node.id.value) + attributeList(node.attributes) + ";\n"
        }
        out += "}\n"
        return out
    }

    // MARK: - Body

    private struct State {
        var usedNames = Set<String>()
        var anonymous = 0
        /// The cluster path (outermost first) each node was first declared in.
        var clusterOf: [DOTID: [String]] = [:]
        var displaced: [DOTNode] = []

        mutating func unique(_ base: String) -> String {
            if usedNames.insert(base).inserted { return base }
            var i = 2
            while !usedNames.insert("\(base)_\(i)").inserted { i += 1 }
            return "\(base)_\(i)"
        }

        /// Whether a node may be declared in `path`: only if its clusters so far lie on the same branch.
        mutating func admit(_ id: DOTID, in path: [String]) -> Bool {
            guard !path.isEmpty else { return true }
            guard let owner = clusterOf[id] else { clusterOf[id] = path; return true }
            if owner.starts(with: path) { return true }
            if path.starts(with: owner) { clusterOf[id] = path; return true }
            return false
        }
    }

    private func writeBody(attributes: DOTAttributes, nodeDefaults: DOTAttributes, edgeDefaults: DOTAttributes,
                           statements: [DOTStatement], kind: DOTGraph.Kind, depth: Int, clusterPath: [String],
                           state: inout State, into out: inout String) {
        let pad = String(repeating: indent, count: depth)
        if !attributes.isEmpty { out += pad + "graph" + attributeList(attributes) + ";\n" }
        if !nodeDefaults.isEmpty { out += pad + "node" + attributeList(nodeDefaults) + ";\n" }
        if !edgeDefaults.isEmpty { out += pad + "edge" + attributeList(edgeDefaults) + ";\n" }
        let op = kind == .digraph ? " -> " : " -- "
        for statement in statements {
            switch statement {
            case .node(let node):
                if state.admit(node.id, in: clusterPath) {
                    out += pad + quoteID(node.id.value) + attributeList(node.attributes) + ";\n"
                } else if !node.attributes.isEmpty {
                    state.displaced.append(node)
                }
            case .edge(let edge):
                out += pad + endpoint(edge.from) + op + endpoint(edge.to) + attributeList(edge.attributes) + ";\n"
            case .subgraph(let sub):
                let name: String
                if sub.isCluster {
                    if let n = sub.name {
                        name = state.unique("cluster_" + n)
                    } else {
                        state.anonymous += 1
                        name = state.unique("cluster_\(state.anonymous)")
                    }
                } else if let n = sub.name {
                    // A plain subgraph must not be taken for a cluster by dot (which compares case-insensitively),
                    // nor for an anonymous one by cgraph (names starting with `%`).
                    let bytes = Array(n.utf8)
                    let clusterLike = bytes.count >= 7 && String(decoding: bytes.prefix(7), as: UTF8.self).lowercased() == "cluster"
                    name = state.unique(clusterLike || bytes.first == UInt8(ascii: "%") ? "sub_" + n : n)
                } else {
                    name = ""
                }
                out += pad + "subgraph" + (name.isEmpty ? "" : " " + quoteID(name)) + " {\n"
                writeBody(attributes: sub.graphAttributes, nodeDefaults: sub.nodeDefaults, edgeDefaults: sub.edgeDefaults,
                          statements: sub.statements, kind: kind, depth: depth + 1,
                          clusterPath: sub.isCluster ? clusterPath + [name] : clusterPath, state: &state, into: &out)
                out += pad + "}\n"
            }
        }
    }

    private func endpoint(_ e: DOTEndpoint) -> String {
        var s = quoteID(e.node.value)
        if let port = e.port { s += ":" + quoteID(port.value) }
        if let compass = e.compass { s += ":" + compass.rawValue }
        return s
    }

    private func attributeList(_ attributes: DOTAttributes) -> String {
        guard !attributes.isEmpty else { return "" }
        let parts = attributes.sorted.map { quoteID($0.name) + "=" + value($0.value) }
        return " [" + parts.joined(separator: ", ") + "]"
    }

    /// The DOT form of an attribute value.
    public func value(_ v: DOTValue) -> String {
        switch v {
        case .raw(let s): quoteID(s)
        case .esc(let e): quoted(e.encoded)
        case .html(let h): "<" + h.markup + ">"
        }
    }

    // MARK: - Quoting

    /// Whether `s` may be written without quotes.
    public static func isBare(_ s: String) -> Bool {
        let u = Array(s.utf8)
        guard let first = u.first else { return false }
        func letter(_ c: UInt8) -> Bool { (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == 95 }
        func digit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
        if letter(first) {
            guard u.allSatisfy({ letter($0) || digit($0) }) else { return false }
            return !keywords.contains(s.lowercased())
        }
        // Numeral: -?(\.[0-9]+|[0-9]+(\.[0-9]*)?)
        var i = 0
        if u[i] == 45 { i += 1 }  // '-'
        guard i < u.count else { return false }
        if u[i] == 46 {  // '.'
            i += 1
            guard i < u.count else { return false }
            return u[i...].allSatisfy(digit)
        }
        guard digit(u[i]) else { return false }
        while i < u.count, digit(u[i]) { i += 1 }
        if i == u.count { return true }
        guard u[i] == 46 else { return false }
        i += 1
        return u[i...].allSatisfy(digit)
    }

    /// An ID or raw value, bare when safe and quoted otherwise.
    public func quoteID(_ s: String) -> String {
        s.utf8.count <= maxQuotedLength && DOTWriter.isBare(s) ? s : quoted(s)
    }

    /// `s` as one or more quoted strings joined with `+`; `s` is the value Graphviz should read back.
    public func quoted(_ s: String) -> String {
        // Tokens: each is a unit that must not be split (an escape pair or one character).
        let scalars = Array(s.unicodeScalars)
        var pieces: [String] = []
        var current = ""
        var currentBytes = 0
        func emit(_ token: String) {
            let n = token.utf8.count
            if currentBytes + n > maxQuotedLength, currentBytes > 0 {
                pieces.append(current)
                current = ""
                currentBytes = 0
            }
            current += token
            currentBytes += n
        }
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            switch c {
            case "\\":
                if i + 1 < scalars.count, scalars[i + 1] != "\"", scalars[i + 1] != "\n", scalars[i + 1] != "\r" {
                    // `\\` stays a pair; `\x` keeps the character it escapes in the same piece.
                    let next = scalars[i + 1]
                    emit(next == "\\" ? "\\\\" : "\\" + (next == "\0" ? "\u{FFFD}" : String(Character(next))))
                    i += 2
                    continue
                }
                // A backslash before `"`, a line break or the end: not representable in the 2.42.2 lexer,
                // written doubled (see DOTID).
                emit("\\\\")
            case "\"": emit("\\\"")
            case "\0": emit("\u{FFFD}")
            default: emit(String(Character(c)))
            }
            i += 1
        }
        pieces.append(current)
        return pieces.map { "\"" + $0 + "\"" }.joined(separator: " + ")
    }
}
