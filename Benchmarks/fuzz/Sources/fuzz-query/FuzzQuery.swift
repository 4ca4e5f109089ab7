import FuzzSupport
import NewsGraph

// The query parser and evaluator: any text is parsed (or refused with a bounded message) and, when it parses,
// answered over a small graph without trapping.

let engine = QueryEngine(graph: FuzzFixture.graph)

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOne(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let text = String(decoding: fuzzBytes(data, count), as: UTF8.self)
    do {
        let answer = try engine.run(text)
        _ = answer.text()
    } catch {
        let message = "\(error)"
        if message.count > 2_000 { fatalError("query error of \(message.count) characters: \(message.prefix(300))") }
    }
    return 0
}

@_cdecl("fuzz_query_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzzOne)
}
