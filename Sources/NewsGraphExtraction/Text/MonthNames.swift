/// The English month names the date readers know: the full names, their three-letter abbreviations and "sept"
/// (`Dateline`, `PublicationDate` and the sentence dates of the extractor read the same list).
enum MonthNames {
    /// Each written form, lower case, with its month number: "january" and "jan" → 1, "sept" → 9.
    static let numbers: [String: Int] = {
        let full = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
        var m: [String: Int] = [:]
        for (i, name) in full.enumerated() {
            m[name] = i + 1
            m[String(name.prefix(3))] = i + 1
        }
        m["sept"] = 9
        return m
    }()

    /// The month a lower-case word names, if any.
    static func number(of word: some StringProtocol) -> Int? { numbers[String(word)] }
}
