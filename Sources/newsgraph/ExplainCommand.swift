import ArgumentParser
import Foundation
import NewsGraph

/// `newsgraph explain NAME`: why an entity or event node is what it is.
struct ExplainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show how an entity or event was resolved: its names, articles and the rules that merged them.",
        discussion: """
            NAME is matched like a query name: the exact normalised name or alias first (case, accents, \
            hyphens, "'s" and particles such as "-e-" or "al-" ignored), otherwise every node whose name \
            contains it. Event ids from the articles ("tajori_attack") work too.

            Example:
              newsgraph explain BLA
              Baloch Liberation Army (group, node n12): 3 articles
                names: Baloch Liberation Army, BLA
                records: 'Baloch Liberation Army' in kalat-1, 'BLA' in kalat-2, ...
                merges:
                  alias    'Baloch Liberation Army' in kalat-1 + 'BLA' in kalat-2: both are called 'BLA' ...
            """
    )

    @Argument(help: "An entity name or alias, or an event id.")
    var name: String

    @OptionGroup var store: StoreOptions
    @OptionGroup var filter: NodeFilterOptions

    @Option(help: "Output format: text or json.")
    var format: ResolutionOutput.Format = .text

    func run() async throws {
        try CLIError.wrap {
            let s = try store.openForReading()
            let explanations = try s.explain(name: name, type: try filter.entityType(), kind: try filter.nodeKind())
            try ResolutionOutput.print(explanations, format: format)
        }
    }
}

/// `--type` and `--kind`, to pick one node when a name is shared.
struct NodeFilterOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Only entities of this type (\(EntityType.allCases.map(\.rawValue).joined(separator: ", "))).", valueName: "TYPE"))
    var type: String?

    @Option(help: ArgumentHelp("Only entities or only events.", valueName: "entity|event"))
    var kind: String?

    func entityType() throws -> EntityType? {
        guard let type else { return nil }
        guard let t = EntityType(rawValue: type.lowercased()) else {
            throw ValidationError("unknown entity type '\(type)'; use one of \(EntityType.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return t
    }

    func nodeKind() throws -> NodeKind? {
        guard let kind else { return try entityType() == nil ? nil : .entity }
        guard let k = NodeKind(rawValue: kind.lowercased()) else { throw ValidationError("--kind is 'entity' or 'event', not '\(kind)'") }
        return k
    }

    func validate() throws {
        _ = try entityType()
        _ = try nodeKind()
    }
}

/// Printing resolution explanations as text or JSON (shared by explain, merge and split).
enum ResolutionOutput {
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    static func print(_ explanations: [ResolutionExplanation], format: Format) throws {
        switch format {
        case .json:
            Output.write(try Output.json(explanations, pretty: true))
        case .text:
            Output.line(explanations.map(text).joined(separator: "\n"))
        }
    }

    static func text(_ x: ResolutionExplanation) -> String {
        var lines = ["\(x.name) (\(x.type), node \(x.node)): \(x.articles.count) article\(x.articles.count == 1 ? "" : "s")"]
        if !x.names.isEmpty { lines.append("  names: " + x.names.joined(separator: ", ")) }
        lines.append("  records:")
        for r in x.records { lines.append("    \(r.article): '\(r.key)'") }
        if !x.merges.isEmpty {
            lines.append("  merges:")
            let width = x.merges.map(\.rule.rawValue.count).max() ?? 0
            for m in x.merges {
                let rule = m.rule.rawValue.padding(toLength: width, withPad: " ", startingAt: 0)
                lines.append("    \(rule)  \(m.left) + \(m.right): \(m.detail)")
            }
        }
        if !x.overrides.isEmpty {
            lines.append("  analyst overrides:")
            for o in x.overrides { lines.append("    " + describe(o)) }
        }
        return lines.joined(separator: "\n")
    }

    static func describe(_ o: ResolutionOverride) -> String {
        switch o {
        case .merge(let a, let b):
            return "merge \(a) + \(b)"
        case .split(let keep, let detach):
            return "split \(detach.map(\.description).joined(separator: ", ")) away from \(keep.map(\.description).joined(separator: ", "))"
        }
    }
}
