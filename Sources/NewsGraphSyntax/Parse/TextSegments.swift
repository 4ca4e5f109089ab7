/// A long text cut into pieces of at most `maxScalars` Unicode scalars, each ending after a line break
/// where there is one in the second half of the piece, else after a space, else at the limit, so that
/// tokenizing them one at a time keeps memory bounded.
struct TextSegments: Sequence, IteratorProtocol {
    /// A piece of the text and the scalar offset where it starts.
    struct Segment {
        var text: String
        var offset: Int
    }

    private let scalars: String.UnicodeScalarView
    private var index: String.UnicodeScalarView.Index
    private var offset = 0
    private let maxScalars: Int
    private let whole: String?

    init(_ text: String, maxScalars: Int) {
        self.scalars = text.unicodeScalars
        self.index = text.unicodeScalars.startIndex
        self.maxScalars = Swift.max(16, maxScalars)
        // The common case, a text shorter than the limit in bytes, is handed over whole without a walk.
        self.whole = text.utf8.count <= self.maxScalars ? text : nil
    }

    mutating func next() -> Segment? {
        if let whole {
            guard index == scalars.startIndex, !whole.isEmpty else { return nil }
            index = scalars.endIndex
            return Segment(text: whole, offset: 0)
        }
        guard index < scalars.endIndex else { return nil }
        var end = index
        var n = 0
        var lastBreak: (String.UnicodeScalarView.Index, Int)?
        var lastSpace: (String.UnicodeScalarView.Index, Int)?
        while end < scalars.endIndex && n < maxScalars {
            let c = scalars[end]
            end = scalars.index(after: end)
            n += 1
            if n >= maxScalars / 2 {
                if c == "\n" { lastBreak = (end, n) } else if c == " " { lastSpace = (end, n) }
            }
        }
        if end < scalars.endIndex, let cut = lastBreak ?? lastSpace {
            end = cut.0
            n = cut.1
        }
        let segment = Segment(text: String(scalars[index..<end]), offset: offset)
        index = end
        offset += n
        return segment
    }
}
