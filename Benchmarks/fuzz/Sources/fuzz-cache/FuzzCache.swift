import Foundation
import FuzzSupport
import NewsGraph

// The graph cache loader. The first byte of an input chooses: bit 1 loads without sentences; the rest is the
// image. With FUZZ_CACHE_FORGE=1 the image's checksum is recomputed first, so that mutations reach the decoder
// behind the checksum (a forged image: the checksum guards against accidents, not forgery, so what this finds
// is the decoder's own validation); otherwise the bytes are loaded as they are, as a damaged cache file would
// be. A graph that loads is walked.

let forge = ProcessInfo.processInfo.environment["FUZZ_CACHE_FORGE"] == "1"

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOne(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let input = fuzzBytes(data, count)
    guard let mode = input.first else { return 0 }
    var image = Array(input.dropFirst())
    if forge, image.count >= SnapshotChecksum.size {
        let body = image.count - SnapshotChecksum.size
        var sum = image.withUnsafeBytes { SnapshotChecksum.of(UnsafeRawBufferPointer(rebasing: $0[0 ..< body])) }.littleEndian
        withUnsafeBytes(of: &sum) { image.replaceSubrange(body..., with: $0) }
    }
    guard let graph = try? KnowledgeGraph(snapshot: image, includeSentences: mode & 2 == 0) else { return 0 }
    walk(graph)
    return 0
}

/// Touches every node, edge and piece of evidence.
func walk(_ graph: KnowledgeGraph) {
    var total = 0
    for n in graph.nodeIDs {
        total &+= graph.name(of: n).utf8.count &+ graph.records(of: n).count &+ graph.articles(of: n).count
        for e in graph.edges(of: n) { total &+= graph.evidence(of: e.id).count }
        for ev in graph.evidence(of: n) { total &+= graph.sentence(of: ev)?.utf8.count ?? 0 }
        _ = graph.explanation(of: n)
    }
    for e in graph.edgeIDs { _ = graph.endpoints(of: e) }
    _ = graph.lookup("Zhob")
    _ = graph.events(from: "2024-01-01", through: "2025-01-01")
    if total < 0 { fatalError("unreachable") }
}

/// `fuzz-cache --write-seeds DIR`: writes the seed corpora that need a build to make (a snapshot of
/// `FuzzFixture.graph`, its GraphML) under DIR/cache and DIR/graphml.
func writeSeeds(_ dir: String) throws {
    let image = FuzzFixture.graph.snapshot(header: "fuzz")
    try FileManager.default.createDirectory(atPath: dir + "/cache", withIntermediateDirectories: true)
    try FileManager.default.createDirectory(atPath: dir + "/graphml", withIntermediateDirectories: true)
    try Data([0] + image).write(to: URL(fileURLWithPath: dir + "/cache/fixture.bin"))
    try Data([2] + image).write(to: URL(fileURLWithPath: dir + "/cache/fixture-no-sentences.bin"))
    try InterchangeFormat.graphml.data(for: FuzzFixture.graph).write(to: URL(fileURLWithPath: dir + "/graphml/fixture.graphml"))
}

@_cdecl("fuzz_cache_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    let args = CommandLine.arguments
    if args.count == 3, args[1] == "--write-seeds" {
        do { try writeSeeds(args[2]); return 0 } catch { print("fuzz-cache: \(error)"); return 1 }
    }
    return runFuzzer(argc, argv, fuzzOne)
}
