import NewsGraphCore

/// The date a page prints for itself when the article has no dateline: "Published May 5th, 2025 - 06:24 GMT",
/// a line "07 January, 2024", "Tuesday, 04/02/2024", "New Delhi, May 7, 2025 –", "(APP - 16th Apr, 2024)".
/// Weekday references ("on Sunday") are resolved against it.
///
/// Only a full date (day, month and year) in the page's header counts: on a short line of its own, after
/// "Published", "Updated" or "Posted", inside parentheses, or before the dash of a dateline. A date in running
/// prose ("was hit by attacks on September 17, 2024") is the date of an event, not of the page.
struct PublicationDate {
    /// How far into the text the header may reach, in Unicode scalars.
    static let headerLength = 1_200
    /// The longest line, in words, that counts as a header line of its own.
    static let headerLineWords = 12

    /// The publication date printed in the header of `text`, if any.
    static func find(in text: [UInt8]) -> CalendarDate? {
        let head = String(decoding: text.prefix(headerLength * 2), as: UTF8.self).unicodeScalars.prefix(headerLength)
        for line in String(String.UnicodeScalarView(head)).split(separator: "\n", omittingEmptySubsequences: true) {
            if let d = headerDate(in: line) { return d }
        }
        return nil
    }

    /// The first full date of `line` that stands where a page prints its own date.
    static func headerDate(in line: Substring) -> CalendarDate? {
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
        let shortLine = words.count <= headerLineWords
        for match in line.matches(of: fullDate) {
            guard let date = calendarDate(match.output) else { continue }
            let before = line[line.startIndex..<match.range.lowerBound]
            let after = line[match.range.upperBound...].drop(while: { $0 == " " || $0 == "," })
            let lowerBefore = before.lowercased()
            let stamped = publishWords.contains { lowerBefore.contains($0) }
            let parenthesised = before.contains("(") && !before.contains(")")
            let dateline = after.first.map { $0 == "–" || $0 == "—" || $0 == "-" } ?? false
            // "On the morning of September 17, 2024, …": prose dates an event
            let lastWord = before.split(whereSeparator: { !$0.isLetter }).last.map { $0.lowercased() } ?? ""
            if eventPrepositions.contains(lastWord) { continue }
            if shortLine || stamped || parenthesised || dateline { return date }
        }
        return nil
    }

    /// Words that stamp a page's own date.
    static let publishWords = ["published", "updated", "posted", "last modified"]
    /// Words before a date in prose that make it an event's date.
    static let eventPrepositions: Set<String> = ["on", "of", "since", "in", "until", "till", "by", "before", "after", "from", "since", "between", "and"]

    /// "May 5th, 2025", "7 January 2024", "16th Apr, 2024", "April 15,2024" (no space after the comma), "04/02/2024"
    /// (month first), "2024-04-02".
    nonisolated(unsafe) static let fullDate = #/(?i)\b(?:(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,\s*|\s+)\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?:,\s*|\s+)\d{4}|\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{2}-\d{2})\b/#

    /// The calendar date of a matched date expression.
    static func calendarDate(_ s: Substring) -> CalendarDate? {
        let lower = s.lowercased()
        if lower.contains("-") {
            return CalendarDate(iso: String(lower))
        }
        let numbers = lower.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        if lower.contains("/") {
            guard numbers.count == 3 else { return nil }
            return CalendarDate(year: numbers[2], month: numbers[0], day: numbers[1])
        }
        guard numbers.count == 2, let month = monthNumber(in: lower) else { return nil }
        return CalendarDate(year: numbers[1], month: month, day: numbers[0])
    }

    /// The month a date expression names.
    static func monthNumber(in lower: String) -> Int? {
        lower.split(whereSeparator: { !$0.isLetter }).lazy.compactMap { MonthNames.number(of: $0) }.first
    }
}
