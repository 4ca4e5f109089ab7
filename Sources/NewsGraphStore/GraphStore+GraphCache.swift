// Loading a store's graph: the stored articles, resolution, and the graph cache (`<store>.graphcache`)
// that lets the next command open the resolved graph without resolving again.

import Foundation
import GRDB
import NewsGraphCore

extension GraphStore {
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
}
