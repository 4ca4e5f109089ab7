import Foundation

/// The one line splitter of JSON Lines input, for a file read a block at a time (`JSONLinesStream`) or for
/// bytes already in memory (`JSONLines`): lines end at LF (a CR before it stays in the line, and JSON reads
/// it as white space); the last line needs no LF; every line is counted, blank ones included.
struct LineReader {
    enum Line {
        case bytes([UInt8])
        case tooLong
    }

    let maxLineBytes: Int
    private var handle: FileHandle?
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEOF = false
    /// The number of the line last returned (1-based).
    private(set) var lineNo = 0

    /// The lines of a file; nil when it cannot be opened.
    init?(path: String, maxLineBytes: Int) {
        guard let h = FileHandle(forReadingAtPath: path) else { return nil }
        handle = h
        self.maxLineBytes = maxLineBytes
    }

    /// The lines of bytes in memory, of any length.
    init(bytes: [UInt8]) {
        buffer = bytes
        atEOF = true
        maxLineBytes = .max
    }

    mutating func close() {
        try? handle?.close()
        handle = nil
        buffer = []
        position = 0
    }

    /// Whether a line (without its newline) holds only spaces, tabs and CRs.
    static func isBlank(_ line: some Collection<UInt8>) -> Bool {
        line.allSatisfy { $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }
    }

    /// The next line without its newline; nil at the end of the input. A line over the limit is returned as
    /// `tooLong` and ends the reading.
    mutating func next() -> Line? {
        guard handle != nil || position < buffer.count else { return nil }
        var scanFrom = position
        while true {
            if let nl = buffer[scanFrom...].firstIndex(of: 0x0A) {
                let line = Array(buffer[position..<nl])
                position = nl + 1
                lineNo += 1
                if line.count > maxLineBytes { close(); return .tooLong }
                return .bytes(line)
            }
            if buffer.count - position > maxLineBytes {
                lineNo += 1
                close()
                return .tooLong
            }
            if atEOF {
                guard position < buffer.count else { return nil }
                let line = Array(buffer[position...])
                position = buffer.count
                lineNo += 1
                return .bytes(line)
            }
            if position > 0 {
                buffer.removeFirst(position)
                position = 0
            }
            scanFrom = buffer.count
            let block = (try? handle?.read(upToCount: 1 << 20)) ?? nil
            if let block, !block.isEmpty { buffer.append(contentsOf: block) } else { atEOF = true }
        }
    }
}
