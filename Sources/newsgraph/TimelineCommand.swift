import ArgumentParser
import Foundation
import NewsGraph

/// `newsgraph timeline ENTITY`: the events an entity takes part in, by date, each with its evidence.
struct TimelineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "List the events an entity takes part in (as agent, target or place), by date, with evidence.",
        discussion: """
            The same as `newsgraph query "timeline of ENTITY"`, but the whole argument is the name, so it may
            contain any word. ENTITY is matched like a query name: name, alias, initials or part of a name
            ("BLA", "Baru"); for a place, events at places inside it count too. For an event, the timeline
            is the event and every event causally linked to it. Undated events come last.

            Example:
              newsgraph timeline "Pakistan Army"
              newsgraph timeline BLA --format json
            """
    )

    /// Output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: ArgumentHelp("An entity name, alias or part of a name (or an event).", valueName: "ENTITY"))
    var words: [String]

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Option(help: ArgumentHelp("Show at most N events (default 100).", valueName: "N"))
    var limit: Int = 100

    @OptionGroup var store: StoreOptions

    func validate() throws {
        guard limit >= 1 else { throw ValidationError("--limit must be at least 1") }
        guard !words.joined().trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationError("give an entity name, e.g. newsgraph timeline \"Pakistan Army\"")
        }
    }

    func run() async throws {
        let name = words.joined(separator: " ").trimmingCharacters(in: .whitespaces)
        let prefix = "timeline of "
        let text = prefix + name
        // Build the query directly so that the name is never read as syntax.
        let start = SourceLocation(line: 1, column: prefix.count + 1, offset: prefix.count)
        let query = Query.timeline(of: NameReference(text: name, quoted: true, range: SourceRange(start: start, length: name.count)))
        let graph = try CLIError.wrap { try GraphStore(path: store.path, create: false).loadGraph() }
        let answer: QueryAnswer
        do {
            answer = try QueryEngine(graph: graph, defaultLimit: limit).evaluate(query, text: text)
        } catch {
            QueryOutput.fail(error)
        }
        try QueryOutput.print(answer, format: format == .json ? .json : .text, graph: graph)
    }
}
