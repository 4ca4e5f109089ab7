import ArgumentParser
import Foundation
import NewsGraph

/// `newsgraph export --format FORMAT`: the store's graph in another format.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the store's graph in another format.",
        discussion: "Formats:\n" + ExportFormat.all.map { "- \($0.name): \($0.summary)" }.joined(separator: "\n")
            + "\n\nThe annotation format holds each article's facts as extracted; the others hold the resolved graph "
            + "(entities and events merged across articles). `newsgraph import` reads annotation and GraphML back."
    )

    @Option(help: ArgumentHelp("Output format: \(ExportFormat.all.map(\.name).joined(separator: ", ")).", valueName: "FORMAT"))
    var format: String = "dot"

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (a directory for neo4j) instead of standard output.", valueName: "PATH"))
    var output: String?

    @OptionGroup var store: StoreOptions

    func validate() throws {
        guard ExportFormat.named(format) != nil else {
            throw ValidationError("unknown format '\(format)'; use one of \(ExportFormat.all.map(\.name).joined(separator: ", "))")
        }
    }

    func run() async throws {
        guard let format = ExportFormat.named(format) else { throw ExitCode(1) }
        try CLIError.wrap {
            let store = try self.store.openForReading()
            let input = ExportInput(store: store)
            if let output {
                try format.writeTo(input, URL(fileURLWithPath: output))
            } else if format.writesDirectory {
                throw ExportError("the \(format.name) export is a directory of files; give one with --output DIR")
            } else {
                try format.write(input) { FileHandle.standardOutput.write($0) }
            }
        }
    }
}
