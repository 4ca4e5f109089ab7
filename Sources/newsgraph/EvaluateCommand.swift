import ArgumentParser
import Foundation
import NewsGraph

/// `newsgraph evaluate --gold DIR`: extraction quality against gold annotations.
struct EvaluateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Extract every article that has a gold annotation and print precision, recall and F1.",
        discussion: """
            Gold files are the <id>.json files (SCHEMA.md) of --gold; the text of each is <id>.txt in --texts, \
            or next to the gold file. Measures: entities (with and without type), events, triples, each event \
            argument (agent, target, place, killed, injured, date) and causal links (with and without the \
            relation), strict and lenient, with the matching rules of the corpus scorer score.py:

            - Names match the gold name or an alias after normalisation (lower case; 's and the/a/an/of \
            dropped). Lenient also accepts a name holding all of a gold alias's words, or a shorter one \
            ending on its head word ("Baru" for "Sana Baru").
            - A predicted event aligns with an unused gold event of the same type sharing an agent, a target \
            or the place; arguments and causal links are scored through that alignment.

            Totals sum the counts over documents. A text that cannot be read counts as an empty prediction, \
            is reported, and makes the exit code 1.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(help: ArgumentHelp("Directory of gold annotations (<id>.json).", valueName: "DIR"))
    var gold: String

    @Option(help: ArgumentHelp("Directory of the texts (<id>.txt); default: the gold directory.", valueName: "DIR"))
    var texts: String?

    @Flag(name: .customLong("per-doc"), help: "Also print each document's scores.")
    var perDoc = false

    @Option(help: "Output format: text or json (score.py --json layout, plus \"documents\" with --per-doc).")
    var format: Format = .text

    @OptionGroup var extraction: ExtractionOptions

    func run() async throws {
        let extractor = try extraction.makeExtractor()
        let evaluator = Evaluator(extractor: extractor, reader: ArticleReader(maxBytes: extraction.maxArticleBytes),
                                  minConfidence: extraction.minConfidence)
        let report = try await CLIError.wrap {
            try await evaluator.evaluate(goldDir: gold, textsDir: texts, perDocument: perDoc)
        }
        for f in report.failures { printError(f) }
        switch format {
        case .json:
            Output.write(try Output.json(report, pretty: true))
        case .text:
            if perDoc {
                Output.line(report.perDocumentTable)
                Output.line("")
            }
            Output.line("\(report.count) document\(report.count == 1 ? "" : "s") from \(gold)")
            Output.line(report.table)
        }
        if !report.failures.isEmpty { throw ExitCode(1) }
    }
}
