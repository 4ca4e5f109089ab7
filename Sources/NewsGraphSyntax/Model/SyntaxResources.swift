import Foundation

/// Finds the syntax resources (model weights, tokenizer rules) of an installed or a built newsgraph.
///
/// Looked for, in order: `NEWSGRAPH_RESOURCES/Model`, a `Model` folder beside the running binary,
/// `../share/newsgraph/Model` from the binary's folder (what `make install PREFIX=…` lays out), then the
/// build's resource bundle.
public enum SyntaxResources {
    /// The URL of a file of the model folder.
    public static func url(of file: String) throws -> URL {
        for dir in candidateFolders() {
            let url = dir.appendingPathComponent(file)
            if FileManager.default.fileExists(atPath: url.path) { return url }
        }
        throw SyntaxModelError.resourceMissing(file)
    }

    static func candidateFolders() -> [URL] {
        var dirs: [URL] = []
        if let env = ProcessInfo.processInfo.environment["NEWSGRAPH_RESOURCES"], !env.isEmpty {
            dirs.append(URL(fileURLWithPath: env).appendingPathComponent("Model"))
        }
        let exe = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        let binDir = exe.deletingLastPathComponent()
        dirs.append(binDir.appendingPathComponent("Model"))
        dirs.append(binDir.appendingPathComponent("../share/newsgraph/Model").standardizedFileURL)
        if let bundled = Bundle.module.url(forResource: "Model", withExtension: nil) {
            dirs.append(bundled)
        }
        return dirs
    }
}
