import Foundation
import Testing

/// The figure that used to abort the process: the timeline of the development corpus (labelled causal
/// links between events on a date axis), drawn in every format in a new process, as an analyst would.
struct TimelineRenderTests {
    static var hasDevCorpus: Bool { FileManager.default.fileExists(atPath: Paths.devDir.path) }

    @Test(.enabled(if: hasDevCorpus, "needs ../shared/corpus/dev"))
    func theTimelineOfTheDevCorpusFromSharedCorpusRendersInEveryFormat() throws {
        let dir = try Paths.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("dev.sqlite").path
        let ingest = try CLI.run(["ingest", "--db", db, "-q", Paths.devDir.path])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        for ext in ["svg", "png", "pdf"] {
            let out = dir.appendingPathComponent("timeline.\(ext)").path
            let r = try CLI.run(["render", "--db", db, "--view", "timeline", "-o", out])
            #expect(r.status == 0, "\(ext): exit \(r.status): \(r.stderr.suffix(300))")
            #expect(FileManager.default.fileExists(atPath: out))
        }
    }
}
