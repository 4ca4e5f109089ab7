import Foundation
import NewsGraph

/// What `newsgraph --version` prints: the program's version, and the versions of the data it reads (the
/// bundled lexicons, whose version is also stored with every ingested article, and the parser model).
enum VersionInfo {
    /// The program's version.
    static let number = "0.1.0"

    /// `newsgraph 0.1.0`, then one line each for the lexicons and the parser model (or why they cannot be read).
    static func text() -> String {
        let lexicons: String
        do { lexicons = "lexicons \(try Lexicon.standard().version)" } catch { lexicons = "lexicons: \(error)" }
        let model: String
        do {
            let p = try SyntaxModel.bundled().provenance
            let name = [p.lang, p.name].compactMap { $0 }.joined(separator: "_")
            model = "parser model \(name.isEmpty ? "unnamed" : name) \(p.version ?? "(no version)")"
                + (p.license.map { " (\($0))" } ?? "")
        } catch {
            model = "parser model: \(error)"
        }
        return "newsgraph \(number)\n\(lexicons)\n\(model)"
    }
}
