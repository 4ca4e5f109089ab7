import Foundation
import NewsGraph
import Testing

/// The library pipeline: files → articles → concurrent extraction → batched, ordered ingest.
struct PipelineTests {
    static let exampleFiles: [String] = {
        ((try? FileManager.default.contentsOfDirectory(atPath: Paths.examples.path)) ?? [])
            .filter { $0.hasSuffix(".txt") }.sorted().map { Paths.examples.appendingPathComponent($0).path }
    }()

    @Test func ingestingADirectoryAddsEveryArticleInFileOrderAndSummarisesEach() async throws {
        let pipeline = IngestPipeline(extractor: try Extractor.standard(), batchSize: 3)
        var sink = RecordingSink()
        var lines: [String] = []
        let report = try await pipeline.ingest([Paths.examples.path], into: &sink) { event in
            if case .ingested(let o) = event { lines.append(o.summary) }
        }
        #expect(report.succeeded)
        #expect(report.added == Self.exampleFiles.count)
        #expect(sink.articles.map(\.article.id) == Self.exampleFiles.map { (($0 as NSString).lastPathComponent as NSString).deletingPathExtension })
        // Batches of at most 3 articles, one sink call (transaction) each.
        #expect(sink.batches.allSatisfy { $0.count <= 3 })
        #expect(report.batches == sink.batches.count)
        #expect(lines.count == Self.exampleFiles.count)
        let first = try #require(lines.first)
        #expect(first.range(of: #"^[a-z0-9-]+: \d+ entit(y|ies), \d+ events?, \d+ triples?, \d+ causal links? \(added\)$"#, options: .regularExpression) != nil, "\(first)")
    }

    @Test func ingestingTheSameArticlesAgainChangesNothing() async throws {
        let pipeline = IngestPipeline(extractor: try Extractor.standard())
        var sink = RecordingSink()
        _ = try await pipeline.ingest([Paths.examples.path], into: &sink)
        let before = sink.graph.statistics()
        let again = try await pipeline.ingest([Paths.examples.path], into: &sink)
        #expect(again.added == 0 && again.updated == 0)
        #expect(again.unchanged == Self.exampleFiles.count)
        #expect(sink.graph.statistics() == before)
    }

    @Test func concurrentExtractionGivesTheSameGraphsAsOneWorker() async throws {
        let extractor = try Extractor.standard()
        var one = RecordingSink(), many = RecordingSink()
        _ = try await IngestPipeline(extractor: extractor, workers: 1).ingest([Paths.examples.path], into: &one)
        _ = try await IngestPipeline(extractor: extractor, batchSize: 2, workers: 4).ingest([Paths.examples.path], into: &many)
        #expect(one.articles == many.articles)
    }

    @Test func badInputsAreReportedByNameInInputOrderWhileTheRestIsIngested() async throws {
        let dir = try Paths.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let missing = dir.appendingPathComponent("missing.txt").path
        let empty = dir.appendingPathComponent("empty.txt").path
        let binary = dir.appendingPathComponent("binary.txt").path
        let latin1 = dir.appendingPathComponent("latin1.txt").path
        let emptyDir = dir.appendingPathComponent("no-articles").path
        let badJSONL = dir.appendingPathComponent("bad.jsonl").path
        FileManager.default.createFile(atPath: empty, contents: Data())
        FileManager.default.createFile(atPath: binary, contents: Data([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x00, 0x00, 0x41]))
        FileManager.default.createFile(atPath: latin1, contents: Data("Militants attacked a camp in Kalat on Saturday, caf".utf8) + Data([0xE9, 0x0A]))
        try FileManager.default.createDirectory(atPath: emptyDir, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: badJSONL, contents: Data("{\"id\": \"x\", \"text\": \n".utf8))
        let good = Self.exampleFiles[0]
        let inputs = [missing, good, empty, binary, latin1, emptyDir, badJSONL]
        var sink = RecordingSink()
        var events: [IngestEvent] = []
        let report = try await IngestPipeline(extractor: try Extractor.standard()).ingest(inputs, into: &sink) { events.append($0) }
        #expect(!report.succeeded)
        #expect(report.added == 1)
        #expect(report.failures.map(\.path) == [missing, empty, binary, latin1, emptyDir, badJSONL])
        for f in report.failures {
            #expect(f.message.hasPrefix(f.path), "\(f.message)")
            #expect(!f.message.contains("\n"))
        }
        // The good article's line comes between the missing file's error and the empty file's.
        guard events.count == 7, case .failed = events[0], case .ingested(let o) = events[1], case .failed = events[2] else {
            Issue.record("events out of order: \(events)")
            return
        }
        #expect(good.hasSuffix(o.article + ".txt"))
    }

