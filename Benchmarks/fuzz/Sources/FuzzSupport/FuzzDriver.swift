import Foundation

/// The callback libFuzzer calls with each input.
public typealias FuzzCallback = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: FuzzCallback) -> CInt

/// Runs libFuzzer with the command line and `callback` (each target's entry point calls this).
///
/// SwiftPM renames an executable's entry point to `<module>_main` and links `main` to it; libFuzzer brings its
/// own `main` too. Each target therefore defines both `<module>_main` (which calls this) and
/// `LLVMFuzzerTestOneInput`, and the package links with `--allow-multiple-definition`: whichever `main` the
/// linker keeps, the same callback runs.
public func runFuzzer(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                      _ callback: FuzzCallback) -> CInt {
    var count = argc
    var vector = argv
    return LLVMFuzzerRunDriver(&count, &vector, callback)
}

/// The input as a byte buffer (empty for a null pointer).
public func fuzzBytes(_ data: UnsafePointer<UInt8>?, _ count: Int) -> UnsafeBufferPointer<UInt8> {
    guard let data, count > 0 else { return UnsafeBufferPointer(start: nil, count: 0) }
    return UnsafeBufferPointer(start: data, count: count)
}

/// A scratch file of this process for readers that take a path: `write` replaces its contents.
public struct ScratchFile: Sendable {
    public let path: String

    public init(extension ext: String) {
        let dir = ProcessInfo.processInfo.environment["FUZZ_SCRATCH"] ?? NSTemporaryDirectory()
        path = (dir as NSString).appendingPathComponent("newsgraph-fuzz-\(getpid()).\(ext)")
    }

    /// Writes the bytes; false when the file could not be written (the case is then skipped).
    public func write(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var done = 0
        while done < bytes.count, let base = bytes.baseAddress {
            let n = Foundation.write(fd, base + done, bytes.count - done)
            if n <= 0 { return false }
            done += n
        }
        return true
    }
}

/// The body of a fuzz target over a reader of files: writes the input to `scratch`, runs `read` on its path,
/// and checks each failure message `read` returns, or the error it throws, with `checkMessage`.
public func fuzzFileReader(_ scratch: ScratchFile, _ data: UnsafePointer<UInt8>?, _ count: Int,
                           read: (String) throws -> [String]) -> CInt {
    guard scratch.write(fuzzBytes(data, count)) else { return 0 }
    do {
        for message in try read(scratch.path) { checkMessage(message, path: scratch.path) }
    } catch {
        checkMessage("\(error)", path: scratch.path)
    }
    return 0
}

/// A failure message must be one line naming the file, of a readable length (what the readers promise).
public func checkMessage(_ message: String, path: String) {
    if message.contains("\n") || !message.contains(path) || message.count > 2_000 {
        fatalError("badly formed message (\(message.count) characters): \(message.prefix(400))")
    }
}
