import Foundation
import NewsGraphCore

/// Finds the syntax resources (model weights, tokenizer rules) of an installed, copied or built newsgraph:
/// the folder `Model` under `$NEWSGRAPH_RESOURCES`, `newsgraph-resources/` beside the binary,
/// `../share/newsgraph/` (what `make install PREFIX=…` lays out), SwiftPM's bundle beside the binary, or
/// the source tree (see `ResourceLocator` in NewsGraphCore, which the lexicons use the same way).
public enum SyntaxResources {
    static let locator = ResourceLocator(
        bundleName: "newsgraph_NewsGraphSyntax",
        sourceResources: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Resources").path
    )

    /// The URL of a file of the model folder.
    public static func url(of file: String) throws -> URL {
        guard let dir = locator.folder("Model") else { throw SyntaxModelError.resourceMissing("Model/" + file) }
        let url = dir.appendingPathComponent(file)
        guard FileManager.default.fileExists(atPath: url.path) else { throw SyntaxModelError.resourceMissing("Model/" + file) }
        return url
    }
}
