import Foundation
import NewsGraph
import NewsGraphEvaluation
import Testing

/// Paths of the package and of the shared corpus (`../shared`, next to the package; absent on CI machines
/// that do not have it, in which case the tests that need it are skipped).
enum Paths {
    /// The package root, from this file's location (`Tests/NewsGraphTests/Support.swift`).
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let examples = root.appendingPathComponent("Examples/articles")
    static let shared = root.deletingLastPathComponent().appendingPathComponent("shared")
    static let seedDir = shared.appendingPathComponent("corpus/seed")
    static let seedText = seedDir.appendingPathComponent("kalat-2024-11-16.txt")
    static let seedGold = seedDir.appendingPathComponent("kalat-2024-11-16.json")
    static let devDir = shared.appendingPathComponent("corpus/dev")
    static let realDir = shared.appendingPathComponent("corpus/real")
    static let scorePy = shared.appendingPathComponent("tools/score.py")

    static var hasSharedCorpus: Bool {
        FileManager.default.fileExists(atPath: seedText.path) && FileManager.default.fileExists(atPath: seedGold.path)
    }

    static var hasRealCorpus: Bool {
        (try? FileManager.default.contentsOfDirectory(atPath: realDir.path).contains { $0.hasSuffix(".json") }) ?? false
    }

    static var hasPython: Bool { which("python3") != nil }

    static func which(_ program: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let p = "\(dir)/\(program)"
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return nil
    }

    /// A new empty temporary directory.
    static func tempDir(_ name: String = #function) throws -> URL {
        let safe = name.filter { $0.isLetter || $0.isNumber }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("newsgraph-tests-\(safe)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// The `newsgraph` executable built next to the test bundle (`swift build`/`swift test` put both in the
/// same products directory).
enum CLI {
    static let binary: URL? = {
        var dirs: [URL] = []
        if let arg0 = CommandLine.arguments.first {
            dirs.append(URL(fileURLWithPath: arg0).resolvingSymlinksInPath().deletingLastPathComponent())
        }
        dirs.append(Bundle.main.bundleURL)
        dirs.append(Bundle.main.bundleURL.deletingLastPathComponent())
        for b in Bundle.allBundles { dirs.append(b.bundleURL.deletingLastPathComponent()) }
        if let exe = Bundle.main.executableURL { dirs.append(exe.deletingLastPathComponent()) }
        for d in dirs {
            let candidate = d.appendingPathComponent("newsgraph")
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDir), !isDir.boolValue,
               FileManager.default.isExecutableFile(atPath: candidate.path) {
                return candidate
            }
        }
        return nil
    }()

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var stderrLines: [String] { stderr.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) }
    }

    /// Runs `newsgraph args…` in `directory` with `NEWSGRAPH_DB` unset (tests pass `--db`) and `environment`
    /// added; `executable` replaces the built binary (a copy of it, as installed).
    static func run(_ args: [String], in directory: URL? = nil, environment: [String: String] = [:],
                    executable: URL? = nil) throws -> Result {
        guard let binary = executable ?? binary else {
            Issue.record("the newsgraph executable was not found next to the test bundle (\(CommandLine.arguments.first ?? "?")); run `swift build` first")
            throw CLIMissing()
        }
        let p = Process()
        p.executableURL = binary
        p.arguments = args
        if let directory { p.currentDirectoryURL = directory }
        var env = ProcessInfo.processInfo.environment
        env["NEWSGRAPH_DB"] = nil
        for (k, v) in environment { env[k] = v }
        p.environment = env
        // Outputs go to temporary files: no pipe can fill up and block the child.
        let dir = FileManager.default.temporaryDirectory
        let outURL = dir.appendingPathComponent("newsgraph-out-\(UUID().uuidString)")
        let errURL = dir.appendingPathComponent("newsgraph-err-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        p.standardOutput = out
        p.standardError = err
        try p.run()
        p.waitUntilExit()
        try? out.close()
        try? err.close()
        return Result(status: p.terminationStatus, stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    struct CLIMissing: Error {}
}

/// A sink that records what the pipeline commits, over an in-memory graph.
struct RecordingSink: ArticleSink {
    var graph = KnowledgeGraph()
    var batches: [[ArticleGraph]] = []
    /// Article ids whose batch fails with an article error (as the store's `invalidArticle`).
    var invalid: Set<String> = []

    struct Invalid: Error, CustomStringConvertible {
        var id: String
        var description: String { "article '\(id)' cannot be stored" }
    }

    mutating func ingest(batch: [ArticleGraph]) throws -> [IngestOutcome] {
        if let bad = batch.first(where: { invalid.contains($0.article.id) }) { throw Invalid(id: bad.article.id) }
        batches.append(batch)
        return graph.ingest(batch)
    }

    func isArticleError(_ error: any Error) -> Bool { error is Invalid }

    var articles: [ArticleGraph] { batches.flatMap { $0 } }
}

extension Scorer.Scores {
    func f1(_ measure: String) -> Double { self[measure]?.f1 ?? 0 }
}
