import Foundation
import NewsGraph
import Testing

/// Issue 13, item 1: article ids never collide. A JSON Lines record without `id` gets an id derived from its
/// text (not `<file>-<line>`), and an id used twice in one run for different texts is an error naming both places.
struct ArticleIDTests {
    static let jan = "Gunmen attacked a police checkpost in Zhob on Monday, killing two constables."
    static let feb = "Security forces raided a hideout near Daraban on Friday and arrested four suspects."

    /// `dir/jan/feed.jsonl` and `dir/feb/feed.jsonl`, one record each without an id.
    func twoFeeds(_ dir: URL) throws -> [String] {
        try [("jan", Self.jan), ("feb", Self.feb)].map { month, text in
            let folder = dir.appendingPathComponent(month)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let path = folder.appendingPathComponent("feed.jsonl").path
            FileManager.default.createFile(atPath: path, contents: Data("{\"text\": \"\(text)\"}\n".utf8))
            return path
        }
    }

    @Test("records without an id in two files of the same name are two articles, and a second ingest changes nothing")
    func sameFileNameDifferentTexts() async throws {
        let dir = try Paths.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let feeds = try twoFeeds(dir)
        var store = try GraphStore(path: dir.appendingPathComponent("s.sqlite").path)
        let pipeline = IngestPipeline(extractor: try Extractor.standard())
        let first = try await pipeline.ingest(feeds, into: &store)
        #expect(first.added == 2 && first.updated == 0 && first.failures.isEmpty, "\(first)")
        let ids = try store.contentHashes().keys.sorted()
        #expect(ids.count == 2)
        #expect(ids.contains { $0.hasPrefix("gunmen-attacked-a-police-checkpost-") }, "\(ids)")
        #expect(ids.contains { $0.hasPrefix("security-forces-raided-a-hideout-") }, "\(ids)")

        let again = try await pipeline.ingest(feeds.reversed(), into: &store)
        #expect(again.unchanged == 2 && again.added == 0 && again.updated == 0, "\(again)")
        #expect(try store.contentHashes().count == 2)
    }

    @Test("the derived id depends on the normalised text only")
    func contentIDIsTextOnly() {
        let a = Article.contentID(text: "Militants  attacked\na convoy in Kech. ")
        #expect(a == Article.contentID(text: "Militants attacked a convoy in Kech."))
        #expect(a != Article.contentID(text: "Militants attacked a convoy in Kalat."))
        #expect(a.hasPrefix("militants-attacked-a-convoy-in-"))
        #expect(a.count == "militants-attacked-a-convoy-in-".count + 12)
        #expect(Article.contentID(text: "— … —").hasPrefix("article-"))
        #expect(Article.contentID(text: "Tillabéri: ISSP ambushed").hasPrefix("tillaberi-issp-ambushed-"))
    }

    @Test("one id for two different texts in one run is an error naming both places; the first article is kept")
    func sameIDDifferentTextIsAnError() async throws {
        let dir = try Paths.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("a.jsonl").path, b = dir.appendingPathComponent("b.jsonl").path
        FileManager.default.createFile(atPath: a, contents: Data("{\"id\": \"x\", \"text\": \"\(Self.jan)\"}\n".utf8))
        FileManager.default.createFile(atPath: b, contents: Data("\n{\"id\": \"x\", \"text\": \"\(Self.feb)\"}\n".utf8))
        var sink = RecordingSink()
        let report = try await IngestPipeline(extractor: try Extractor.standard()).ingest([a, b], into: &sink)
        #expect(sink.articles.map(\.article.id) == ["x"])
        #expect(sink.articles.first?.article.source == a)
        let message = try #require(report.failures.first?.message)
        #expect(report.failures.count == 1)
        #expect(message.hasPrefix("\(b):2: id \"x\""), "\(message)")
        #expect(message.contains("\(a):1"), "\(message)")
    }

    @Test("the same text twice in one run is read once, with a note")
    func sameTextTwiceIsReadOnce() async throws {
        let dir = try Paths.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("dup.jsonl").path
        let line = "{\"text\": \"\(Self.jan)\"}\n"
        FileManager.default.createFile(atPath: path, contents: Data((line + line).utf8))
        var sink = RecordingSink()
        var notes: [String] = []
        let report = try await IngestPipeline(extractor: try Extractor.standard()).ingest([path], into: &sink) { event in
            if case .note(let n) = event { notes.append(n) }
        }
        #expect(report.articles == 1 && report.failures.isEmpty, "\(report)")
        #expect(notes.count == 1 && notes[0].hasPrefix("\(path):2: the same article as \(path):1"), "\(notes)")
    }

    @Test("Examples/articles.jsonl with the .txt versions in one run: three errors, the .txt versions kept")
    func examplesJSONLinesAndTextInOneRun() async throws {
        let jsonl = Paths.root.appendingPathComponent("Examples/articles.jsonl").path
        var sink = RecordingSink()
        let report = try await IngestPipeline(extractor: try Extractor.standard()).ingest([Paths.examples.path, jsonl], into: &sink)
        #expect(report.articles == 10)
        #expect(report.failures.count == 3, "\(report.failures)")
        #expect(report.failures.allSatisfy { $0.message.hasPrefix(jsonl + ":") && $0.message.contains(Paths.examples.path) })
        #expect(sink.articles.allSatisfy { $0.article.source?.hasSuffix(".txt") == true })
    }

    @Test("the CLI ingests two feeds of the same name as two articles and exits 0")
    func cliTwoFeeds() throws {
        let dir = try Paths.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let feeds = try twoFeeds(dir)
        let db = dir.appendingPathComponent("s.sqlite").path
        let first = try CLI.run(["ingest", "--db", db, "--no-cache-refresh"] + feeds)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("2 articles in \(db): 2 added"), "\(first.stdout)")
        let again = try CLI.run(["ingest", "--db", db, "--no-cache-refresh"] + feeds)
        #expect(again.stdout.contains("2 articles in \(db): 2 unchanged"), "\(again.stdout)")
    }
}
