import FuzzSupport
import NewsGraph

// The JSON Lines article reader: any bytes give articles and per-line failures, each one line naming the file.

let scratch = ScratchFile(extension: "jsonl")

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOne(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    fuzzFileReader(scratch, data, count) { path in
        var stream = try JSONLinesStream(path: path)
        var messages: [String] = []
        while let item = stream.next() {
            if case .failure(let f) = item { messages.append(f.message) }
        }
        return messages
    }
}

@_cdecl("fuzz_articles_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzzOne)
}
