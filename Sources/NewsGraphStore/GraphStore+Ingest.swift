// Writing articles to a store: validated batches in one transaction each, idempotent by content hash;
// removing articles.

import Foundation
import GRDB
import NewsGraphCore

extension GraphStore {
    /// Stores a batch of articles in one transaction. Per article: `added`, `unchanged` (same id, content
    /// hash and lexicon version: nothing written), or `updated` (its old facts replaced).
    /// - Throws: `StoreError.invalidArticle` (nothing of the batch is written), `.locked`, `.database`.
    @discardableResult
    public func ingest(_ articles: [ArticleGraph]) throws -> [IngestOutcome] {
        for a in articles { try validate(a) }
        let stamp = nowISO()
        return try write { db in
            var outcomes: [IngestOutcome] = []
            let existing = try db.cachedStatement(sql: "SELECT id, content_hash, lexicon_version FROM article WHERE key = ?")
            for a in articles {
                var status = IngestStatus.added
                if let row = try Row.fetchOne(existing, arguments: [a.article.id]) {
                    let hash: String = row[1], lexicon: String = row[2]
                    if hash == a.article.contentHash && lexicon == a.lexiconVersion {
                        outcomes.append(outcome(a, .unchanged, skipped: 0))
                        continue
                    }
                    let id: Int64 = row[0]
                    try db.execute(sql: "DELETE FROM article WHERE id = ?", arguments: [id])
                    status = .updated
                }
                let skipped = a.unresolvedReferenceCount
                try insert(a, skipped: skipped, stamp: stamp, db)
                outcomes.append(outcome(a, status, skipped: skipped))
            }
            if outcomes.contains(where: { $0.status != .unchanged }) { try StoreSchema.bumpGeneration(db) }
            return outcomes
        }
    }

    private func outcome(_ a: ArticleGraph, _ status: IngestStatus, skipped: Int) -> IngestOutcome {
        IngestOutcome(article: a.article.id, status: status, entities: a.entities.count, events: a.events.count,
                      triples: a.triples.count, causal: a.causal.count, skipped: skipped)
    }

    private func validate(_ a: ArticleGraph) throws {
        let id = a.article.id
        if let problem = ArticleValidation.problem(a) {
            throw StoreError.invalidArticle(id: ArticleValidation.shown(id), reason: problem)
        }
        if id.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw StoreError.invalidArticle(id: id, reason: "the article id is empty; give every article a file name or JSON Lines `id`")
        }
        if a.article.contentHash.isEmpty {
            throw StoreError.invalidArticle(id: id, reason: "the content hash is empty; compute it from the article text (SHA256.hex)")
        }
        var ids = Set<String>()
        for e in a.events where !ids.insert(e.id).inserted {
            throw StoreError.invalidArticle(id: id, reason: "two events share the id '\(e.id)'; event ids must be unique within an article")
        }
    }

    private func insert(_ a: ArticleGraph, skipped: Int, stamp: String, _ db: Database) throws {
        let info = a.article
        let lex = a.lexiconVersion
        try db.execute(sql: """
            INSERT INTO article(key, content_hash, lexicon_version, date, dateline_place, source, title, ingested_at, skipped)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [info.id, info.contentHash, lex, info.date, info.datelinePlace, info.source, info.title, stamp, skipped])
        let aid = db.lastInsertedRowID
        let sentence = try db.cachedStatement(sql: "INSERT INTO sentence(article_id, idx, text) VALUES (?, ?, ?)")
        for (i, s) in info.sentences.enumerated() { try sentence.execute(arguments: [aid, i, s]) }
        let entity = try db.cachedStatement(sql: """
            INSERT INTO entity(article_id, idx, name, type, aliases, confidence, mentions, lexicon_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (i, e) in a.entities.enumerated() {
            try entity.execute(arguments: [aid, i, e.name, e.type.rawValue, Cell.list(e.aliases), e.confidence, Cell.spans(e.mentions), lex])
        }
        let event = try db.cachedStatement(sql: """
            INSERT INTO event(article_id, idx, local_id, type, trigger, agent, target, place, date, killed, injured, factuality,
                              attributes, confidence, mentions, lexicon_version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (i, e) in a.events.enumerated() {
            try event.execute(arguments: [aid, i, e.id, e.type.rawValue, e.trigger, Cell.list(e.agent), Cell.list(e.target), e.place, e.date,
                                          e.killed, e.injured, e.factuality.rawValue, Cell.attributes(e.attributes), e.confidence,
                                          Cell.spans(e.mentions), lex])
        }
        let triple = try db.cachedStatement(sql: """
            INSERT INTO triple(article_id, idx, subject, predicate, object, factuality, confidence, provenance, lexicon_version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (i, t) in a.triples.enumerated() {
            try triple.execute(arguments: [aid, i, t.subject, t.predicate.rawValue, t.object, t.factuality.rawValue, t.confidence, Cell.spans(t.provenance), lex])
        }
        let causal = try db.cachedStatement(sql: """
            INSERT INTO causal(article_id, idx, from_event, relation, to_event, cue, confidence, provenance, lexicon_version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (i, c) in a.causal.enumerated() {
            try causal.execute(arguments: [aid, i, c.from, c.relation.rawValue, c.to, c.cue, c.confidence, Cell.spans(c.provenance), lex])
        }
    }

    /// Removes an article and its facts. Returns false when it was not in the store.
    @discardableResult
    public func remove(article id: String) throws -> Bool {
        try remove(articles: [id]) == [id]
    }

    /// Removes articles in one transaction; returns the ids that were present.
    @discardableResult
    public func remove(articles ids: [String]) throws -> [String] {
        try write { db in
            var removed: [String] = []
            for id in ids {
                try db.execute(sql: "DELETE FROM article WHERE key = ?", arguments: [id])
                if db.changesCount > 0 { removed.append(id) }
            }
            if !removed.isEmpty { try StoreSchema.bumpGeneration(db) }
            return removed
        }
    }

    /// The ids of the stored articles with their content hashes (to skip extracting unchanged files).
    public func contentHashes() throws -> [String: String] {
        try read { db in
            var out: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT key, content_hash FROM article") { out[row[0]] = row[1] }
            return out
        }
    }
}
