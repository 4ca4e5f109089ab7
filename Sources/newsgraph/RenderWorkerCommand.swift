import ArgumentParser
import NewsGraphRender

/// `newsgraph render-worker` (hidden): the child process of `newsgraph render`. Reads DOT on standard
/// input and writes the rendered bytes to standard output, with a time and memory limit set by its parent
/// (`IsolatedRenderer`), so that a Graphviz crash or hang never takes the user's `newsgraph` down.
struct RenderWorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: RenderWorker.subcommand,
        abstract: "Render DOT from standard input (used by `newsgraph render`; not for direct use).",
        shouldDisplay: false
    )

    @Argument(parsing: .captureForPassthrough, help: "The job, as written by IsolatedRenderer.")
    var job: [String] = []

    func run() throws {
        let status = RenderWorker.serve(arguments: job)
        if status != 0 { throw ExitCode(status) }
    }
}
