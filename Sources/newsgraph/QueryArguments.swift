import ArgumentParser
import Foundation
import NewsGraph

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

    @Option(name: .customLong("lexicon"), help: ArgumentHelp("A user lexicon file whose place records (PARENT field) add to the bundled containment of places; repeatable.", valueName: "FILE"))
    var lexicons: [String] = []

    @OptionGroup var store: StoreOptions

    /// Which place lies in which, from the PARENT fields of the bundled lexicon's (and the user lexicons')
    /// place records: `place in Balochistan` then also matches events in Kech. Read on first need only
    /// (`QueryEngine` evaluates it lazily); user lexicons are read now, so that their errors are reported.
    func placeHierarchy() throws -> @Sendable () -> PlaceHierarchy {
        if lexicons.isEmpty {
            return { (try? PlaceHierarchy(lexicon: Lexicon.standard())) ?? PlaceHierarchy() }
        }
        let places = try PlaceHierarchy(lexicon: CLIError.wrap { try Lexicon.standard(userFiles: lexicons) })
        return { places }
    }

    func validate() throws {
        guard limit >= 1 else { throw ValidationError("--limit must be at least 1") }
        guard !words.joined().trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationError(Kind.noWordsError)
        }
    }
}

extension PlaceHierarchy {
    /// The containment the PARENT fields of a lexicon's place records state.
    init(lexicon: Lexicon) {
        self.init()
        for e in lexicon.entities where e.type == .place {
            if let parent = e.parent { add(e.name, aliases: e.aliases, in: parent) }
        }
    }
}