    @Test func aBatchWithAnArticleTheSinkRejectsStoresTheOthersAndReportsThatOne() async throws {
        let files = Array(Self.exampleFiles.prefix(3))
        let badID = ((files[1] as NSString).lastPathComponent as NSString).deletingPathExtension
        var sink = RecordingSink()
        sink.invalid = [badID]
        let report = try await IngestPipeline(extractor: try Extractor.standard(), batchSize: 8).ingest(files, into: &sink)
        #expect(report.added == 2)
        #expect(report.failures.count == 1)
        #expect(report.failures.first?.message.contains(badID) == true)
        #expect(!sink.articles.contains { $0.article.id == badID })
    }

    @Test func theSinkIsNeverCalledWhenEveryInputIsBad() async throws {
        var sink = RecordingSink()
        let report = try await IngestPipeline(extractor: try Extractor.standard()).ingest(["/nonexistent/a.txt", "/nonexistent/dir"], into: &sink)
        #expect(report.failures.count == 2)
        #expect(sink.batches.isEmpty)
    }

    @Test func minConfidenceDropsLowConfidenceFactsBeforeIngest() async throws {
        let extractor = try Extractor.standard()
        var all = RecordingSink(), confident = RecordingSink()
        _ = try await IngestPipeline(extractor: extractor).ingest([Paths.examples.path], into: &all)
        _ = try await IngestPipeline(extractor: extractor, minConfidence: 0.8).ingest([Paths.examples.path], into: &confident)
        let low = all.articles.flatMap(\.events).filter { $0.confidence < 0.8 }.count
        #expect(confident.articles.flatMap(\.events).allSatisfy { $0.confidence >= 0.8 })
        #expect(confident.articles.flatMap(\.events).count == all.articles.flatMap(\.events).count - low)
    }

    @Test func withoutSentencesTheStoreKeepsProvenanceButNoText() async throws {
        let dir = try Paths.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        var store = try GraphStore(path: dir.appendingPathComponent("s.sqlite").path)
        let pipeline = IngestPipeline(extractor: try Extractor.standard(), keepSentences: false)
        _ = try await pipeline.ingest([Self.exampleFiles[0]], into: &store)
        let stored = try #require(try store.loadArticles().first)
        #expect(stored.article.sentences.isEmpty)
        #expect(stored.events.contains { !$0.mentions.isEmpty })
        let graph = try store.loadGraph()
        let evidence = graph.eventIDs.flatMap { graph.evidence(of: $0) }
        #expect(!evidence.isEmpty)
        #expect(evidence.allSatisfy { graph.sentence(of: $0) == nil })
    }

    @Test func orderedConcurrencyKeepsOrderAndABoundedWindowWhateverTheInputLength() async throws {
        let n = 2_000
        var produced = 0
        var delivered: [Int] = []
        var maxOutstanding = 0
        try await OrderedConcurrency.forEachOrdered(
            workers: 3,
            next: { () -> Int? in
                guard produced < n else { return nil }
                produced += 1
                maxOutstanding = max(maxOutstanding, produced - delivered.count)
                return produced - 1
            },
            transform: { (i: Int) -> Int in
                // Uneven work so that results finish out of order.
                var x = 0
                for k in 0 ..< (i % 7) * 2_000 { x &+= k }
                return i + (x == -1 ? 1 : 0)
            },
            deliver: { delivered.append($0) })
        #expect(delivered == Array(0 ..< n))
        #expect(maxOutstanding <= 3 * 4 + 1, "at most a window of items between reading and delivery: \(maxOutstanding)")
    }
}
