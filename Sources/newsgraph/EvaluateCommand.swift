import ArgumentParser
import Foundation
import NewsGraph
import NewsGraphEvaluation

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
    var gold: String?

    @Option(help: ArgumentHelp("Causal News Corpus subtask-1 JSON Lines ({\"text\", \"causal\"}): sentence-level causal detection.", valueName: "FILE"))
    var cnc: String?

    @Option(name: .customLong("dump-features"), help: ArgumentHelp(
        "With --cnc: write each sentence's causal-model features (TSV: id, label, indexes, names) for scripts/train-causal.py instead of scoring.",
        valueName: "FILE", visibility: .hidden))
    var dumpFeatures: String?

    @Option(help: ArgumentHelp("PETRARCH2 validation records (JSON Lines): are the expected source and target found as agent and target?", valueName: "FILE"))
    var petrarch: String?

    func validate() throws {
        let given = [gold, cnc, petrarch].compactMap { $0 }.count
        guard given == 1 else { throw ValidationError("give exactly one of --gold DIR, --cnc FILE or --petrarch FILE") }
        if dumpFeatures != nil && cnc == nil { throw ValidationError("--dump-features needs --cnc FILE") }
    }

    @Option(help: ArgumentHelp("Directory of the texts (<id>.txt); default: the gold directory.", valueName: "DIR"))
    var texts: String?

    @Flag(name: .customLong("per-doc"), help: "Also print each document's scores.")
    var perDoc = false

    @Option(help: "Output format: text or json (score.py --json layout, plus \"documents\" with --per-doc).")
    var format: Format = .text

    @OptionGroup var extraction: ExtractionOptions

    func run() async throws {
        var extractor = try extraction.makeExtractor()
        extractor.hashesContent = false // this output carries no content hash (only the store needs it)
        if let cnc {
            try evaluateCNC(cnc, extractor: extractor)
            return
        }
        if let petrarch {
            let report = try CLIError.wrap { try PetrarchEvaluation(extractor: extractor).run(path: petrarch) }
            switch format {
            case .json: Output.write(try Output.json(report, pretty: true))
            case .text:
                Output.line("PETRARCH2 records in \(petrarch): \(report.records) enabled")
                Output.line(String(format: "source and target found: %.1f%% of all, %.1f%% of conflict-coded records", report.share * 100, report.shareInScope * 100))
                for (k, v) in report.counts.sorted(by: { $0.value > $1.value }) { Output.line("  \(v)\t\(k)") }
            }
            return
        }
        guard let gold else { return }
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
