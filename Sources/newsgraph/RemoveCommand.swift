import ArgumentParser
import Foundation
import NewsGraph

/// `newsgraph remove ID…`: retract articles from the store.
struct RemoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove articles and every fact only they supported.",
        discussion: """
            ARTICLE is the article id (the file stem, or the JSON Lines `id`). Facts that other articles \
            also state stay, with the other articles as evidence. All the given articles are removed in one \
            transaction. The exit code is 1 when an id is not in the store.

            Example:
              newsgraph remove story-kp-2-tajori-attack
            """
    )

    @Argument(help: ArgumentHelp("Article ids.", valueName: "ARTICLE"))
    var articles: [String]

    @OptionGroup var store: StoreOptions

    @Option(help: "Output format: text or json.")
    var format: ResolutionOutput.Format = .text

    func validate() throws {
        guard !articles.isEmpty else { throw ValidationError("give at least one article id") }
    }

    func run() async throws {
        let missing = try CLIError.wrap { () -> [String] in
            let s = try store.openForWriting()
            let removed = try s.remove(articles: articles)
            let missing = articles.filter { !removed.contains($0) }
            switch format {
            case .json:
                struct Result: Encodable { var removed: [String]; var notFound: [String] }
                Output.write(try Output.json(Result(removed: removed, notFound: missing), pretty: true))
            case .text:
                for id in removed { Output.line("removed \(id)") }
            }
            return missing
        }
        for id in missing { printError("no article '\(id)' in \(store.path)") }
        if !missing.isEmpty { throw ExitCode(1) }
    }
}
