import Foundation
import NewsGraph
import Testing

/// `import` (annotation JSON → store) and `export` (store → DOT, annotation JSON).
struct ImportExportTests {
    func write(_ text: String, _ name: String, in dir: URL) -> String {
        let url = dir.appendingPathComponent(name)
        FileManager.default.createFile(atPath: url.path, contents: Data(text.utf8))
        return url.path
    }

    @Test func goldAnnotationsImportIntoAStoreAndAgainChangeNothing() async throws {
        let dir = try Paths.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try GraphStore(path: dir.appendingPathComponent("s.sqlite").path)
        var sink = store
        let golds = try FileManager.default.contentsOfDirectory(atPath: Paths.examples.path).filter { $0.hasSuffix(".json") }.sorted()
        let report = try await AnnotationImporter().importFiles([Paths.examples.path], into: &sink)
        #expect(report.succeeded, "\(report.failures)")
        #expect(report.added == golds.count)
        let again = try await AnnotationImporter().importFiles([Paths.examples.path], into: &sink)
        #expect(again.unchanged == golds.count)
        // The imported facts are the gold facts.
        let stored = try store.loadArticles()
        let gold = try JSONDecoder().decode(Annotation.self, from: Data(contentsOf: Paths.examples.appendingPathComponent(golds[0])))
        let back = try #require(stored.first { $0.article.id == gold.id })
        #expect(Set(Annotation(back).triples) == Set(gold.triples))
        #expect(back.events.count == gold.events.count)
        #expect(back.lexiconVersion == "annotation")
    }

    @Test func importReadsPrettyObjectsArraysAndJSONLines() throws {
        let dir = try Paths.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let one = #"{"id":"a","entities":[{"name":"BLA","type":"group"},{"name":"FC","type":"unit"}],"triples":[["BLA","attacked","FC"]]}"#
        let two = #"{"id":"b","entities":[{"name":"Kalat","type":"place"}]}"#
        let pretty = write("{\n  \"id\": \"p\",\n  \"entities\": [\n    {\"name\": \"Kech\", \"type\": \"place\"}\n  ]\n}\n", "pretty.json", in: dir)
        let array = write("[\(one),\(two)]", "array.json", in: dir)
        let lines = write(one + "\n\n" + two + "\n", "lines.jsonl", in: dir)
        let reader = AnnotationReader()
        #expect(try reader.read(file: pretty).map(\.article.id) == ["p"])
        #expect(try reader.read(file: array).map(\.article.id) == ["a", "b"])
        #expect(try reader.read(file: lines).map(\.article.id) == ["a", "b"])
        #expect(try reader.read(file: lines)[0].triples.first?.predicate == .attacked)
    }

    @Test func importErrorsNameTheFileAndSayWhatIsWrong() throws {
        let dir = try Paths.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cases: [(String, String, String)] = [
            (#"{"id":"x","entities":[{"name":"A","type":"group"},{"name":"B","type":"unit"}],"triples":[["A","bombed","B"]]}"#, "predicate.json", "unknown predicate 'bombed'"),
            (#"{"id":"x","entities":[{"name":"A","type":"militia"}]}"#, "type.json", "unknown type"),
            (#"{"id":"x","entities":[{"name":"A","type":"group"}],"events":[{"id":"e","type":"attack","trigger":"t","agent":["Q"]}]}"#, "dangling.json", "'Q'"),
            ("{\"id\": \"x\", \"entities\": [", "truncated.json", "malformed JSON"),
            (#"{"id":"a","entities":[]}"# + "\n" + #"{"entities":[]}"#, "lines.jsonl", "lines.jsonl:2: missing field \"id\""),
            ("", "empty.json", "empty"),
            ("hello", "text.json", "not annotation JSON"),
        ]
        for (text, name, expected) in cases {
            let path = write(text, name, in: dir)
            do {
                _ = try AnnotationReader().read(file: path)
                Issue.record("\(name) was accepted")
            } catch {
                #expect(error.path == path)
                #expect(error.message.hasPrefix(path), "\(error.message)")
                #expect(error.message.contains(expected), "\(name): \(error.message)")
                #expect(!error.message.contains("\n"))
            }
        }
    }

    @Test func annotationExportGivesOneSchemaObjectPerArticleThatImportsBack() async throws {
        let dir = try Paths.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        var store = try GraphStore(path: dir.appendingPathComponent("s.sqlite").path)
        _ = try await IngestPipeline(extractor: try Extractor.standard()).ingest([Paths.examples.path], into: &store)
        var out = Data()
        try ExportFormat.annotation.write(ExportInput(store: store)) { out.append($0) }
        let lines = String(decoding: out, as: UTF8.self).split(separator: "\n")
        #expect(lines.count == PipelineTests.exampleFiles.count)
        let decoded = try lines.map { try JSONDecoder().decode(Annotation.self, from: Data($0.utf8)) }
        #expect(decoded.map(\.id) == decoded.map(\.id).sorted())
        // Back into a second store: the same triples per article.
        let file = write(String(decoding: out, as: UTF8.self), "export.jsonl", in: dir)
        var second = try GraphStore(path: dir.appendingPathComponent("t.sqlite").path)
        let report = try await AnnotationImporter().importFiles([file], into: &second)
        #expect(report.succeeded, "\(report.failures)")
        let reimported = try second.loadArticles()
        for (a, b) in zip(decoded, reimported.map(Annotation.init)) {
            #expect(a.id == b.id)
            #expect(Set(a.triples) == Set(b.triples))
            #expect(Set(a.causal) == Set(b.causal))
        }
    }

    @Test func dotExportAndArticleDOTGiveDigraphs() throws {
        let articles = try ArticleReader().read(file: PipelineTests.exampleFiles[0])
        let graph = try Extractor.standard().extract(try #require(articles.first))
        let dot = try ArticleDOT.dot(for: graph)
        #expect(dot.hasPrefix("digraph"))
        #expect(dot.contains(graph.article.id))
        var out = Data()
        try ExportFormat.dot.write(ExportInput(articles: [graph])) { out.append($0) }
        #expect(String(decoding: out, as: UTF8.self).hasPrefix("digraph"))
        #expect(ExportFormat.named("DOT")?.name == "dot")
        #expect(ExportFormat.named("graphml") == nil || ExportFormat.all.contains { $0.name == "graphml" })
    }
}
