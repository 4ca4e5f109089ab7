import ArgumentParser
import Foundation
import NewsGraph

/// `newsgraph stats`: what the store holds.
struct StatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Show what the store holds: articles, facts, resolved nodes and edges, merges by rule.",
        discussion: """
            By default the graph is resolved to count nodes, edges and merges; --no-graph prints only the \
            database counts, which is instant on any size of store.

            Example:
              newsgraph stats
              newsgraph stats --format json
            """
    )

    @OptionGroup var store: StoreOptions

    @Flag(name: .customLong("no-graph"), help: "Skip resolving the graph (database counts only).")
    var noGraph = false

    @Option(help: "Output format: text or json.")
    var format: ResolutionOutput.Format = .text

    func run() async throws {
        try CLIError.wrap {
            let s = try store.openForReading()
            let st = try s.stats(resolve: !noGraph)
            switch format {
            case .json: Output.write(try Output.json(st, pretty: true))
            case .text: Output.line(Self.text(st))
            }
        }
    }

    static func text(_ s: StoreStatistics) -> String {
        func counts(_ d: [String: Int]) -> String {
            d.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        }
        var lines = [
            "store: \(s.path) (\(s.fileBytes / 1024) KiB, schema \(s.schema))",
            "articles: \(s.articles)" + (s.firstArticleDate.map { " dated \($0) to \(s.lastArticleDate ?? $0)" } ?? ""),
            "extracted: \(s.entityRecords) entities, \(s.eventRecords) events, \(s.triples) triples, \(s.causalLinks) causal links, \(s.sentences) sentences",
            "lexicon versions: " + (s.lexiconVersions.isEmpty ? "-" : counts(s.lexiconVersions)),
            "analyst overrides: \(s.overrides)",
        ]
        if let g = s.graph {
            lines.append("graph: \(g.entities) entities, \(g.events) events, \(g.edges) edges")
            if !g.entitiesByType.isEmpty { lines.append("  entities: " + counts(g.entitiesByType)) }
            if !g.eventsByType.isEmpty { lines.append("  events: " + counts(g.eventsByType)) }
            if !g.edgesByRelation.isEmpty { lines.append("  edges: " + counts(g.edgesByRelation)) }
            if !g.mergesByRule.isEmpty { lines.append("  merges by rule: " + counts(g.mergesByRule)) }
        }
        return lines.joined(separator: "\n")
    }
}
