import ArgumentParser
import Foundation
import NewsGraph

/// `newsgraph timeline ENTITY`: the events an entity takes part in, by date, each with its evidence.
struct TimelineCommand: AsyncParsableCommand, QueryArgumentsKind {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "List the events an entity takes part in (as agent, target or place), by date, with evidence.",
        discussion: """
            The same as `newsgraph query "timeline of ENTITY"`, but the whole argument is the name, so it may contain any word. ENTITY is matched like a query name: name, alias, initials or part of a name ("BLA", "Baru"); for a place, events at places inside it count too. For an event, the timeline is the event and every event causally linked to it. Undated events come last.

            Example:
              newsgraph timeline "Pakistan Army"
              newsgraph timeline BLA --format json
              newsgraph timeline Balochistan --format csv > balochistan.csv
            """
    )

    /// Output formats.
    enum Format: String, QueryArgumentsFormat {
        case text, json, csv
    }

    static let wordsHelp = ArgumentHelp("An entity name, alias or part of a name (or an event).", valueName: "ENTITY")
    static let formatHelp: ArgumentHelp = "Output format: text, json or csv."
    static let limitHelp = ArgumentHelp("Show at most N events (default 100).", valueName: "N")
    static let noWordsError = "give an entity name, e.g. newsgraph timeline \"Pakistan Army\""

    @OptionGroup var arguments: QueryArguments<TimelineCommand>

    func run() async throws {
        let name = arguments.words.joined(separator: " ").trimmingCharacters(in: .whitespaces)
        let prefix = "timeline of "
        let text = prefix + name
        // Build the query directly so that the name is never read as syntax.
        let start = SourceLocation(line: 1, column: prefix.count + 1, offset: prefix.count)
        let query = Query.timeline(of: NameReference(text: name, quoted: true, range: SourceRange(start: start, length: name.count)))
        let graph = try CLIError.wrap { try arguments.store.openForReading().loadGraph() }
        let places = try arguments.placeHierarchy()
        let answer: QueryAnswer
        do {
            answer = try QueryEngine(graph: graph, defaultLimit: arguments.limit, places: places())
                .evaluate(query, text: text)
        } catch {
            QueryOutput.fail(error)
        }
        let format: QueryCommand.Format = switch arguments.format {
        case .text: .text
        case .json: .json
        case .csv: .csv
        }
        try QueryOutput.print(answer, format: format, graph: graph)
    }
}
