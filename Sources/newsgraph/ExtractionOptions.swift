import ArgumentParser
import NewsGraph

/// Options shared by the commands that extract: user lexicons, the confidence floor, the size limit.
struct ExtractionOptions: ParsableArguments {
    @Option(name: .customLong("lexicon"), help: ArgumentHelp("A user lexicon file (TSV, see the README); repeatable.", valueName: "FILE"))
    var lexicons: [String] = []

    @Option(name: .customLong("min-confidence"), help: "Drop facts whose confidence is below this (0–1).")
    var minConfidence: Double = 0

    @Option(name: .customLong("max-article-bytes"), help: "Refuse input files larger than this many bytes.")
    var maxArticleBytes: Int = 256 << 20

    @Flag(name: .customLong("any-language"), help: "Read articles that look like another language than English (by default they are skipped with a warning: the extractor reads English only).")
    var anyLanguage = false

    /// The article reader of these options.
    func makeReader() -> ArticleReader {
        ArticleReader(maxBytes: maxArticleBytes, checksLanguage: !anyLanguage)
    }

    func validate() throws {
        guard (0...1).contains(minConfidence) else { throw ValidationError("--min-confidence must be between 0 and 1") }
        guard maxArticleBytes > 0 else { throw ValidationError("--max-article-bytes must be positive") }
    }

    func makeExtractor() throws -> Extractor {
        try CLIError.wrap { try Extractor.standard(userLexicons: lexicons) }
    }
}
