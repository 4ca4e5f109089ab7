import Foundation
import GRDB
import NewsGraphCore

/// Reads stored articles back into `ArticleGraph`s: one pass over each table in (article, idx) order.
enum StoreLoader {
    static func articles(_ db: Database, sentences: Bool) throws -> [ArticleGraph] {
        var graphs: [ArticleGraph] = []
        var position: [Int64: Int] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            SELECT id, key, content_hash, lexicon_version, date, dateline_place, source, title FROM article ORDER BY key
            """)
        while let r = try rows.next() {
            let info = ArticleInfo(id: r[1], date: r[4], datelinePlace: r[5], source: r[6], title: r[7], contentHash: r[2])
            position[r[0]] = graphs.count
            graphs.append(ArticleGraph(article: info, lexiconVersion: r[3]))
        }
        if sentences {
            let c = try Row.fetchCursor(db, sql: "SELECT article_id, text FROM sentence ORDER BY article_id, idx")
            while let r = try c.next() {
                if let i = position[r[0]] { graphs[i].article.sentences.append(r[1]) }
            }
        }
        do {
            let c = try Row.fetchCursor(db, sql: "SELECT article_id, name, type, aliases, confidence, mentions FROM entity ORDER BY article_id, idx")
            while let r = try c.next() {
                guard let i = position[r[0]] else { continue }
                let typeName: String = r[2]
                guard let type = EntityType(rawValue: typeName) else { continue }
                let id = graphs[i].article.id
                graphs[i].entities.append(ExtractedEntity(name: r[1], aliases: Cell.list(r[3] as String), type: type,
                                                          mentions: Cell.spans(r[5] as String, article: id), confidence: r[4]))
            }
        }
        do {
            let c = try Row.fetchCursor(db, sql: """
                SELECT article_id, local_id, type, trigger, agent, target, place, date, killed, injured, factuality, attributes, confidence, mentions
                FROM event ORDER BY article_id, idx
                """)
            while let r = try c.next() {
                guard let i = position[r[0]] else { continue }
                let typeName: String = r[2], factName: String = r[10]
                guard let type = EventType(rawValue: typeName) else { continue }
                let id = graphs[i].article.id
                graphs[i].events.append(ExtractedEvent(
                    id: r[1], type: type, trigger: r[3], agent: Cell.list(r[4] as String), target: Cell.list(r[5] as String),
                    place: r[6], date: r[7], killed: r[8], injured: r[9], factuality: Factuality(rawValue: factName) ?? .asserted,
                    attributes: Cell.attributes(r[11] as String), mentions: Cell.spans(r[13] as String, article: id), confidence: r[12]))
            }
        }
        do {
            let c = try Row.fetchCursor(db, sql: """
                SELECT article_id, subject, predicate, object, factuality, confidence, provenance FROM triple ORDER BY article_id, idx
                """)
            while let r = try c.next() {
                guard let i = position[r[0]] else { continue }
                let p: String = r[2], f: String = r[4]
                guard let predicate = TriplePredicate(rawValue: p) else { continue }
                graphs[i].triples.append(ExtractedTriple(subject: r[1], predicate: predicate, object: r[3],
                                                         factuality: Factuality(rawValue: f) ?? .asserted,
                                                         provenance: Cell.spans(r[6] as String, article: graphs[i].article.id), confidence: r[5]))
            }
        }
        do {
            let c = try Row.fetchCursor(db, sql: """
                SELECT article_id, from_event, relation, to_event, cue, confidence, provenance FROM causal ORDER BY article_id, idx
                """)
            while let r = try c.next() {
                guard let i = position[r[0]] else { continue }
                let rel: String = r[2]
                guard let relation = CausalRelation(rawValue: rel) else { continue }
                graphs[i].causal.append(ExtractedCausalLink(from: r[1], relation: relation, to: r[3], cue: r[4],
                                                            provenance: Cell.spans(r[6] as String, article: graphs[i].article.id), confidence: r[5]))
            }
        }
        return graphs
    }

    /// Calls `body` with each stored article, whole, one at a time (in row order): the same articles as
    /// `articles(_:sentences:)`, but never all of them in memory at once. One cursor per table, walked in
    /// step (every table is keyed by `(article_id, idx)`).
    static func forEachArticle(_ db: Database, sentences: Bool, _ body: (ArticleGraph) throws -> Void) throws {
        /// A cursor with one row of lookahead (cursor rows are reused, so the lookahead is a copy).
        struct Ahead {
            let cursor: RowCursor?
            var row: Row?
            init(_ cursor: RowCursor?) throws {
                self.cursor = cursor
                row = try cursor?.next()?.copy()
            }
            /// The rows of article `id` (rows of articles that no longer exist are skipped).
            mutating func rows(of id: Int64, _ each: (Row) throws -> Void) throws {
                while let r = row {
                    let a: Int64 = r[0]
                    if a > id { return }
                    if a == id { try each(r) }
                    row = try cursor?.next()?.copy()
                }
            }
        }
        let articles = try Row.fetchCursor(db, sql: """
            SELECT id, key, content_hash, lexicon_version, date, dateline_place, source, title FROM article ORDER BY id
            """)
        var sentenceRows = try Ahead(sentences ? try Row.fetchCursor(db, sql: "SELECT article_id, text FROM sentence ORDER BY article_id, idx") : nil)
        var entityRows = try Ahead(try Row.fetchCursor(db, sql: "SELECT article_id, name, type, aliases, confidence, mentions FROM entity ORDER BY article_id, idx"))
        var eventRows = try Ahead(try Row.fetchCursor(db, sql: """
            SELECT article_id, local_id, type, trigger, agent, target, place, date, killed, injured, factuality, attributes, confidence, mentions
            FROM event ORDER BY article_id, idx
            """))
        var tripleRows = try Ahead(try Row.fetchCursor(db, sql: """
            SELECT article_id, subject, predicate, object, factuality, confidence, provenance FROM triple ORDER BY article_id, idx
            """))
        var causalRows = try Ahead(try Row.fetchCursor(db, sql: """
            SELECT article_id, from_event, relation, to_event, cue, confidence, provenance FROM causal ORDER BY article_id, idx
            """))
        while let r = try articles.next() {
            let rowID: Int64 = r[0]
            let info = ArticleInfo(id: r[1], date: r[4], datelinePlace: r[5], source: r[6], title: r[7], contentHash: r[2])
            var g = ArticleGraph(article: info, lexiconVersion: r[3])
            let id = info.id
            try sentenceRows.rows(of: rowID) { g.article.sentences.append($0[1]) }
            try entityRows.rows(of: rowID) { r in
                let typeName: String = r[2]
                guard let type = EntityType(rawValue: typeName) else { return }
                g.entities.append(ExtractedEntity(name: r[1], aliases: Cell.list(r[3] as String), type: type,
                                                  mentions: Cell.spans(r[5] as String, article: id), confidence: r[4]))
            }
            try eventRows.rows(of: rowID) { r in
                let typeName: String = r[2], factName: String = r[10]
                guard let type = EventType(rawValue: typeName) else { return }
                g.events.append(ExtractedEvent(
                    id: r[1], type: type, trigger: r[3], agent: Cell.list(r[4] as String), target: Cell.list(r[5] as String),
                    place: r[6], date: r[7], killed: r[8], injured: r[9], factuality: Factuality(rawValue: factName) ?? .asserted,
                    attributes: Cell.attributes(r[11] as String), mentions: Cell.spans(r[13] as String, article: id), confidence: r[12]))
            }
            try tripleRows.rows(of: rowID) { r in
                let p: String = r[2], f: String = r[4]
                guard let predicate = TriplePredicate(rawValue: p) else { return }
                g.triples.append(ExtractedTriple(subject: r[1], predicate: predicate, object: r[3],
                                                 factuality: Factuality(rawValue: f) ?? .asserted,
                                                 provenance: Cell.spans(r[6] as String, article: id), confidence: r[5]))
            }
            try causalRows.rows(of: rowID) { r in
                let rel: String = r[2]
                guard let relation = CausalRelation(rawValue: rel) else { return }
                g.causal.append(ExtractedCausalLink(from: r[1], relation: relation, to: r[3], cue: r[4],
                                                    provenance: Cell.spans(r[6] as String, article: id), confidence: r[5]))
            }
            try body(g)
        }
    }

    static func overrides(_ db: Database) throws -> [StoredOverride] {
        let decoder = JSONDecoder()
        var out: [StoredOverride] = []
        for r in try Row.fetchAll(db, sql: "SELECT id, body, created_at FROM override ORDER BY id") {
            let body: String = r[1]
            // An override this version cannot read is skipped rather than failing the whole load.
            guard let o = try? decoder.decode(ResolutionOverride.self, from: Data(body.utf8)) else { continue }
            out.append(StoredOverride(id: r[0], override: o, createdAt: r[2]))
        }
        return out
    }
}
