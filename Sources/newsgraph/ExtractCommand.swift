import ArgumentParser
import Foundation
import NewsGraph

/// `newsgraph extract FILE…`: extraction only, no store.
struct ExtractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract entities, events, triples and causal links from articles, without a store.",
        discussion: """
            Inputs are plain-text articles (with an optional ` date YYYY-MM-DD Place, Mon DD` dateline),
            JSON Lines files (one {"id", "text", "date"?, "title"?} object per line), or directories of them.
            --format annotation prints the corpus annotation JSON (SCHEMA.md), one object per line when
            there are several articles; triples prints tab-separated subject/predicate/object lines with
            their article; dot prints one Graphviz digraph per article.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case annotation, triples, dot }

    @Argument(help: "Article files or directories.")
    var inputs: [String]

    @Option(help: "Output format: annotation, triples or dot.")
    var format: Format = .annotation

    @OptionGroup var extraction: ExtractionOptions

    @Option(name: .customLong("output-dir"), help: ArgumentHelp("Write one <id>.json per article here instead of printing (annotation format).", valueName: "DIR"))
    var outputDir: String?

    func run() async throws {
        let extractor = try extraction.makeExtractor()
        let reader = ArticleReader(maxBytes: extraction.maxArticleBytes)
        let files = try CLIError.wrap { try reader.files(inputs) }
        if let dir = outputDir { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
        let pretty = files.count == 1 && outputDir == nil
        var failed = false
        for file in files {
            let articles: [Article]
            do { articles = try reader.read(file: file) } catch {
                printError("\(error)")
                failed = true
                continue
            }
            for article in articles {
                let graph = extractor.extract(article).filtered(minConfidence: extraction.minConfidence)
                switch format {
                case .annotation:
                    let data = try Output.json(Annotation(graph), pretty: pretty && articles.count == 1)
                    if let dir = outputDir {
                        try data.write(to: URL(fileURLWithPath: dir).appendingPathComponent(article.id + ".json"))
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
                    Output.line(ArticleDOT.dot(for: graph))
                }
            }
        }
        if failed { throw ExitCode(1) }
    }
}
