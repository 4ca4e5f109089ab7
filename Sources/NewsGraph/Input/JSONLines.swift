/// The lines of a JSON Lines text in memory that are not blank, each with its 1-based line number, split by
/// `LineReader` (the same splitter as `JSONLinesStream`): lines end at LF, blank lines (only spaces, tabs and
/// CRs) are skipped but counted. The bytes are not checked; validate them first
/// (`ArticleReader.validate(_:path:)`). Read by `ArticleReader.read(file:)`, `AnnotationReader` and the
/// evaluation's corpus readers.
public struct JSONLines: Sequence, IteratorProtocol {
    private var lines: LineReader

    public init(_ bytes: [UInt8]) {
        lines = LineReader(bytes: bytes)
    }

    public mutating func next() -> (number: Int, line: [UInt8])? {
        while let line = lines.next() {
            guard case .bytes(let bytes) = line, !LineReader.isBlank(bytes) else { continue }
            return (lines.lineNo, bytes)
        }
        return nil
    }
}
