import ArgumentParser
import Foundation
import NewsGraph

/// `newsgraph import FILE…`: annotation JSON from any extractor into the store.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Add annotation JSON (SCHEMA.md) or GraphML files to the store, so that facts from other tools join the graph.",
        discussion: """
            Each file holds one annotation object, a JSON array of them, or one object per line (JSON Lines), \
            in the format of `newsgraph extract --format annotation` and the corpus SCHEMA.md: entities with \
            types, [subject, predicate, object] triples, events, and [from, relation, to] causal links. \
            Another extractor's or a language model's output can be imported the same way. GraphML files \
            (*.graphml: newsgraph's own export, or a graph edited in yEd or Gephi, or written by networkx) \
            become one article each; what had to be guessed (a missing type) is printed as a note. \
            Directories are read for their *.json, *.jsonl and *.graphml files.

            Unknown types or predicates, and triples or events naming an entity the file does not define, are \
            errors that name the file; the other files are still imported, and the exit code is 1. Importing \
            the same annotation again changes nothing.

            At the end the store is resolved once and its graph cache (<store>.graphcache) is written, so that \
            the next command opens the graph without resolving it again (--no-cache-refresh skips this).
            """
    )

    @Argument(help: ArgumentHelp("Annotation JSON or GraphML files, or directories.", valueName: "FILE"))
    var inputs: [String]

    @OptionGroup var store: StoreOptions

    @OptionGroup var ingestRun: IngestRunOptions

    func run() async throws {
        let inputs = self.inputs
        try await ingestRun.run(store: store) { sink, progress in
            try await AnnotationImporter().importFiles(inputs, into: &sink, progress: progress)
        }
    }
}
