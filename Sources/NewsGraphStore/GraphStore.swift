import Foundation
import GRDB
import NewsGraphCore

/// A newsgraph store: one SQLite file (WAL mode) holding every ingested article's facts with provenance,
/// its sentences, and the analyst overrides. Opening it and calling `loadGraph()` gives the resolved
/// `KnowledgeGraph` (resolution runs at load time, so it always reflects the current rules and overrides).
///
/// - One write transaction per `ingest` call (a batch): a batch is stored entirely or not at all, so a
///   failure, or a `kill -9`, never leaves half an article.
/// - Re-ingesting an article with the same id, content hash and lexicon version is a no-op (`unchanged`).
/// - Several processes may use one store: writers wait for each other up to `lockTimeout` seconds, then
///   fail with `StoreError.locked`. Readers never wait (WAL).
public final class GraphStore: Sendable {
    /// The file path.
    public let path: String
    /// How long a write waits for another process's write to finish.
    public let lockTimeout: Double
    /// Whether `loadGraph` reads and writes the graph cache file (`<path>.graphcache`).
    public let useGraphCache: Bool
    /// Whether the store was opened read-only: nothing is ever written to it (the graph cache still is,
    /// when its directory is writable).
    public let readOnly: Bool
    /// Told things the user should know that are not errors (a damaged graph cache that was rebuilt).
    let note: @Sendable (String) -> Void
    let dbQueue: DatabaseQueue

    /// Writes a note to standard error, `newsgraph: note: …`.
    public static let standardErrorNote: @Sendable (String) -> Void = { message in
        FileHandle.standardError.write(Data(("newsgraph: note: " + message + "\n").utf8))
    }

    /// Opens (or, when `create` is true, creates) the store at `path`.
    ///
    /// With `readOnly`, SQLite opens the file read-only: the store works on a read-only mount, and a file that
    /// is not a complete newsgraph store (empty, another application's database) is refused and left exactly
    /// as it was. Without it, the file is also only changed (switched to WAL, given the schema) once it is known
    /// to be empty or a newsgraph store. Creating the schema is serialised between processes (an exclusive lock
    /// on the store's directory), so two processes creating one store at once both succeed.
    /// - Parameter note: told about what is not an error (a damaged graph cache rebuilt); standard error by default.
    /// - Throws: `StoreError.notFound`, `.notAStore`, `.newerSchema`, `.needsUpgrade`, `.locked`.
    public init(path: String, create: Bool = true, readOnly: Bool = false, lockTimeout: Double = 30, useGraphCache: Bool = true,
                note: @escaping @Sendable (String) -> Void = GraphStore.standardErrorNote) throws {
        self.path = path
        self.lockTimeout = lockTimeout
        self.useGraphCache = useGraphCache
        self.readOnly = readOnly
        self.note = note
        let create = create && !readOnly
        switch StorePath.inspect(path) {
        case .missing:
            if !create { throw StoreError.notFound(path: path) }
        case .regular(let size):
            if size == 0 && !create { throw StoreError.notAStore(path: path, reason: "an empty file") }
        case .problem(let reason):
            throw StoreError.notAStore(path: path, reason: reason)
        }
        // The file is never opened here other than by SQLite, not even to read its header: SQLite's locks are
        // POSIX locks, and closing any descriptor of the file drops every lock this process holds on it, so a
        // second `GraphStore` on a file this process already has open would leave the first one unprotected
        // (another process closing its connection would then checkpoint and delete the WAL under it: "database
        // disk image is malformed"). A file that is not a database makes SQLite fail with SQLITE_NOTADB, which
        // `map` turns into `notAStore`.
        var config = Configuration()
        config.busyMode = .timeout(lockTimeout)
        config.foreignKeysEnabled = true
        config.label = "newsgraph-store"
        config.readonly = readOnly
        if !readOnly {
            config.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        }
        do {
            dbQueue = readOnly ? try GraphStore.openReadOnly(path, config) : try DatabaseQueue(path: path, configuration: config)
        } catch {
            throw GraphStore.map(error, path: path, lockTimeout: lockTimeout)
        }
        try prepareSchema(create: create)
    }

