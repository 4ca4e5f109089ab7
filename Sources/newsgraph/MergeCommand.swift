import ArgumentParser
import Foundation
import NewsGraph

/// `newsgraph merge A B`: an analyst merge of two nodes, persisted in the store.
struct MergeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge two entities (or two events) that resolution kept apart; the merge is kept for later ingests.",
        discussion: """
            Each NAME must designate one node (exact normalised name or alias, else a unique partial match); \
            use --type or --kind when a name is shared. Entities of different types are never merged. \
            The override names the two nodes' records (article + name), so it survives re-ingest and \
            resolution changes; it stops applying if those articles are removed.

            Examples:
              newsgraph merge "Jamaat-ul-Ahrar" "JuA"
              newsgraph merge --list              # every merge and split, with its id
              newsgraph merge --undo 3            # remove override 3 (a merge or a split)
            """
    )

    @Argument(help: "The two names to merge.")
    var names: [String] = []

    @OptionGroup var store: StoreOptions
    @OptionGroup var filter: NodeFilterOptions

    @Flag(help: "List the stored overrides (merges and splits) instead of merging.")
    var list = false

    @Option(help: ArgumentHelp("Remove the override with this id (see --list).", valueName: "ID"))
    var undo: Int64?

    @Option(help: "Output format: text or json.")
    var format: ResolutionOutput.Format = .text

    func validate() throws {
        if list || undo != nil {
            guard names.isEmpty else { throw ValidationError("--list and --undo take no names") }
        } else if names.count != 2 {
            throw ValidationError("give exactly two names to merge (got \(names.count))")
        }
    }

    func run() async throws {
        try CLIError.wrap {
            let s = try store.openForWriting()
            if list {
                try OverrideOutput.list(try s.overrides(), format: format)
            } else if let id = undo {
                guard try s.removeOverride(id: id) else {
                    throw ValidationError("there is no override \(id); see `newsgraph merge --list`")
                }
                Output.line("removed override \(id)")
            } else {
                let merged = try s.merge(names[0], names[1], type: try filter.entityType(), kind: try filter.nodeKind())
                if format == .text { Output.line("merged '\(names[0])' and '\(names[1])':") }
                try ResolutionOutput.print([merged], format: format)
            }
        }
    }
}

/// Listing stored overrides.
enum OverrideOutput {
    static func list(_ overrides: [StoredOverride], format: ResolutionOutput.Format) throws {
        switch format {
        case .json:
            Output.write(try Output.json(overrides, pretty: true))
        case .text:
            if overrides.isEmpty { Output.line("no overrides"); return }
            for o in overrides { Output.line("\(o.id)\t\(o.createdAt)\t\(ResolutionOutput.describe(o.override))") }
        }
    }
}
