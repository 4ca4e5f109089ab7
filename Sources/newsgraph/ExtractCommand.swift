import ArgumentParser
import Foundation
import NewsGraph

/// `newsgraph extract FILE…`: extraction only, no store.
struct ExtractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract entities, events, triples and causal links from articles, without a store.",
        discussion: """
            Inputs are plain-text articles (with an optional ` date YYYY-MM-DD Place, Mon DD` dateline), \
            JSON Lines files (one {"id", "text", "date"?, "title"?} object per line), or directories of them. \
            --format annotation prints the corpus annotation JSON (SCHEMA.md), one object per line when \
            there are several articles; triples prints tab-separated subject/predicate/object lines with \
            their article; dot prints one Graphviz digraph per article.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case annotation, triples, dot }

    @Argument(help: "Article files or directories.")
    var inputs: [String]

    @Option(help: "Output format: annotation, triples or dot.")
    var format: Format = .annotation

    @OptionGroup var extraction: ExtractionOptions

    @Option(name: .customLong("output-dir"), help: ArgumentHelp("Write one <id>.json (or <id>.dot) per article here instead of printing.", valueName: "DIR"))
    var outputDir: String?

    func run() async throws {
        var extractor = try extraction.makeExtractor()
        extractor.hashesContent = false // this output carries no content hash (only the store needs it)
        let reader = extraction.makeReader()
        if let dir = outputDir {
            try CLIError.wrap { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
        }
        // Pretty-print only the one article of a single plain-text file.
        var isDir: ObjCBool = false
        let pretty = outputDir == nil && inputs.count == 1
            && FileManager.default.fileExists(atPath: inputs[0], isDirectory: &isDir) && !isDir.boolValue
            && !["jsonl", "ndjson"].contains((inputs[0] as NSString).pathExtension.lowercased())
        let pipeline = IngestPipeline(extractor: extractor, reader: reader, minConfidence: extraction.minConfidence)
        let format = self.format
        let outputDir = self.outputDir
        let failures = try await CLIError.wrap {
            try await pipeline.extract(inputs, deliver: { graph in
                try Self.write(graph, format: format, pretty: pretty, outputDir: outputDir)
            }, failed: { printError($0.message) }, noted: { printError($0.hasPrefix("warning: ") ? $0 : "note: " + $0) })
        }
        if !failures.isEmpty { throw ExitCode(1) }
    }

    static func write(_ graph: ArticleGraph, format: Format, pretty: Bool, outputDir: String?) throws {
        switch format {
        case .annotation:
            let data = try Output.json(Annotation(graph), pretty: pretty)
            if let dir = outputDir {
                try OutputFile.write(data, to: Self.file(in: dir, for: graph.article.id, extension: "json"))
            } else {
                Output.write(data)
            }
        case .triples:
            for t in graph.triples where t.factuality != .denied {
                Output.line([graph.article.id, t.subject, t.predicate.rawValue, t.object, String(t.confidence)].map(Output.tsvField).joined(separator: "\t"))
            }
            for c in graph.causal {
                Output.line([graph.article.id, c.from, c.relation.rawValue, c.to, String(c.confidence)].map(Output.tsvField).joined(separator: "\t"))
            }
        case .dot:
            let text = try ArticleDOT.dot(for: graph)
            if let dir = outputDir {
                try OutputFile.write(Data(text.utf8), to: Self.file(in: dir, for: graph.article.id, extension: "dot"))
            } else {
                Output.line(text)
            }
        }
    }

    /// The output file of an article: always directly inside `dir` (ids such as `../x` or `/tmp/x` are made
    /// safe file names, with a note).
    static func file(in dir: String, for id: String, extension ext: String) -> String {
        let path = SafeFileName.path(in: dir, id: id, fileExtension: ext)
        if !SafeFileName.isSafe(id) {
            printError("note: the article id '\(Output.shownID(id))' is not a safe file name; written as \(path)")
        }
        return path
    }
}

extension Output {
    /// An id as it can be printed on one line: control characters as `\u{…}`, at most 120 characters.
    static func shownID(_ id: String) -> String {
        var out = ""
        for (i, u) in id.unicodeScalars.enumerated() {
            if i == 120 { out += "…"; break }
            if u.value < 0x20 || (0x7F ... 0x9F).contains(u.value) { out += "\\u{\(String(u.value, radix: 16, uppercase: true))}" } else { out.unicodeScalars.append(u) }
        }
        return out
    }
}