    /// Opens the file read-only. A WAL store on a read-only file system cannot be opened the usual way (SQLite
    /// needs to create its `-shm` file): it is then opened as immutable, which is exact as long as no write-ahead
    /// log is pending (a cleanly closed store has none); with a pending log it is refused with what to do.
    private static func openReadOnly(_ path: String, _ config: Configuration) throws -> DatabaseQueue {
        do {
            let queue = try DatabaseQueue(path: path, configuration: config)
            do {
                try queue.read { db in _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") }
            } catch {
                try? queue.close()
                throw error
            }
            return queue
        } catch let e as DatabaseError where e.resultCode == .SQLITE_CANTOPEN || e.resultCode == .SQLITE_READONLY {
            let wal = (try? FileManager.default.attributesOfItem(atPath: path + "-wal"))?[.size] as? Int ?? 0
            if wal > 0 {
                throw StoreError.database(path: path, message: "it cannot be opened read-only: its write-ahead log (\(path)-wal) holds changes and the directory is not writable; open it once where it is writable (any newsgraph command) to fold the log in")
            }
            let uri = URL(fileURLWithPath: path).absoluteString + "?immutable=1"
            return try DatabaseQueue(path: uri, configuration: config)
        }
    }

    private struct SchemaState {
        var tables: [String]
        var application: String?
        var superseded: Bool
        var complete: Bool
    }

    private func schemaState() throws -> SchemaState {
        let migrator = StoreSchema.migrator
        return try guarded {
            try dbQueue.read { db -> SchemaState in
                let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
                var application: String?
                if tables.contains("meta") {
                    application = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'application'")
                }
                let superseded = tables.contains("grdb_migrations") ? try migrator.hasBeenSuperseded(db) : false
                let complete = tables.contains("grdb_migrations") ? try migrator.hasCompletedMigrations(db) : false
                return SchemaState(tables: tables, application: application, superseded: superseded, complete: complete)
            }
        }
    }

    private func prepareSchema(create: Bool) throws {
        // The common case, a complete store of this version, needs no lock and writes nothing.
        let first = try schemaState()
        if first.complete && !first.superseded && first.application == StoreSchema.application {
            if !readOnly { try ensureWAL() }
            return
        }
        // Anything else (a new file, a store being created by another process right now, an older schema)
        // is looked at again, and changed, only under the directory lock.
        try StorePath.withCreationLock(for: path, timeout: lockTimeout) {
            let state = try schemaState()
            if state.superseded {
                let unknown = try guarded { try dbQueue.read { db in try StoreSchema.migrator.appliedIdentifiers(db) } }
                    .subtracting(StoreSchema.knownMigrations)
                throw StoreError.newerSchema(path: path, unknown: unknown.sorted())
            }
            if !state.tables.isEmpty && state.application != StoreSchema.application {
                let shown = state.tables.sorted().prefix(5).joined(separator: ", ")
                throw StoreError.notAStore(path: path, reason: "a SQLite database with other tables (\(shown)) and no newsgraph metadata")
            }
            if state.tables.isEmpty && !create {
                throw StoreError.notAStore(path: path, reason: "an empty SQLite database")
            }
            if state.complete { if !readOnly { try ensureWAL() }; return }
            if readOnly { throw StoreError.needsUpgrade(path: path) }
            try ensureWAL()
            try guarded { try StoreSchema.migrator.migrate(dbQueue) }
        }
    }

    /// WAL, switched on once (for a file known to be a newsgraph store or empty); an open never needs the
    /// write lock afterwards, so opening a store while another process writes to it does not wait.
    private func ensureWAL() throws {
        try guarded {
            try dbQueue.writeWithoutTransaction { db in
                if try String.fetchOne(db, sql: "PRAGMA journal_mode") != "wal" {
                    try db.execute(sql: "PRAGMA journal_mode = WAL")
                }
            }
        }
    }

    // MARK: - Errors and transactions

    static func map(_ error: any Error, path: String, lockTimeout: Double, waited: Double? = nil) -> any Error {
        if error is StoreError { return error }
        if let e = error as? DatabaseError {
            switch e.resultCode {
            case .SQLITE_BUSY, .SQLITE_LOCKED:
                // The time actually waited: SQLite gives up at once on some conflicts, and "waited 30 s" would be false.
                let seconds = waited.map { $0 >= lockTimeout * 0.9 ? lockTimeout : $0 } ?? lockTimeout
                return StoreError.locked(path: path, seconds: seconds)
            case .SQLITE_NOTADB:
                return StoreError.notAStore(path: path, reason: "not a SQLite database")
            case .SQLITE_FULL:
                return StoreError.diskFull(path: path)
            case .SQLITE_READONLY:
                return StoreError.database(path: path, message: "the file or its directory is read-only (\(e.message ?? "\(e)")); check the permissions, or use a command that only reads")
            default:
                return StoreError.database(path: path, message: e.message ?? "\(e)")
            }
        }
        if let e = error as? GraphError { return StoreError.refused(e.message) }
        return error
    }

    func guarded<T>(_ body: () throws -> T) throws -> T {
        let start = ContinuousClock.now
        do { return try body() } catch {
            let waited = ContinuousClock.now - start
            let seconds = Double(waited.components.seconds) + Double(waited.components.attoseconds) / 1e18
            throw GraphStore.map(error, path: path, lockTimeout: lockTimeout, waited: seconds)
        }
    }

    /// Runs `body` in one IMMEDIATE write transaction: committed entirely, or rolled back on any error.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        try guarded {
            try dbQueue.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try guarded { try dbQueue.read(body) }
    }

