// What a store holds: explanations of named nodes, and counts of its rows and resolved graph.

import Foundation
import GRDB
import NewsGraphCore

extension GraphStore {
    /// The explanations of every node `name` finds (exact normalised name, else partial).
    /// - Throws: `StoreError.unknownName` when nothing matches.
    public func explain(name: String, type: EntityType? = nil, kind: NodeKind? = nil) throws -> [ResolutionExplanation] {
        let g = try loadGraph(includeSentences: false)
        let nodes = g.lookup(name, kind: kind, type: type)
        guard !nodes.isEmpty else { throw StoreError.unknownName(name) }
        return nodes.map(g.explanation(of:))
    }

    /// Counts from the database; with `resolve`, also the resolved graph's statistics (loads the graph).
    public func stats(resolve: Bool = false) throws -> StoreStatistics {
        var s = try read { db -> StoreStatistics in
            func count(_ table: String) throws -> Int { try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0 }
            var lexicons: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT lexicon_version, COUNT(*) FROM article GROUP BY lexicon_version") {
                lexicons[row[0]] = row[1]
            }
            let range = try Row.fetchOne(db, sql: "SELECT MIN(date), MAX(date) FROM article")
            let applied = try StoreSchema.migrator.appliedMigrations(db)
            return StoreStatistics(
                path: path, schema: applied.last ?? "", articles: try count("article"), sentences: try count("sentence"),
                entityRecords: try count("entity"), eventRecords: try count("event"), triples: try count("triple"),
                causalLinks: try count("causal"), overrides: try count("override"), lexiconVersions: lexicons,
                firstArticleDate: range?[0], lastArticleDate: range?[1], fileBytes: 0, graph: nil)
        }
        let fm = FileManager.default
        for suffix in ["", "-wal"] {
            if let size = (try? fm.attributesOfItem(atPath: path + suffix))?[.size] as? Int { s.fileBytes += size }
        }
        if resolve { s.graph = try loadGraph(includeSentences: false).statistics() }
        return s
    }
}

/// What a store holds.
public struct StoreStatistics: Hashable, Sendable, Codable {
    public var path: String
    /// The last applied schema migration.
    public var schema: String
    public var articles: Int
    public var sentences: Int
    /// Fact rows as extracted (before resolution).
    public var entityRecords: Int
    public var eventRecords: Int
    public var triples: Int
    public var causalLinks: Int
    public var overrides: Int
    /// Articles per lexicon version.
    public var lexiconVersions: [String: Int]
    public var firstArticleDate: String?
    public var lastArticleDate: String?
    /// Size of the database file plus its write-ahead log.
    public var fileBytes: Int
    /// The resolved graph's statistics, when requested.
    public var graph: GraphStatistics?
}
