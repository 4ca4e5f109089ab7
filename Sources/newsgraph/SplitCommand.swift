import ArgumentParser
import Foundation
import NewsGraph

/// `newsgraph split NAME --article ID`: an analyst split of a node, persisted in the store.
struct SplitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "split",
        abstract: "Split records off an entity or event that resolution merged wrongly; kept for later ingests.",
        discussion: """
            The records to split off are chosen by article (--article, repeatable) and/or by the name the \
            article used (--name, repeatable); see `newsgraph explain NAME` for a node's records. They become \
            their own node, and no automatic rule will join them back (a later `merge` still can). \
            Splitting a node that an earlier `merge` made drops that merge.

            Example:
              newsgraph explain "security forces"
              newsgraph split "security forces" --article mmr-kyaukpyu-junta-release
              newsgraph merge --undo 4            # take a split back (ids from `newsgraph merge --list`)
            """
    )

    @Argument(help: "The name of the node to split.")
    var name: String

    @Option(name: .customLong("article"), help: ArgumentHelp("Split off the record from this article (repeatable).", valueName: "ID"))
    var articles: [String] = []

    @Option(name: .customLong("name"), help: ArgumentHelp("Split off the records that use this name (repeatable).", valueName: "NAME"))
    var recordNames: [String] = []

    @OptionGroup var store: StoreOptions
    @OptionGroup var filter: NodeFilterOptions

    @Option(help: "Output format: text or json.")
    var format: ResolutionOutput.Format = .text

    func validate() throws {
        guard !articles.isEmpty || !recordNames.isEmpty else {
            throw ValidationError("say which records to split off with --article ID or --name NAME (see `newsgraph explain \(name)`)")
        }
    }

    func run() async throws {
        try CLIError.wrap {
            let s = try store.openForWriting()
            let parts = try s.split(name, articles: articles, names: recordNames, type: try filter.entityType(), kind: try filter.nodeKind())
            if format == .text { Output.line("split '\(name)' into \(parts.count) node\(parts.count == 1 ? "" : "s"):") }
            try ResolutionOutput.print(parts, format: format)
        }
    }
}
