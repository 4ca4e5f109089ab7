import Foundation
import Testing

/// `newsgraph parse`, and an installed copy of the binary finding its data.
struct ParseCommandTests {
    static let text = """
        Gunmen attacked a police post in the town on Monday, killing two officers.
        The army said troops later arrested four suspects.

        """

    func writeText(in dir: URL) throws -> URL {
        let file = dir.appendingPathComponent("post.txt")
        try Data(Self.text.utf8).write(to: file)
        return file
    }

    @Test func parsePrintsCoNLLUWithOneRootPerSentenceAndSpansIntoTheText() throws {
        let dir = try Paths.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["parse", try writeText(in: dir).path, "--format", "conllu"])
        #expect(r.status == 0, "\(r.stderr)")
        let blocks = r.stdout.components(separatedBy: "\n\n").filter { $0.contains("\t") }
        #expect(blocks.count == 2)
        let scalars = Array(Self.text.unicodeScalars)
        for block in blocks {
            let rows = block.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
            #expect(rows.allSatisfy { $0.count == 10 })
            #expect(rows.filter { $0[6] == "0" }.count == 1, "one root in \(block)")
            for row in rows {
                // MISC TokenRange=start:end locates FORM in the text
                let range = row[9].split(separator: "|")[0].dropFirst("TokenRange=".count).split(separator: ":").compactMap { Int($0) }
                #expect(range.count == 2)
                if range.count == 2 {
                    #expect(String(String.UnicodeScalarView(scalars[range[0]..<range[1]])) == String(row[1]))
                }
            }
        }
        let first = blocks[0].split(separator: "\n").map(String.init)
        #expect(first.contains { $0.hasPrefix("2\tattacked\t_\tVERB\tVBD\t_\t0\troot") }, "\(first)")
        #expect(first.contains { $0.hasPrefix("1\tGunmen\t_\tNOUN\tNNS\t_\t2\tnsubj") }, "\(first)")
    }

    @Test func parseJSONGivesOneObjectPerArticle() throws {
        let dir = try Paths.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["parse", try writeText(in: dir).path, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        #expect(object?["id"] as? String == "post")
        #expect((object?["sentences"] as? [Any])?.count == 2)
    }

    @Test func parseOfAMissingFileIsAOneLineError() throws {
        let r = try CLI.run(["parse", "/nonexistent/article.txt"])
        #expect(r.status == 1)
        #expect(r.stderrLines.count == 1 && r.stderrLines[0].hasPrefix("newsgraph: "), "\(r.stderr)")
    }

    /// `make install PREFIX=…` lays out bin/newsgraph and share/newsgraph/{Lexicons,Model}: a copy of that
    /// tree works from any directory, and reads its data from share/newsgraph, not from the build.
    @Test func anInstalledCopyReadsItsDataFromShareNewsgraphInAnyDirectory() throws {
        guard let built = CLI.binary else { Issue.record("no newsgraph binary"); return }
        let prefix = try Paths.tempDir()
        let elsewhere = try Paths.tempDir("elsewhere")
        defer {
            try? FileManager.default.removeItem(at: prefix)
            try? FileManager.default.removeItem(at: elsewhere)
        }
        let fm = FileManager.default
        let bin = prefix.appendingPathComponent("bin")
        let share = prefix.appendingPathComponent("share/newsgraph")
        try fm.createDirectory(at: bin, withIntermediateDirectories: true)
        try fm.createDirectory(at: share, withIntermediateDirectories: true)
        let exe = bin.appendingPathComponent("newsgraph")
        try fm.copyItem(at: built, to: exe)
        try fm.copyItem(at: Paths.root.appendingPathComponent("Sources/NewsGraphExtraction/Resources/Lexicons"),
                        to: share.appendingPathComponent("Lexicons"))
        try fm.copyItem(at: Paths.root.appendingPathComponent("Sources/NewsGraphSyntax/Resources/Model"),
                        to: share.appendingPathComponent("Model"))
        let article = try writeText(in: elsewhere)

        let parsed = try CLI.run(["parse", "post.txt"], in: elsewhere, executable: exe)
        #expect(parsed.status == 0, "\(parsed.stderr)")
        #expect(parsed.stdout.contains("\tattacked\t"))
        let extracted = try CLI.run(["extract", article.path, "--format", "triples"], in: elsewhere, executable: exe)
        #expect(extracted.status == 0, "\(extracted.stderr)")

        // The installed model is the one read: a damaged copy is reported, not silently replaced by the build's.
        let model = share.appendingPathComponent("Model/tagger-parser.ngsm")
        try Data("NGSM0001".utf8).write(to: model)
        let damaged = try CLI.run(["parse", "post.txt"], in: elsewhere, executable: exe)
        #expect(damaged.status == 1)
        #expect(damaged.stderr.contains("share/newsgraph/Model/tagger-parser.ngsm"), "\(damaged.stderr)")
    }
}
