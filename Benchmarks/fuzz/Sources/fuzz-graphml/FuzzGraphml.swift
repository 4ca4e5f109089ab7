import FuzzSupport
import NewsGraph

// The annotation reader on a .graphml file: any bytes are read or refused with one line naming the file.

let scratch = ScratchFile(extension: "graphml")

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOne(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    fuzzFileReader(scratch, data, count) { path in
        _ = try AnnotationReader().read(file: path)
        return []
    }
}

@_cdecl("fuzz_graphml_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzzOne)
}
