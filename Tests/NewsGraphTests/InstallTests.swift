import Foundation
import NewsGraph
import Testing

/// Issue 13, item 6: what a user who installs newsgraph meets first: `--version`, `--help` at any width, shell
/// completion, and a binary copied without its data.
struct InstallTests {
    @Test("--version gives the program's, the lexicons' and the parser model's versions")
    func version() throws {
        let r = try CLI.run(["--version"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(r.stdout)")
        #expect(lines.first?.hasPrefix("newsgraph 0.") == true)
        #expect(lines.dropFirst().first?.hasPrefix("lexicons builtin-") == true, "\(r.stdout)")
        #expect(lines.last?.hasPrefix("parser model en_core_web_sm") == true, "\(r.stdout)")
    }

    @Test("help text is wrapped by ArgumentParser at the terminal width, not by hand", arguments: [
        [String](), ["extract"], ["parse"], ["ingest"], ["export"], ["import"], ["explain"], ["merge"], ["split"], ["remove"], ["stats"],
    ])
    func helpIsNotHardWrapped(_ command: [String]) throws {
        let r = try CLI.run(command + ["--help"], environment: ["COLUMNS": "400"])
        #expect(r.status == 0, "\(r.stderr)")
        // At 400 columns, a paragraph is one line: a short prose line followed directly by another prose line
        // (neither indented, a list item or a heading) means the text was broken by hand.
        let lines = r.stdout.components(separatedBy: "\n")
        for (a, b) in zip(lines, lines.dropFirst()) where !a.isEmpty && !b.isEmpty {
            let prose = { (l: String) in !l.hasPrefix(" ") && !l.hasPrefix("- ") && !l.hasSuffix(":") && l.uppercased() != l }
            #expect(!(prose(a) && prose(b) && a.count < 300), "hard-wrapped in `newsgraph \(command.joined(separator: " ")) --help`:\n\(a)\n\(b)")
        }
        let narrow = try CLI.run(command + ["--help"], environment: ["COLUMNS": "80"])
        let wide = narrow.stdout.components(separatedBy: "\n").filter { $0.count > 80 && !$0.hasPrefix("USAGE:") }
        #expect(wide.isEmpty, "lines over 80 columns at COLUMNS=80: \(wide)")
    }

    @Test("shell completion scripts are generated for bash, zsh and fish", arguments: ["bash", "zsh", "fish"])
    func completion(_ shell: String) throws {
        let r = try CLI.run(["--generate-completion-script", shell])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("ingest") && r.stdout.contains("export"))
    }

    @Test("a binary copied without its data says which variable to set; with it, it works anywhere")
    func copiedBinary() throws {
        guard let built = CLI.binary else { Issue.record("no newsgraph binary"); return }
        let dir = try Paths.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let exe = dir.appendingPathComponent("newsgraph")
        try FileManager.default.copyItem(at: built, to: exe)
        let article = dir.appendingPathComponent("a.txt")
        try Data("Gunmen attacked a police checkpost in Zhob on Monday, killing two constables.".utf8).write(to: article)

        let bare = try CLI.run(["extract", article.path], in: dir, executable: exe)
        #expect(bare.status == 1)
        #expect(bare.stderrLines.count == 1 && bare.stderr.contains("NEWSGRAPH_RESOURCES"), "\(bare.stderr)")

        let data = dir.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: data.appendingPathComponent("Lexicons"),
                                                   withDestinationURL: Paths.root.appendingPathComponent("Sources/NewsGraphExtraction/Resources/Lexicons"))
        try FileManager.default.createSymbolicLink(at: data.appendingPathComponent("Model"),
                                                   withDestinationURL: Paths.root.appendingPathComponent("Sources/NewsGraphSyntax/Resources/Model"))
        let set = try CLI.run(["extract", article.path], in: dir, environment: ["NEWSGRAPH_RESOURCES": data.path], executable: exe)
        #expect(set.status == 0, "\(set.stderr)")
        #expect(set.stderr.isEmpty && set.stdout.contains("Zhob"), "\(set.stdout)\n\(set.stderr)")
    }

    @Test("the README's quick tour runs on files that ship in the repository")
    func quickTourUsesShippedFiles() throws {
        let readme = try String(contentsOf: Paths.root.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "## Quick tour"))
        let end = try #require(readme.range(of: "\n## ", range: start.upperBound ..< readme.endIndex))
        let commands = readme[start.upperBound ..< end.lowerBound].split(separator: "\n").filter { $0.hasPrefix("$ newsgraph ") }
        #expect(commands.count >= 3)
        #expect(commands.first?.hasPrefix("$ newsgraph ingest Examples/") == true, "\(commands)")
        for command in commands {
            for word in command.split(separator: " ") where word.contains("/") && !word.hasPrefix("-") {
                #expect(!word.hasPrefix(".."), "the tour needs a file outside the repository: \(command)")
                #expect(FileManager.default.fileExists(atPath: Paths.root.appendingPathComponent(String(word)).path), "\(word) in \(command)")
            }
        }
    }

    @Test("the man page is generated from the help, with every command", .enabled(if: Paths.hasPython, "needs python3"))
    func manPage() throws {
        guard let built = CLI.binary else { Issue.record("no newsgraph binary"); return }
        let dir = try Paths.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let page = dir.appendingPathComponent("newsgraph.1")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", Paths.root.appendingPathComponent("scripts/gen-manpage.py").path, "--binary", built.path,
                       "-o", page.path, "--date", "2026-01-01"]
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        let text = try String(contentsOf: page, encoding: .utf8)
        #expect(text.hasPrefix(".TH \"NEWSGRAPH\" \"1\" \"2026-01-01\""))
        for command in ["extract", "parse", "ingest", "export", "import", "query", "render", "timeline", "stats"] {
            #expect(text.contains(".SS newsgraph \(command)"), "\(command)")
        }
        #expect(text.contains("NEWSGRAPH_RESOURCES") && text.contains("\\-\\-any\\-language"))
    }
}
