import ArgumentParser
import Foundation

/// What differs between the commands that share `QueryArguments` (`query`, `timeline`): the meaning of
/// the words, the output formats, and the help and error texts that say so.
protocol QueryArgumentsKind {
    /// The command's output formats.
    associatedtype Format: QueryArgumentsFormat
    static var wordsHelp: ArgumentHelp { get }
    static var formatHelp: ArgumentHelp { get }
    static var limitHelp: ArgumentHelp { get }
    /// The validation error when the words are missing or blank.
    static var noWordsError: String { get }
}

/// The output formats of a command with `QueryArguments`; `text` is the default.
protocol QueryArgumentsFormat: ExpressibleByArgument, CaseIterable {
    static var text: Self { get }
}

/// The arguments and the validation that `query` and `timeline` share: the words (a query or a name),
/// `--format`, `--limit` (at least 1) and the store.
struct QueryArguments<Kind: QueryArgumentsKind>: ParsableArguments {
    @Argument(help: Kind.wordsHelp)
    var words: [String]

    @Option(help: Kind.formatHelp)
    var format: Kind.Format = .text

    @Option(help: Kind.limitHelp)
    var limit: Int = 100

    @OptionGroup var store: StoreOptions

    func validate() throws {
        guard limit >= 1 else { throw ValidationError("--limit must be at least 1") }
        guard !words.joined().trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationError(Kind.noWordsError)
        }
    }
}
