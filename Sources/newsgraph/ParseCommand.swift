import ArgumentParser
import Foundation
import NewsGraph

/// `newsgraph parse FILE…`: part-of-speech tags and dependency trees, as CoNLL-U or JSON.
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Tag and parse articles: tokens, part-of-speech tags and dependency trees (CoNLL-U or JSON).",
        discussion: """
            The parser is a native port of spaCy's en_core_web_sm 3.8 tokenizer, tagger and dependency parser \
            (no Python, no download). Inputs are read as by `extract` (plain text, JSON Lines, directories); \
            a plain-text file is parsed whole, dateline included, so that offsets are offsets into the file.

            --format conllu prints Universal Dependencies CoNLL-U (XPOS = Penn tag, DEPREL = spaCy's label, \
            MISC TokenRange=start:end in Unicode scalars); json prints one object per article per line.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case conllu, json }

    @Argument(help: "Article files or directories.")
    var inputs: [String]

    @Option(help: "Output format: conllu or json.")
    var format: Format = .conllu

    @Option(name: .customLong("max-article-bytes"), help: "Largest input file read, in bytes.")
    var maxArticleBytes: Int = 256 << 20

    func run() throws {
        let parser = try CLIError.wrap { try SyntaxParser.bundled() }
        let reader = ArticleReader(maxBytes: maxArticleBytes)
        let files = try CLIError.wrap { try reader.files(inputs) }
        var failed = false
        for file in files {
            let articles: [Article]
            do { articles = try reader.read(file: file) } catch {
                printError("\(error)")
                failed = true
                continue
            }
            for article in articles {
                let text = String(decoding: article.text, as: UTF8.self)
                switch format {
                case .conllu:
                    var number = 1
                    parser.forEachChunk(of: text) { chunk in
                        let out = chunk.conllu(documentID: article.id, firstSentenceNumber: number)
                        number += chunk.sentences.count
                        FileHandle.standardOutput.write(Data(out.utf8))
                    }
                case .json:
                    Output.line(parser.parse(text).json(documentID: article.id))
                }
            }
        }
        if failed { throw ExitCode(1) }
    }
}
