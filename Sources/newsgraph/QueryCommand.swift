import ArgumentParser
import Foundation
import NewsGraph

/// `newsgraph query "QUERY"`: asks the store's graph a question in the query language
/// (`docs/query-language.md`).
struct QueryCommand: AsyncParsableCommand, QueryArgumentsKind {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Ask the graph a question: responses, causes, attackers, timelines, chains, paths, neighbours, events, entities, counts and sums.",
        discussion: """
            Natural forms (case-insensitive; "the", possessives and plurals are fine):
              response to Baru killing          what was the response to the killing of Sana Baru?
              cause of the Kalat attack         what caused the Kalat attack
              who attacked the camp in Kalat    attacks by BLA
              timeline of Pakistan Army
            Structured forms (quote names that contain to, via, and, or, by, where, depth, limit):
              chain from "killing of Sana Baru" via responded_to,caused depth 4
              path from "Sana Baru" to "Pakistan Army" [directed] [via located_in,agent]
              neighbours of BLA depth 2 where type = group
              events where place in Balochistan and date >= 2024-11-01 by date limit 20
              events where factuality = asserted and confidence >= 0.7 and article = story-1
              attacks by TTP in Bannu where date >= 2025-03
            Listing, counting and summing:
              entities where type = group       groups in Balochistan order by name
              count events by agent where type = attack
              sum killed by agent, month where type in (attack, bombing)
            Any name may be given as the id or key that --format json prints (n14, event:tarsa_attack:2025-03-01). Places contain the places located in them, in the graph and in the bundled lexicon (Kech is in Balochistan).

            Every step is printed with the sentence it was read from. When a name matches several nodes the best-scoring one is used, and a note names the others with their ids. Exit status: 0 with an answer (even an empty one), 1 when the query does not parse, a name matches nothing, or the store cannot be read. Grammar, scores and the JSON shape: docs/query-language.md.
            """
    )

    /// Output formats.
    enum Format: String, QueryArgumentsFormat {
        case text, json, csv, dot
    }

    static let wordsHelp = ArgumentHelp("The query (quote it, or give it as several words).", valueName: "QUERY")
    static let formatHelp: ArgumentHelp = "Output format: text, json, csv (the rows or groups as a table), or dot (the answer's subgraph as a Graphviz figure)."
    static let limitHelp = ArgumentHelp("Show at most N rows when the query gives no 'limit' (default 100).", valueName: "N")
    static let noWordsError = "give a query, e.g. newsgraph query \"response to Baru killing\""

    @OptionGroup var arguments: QueryArguments<QueryCommand>

    func run() async throws {
        let text = arguments.words.joined(separator: " ")
        // Parse before opening the store: a syntax error costs no graph load.
        let query: Query
        do {
            query = try QueryParser.parse(text)
        } catch {
            QueryOutput.fail(error)
        }
        let graph = try CLIError.wrap { try arguments.store.openForReading().loadGraph() }
        let places = try arguments.placeHierarchy()
        let answer: QueryAnswer
        do {
            answer = try QueryEngine(graph: graph, defaultLimit: arguments.limit, places: places())
                .evaluate(query, text: text)
        } catch {
            QueryOutput.fail(error)
        }
        try QueryOutput.print(answer, format: arguments.format, graph: graph)
    }
}

/// Printing answers and query errors (shared by `query` and `timeline`).
enum QueryOutput {
    /// Prints the error — the one-line message, then the query and a caret under the position — and exits with 1.
    static func fail(_ error: QueryError) -> Never {
        let lines = error.diagnostic.split(separator: "\n", omittingEmptySubsequences: false)
        var message = "newsgraph: " + (lines.first.map(String.init) ?? error.description) + "\n"
        for line in lines.dropFirst() { message += line + "\n" }
        FileHandle.standardError.write(Data(message.utf8))
        QueryCommand.exit(withError: ExitCode(1))
    }

    static func print(_ answer: QueryAnswer, format: QueryCommand.Format, graph: KnowledgeGraph) throws {
        switch format {
        case .text:
            Output.line(answer.text())
        case .json:
            Output.line(answer.json())
        case .csv:
            // The table alone on standard output; the notes (ambiguity, truncation) on standard error.
            FileHandle.standardOutput.write(Data(answer.csv().utf8))
            if !answer.notes.isEmpty {
                FileHandle.standardError.write(Data(answer.notes.map { "note: \($0)\n" }.joined().utf8))
            }
        case .dot:
            let dot = try CLIError.wrap {
                try DOTExport.dot(answer.subgraph(of: graph), options: FigureOptions(title: answer.title))
            }
            Output.line(dot)
        }
    }
}
