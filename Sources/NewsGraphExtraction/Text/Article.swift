import NewsGraphCore

/// One article ready for extraction: its identifier, its text as UTF-8 bytes, and what the
/// dateline or the record said about it.
public struct Article: Sendable {
    /// Identifier: the file stem, or the JSON Lines `id` (for a record without one, `Article.contentID(text:)`).
    public var id: String
    /// The whole text as read (UTF-8, validated), including the dateline line.
    public var text: [UInt8]
    /// Byte offset where the body starts (after the dateline, if any).
    public var bodyStart: Int
    /// Publication date `YYYY-MM-DD`, from the dateline or the record.
    public var date: String?
    /// The dateline place ("Quetta").
    public var datelinePlace: String?
    public var title: String?
    public var source: String?

    public init(id: String, text: [UInt8], bodyStart: Int = 0, date: String? = nil, datelinePlace: String? = nil,
                title: String? = nil, source: String? = nil) {
        self.id = id
        self.text = text
        self.bodyStart = bodyStart
        self.date = date
        self.datelinePlace = datelinePlace
        self.title = title
        self.source = source
    }

    /// An article from plain text, reading an optional ` date YYYY-MM-DD Place, Mon DD` dateline.
    public init(id: String, plainText: [UInt8], source: String? = nil) {
        let dateline = Dateline.parse(plainText)
        self.init(id: id, text: plainText, bodyStart: dateline?.bodyStart ?? 0, date: dateline?.date,
                  datelinePlace: dateline?.place, source: source)
    }

    /// SHA-256 of the text, hex.
    public var contentHash: String { SHA256.hex(text) }
}
