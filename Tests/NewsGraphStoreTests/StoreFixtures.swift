import Foundation
import NewsGraphCore
@testable import NewsGraphStore

/// Temporary stores, generated articles and the development corpus (`../shared/corpus/dev`).
enum StoreFixtures {
    static let corpusDirectory: URL = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/corpus/dev")

    static var corpusAvailable: Bool {
        FileManager.default.fileExists(atPath: corpusDirectory.appendingPathComponent("story-kp-1-jani-khel-operation.json").path)
    }

    static let storyIDs = [
        "story-kp-1-jani-khel-operation", "story-kp-2-tajori-attack",
        "story-kp-3-lakki-offensive", "story-kp-4-bannu-protest-live",
    ]

    static func gold(_ id: String) throws -> ArticleGraph {
        let data = try Data(contentsOf: corpusDirectory.appendingPathComponent("\(id).json"))
        let annotation = try JSONDecoder().decode(Annotation.self, from: data)
        return try ArticleGraph(annotation: annotation, contentHash: SHA256.hex(Array(data)))
    }

    static func stories() throws -> [ArticleGraph] { try storyIDs.map(gold) }

    /// A fresh directory for one test, removed by the caller with `cleanup`.
    static func temporaryDirectory() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("newsgraph-store-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func cleanup(_ url: URL) { try? FileManager.default.removeItem(at: url) }

    /// A generated article with a fixed shape: 5 entities, 2 events, 3 triples, 1 causal link, 4 sentences.
    static func generated(_ i: Int, prefix: String = "gen", hash: String? = nil) -> ArticleGraph {
        let id = "\(prefix)-\(i)"
        let group = "Group \(i % 7) Front"
        let p = { (s: Int) in [Provenance(article: id, sentence: s, start: 0, end: 5)] }
        return ArticleGraph(
            article: ArticleInfo(id: id, date: "2025-01-\(10 + i % 15)", source: "test", contentHash: hash ?? "h-\(id)",
                                 sentences: (0 ..< 4).map { "Sentence \($0) of \(id)." }),
            entities: [
                ExtractedEntity(name: group, aliases: ["G\(i % 7)F"], type: .group, mentions: p(0)),
                ExtractedEntity(name: "Town \(i % 11)", type: .place, mentions: p(1)),
                ExtractedEntity(name: "Border Police", type: .unit, mentions: p(1)),
                ExtractedEntity(name: "Commander \(i)", type: .person, mentions: p(2)),
                ExtractedEntity(name: "Camp \(i)", type: .facility),
            ],
            events: [
                ExtractedEvent(id: "attack_\(i)", type: .attack, trigger: "attacked", agent: [group], target: ["Border Police"],
                               place: "Town \(i % 11)", date: "2025-01-\(10 + i % 15)", killed: i % 9, injured: nil,
                               attributes: ["cameo": "19"], mentions: p(0)),
                ExtractedEvent(id: "raid_\(i)", type: .operation, trigger: "raided", agent: ["Border Police"], target: [group], mentions: p(3)),
            ],
            triples: [
                ExtractedTriple(subject: group, predicate: .attacked, object: "Border Police", provenance: p(0)),
                ExtractedTriple(subject: "Commander \(i)", predicate: .memberOf, object: group, provenance: p(2)),
                ExtractedTriple(subject: "Camp \(i)", predicate: .locatedIn, object: "Town \(i % 11)"),
            ],
            causal: [ExtractedCausalLink(from: "raid_\(i)", relation: .respondedTo, to: "attack_\(i)", cue: "in response to", provenance: p(3))],
            lexiconVersion: "builtin-1")
    }
}

/// A second process: this test binary again, running only the test `filter`, with `variable` set to
/// `value` in its environment (the child test returns at once without it). Its output is discarded.
func startChildTest(filter: String, variable: String, value: String) throws -> Process {
    let child = Process()
    child.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    child.arguments = ["--filter", filter, "--testing-library", "swift-testing"]
    var env = ProcessInfo.processInfo.environment
    env[variable] = value
    child.environment = env
    child.standardOutput = FileHandle.nullDevice
    child.standardError = FileHandle.nullDevice
    try child.run()
    return child
}
