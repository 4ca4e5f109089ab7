import Foundation
import NewsGraph
import Testing

/// The extraction result of every example article (`Examples/articles/*.txt`) compared with the committed
/// annotation JSON in `Tests/Golden/examples/<id>.json`: what `newsgraph extract --format annotation <file>`
/// prints. A change of extraction shows here as a diff; when it is on purpose, regenerate the files with
/// `scripts/update-golden.sh`, review the diff and commit it.
@Suite("Golden output")
struct GoldenOutputTests {
    static let goldenDir = Paths.root.appendingPathComponent("Tests/Golden/examples")

    /// The example articles, by name.
    static func articles() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: Paths.examples, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// The annotation JSON of each input, encoded as `newsgraph extract --format annotation` prints one file.
    static func annotations(_ inputs: [URL]) async throws -> [String: String] {
        var extractor = try Extractor.standard()
        extractor.hashesContent = false // as `newsgraph extract`
        let pipeline = IngestPipeline(extractor: extractor, reader: ArticleReader(maxBytes: 256 << 20, checksLanguage: true))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var out: [String: String] = [:]
        let root = Paths.root.path + "/"
        let failures = try await pipeline.extract(inputs.map(\.path), deliver: { graph in
            var graph = graph
            // the source as the script names it: relative to the package root
            if let source = graph.article.source, source.hasPrefix(root) { graph.article.source = String(source.dropFirst(root.count)) }
            out[graph.article.id] = String(decoding: try encoder.encode(Annotation(graph)), as: UTF8.self)
        })
        #expect(failures.isEmpty, "inputs that could not be read: \(failures.map(\.message))")
        return out
    }

    /// The first `limit` lines where two texts differ, with their line numbers.
    static func firstDifferences(expected: String, actual: String, limit: Int = 6) -> [String] {
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var out: [String] = []
        for i in 0..<max(e.count, a.count) where out.count < limit * 2 {
            let el = i < e.count ? String(e[i]) : "<end of file>", al = i < a.count ? String(a[i]) : "<end of output>"
            if el != al {
                out.append("  line \(i + 1) committed: \(el)")
                out.append("  line \(i + 1) extracted: \(al)")
            }
        }
        return out
    }

    @Test("Every example article extracts to its committed golden annotation JSON")
    func examplesMatchTheirGoldenFiles() async throws {
        let inputs = try Self.articles()
        #expect(inputs.count >= 10)
        let extracted = try await Self.annotations(inputs)
        let advice = "If extraction changed on purpose, run scripts/update-golden.sh, review `git diff Tests/Golden` and commit it."
        for input in inputs {
            let id = input.deletingPathExtension().lastPathComponent
            let golden = Self.goldenDir.appendingPathComponent(id + ".json")
            guard let committed = try? String(contentsOf: golden, encoding: .utf8) else {
                Issue.record("no golden file \(golden.path) for \(input.lastPathComponent). \(advice)")
                continue
            }
            let actual = try #require(extracted[id], "\(id) was not extracted")
            let expected = committed.hasSuffix("\n") ? String(committed.dropLast()) : committed
            if actual != expected {
                let diff = Self.firstDifferences(expected: expected, actual: actual).joined(separator: "\n")
                Issue.record("\(id): the extraction differs from \(golden.lastPathComponent):\n\(diff)\n\(advice)")
            }
        }
        let stale = try FileManager.default.contentsOfDirectory(atPath: Self.goldenDir.path)
            .filter { $0.hasSuffix(".json") && !inputs.map { $0.deletingPathExtension().lastPathComponent + ".json" }.contains($0) }
        #expect(stale.isEmpty, "golden files without an example article: \(stale). \(advice)")
    }

    @Test("The golden diff names the first differing lines of both texts")
    func diffMessage() {
        let d = Self.firstDifferences(expected: "a\nb\nc", actual: "a\nB\nc\nd")
        #expect(d == ["  line 2 committed: b", "  line 2 extracted: B", "  line 4 committed: <end of file>", "  line 4 extracted: d"])
    }
}
