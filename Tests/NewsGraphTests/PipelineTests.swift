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

    @Test func jsonLinesRecordErrorsNameFileAndLineWhileTheOtherRecordsAreIngested() async throws {
        let dir = try Paths.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("mixed.jsonl").path
        let lines = [
            #"{"id":"a","text":"Gunmen attacked a police post in Zhob on Monday."}"#,
            #"{"id":"b","text":"#,
            #"{"id":"a","text":"A duplicate id."}"#,
            "",
            #"{"id":"c","text":"Militants attacked a convoy in Kech.","date":"2025-13-01"}"#,
            #"{"id":"d","text":"Militants attacked a convoy in Kech.","date":"2025-03-01"}"#,
        ]
        FileManager.default.createFile(atPath: path, contents: Data(lines.joined(separator: "\n").utf8))
        var sink = RecordingSink()
        let report = try await IngestPipeline(extractor: try Extractor.standard()).ingest([path], into: &sink)
        #expect(sink.articles.map(\.article.id) == ["a", "d"])
        #expect(sink.articles.last?.article.date == "2025-03-01")
        #expect(report.failures.map(\.message).map { $0.components(separatedBy: ": ").first ?? "" }
                == ["\(path):2", "\(path):3", "\(path):5"], "\(report.failures)")
    }

    @Test func aJSONLinesFileThatIsNotTextIsRejectedWholeBeforeAnyRecordIsUsed() async throws {
        let dir = try Paths.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let good = #"{"id":"a","text":"Gunmen attacked a police post in Zhob on Monday."}"#
        let nul = dir.appendingPathComponent("nul.jsonl").path
        let latin1 = dir.appendingPathComponent("latin1.jsonl").path
        let blank = dir.appendingPathComponent("blank.jsonl").path
        FileManager.default.createFile(atPath: nul, contents: Data((good + "\n").utf8) + Data([0x00, 0x01, 0x0A]))
        FileManager.default.createFile(atPath: latin1, contents: Data((good + "\n{\"text\": \"caf").utf8) + Data([0xE9]) + Data("\"}\n".utf8))
        FileManager.default.createFile(atPath: blank, contents: Data("\n  \n".utf8))
        for path in [nul, latin1, blank] {
            var sink = RecordingSink()
            let report = try await IngestPipeline(extractor: try Extractor.standard()).ingest([path], into: &sink)
            #expect(sink.batches.isEmpty, "\(path)")
            #expect(report.failures.count == 1)
            #expect(report.failures.first?.message.hasPrefix(path) == true, "\(report.failures)")
        }
    }

    @Test func aLargeJSONLinesFileIsReadInBlocksNotWhole() throws {
        let dir = try Paths.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("many.jsonl").path
        // 3 MB: more than the 1 MB read block, so records straddle block boundaries.
        let text = String(repeating: "Militants attacked a checkpost in Zhob on Sunday. ", count: 20)
        var body = ""
        for i in 0 ..< 3_000 { body += "{\"id\":\"r\(i)\",\"text\":\"\(text)\"}\n" }
        FileManager.default.createFile(atPath: path, contents: Data(body.utf8))
        var stream = try JSONLinesStream(path: path)
        var ids: [String] = []
        while let item = stream.next() {
            guard case .article(let a) = item else { Issue.record("\(item)"); break }
            ids.append(a.id)
            #expect(a.text.count == text.utf8.count)
        }
        #expect(ids == (0 ..< 3_000).map { "r\($0)" })
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
