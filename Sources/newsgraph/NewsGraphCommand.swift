import ArgumentParser

/// The `newsgraph` command: turns conflict-news articles into a knowledge graph, queries it, draws it.
@main
struct NewsGraphCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "newsgraph",
        abstract: "Turn news articles about armed conflict into a knowledge graph, query it, and draw it.",
        discussion: """
            The store is a SQLite file: ./newsgraph.sqlite by default, or --db PATH, or the NEWSGRAPH_DB \
            environment variable.

            Shell completion: newsgraph --generate-completion-script bash|zsh|fish (see the README).
            """,
        version: VersionInfo.number,
        subcommands: [
            // Keep one line per subcommand; each lives in its own file.
            ExtractCommand.self,
            ParseCommand.self,
            IngestCommand.self,
            ExportCommand.self,
            EvaluateCommand.self,
            ImportCommand.self,
            ExplainCommand.self,
            MergeCommand.self,
            SplitCommand.self,
            RemoveCommand.self,
            StatsCommand.self,
            RenderCommand.self,
            RenderWorkerCommand.self,
            QueryCommand.self,
            TimelineCommand.self,
        ]
    )

    /// `--version` alone prints the program's, the lexicons' and the parser model's versions
    /// (`VersionInfo`); everything else is ArgumentParser's.
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments == ["--version"] {
            print(VersionInfo.text())
            return
        }
        await main(nil)
    }
}
