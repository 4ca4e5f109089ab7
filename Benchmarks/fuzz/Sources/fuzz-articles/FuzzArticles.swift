import FuzzSupport
import NewsGraph

// The JSON Lines article reader: any bytes give articles and per-line failures, each one line naming the file.

let scratch = ScratchFile(extension: "jsonl")

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOne(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard scratch.write(fuzzBytes(data, count)) else { return 0 }
    do {
        var stream = try JSONLinesStream(path: scratch.path)
        while let item = stream.next() {
            if case .failure(let f) = item { checkMessage(f.message, path: scratch.path) }
        }
    } catch {
        checkMessage("\(error)", path: scratch.path)
    }
    return 0
}

@_cdecl("fuzz_articles_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzzOne)
}
