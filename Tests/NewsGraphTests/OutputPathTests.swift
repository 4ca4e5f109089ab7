import Foundation
import NewsGraph
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Where newsgraph writes and what it says about what it reads: `-o` on links, FIFOs and devices, file names
/// made from article ids, inputs that are not files, read-only use of a store.
@Suite struct OutputPathTests {
    private func articleLine(_ id: String) -> String {
        #"{"id": "\#(id)", "text": "Militants attacked a police checkpost in Zhob on Monday, killing two officers."}"#
    }

    // MARK: OutputFile

    @Test("Writing through a symbolic link writes its target and keeps the link, and the file keeps its mode")
    func symlinkIsFollowed() throws {
        let dir = try Paths.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("target.txt").path
        let link = dir.appendingPathComponent("link.txt").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: target))
        #expect(chmod(target, 0o640) == 0)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "target.txt")
        try OutputFile.write(Data("new".utf8), to: link)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "target.txt")
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "new")
        var st = stat()
        #expect(stat(target, &st) == 0 && st.st_mode & 0o777 == 0o640)
        // A dangling link: its target is created.
        let dangling = dir.appendingPathComponent("dangling").path
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: "created.txt")
        try OutputFile.write(Data("x".utf8), to: dangling)
        #expect(try String(contentsOfFile: dir.appendingPathComponent("created.txt").path, encoding: .utf8) == "x")
        // A loop: a clear error.
        let loop = dir.appendingPathComponent("loop").path
        try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: "loop")
        #expect { try OutputFile.write(Data("x".utf8), to: loop) } throws: { "\($0)".contains("symbolic link loop") }
    }

    @Test("A FIFO or a device at the output path is written in place, never replaced by a regular file")
    func fifoAndDeviceAreWrittenInPlace() throws {
        let dir = try Paths.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let reader = Thread {
            if let h = FileHandle(forReadingAtPath: fifo) { _ = try? h.readToEnd() }
        }
        reader.start()
        try OutputFile.write(Data("through the pipe".utf8), to: fifo)
        var st = stat()
        #expect(lstat(fifo, &st) == 0 && st.st_mode & S_IFMT == S_IFIFO)
        try OutputFile.write(Data("discarded".utf8), to: "/dev/null")
        #expect(lstat("/dev/null", &st) == 0 && st.st_mode & S_IFMT == S_IFCHR)
        #expect { try OutputFile.write(Data(), to: dir.path) } throws: { "\($0)".contains("is a directory") }
    }

    @Test("A failed write leaves the old file and no temporary file behind")
    func failedWriteKeepsOldFile() throws {
        let dir = try Paths.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("out.txt").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        struct Boom: Error {}
        #expect(throws: OutputFileError.self) {
            try OutputFile.write(to: path) { emit in try emit(Data("half".utf8)); throw Boom() }
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["out.txt"])
    }

    // MARK: File names from ids

    @Test("File names made from article ids stay in the output directory and never collide", arguments: [
        "../../../../tmp/x", "/tmp/abs", "..", ".", "a/b", "a_b", "C:\\x", String(repeating: "é", count: 300), "dup\u{1}x",
    ])
    func safeFileNames(id: String) {
        let name = SafeFileName.forID(id)
        #expect(!name.contains("/") && !name.hasPrefix(".") && !name.isEmpty && name.utf8.count <= 220)
        #expect(!name.unicodeScalars.contains { $0.value < 0x20 })
        let path = SafeFileName.path(in: "out", id: id, fileExtension: "dot")
        #expect((path as NSString).deletingLastPathComponent == "out")
        #expect(SafeFileName.forID("a/b") != SafeFileName.forID("a_b"))
        #expect(SafeFileName.forID("kalat-2024-11-16") == "kalat-2024-11-16")
    }

    @Test func extractOutputDirConfinesFilesMadeFromHostileIDs() throws {
        let dir = try Paths.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let escaped = dir.appendingPathComponent("escaped").path
        let input = dir.appendingPathComponent("in.jsonl")
        let lines = [articleLine("../escaped"), articleLine(dir.appendingPathComponent("absolute").path), articleLine("plain")]
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: input)
        let out = dir.appendingPathComponent("out")
        let r = try CLI.run(["extract", input.path, "--output-dir", out.path, "--format", "dot"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: escaped + ".dot"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("absolute.dot").path))
        let written = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(written.count == 3 && written.contains("plain.dot"))
        #expect(!r.stderr.contains("NSCocoaError"))
        #expect(r.stderrLines.filter { $0.contains("not a safe file name") }.count == 2)
    }

    @Test func jsonLinesIDsWithNULAreRejectedNamingTheLine() throws {
        let dir = try Paths.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("in.jsonl")
        try Data((articleLine(#"dup\u0000one"#) + "\n" + articleLine(#"dup\u0000two"#) + "\n").utf8).write(to: input)
        let db = dir.appendingPathComponent("s.sqlite").path
        let r = try CLI.run(["ingest", input.path, "--db", db])
        #expect(r.status == 1)
        #expect(r.stderrLines.count == 2 && r.stderrLines.allSatisfy { $0.contains("control character U+0000") && $0.contains("in.jsonl:") })
        #expect(!FileManager.default.fileExists(atPath: db))
    }

    // MARK: Inputs

    @Test func inputsThatAreNotFilesGetMessagesSayingWhatTheyAre() throws {
        let dir = try Paths.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let loop = dir.appendingPathComponent("loop").path
        try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: "loop")
        let nested = dir.appendingPathComponent("nested.jsonl")
        try Data(#"{"text": {"nested": true}}"#.utf8).write(to: nested)
        for (input, words) in [(fifo, "a pipe (FIFO)"), ("/dev/zero", "a device"), (loop, "symbolic link loop"),
                               (nested.path, #""text" must be a string, found an object"#)] {
            let r = try CLI.run(["extract", input, "--format", "triples"])
            #expect(r.status == 1)
            #expect(r.stderr.contains(words), "\(input): \(r.stderr)")
            #expect(!r.stderr.contains("permission"))
        }
    }

    @Test func aDirectoryGivenThroughASymbolicLinkIsRead() throws {
        let dir = try Paths.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let real = dir.appendingPathComponent("real")
        try FileManager.default.createDirectory(at: real, withIntermediateDirectories: true)
        try Data((articleLine("one") + "\n").utf8).write(to: real.appendingPathComponent("a.jsonl"))
        let link = dir.appendingPathComponent("link").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real.path)
        let r = try CLI.run(["ingest", link, "--db", dir.appendingPathComponent("s.sqlite").path, "--no-cache-refresh"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("1 article"))
    }

    // MARK: Read-only commands

    @Test func readingCommandsNeverTurnAnEmptyFileIntoAStore() throws {
        let dir = try Paths.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let empty = dir.appendingPathComponent("empty.sqlite").path
        FileManager.default.createFile(atPath: empty, contents: Data())
        for args in [["stats"], ["query", "attacks by BLA"], ["export", "--format", "dot"], ["timeline", "BLA"]] {
            let r = try CLI.run(args + ["--db", empty])
            #expect(r.status == 1)
            #expect(r.stderr.contains("not a newsgraph store (an empty file)"), "\(args): \(r.stderr)")
        }
        #expect((try FileManager.default.attributesOfItem(atPath: empty))[.size] as? Int == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["empty.sqlite"])
    }

    @Test func aPNGLargerThanTheNodeLimitIsRefusedBeforeGraphvizStarts() throws {
        let dir = try Paths.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("s.sqlite").path
        #expect(try CLI.run(["ingest", Paths.examples.path, "--db", db, "-q"]).status == 0)
        let png = dir.appendingPathComponent("g.png").path
        let r = try CLI.run(["render", "--db", db, "--output", png], environment: ["NEWSGRAPH_MAX_PNG_NODES": "10"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("--max-nodes 10"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: png))
        let small = try CLI.run(["render", "--db", db, "--output", png, "--max-nodes", "10"], environment: ["NEWSGRAPH_MAX_PNG_NODES": "10"])
        #expect(small.status == 0, "\(small.stderr)")
    }

    @Test func exportToASymlinkWritesItsTargetAndKeepsTheLink() throws {
        let dir = try Paths.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("s.sqlite").path
        let input = dir.appendingPathComponent("in.jsonl")
        try Data((articleLine("one") + "\n").utf8).write(to: input)
        #expect(try CLI.run(["ingest", input.path, "--db", db, "-q"]).status == 0)
        let link = dir.appendingPathComponent("graph.graphml").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real.graphml")
        let r = try CLI.run(["export", "--format", "graphml", "--db", db, "-o", link])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "real.graphml")
        #expect(try String(contentsOfFile: dir.appendingPathComponent("real.graphml").path, encoding: .utf8).contains("<graphml"))
    }
}
