import NewsGraphCore

/// Writes a `KnowledgeGraph` as CSV files for `neo4j-admin database import full` (Neo4j 5; `neo4j-admin import`
/// in Neo4j 4): `nodes.csv`, `relationships.csv`, and `neo4j-import.sh` with the command line.
///
/// - `nodes.csv`: `id:ID` (the node's stable id, `StableIDs`: its key, such as `event:kalat_attack:2024-11-16`,
///   the same after re-ingest, so that a later load can `MERGE` on it), `:LABEL` (`Entity;Group`, `Event;Attack`),
///   then typed properties (`aliases:string[]`, `date:date`, `killed:int`, `confidence:float`, …).
/// - `relationships.csv`: `:START_ID`, `:END_ID`, `:TYPE` (the relation upper-cased: `AGENT`,
///   `CLAIMED_RESPONSIBILITY`, `RESPONDED_TO`), then `id` (stable: `r` and a hash of source, relation and
///   target), `relation` (the ontology name) and typed properties.
/// - RFC 4180 quoting: string fields are always quoted, `"` doubled; an absent value is an empty unquoted
///   field (neo4j-admin sets no property). Lines end with LF; values may contain line breaks, so import with
///   `--multiline-fields=true`.
/// - Arrays use `arrayDelimiter` (`;`, neo4j-admin's default); an item that contains it has it replaced by `,`
///   (neo4j-admin has no escape for the array delimiter).
public struct Neo4jCSVWriter: Sendable {
    /// The array delimiter (neo4j-admin `--array-delimiter`).
    public var arrayDelimiter: Character

    public init(arrayDelimiter: Character = ";") {
        self.arrayDelimiter = arrayDelimiter
    }

    /// The node file header.
    public static let nodeHeader = [
        "id:ID", ":LABEL", "name", "label", "kind", "type", "key", "aliases:string[]", "date:date", "trigger", "place",
        "factuality", "killed:int", "injured:int", "killed_sources:string[]", "injured_sources:string[]", "cameo", "acled",
        "confidence:float", "article_count:int", "articles:string[]", "evidence", "article", "sentence:int",
        "span_start:int", "span_end:int",
    ]

    /// The relationship file header.
    public static let relationshipHeader = [
        ":START_ID", ":END_ID", ":TYPE", "id", "relation", "relation_kind", "confidence:float", "factuality",
        "disputed:boolean", "cue", "article_count:int", "articles:string[]", "evidence", "article", "sentence:int",
        "span_start:int", "span_end:int",
    ]

    /// A CSV field before quoting.
    enum Field {
        case text(String?)
        case number(String?)
        case array([String])
    }

    /// The files: `nodes.csv`, `relationships.csv`, `neo4j-import.sh`, in that order.
    public func files(_ graph: KnowledgeGraph) -> [(name: String, text: String)] {
        let view = InterchangeView(graph)
        let ids = StableIDs(graph)
        var nodes = Self.nodeHeader.joined(separator: ",") + "\n"
        for n in view.nodes {
            let labels = [n.kind == .entity ? "Entity" : "Event", n.typeClass]
            let e = n.evidence
            let fields: [Field] = [
                .text(ids.node(n.node)), .array(labels), .text(n.name), .text(n.label), .text(n.kind.rawValue), .text(n.type), .text(n.key),
                .array(n.aliases), .number(n.date), .text(n.trigger), .text(n.place), .text(n.factuality?.rawValue),
                .number(n.killed.map(String.init)), .number(n.injured.map(String.init)),
                .array(InterchangeNames.figures(n.killedSources)), .array(InterchangeNames.figures(n.injuredSources)),
                .text(n.cameo), .text(n.acled), .number(InterchangeNames.decimal(n.confidence)), .number(String(n.articles.count)),
                .array(n.articles), .text(e?.sentence), .text(e?.article), .number(e?.sentenceIndex.map(String.init)),
                .number(e?.start.map(String.init)), .number(e?.end.map(String.init)),
            ]
            nodes += row(fields)
        }
        var relationships = Self.relationshipHeader.joined(separator: ",") + "\n"
        for r in view.edges {
            let e = r.evidence
            let source = ids.node(r.edge.source), target = ids.node(r.edge.target)
            let fields: [Field] = [
                .text(source), .text(target), .text(r.relation.uppercased()),
                .text(StableIDs.edge(source: source, relation: r.relation, target: target)), .text(r.relation), .text(r.relationKind),
                .number(InterchangeNames.decimal(r.edge.confidence)), .text(r.edge.factuality.rawValue),
                .number(r.edge.isDisputed ? "true" : "false"), .text(r.edge.cue), .number(String(r.articles.count)),
                .array(r.articles), .text(e?.sentence), .text(e?.article), .number(e?.sentenceIndex.map(String.init)),
                .number(e?.start.map(String.init)), .number(e?.end.map(String.init)),
            ]
            relationships += row(fields)
        }
        return [("nodes.csv", nodes), ("relationships.csv", relationships), ("neo4j-import.sh", importScript)]
    }

    /// The shell script that imports the directory into a new database (Neo4j 5).
    public var importScript: String {
        let d = arrayDelimiter == "'" ? "\"'\"" : "'\(arrayDelimiter)'"
        return """
            #!/bin/sh
            # Imports nodes.csv and relationships.csv into a new Neo4j 5 database (default: neo4j), replacing it.
            # Stop the database first (neo4j stop), then run: sh neo4j-import.sh [DATABASE]
            # Neo4j 4: neo4j-admin import --database=DATABASE --nodes=... (same options).
            set -e
            cd "$(dirname "$0")"
            neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv \\
              --array-delimiter=\(d) --multiline-fields=true --overwrite-destination=true "${1:-neo4j}"

            """
    }

    private func row(_ fields: [Field]) -> String {
        fields.map(render).joined(separator: ",") + "\n"
    }

    private func render(_ f: Field) -> String {
        switch f {
        case .text(let s): s.map(Self.quote) ?? ""
        case .number(let s): s ?? ""
        case .array(let items):
            items.isEmpty ? "" : Self.quote(items.map { item in
                item.contains(arrayDelimiter) ? String(item.map { $0 == arrayDelimiter ? "," : $0 }) : item
            }.joined(separator: String(arrayDelimiter)))
        }
    }

    /// An RFC 4180 quoted field.
    static func quote(_ s: String) -> String {
        if !s.unicodeScalars.contains("\"") { return "\"" + s + "\"" }
        var out = "\""
        for u in s.unicodeScalars {
            if u == "\"" { out += "\"\"" } else { out.unicodeScalars.append(u) }
        }
        return out + "\""
    }
}