    // MARK: - Ingest and remove

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

    // MARK: - Load

    /// Every stored article as extracted (before resolution), sorted by id.
    public func loadArticles(includeSentences: Bool = true) throws -> [ArticleGraph] {
        try read { db in try StoreLoader.articles(db, sentences: includeSentences) }
    }

    /// The analyst overrides, oldest first.
    public func overrides() throws -> [StoredOverride] {
        try read { db in try StoreLoader.overrides(db) }
    }

    /// The resolved graph of every stored article under the stored overrides. Pass `includeSentences: false`
    /// to save memory when evidence sentences will not be printed.
    ///
    /// The resolved graph is cached next to the store (`<path>.graphcache`, a derived file that is safe to
    /// delete) and reused while the store is unchanged, so reopening a large store does not resolve it again.
    public func loadGraph(includeSentences: Bool = true) throws -> KnowledgeGraph {
        let current = try read { db in try StoreSchema.generation(db) }
        var damaged = false
        if useGraphCache {
            switch readGraphCache(generation: current, includeSentences: includeSentences) {
            case .loaded(let cached): return cached
            case .damaged(let reason):
                damaged = true
                note("the graph cache \(graphCachePath) is damaged (\(reason)); it is discarded and rebuilt from the store")
            case .unusable: break
            }
        }
        let (graph, generation) = try resolve(sentences: includeSentences)
        if useGraphCache {
            let written = writeGraphCache(graph, generation: generation, sentences: includeSentences)
            // A damaged cache that cannot be replaced (a read-only directory) is at least not read again.
            if damaged && !written { try? FileManager.default.removeItem(atPath: graphCachePath) }
        }
        return graph
    }

    /// Builds the graph cache now if it is stale (for example at the end of an ingest run), so that the next
    /// `loadGraph()` is fast. Does nothing when the cache is already current, or when the store does not use one.
    ///
    /// The resolve needs memory in proportion to the store (see `ResolveBudget`): when its estimate exceeds
    /// `budget` this throws `StoreError.resolveTooLarge` before resolving anything (the store is unchanged).
    /// - Returns: true when the cache was (re)built.
    @discardableResult
    public func refreshGraphCache(budget: ResolveBudget = .fromEnvironment()) throws -> Bool {
        guard useGraphCache, try !graphCacheIsCurrent() else { return false }
        let records = try read { db in try StoreLoader.recordCount(db) }
        try budget.check(records: records, path: path)
        // Resolved without the sentences, which go into the image straight from the store, one article at a
        // time, as the image reaches each article: they are the bulk of a store (the text of every article)
        // and the resolution never needs them. All in one read transaction, so the image is of one generation.
        try read { db in
            let (graph, generation) = try resolve(db, sentences: false)
            let statement = try db.cachedStatement(sql: """
                SELECT sentence.text FROM sentence JOIN article ON article.id = sentence.article_id
                WHERE article.key = ? ORDER BY sentence.idx
                """)
            writeGraphCache(graph, generation: generation, sentences: true) { id in
                try String.fetchAll(statement, arguments: [id])
            }
        }
        return true
    }

    /// The resolved graph of the stored records and the generation it reflects, read in one transaction.
    /// The articles are read one at a time and each is turned into the graph's compact records at once, so
    /// that the final resolve of a large store never holds every article as an `ArticleGraph`.
    private func resolve(sentences: Bool) throws -> (KnowledgeGraph, String) {
        try read { db in try resolve(db, sentences: sentences) }
    }

