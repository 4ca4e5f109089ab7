import Foundation
import NewsGraph
import NewsGraphEvaluation
import Testing

/// The built `newsgraph` binary, run as a user would: each command is a new process on a store file.
struct CLITests {
    struct StoreState: Equatable {
        var stats: StoreStatistics
        var hashes: [String: String]
    }

    /// The store's contents (not its file size, which opening it in WAL mode may change).
    func state(_ path: String) throws -> StoreState {
        let store = try GraphStore(path: path, create: false)
        var stats = try store.stats()
        stats.fileBytes = 0
        return StoreState(stats: stats, hashes: try store.contentHashes())
    }

    @Test(.enabled(if: Paths.hasSharedCorpus, "needs ../shared/corpus/seed"))
    func ingestThenQueryInANewProcessPrintsTheResponseChainWithEvidenceFromSharedCorpus() throws {
        let dir = try Paths.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("store.sqlite").path
        let ingest = try CLI.run(["ingest", "--db", db, Paths.seedText.path])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        #expect(ingest.stdout.hasPrefix("kalat-2024-11-16: "), "\(ingest.stdout)")
        #expect(ingest.stdout.contains("(added)"))

        let q = try CLI.run(["query", "--db", db, "response to Baru killing"])
        #expect(q.status == 0, "\(q.stderr)")
        // The chain: the killing/operation of Sana Baru (Kech, Pakistan Army) → the Kalat attack (BLA; 7 killed, 15 injured).
        for needle in ["Sana Baru", "Kech", "Pakistan Army", "Kalat", "Baloch Liberation Army", "7 killed", "15 injured"] {
            #expect(q.stdout.contains(needle), "missing \(needle) in:\n\(q.stdout)")
        }
        // The link with its evidence sentence.
        #expect(q.stdout.contains("Saturday's attack is BLA's response to the killing of Baru"), "\(q.stdout)")
        #expect(q.stdout.contains("responded_to"), "\(q.stdout)")

        let who = try CLI.run(["query", "--db", db, "who attacked the camp in Kalat"])
        #expect(who.status == 0, "\(who.stderr)")
        #expect(who.stdout.contains("Baloch Liberation Army"), "\(who.stdout)")
        #expect(who.stdout.contains("attacked the main camp of Pakistan military in Shah Mardan area of Kalat")
                || who.stdout.contains("targeted attack on a military camp in Kalat"), "\(who.stdout)")
    }

    @Test func badInputsGetOneLineErrorsNamingTheFileAndLeaveTheStoreAsItWas() throws {
        let dir = try Paths.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("store.sqlite").path
        let good = PipelineTests.exampleFiles[0]
        let first = try CLI.run(["ingest", "--db", db, good])
        #expect(first.status == 0, "\(first.stderr)")
        let before = try state(db)
        #expect(before.stats.articles == 1)

        let missing = dir.appendingPathComponent("missing.txt").path
        let empty = dir.appendingPathComponent("empty.txt").path
        let binary = dir.appendingPathComponent("binary.txt").path
        let latin1 = dir.appendingPathComponent("latin1.txt").path
        let noArticles = dir.appendingPathComponent("no-articles").path
        FileManager.default.createFile(atPath: empty, contents: Data())
        FileManager.default.createFile(atPath: binary, contents: Data((0 ..< 512).map { UInt8(truncatingIfNeeded: $0 * 7) }))
        FileManager.default.createFile(atPath: latin1, contents: Data("Gunmen attacked a checkpoint in Zhob, caf".utf8) + Data([0xE9, 0x0A]))
        try FileManager.default.createDirectory(atPath: noArticles, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: (noArticles as NSString).appendingPathComponent("notes.md"), contents: Data("x".utf8))

        for bad in [missing, empty, binary, latin1, noArticles] {
            let r = try CLI.run(["ingest", "--db", db, bad])
            #expect(r.status != 0, "\(bad) exit status")
            #expect(r.stderrLines.count == 1, "\(bad): \(r.stderr)")
            #expect(r.stderr.contains(bad), "\(r.stderr)")
            #expect(r.stdout.isEmpty, "\(r.stdout)")
            #expect(try state(db) == before, "\(bad) changed the store")
        }
        // Several at once: every bad one named, the good one (already stored) unchanged, exit 1.
        let all = try CLI.run(["ingest", "--db", db, missing, good, empty, binary, latin1, noArticles])
        #expect(all.status == 1)
        #expect(all.stderrLines.count == 5, "\(all.stderr)")
        #expect(all.stdout.contains("(unchanged)"))
        #expect(try state(db) == before)
        // A bad input on a store that does not exist yet does not create it.
        let fresh = dir.appendingPathComponent("fresh.sqlite").path
        #expect(try CLI.run(["ingest", "--db", fresh, missing]).status == 1)
        #expect(!FileManager.default.fileExists(atPath: fresh))
    }

    @Test func extractDotPrintsOneDigraphPerArticle() throws {
        let files = Array(PipelineTests.exampleFiles.prefix(2))
        let r = try CLI.run(["extract", "--format", "dot"] + files)
        #expect(r.status == 0, "\(r.stderr)")
        let digraphs = r.stdout.components(separatedBy: "\n").filter { $0.hasPrefix("digraph ") }
        #expect(digraphs.count == 2)
    }

    @Test func exportAnnotationThenImportRestoresTheSameArticles() throws {
        let dir = try Paths.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("a.sqlite").path, db2 = dir.appendingPathComponent("b.sqlite").path
        let out = dir.appendingPathComponent("facts.jsonl").path
        #expect(try CLI.run(["ingest", "--db", db, "--quiet", Paths.examples.path]).status == 0)
        let export = try CLI.run(["export", "--db", db, "--format", "annotation", "--output", out])
        #expect(export.status == 0, "\(export.stderr)")
        let imported = try CLI.run(["import", "--db", db2, out])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.components(separatedBy: "(added)").count - 1 == PipelineTests.exampleFiles.count)
        #expect(try GraphStore(path: db2, create: false).stats().triples == (try GraphStore(path: db, create: false).stats().triples))
        let dot = try CLI.run(["export", "--db", db, "--format", "dot"])
        #expect(dot.status == 0)
        #expect(dot.stdout.hasPrefix("digraph"))
        let unknown = try CLI.run(["export", "--db", db, "--format", "nonsense"])
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("nonsense"))
        let noStore = try CLI.run(["export", "--db", dir.appendingPathComponent("none.sqlite").path])
        #expect(noStore.status == 1)
        #expect(noStore.stderrLines.count == 1)
    }

    @Test func ingestAndImportLeaveACurrentGraphCacheUnlessAskedNotTo() throws {
        let dir = try Paths.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("c.sqlite").path
        let ingest = try CLI.run(["ingest", "--db", db, "--quiet", PipelineTests.exampleFiles[0]])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        do {
            // Each check opens the store anew, as each command does.
            let store = try GraphStore(path: db, create: false)
            #expect(FileManager.default.fileExists(atPath: store.graphCachePath))
            #expect(try store.graphCacheIsCurrent())
            // The cached graph is the resolved one.
            let resolved = try GraphStore(path: db, create: false, useGraphCache: false).loadGraph()
            #expect(try store.loadGraph().statistics() == resolved.statistics())
        }

        let annotation = dir.appendingPathComponent("facts.jsonl").path
        #expect(try CLI.run(["export", "--db", db, "--format", "annotation", "--output", annotation]).status == 0)
        let db2 = dir.appendingPathComponent("d.sqlite").path
        #expect(try CLI.run(["import", "--db", db2, "--quiet", annotation]).status == 0)
        #expect(try GraphStore(path: db2, create: false).graphCacheIsCurrent())

        // --no-cache-refresh leaves the cache stale (the next reader rebuilds it).
        let more = try CLI.run(["ingest", "--db", db, "--quiet", "--no-cache-refresh", PipelineTests.exampleFiles[1]])
        #expect(more.status == 0, "\(more.stderr)")
        #expect(try !GraphStore(path: db, create: false).graphCacheIsCurrent())
    }

    @Test func importOfABadAnnotationNamesTheFileAndImportsTheOthers() throws {
        let dir = try Paths.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("s.sqlite").path
        let bad = dir.appendingPathComponent("bad.json").path
        FileManager.default.createFile(atPath: bad, contents: Data(#"{"id":"x","entities":[{"name":"A","type":"group"},{"name":"B","type":"unit"}],"triples":[["A","bombed","B"]]}"#.utf8))
        let good = Paths.examples.appendingPathComponent("story-a-zhob-checkpost-wire.json").path
        let r = try CLI.run(["import", "--db", db, bad, good])
        #expect(r.status == 1)
        #expect(r.stderrLines.count == 1)
        #expect(r.stderr.contains(bad) && r.stderr.contains("bombed"), "\(r.stderr)")
        #expect(r.stdout.contains("story-a-zhob-checkpost-wire: "))
    }

    @Test func evaluateOnTheExamplesPrintsEveryMeasureAndJSON() throws {
        let text = try CLI.run(["evaluate", "--gold", Paths.examples.path])
        #expect(text.status == 0, "\(text.stderr)")
        for m in Scorer.measures { #expect(text.stdout.contains(m), "\(m)") }
        let json = try CLI.run(["evaluate", "--gold", Paths.examples.path, "--format", "json", "--per-doc"])
        #expect(json.status == 0)
        let report = try JSONDecoder().decode(EvaluationReport.self, from: Data(json.stdout.utf8))
        #expect(report.count == PipelineTests.exampleFiles.count)
        #expect(report.documents?.count == PipelineTests.exampleFiles.count)
        #expect(report.lenient["entities"]?.gold == 189)
        let missing = try CLI.run(["evaluate", "--gold", "/nonexistent/gold"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("/nonexistent/gold"))
    }
}
