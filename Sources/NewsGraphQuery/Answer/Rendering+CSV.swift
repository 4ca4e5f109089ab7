extension AnswerTable {
    /// The first characters that make a spreadsheet read a cell as a formula (and a tab or carriage return,
    /// which some read as a cell break before one).
    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// The table as CSV (RFC 4180): a header line, then one line per row, lines ending in CRLF; a cell that holds
    /// a comma, a double quote, CR or LF is quoted, with double quotes doubled.
    ///
    /// Cells come from news text, so a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a
    /// leading `'` (the OWASP advice against formula injection): a spreadsheet then shows it as text instead of
    /// running it. Numbers in the numeric columns never start with one of these and are never changed.
    public func csv() -> String {
        var out = ""
        for line in [columns] + rows {
            out += line.map(Self.field).joined(separator: ",")
            out += "\r\n"
        }
        return out
    }

    /// One CSV field: guarded against formula injection, then quoted when needed.
    static func field(_ cell: String) -> String {
        var s = cell
        if let first = s.first, formulaStarts.contains(first) { s = "'" + s }
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension QueryAnswer {
    /// The answer's table (`table`) as CSV; see `AnswerTable.csv()`.
    public func csv() -> String { table.csv() }
}

private extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        var out = ""
        for c in self { out += String(c) == target ? replacement : String(c) }
        return out
    }
}
