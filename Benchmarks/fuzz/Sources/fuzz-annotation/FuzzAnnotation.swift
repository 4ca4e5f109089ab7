import FuzzSupport
import NewsGraph

// The annotation reader on a .json file: any bytes are read or refused with one line naming the file.

let scratch = ScratchFile(extension: "json")

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOne(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    fuzzFileReader(scratch, data, count) { path in
        _ = try AnnotationReader().read(file: path)
        return []
    }
}

@_cdecl("fuzz_annotation_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzzOne)
}