    private func resolve(_ db: Database, sentences: Bool) throws -> (KnowledgeGraph, String) {
        let overrides = try StoreLoader.overrides(db).map(\.override)
        let generation = try StoreSchema.generation(db)
        let graph = try KnowledgeGraph(overrides: overrides) { add in
            try StoreLoader.forEachArticle(db, sentences: sentences) { add($0) }
        }
        return (graph, generation)
    }

    /// Whether the graph cache file exists and was written for the store as it is now (same generation, with
    /// sentences), so that `loadGraph()` will read it instead of resolving the records. Reads the header only.
    public func graphCacheIsCurrent() throws -> Bool {
        let current = try read { db in try StoreSchema.generation(db) }
        guard !current.isEmpty, let header = graphCacheHeader() else { return false }
        return header == cacheHeader(current, sentences: true)
    }

    /// The derived graph cache file.
    public var graphCachePath: String { path + ".graphcache" }

    private func cacheHeader(_ generation: String, sentences: Bool) -> String { "\(generation);sentences=\(sentences ? 1 : 0)" }

    /// The header of the cache file (its first 4 KiB), or nil when there is no readable cache of this build's format.
    private func graphCacheHeader() -> String? {
        guard let h = FileHandle(forReadingAtPath: graphCachePath) else { return nil }
        defer { try? h.close() }
        guard let probe = try? h.read(upToCount: 4096) else { return nil }
        return KnowledgeGraph.snapshotHeader(Array(probe))
    }

    /// What reading the graph cache gave.
    enum CacheRead {
        case loaded(KnowledgeGraph)
        /// No cache, a stale one (another generation), or one of another build: rebuilt silently.
        case unusable
        /// A cache of this store and generation whose bytes are damaged.
        case damaged(String)
    }

    func readGraphCache(generation: String, includeSentences: Bool) -> CacheRead {
        guard !generation.isEmpty, let header = graphCacheHeader() else { return .unusable }
        let accepted = includeSentences ? [cacheHeader(generation, sentences: true)]
            : [cacheHeader(generation, sentences: true), cacheHeader(generation, sentences: false)]
        guard accepted.contains(header), let file = MappedFile(path: graphCachePath) else { return .unusable }
        defer { file.close() }
        // Checked again on the mapping: another process may have replaced the file (by rename) since the probe.
        // The mapping keeps the file it mapped, so what is decoded is that one whole file, never a torn one.
        guard let mapped = KnowledgeGraph.snapshotHeader(Array(file.bytes.prefix(4096))), accepted.contains(mapped) else { return .unusable }
        // The image is checked against its checksum, then decoded straight from the mapping into the graph's
        // arrays; the pages already read are handed back as the reader moves on, so the file and the graph are
        // never both resident.
        do {
            return .loaded(try KnowledgeGraph(snapshotBytes: file.bytes, includeSentences: includeSentences,
                                              consumed: { file.release(upTo: $0) }))
        } catch let e as SnapshotError {
            return e.isDamage ? .damaged(e.message) : .unusable
        } catch {
            return .damaged("\(error)")
        }
    }

    /// Writes the cache (atomically); false when it could not be written.
    @discardableResult
    private func writeGraphCache(_ graph: KnowledgeGraph, generation: String, sentences: Bool,
                                 sentenceSource: ((String) throws -> [String])? = nil) -> Bool {
        guard !generation.isEmpty else { return false }
        // Into a temporary file next to the cache, renamed over it when complete: readers see the old file or
        // the new one, never half of one. The image goes to the file a few MB at a time as it is built, never
        // whole in memory. Failures are ignored (the cache is an optimisation; a read-only directory just means
        // no cache).
        let temporary = graphCachePath + ".tmp-\(getpid())-\(UInt32.random(in: 0 ... .max))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return false }
        do {
            let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: false)
            try graph.writeSnapshot(header: cacheHeader(generation, sentences: sentences), sentences: sentenceSource) { piece in
                guard let base = piece.baseAddress, piece.count > 0 else { return }
                // No copy: the file is written from the writer's buffer.
                try handle.write(contentsOf: Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: piece.count, deallocator: .none))
            }
            guard close(fd) == 0, rename(temporary, graphCachePath) == 0 else {
                unlink(temporary)
                return false
            }
            return true
        } catch {
            close(fd)
            unlink(temporary)
            return false
        }
    }

    // MARK: - Analyst corrections

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

    // MARK: - Explain and statistics

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

/// An analyst override as stored.
public struct StoredOverride: Hashable, Sendable, Codable {
    public var id: Int64
    public var override: ResolutionOverride
    /// ISO 8601 time it was made.
    public var createdAt: String
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
