// Analyst corrections in a store: merges and splits by name, persisted as overrides and kept for later ingests.

import Foundation
import GRDB
import NewsGraphCore

extension GraphStore {
    /// Merges the nodes named `a` and `b` (exact normalised names first, then partial; each must find one
    /// node of the given kind/type). The merge is persisted and respected by later ingests.
    /// - Returns: the explanation of the merged node.
    @discardableResult
    public func merge(_ a: String, _ b: String, type: EntityType? = nil, kind: NodeKind? = nil) throws -> ResolutionExplanation {
        var g = try loadGraph(includeSentences: false)
        let x = try GraphStore.node(named: a, in: g, type: type, kind: kind)
        let y = try GraphStore.node(named: b, in: g, type: type, kind: kind)
        let before = g.overrides
        let o = try guarded { try g.merge(x, y) }
        try saveOverrideChanges(before: before, after: g.overrides)
        guard let ref = o.records.first, let node = g.nodeIDs.first(where: { g.records(of: $0).contains(ref) }) else {
            throw StoreError.refused("the merge was stored but its node could not be found")
        }
        return g.explanation(of: node)
    }

    /// Splits off the node named `name` the records from the given articles (and/or whose article-local
    /// names are in `names`). Persisted: automatic resolution will not join them back.
    /// - Returns: the explanations of the nodes the records now form (the kept one first).
    @discardableResult
    public func split(_ name: String, articles: [String] = [], names: [String] = [], type: EntityType? = nil, kind: NodeKind? = nil) throws -> [ResolutionExplanation] {
        guard !articles.isEmpty || !names.isEmpty else {
            throw StoreError.refused("say which records to split off: give --article ID (repeatable) or --name NAME")
        }
        var g = try loadGraph(includeSentences: false)
        let node = try GraphStore.node(named: name, in: g, type: type, kind: kind)
        let arts = Set(articles), keys = Set(names)
        let detach = g.records(of: node).filter { arts.contains($0.article) || keys.contains($0.key) }
        guard !detach.isEmpty else {
            throw StoreError.refused("no record of '\(g.name(of: node))' matches; its records are: \(g.records(of: node).map(\.description).joined(separator: ", "))")
        }
        let before = g.overrides
        let o = try guarded { try g.split(node, detaching: detach) }
        try saveOverrideChanges(before: before, after: g.overrides)
        guard case .split(let keep, let detached) = o else { return [] }
        var out: [ResolutionExplanation] = []
        var seen = Set<NodeID>()
        for ref in [keep[0]] + detached {
            if let n = g.nodeIDs.first(where: { g.records(of: $0).contains(ref) }), seen.insert(n).inserted { out.append(g.explanation(of: n)) }
        }
        return out
    }

    /// Removes a stored override by its id (see `overrides()`). Returns false when there is none.
    @discardableResult
    public func removeOverride(id: Int64) throws -> Bool {
        try write { db in
            try db.execute(sql: "DELETE FROM override WHERE id = ?", arguments: [id])
            guard db.changesCount > 0 else { return false }
            try StoreSchema.bumpGeneration(db)
            return true
        }
    }

    private func saveOverrideChanges(before: [ResolutionOverride], after: [ResolutionOverride]) throws {
        let removed = before.filter { !after.contains($0) }
        let added = after.filter { !before.contains($0) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try write { db in
            let stored = try StoreLoader.overrides(db)
            for s in stored where removed.contains(s.override) {
                try db.execute(sql: "DELETE FROM override WHERE id = ?", arguments: [s.id])
            }
            for o in added {
                let body = String(decoding: try encoder.encode(o), as: UTF8.self)
                let kind: String
                switch o {
                case .merge: kind = "merge"
                case .split: kind = "split"
                }
                try db.execute(sql: "INSERT INTO override(kind, body, created_at) VALUES (?, ?, ?)", arguments: [kind, body, nowISO()])
            }
            try StoreSchema.bumpGeneration(db)
        }
    }

    /// The one node `name` designates.
    static func node(named name: String, in g: KnowledgeGraph, type: EntityType?, kind: NodeKind?) throws -> NodeID {
        let nodes = g.lookup(name, kind: kind, type: type)
        guard let first = nodes.first else { throw StoreError.unknownName(name) }
        // Several partial matches: an exact one wins; otherwise ambiguous.
        if nodes.count > 1 {
            throw StoreError.ambiguousName(name, candidates: nodes.prefix(10).map { n in
                "\(g.isEntity(n) ? g.name(of: n) : g.label(of: n)) (\(g.entityType(of: n)?.rawValue ?? g.eventType(of: n)?.rawValue ?? ""), \(g.articles(of: n).count) article(s))"
            })
        }
        return first
    }
}

/// An analyst override as stored.
public struct StoredOverride: Hashable, Sendable, Codable {
    public var id: Int64
    public var override: ResolutionOverride
    /// ISO 8601 time it was made.
    public var createdAt: String
}
