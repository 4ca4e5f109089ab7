import Foundation
import GRDB
import NewsGraphCore

/// The SQLite schema of a store, as GRDB migrations. Never edit a shipped migration: append a new one.
///
/// Tables (v1):
/// - `meta(key, value)`: `application = newsgraph`, `created_at`.
/// - `article`: one row per article: `key` (the article id), `content_hash`, `lexicon_version`, date, dateline
///   place, source, title, `ingested_at`, `skipped` (facts dropped as dangling).
/// - `sentence(article_id, idx, text)`: the article's sentences, so evidence can be printed.
/// - `entity`, `event`, `triple`, `causal`: the article's facts as extracted (before resolution), keyed by
///   `(article_id, idx)`, each with its provenance spans and `lexicon_version`. Deleting an article row
///   cascades to its facts and sentences.
/// - `override`: analyst merges and splits (`body` is the JSON of a `ResolutionOverride`).
/// - v2: `meta.generation`, a token replaced by every write that changes the graph (the cache key).
///
/// Lists inside a cell are joined with U+001F (unit separator); spans are `sentence,start,end` joined by `;`.
enum StoreSchema {
    static let application = "newsgraph"

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1-articles-facts-overrides") { db in
            try db.execute(sql: """
                CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
                CREATE TABLE article (
                    id INTEGER PRIMARY KEY,
                    key TEXT NOT NULL UNIQUE,
                    content_hash TEXT NOT NULL,
                    lexicon_version TEXT NOT NULL,
                    date TEXT,
                    dateline_place TEXT,
                    source TEXT,
                    title TEXT,
                    ingested_at TEXT NOT NULL,
                    skipped INTEGER NOT NULL DEFAULT 0
                );
                CREATE TABLE sentence (
                    article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
                    idx INTEGER NOT NULL,
                    text TEXT NOT NULL,
                    PRIMARY KEY (article_id, idx)
                ) WITHOUT ROWID;
                CREATE TABLE entity (
                    article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
                    idx INTEGER NOT NULL,
                    name TEXT NOT NULL,
                    type TEXT NOT NULL,
                    aliases TEXT NOT NULL,
                    confidence REAL NOT NULL,
                    mentions TEXT NOT NULL,
                    lexicon_version TEXT NOT NULL,
                    PRIMARY KEY (article_id, idx)
                ) WITHOUT ROWID;
                CREATE INDEX entity_name ON entity(name);
                CREATE TABLE event (
                    article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
                    idx INTEGER NOT NULL,
                    local_id TEXT NOT NULL,
                    type TEXT NOT NULL,
                    trigger TEXT NOT NULL,
                    agent TEXT NOT NULL,
                    target TEXT NOT NULL,
                    place TEXT,
                    date TEXT,
                    killed INTEGER,
                    injured INTEGER,
                    factuality TEXT NOT NULL,
                    attributes TEXT NOT NULL,
                    confidence REAL NOT NULL,
                    mentions TEXT NOT NULL,
                    lexicon_version TEXT NOT NULL,
                    PRIMARY KEY (article_id, idx)
                ) WITHOUT ROWID;
                CREATE INDEX event_date ON event(date);
                CREATE TABLE triple (
                    article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
                    idx INTEGER NOT NULL,
                    subject TEXT NOT NULL,
                    predicate TEXT NOT NULL,
                    object TEXT NOT NULL,
                    factuality TEXT NOT NULL,
                    confidence REAL NOT NULL,
                    provenance TEXT NOT NULL,
                    lexicon_version TEXT NOT NULL,
                    PRIMARY KEY (article_id, idx)
                ) WITHOUT ROWID;
                CREATE TABLE causal (
                    article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
                    idx INTEGER NOT NULL,
                    from_event TEXT NOT NULL,
                    relation TEXT NOT NULL,
                    to_event TEXT NOT NULL,
                    cue TEXT NOT NULL,
                    confidence REAL NOT NULL,
                    provenance TEXT NOT NULL,
                    lexicon_version TEXT NOT NULL,
                    PRIMARY KEY (article_id, idx)
                ) WITHOUT ROWID;
                CREATE TABLE override (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    kind TEXT NOT NULL,
                    body TEXT NOT NULL,
                    created_at TEXT NOT NULL
                );
                """)
            try db.execute(sql: "INSERT INTO meta(key, value) VALUES ('application', ?), ('created_at', ?)",
                           arguments: [application, nowISO()])
        }
        m.registerMigration("v2-generation") { db in
            // A token that changes with every write that changes the graph; the graph cache is valid for one token.
            try db.execute(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES ('generation', ?)", arguments: [newGeneration()])
        }
        return m
    }

    /// Marks the stored graph as changed (inside the write transaction that changes it).
    static func bumpGeneration(_ db: Database) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES ('generation', ?)", arguments: [newGeneration()])
    }

    static func generation(_ db: Database) throws -> String {
        try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'generation'") ?? ""
    }

    static func newGeneration() -> String { UUID().uuidString }

    /// The identifiers of every migration this version knows.
    static var knownMigrations: [String] { migrator.migrations }
}

/// Encodings of lists inside one cell.
enum Cell {
    static let separator: Character = "\u{1F}"

    static func list(_ items: [String]) -> String { items.joined(separator: String(separator)) }

    static func list(_ cell: String) -> [String] {
        cell.isEmpty ? [] : cell.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
    }

    static func attributes(_ a: [String: String]) -> String {
        list(a.keys.sorted().flatMap { [$0, a[$0] ?? ""] })
    }

    static func attributes(_ cell: String) -> [String: String] {
        let parts = list(cell)
        var out: [String: String] = [:]
        var i = 0
        while i + 1 < parts.count { out[parts[i]] = parts[i + 1]; i += 2 }
        return out
    }

    static func spans(_ ps: [Provenance]) -> String {
        ps.map { "\($0.sentence),\($0.start),\($0.end)" }.joined(separator: ";")
    }

    static func spans(_ cell: String, article: String) -> [Provenance] {
        guard !cell.isEmpty else { return [] }
        // Hand-rolled parse of "s,a,b;s,a,b" (hot when loading large stores).
        var out: [Provenance] = []
        var numbers: (Int, Int, Int) = (0, 0, 0)
        var field = 0, value = 0, negative = false, valid = true
        func finish() {
            let v = negative ? -value : value
            switch field {
            case 0: numbers.0 = v
            case 1: numbers.1 = v
            default: numbers.2 = v
            }
        }
        for b in cell.utf8 {
            switch b {
            case UInt8(ascii: "0") ... UInt8(ascii: "9"): value = value * 10 + Int(b - UInt8(ascii: "0"))
            case UInt8(ascii: "-"): negative = true
            case UInt8(ascii: ","):
                finish(); field += 1; value = 0; negative = false
            case UInt8(ascii: ";"):
                finish()
                if valid && field == 2 { out.append(Provenance(article: article, sentence: numbers.0, start: numbers.1, end: numbers.2)) }
                field = 0; value = 0; negative = false; valid = true
            default: valid = false
            }
        }
        finish()
        if valid && field == 2 { out.append(Provenance(article: article, sentence: numbers.0, start: numbers.1, end: numbers.2)) }
        return out
    }
}

func nowISO() -> String {
    let f = ISO8601DateFormatter()
    f.formatOptions = [.withInternetDateTime]
    return f.string(from: Date())
}
