import NewsGraphCore

/// `where` conditions: `or` of `and`s of comparisons, `not` and parentheses, bounded by `maxNesting`.
extension QueryParser {
    // MARK: Conditions

    static let conditionStops: Set<String> = ["and", "or", "by", "order", "sorted", "ordered", "limit", "where", "depth", "via", "top", "first"]
    static let fieldNames: [String: Field] = [
        "type": .type, "kind": .type,
        "date": .date, "day": .date,
        "place": .place, "location": .place,
        "agent": .agent, "agents": .agent, "actor": .agent, "perpetrator": .agent,
        "target": .target, "targets": .target, "victim": .target,
        "killed": .killed, "deaths": .killed, "dead": .killed, "fatalities": .killed,
        "injured": .injured, "wounded": .injured,
        "participant": .participant, "involving": .participant,
        "name": .name,
        "factuality": .factuality, "confidence": .confidence,
        "article": .article, "articles": .article, "source": .article,
        "claimant": .claimant, "claimants": .claimant,
    ]

    mutating func parseCondition() throws(QueryError) -> Condition {
        var terms = [try parseConjunction()]
        while accept("or") != nil {
            terms.append(try parseConjunction())
        }
        return Self.balanced(terms, Condition.or)
    }

    mutating func parseConjunction() throws(QueryError) -> Condition {
        var terms = [try parseUnary()]
        while accept("and") != nil {
            terms.append(try parseUnary())
        }
        return Self.balanced(terms, Condition.and)
    }

    /// `a and b and c …` as a balanced tree (the left half gets the extra term, so three terms read
    /// `(a and b) and c` as before): a chain of thousands of terms is then only a few levels deep for the
    /// evaluator, which walks the tree recursively.
    static func balanced(_ terms: [Condition], _ join: (Condition, Condition) -> Condition) -> Condition {
        func build(_ range: Range<Int>) -> Condition {
            if range.count == 1 { return terms[range.lowerBound] }
            let mid = range.lowerBound + (range.count + 1) / 2
            return join(build(range.lowerBound ..< mid), build(mid ..< range.upperBound))
        }
        return build(terms.indices)
    }

    mutating func enterNesting(_ token: Token) throws(QueryError) {
        nesting += 1
        if nesting > Self.maxNesting {
            throw error("the condition nests more than \(Self.maxNesting) parentheses or 'not's deep; simplify the query", at: token)
        }
    }

    mutating func parseUnary() throws(QueryError) -> Condition {
        if let not = accept("not") {
            try enterNesting(not)
            defer { nesting -= 1 }
            return .not(try parseUnary())
        }
        if current.kind == .leftParen {
            let open = advance()
            try enterNesting(open)
            defer { nesting -= 1 }
            let inner = try parseCondition()
            guard current.kind == .rightParen else {
                throw error("expected ')' to close the '(' at column \(open.range.start.column), found \(current.display)")
            }
            _ = advance()
            return inner
        }
        return try parseComparison()
    }

    mutating func parseComparison() throws(QueryError) -> Condition {
        let fieldToken = current
        guard fieldToken.kind == .word, let field = Self.fieldNames[fieldToken.lower] else {
            throw error("expected a field (\(Field.allCases.map(\.rawValue).joined(separator: ", "))), found \(fieldToken.display)")
        }
        _ = advance()
        var op: ComparisonOperator
        var negated = false
        if current.kind == .comparison {
            op = ComparisonOperator(rawValue: advance().text) ?? .equal
        } else if accept("in", "within") != nil {
            op = .in
        } else if accept("is") != nil {
            negated = accept("not") != nil
            op = accept("in", "within") != nil ? .in : .equal
        } else if accept("not") != nil {
            guard accept("in", "within") != nil else {
                throw error("expected 'in' after 'not', found \(current.display)")
            }
            op = .in
            negated = true
        } else {
            throw error("expected a comparison (=, !=, <, <=, >, >=, in) after '\(fieldToken.text)', found \(current.display)")
        }
        var values: [Value] = []
        if current.kind == .leftParen {
            _ = advance()
            repeat {
                values.append(try parseValue(field: field, stops: ["and", "or"]))
            } while current.kind == .comma && { _ = advance(); return true }()
            guard current.kind == .rightParen else { throw error("expected ',' or ')' in the value list, found \(current.display)") }
            _ = advance()
            if op != .in, values.count > 1 {
                throw QueryError(.invalidValue, "a list of values needs 'in', not '\(op.rawValue)'", at: fieldToken.range, in: source)
            }
        } else {
            values.append(try parseValue(field: field, stops: Self.conditionStops.union(extraStops)))
        }
        let last = tokens[index - 1]
        let range = SourceRange(start: fieldToken.range.start, length: last.range.start.offset + last.range.length - fieldToken.range.start.offset)
        let comparison = Comparison(field: field, op: op, values: values, range: range)
        try validate(comparison, fieldToken: fieldToken)
        return negated ? .not(.comparison(comparison)) : .comparison(comparison)
    }

    mutating func parseValue(field: Field, stops: Set<String>) throws(QueryError) -> Value {
        switch field {
        case .type, .date, .killed, .injured, .factuality, .confidence, .article:
            let t = current
            guard t.kind == .word || t.kind == .string else {
                throw error("expected a value for '\(field.rawValue)', found \(t.display)")
            }
            _ = advance()
            return Value(text: t.text, quoted: t.kind == .string, range: t.range)
        default:
            let ref = try parseReference(after: field.rawValue, stoppingAt: stops)
            return Value(text: ref.text, quoted: ref.quoted, range: ref.range)
        }
    }

    func validate(_ c: Comparison, fieldToken: Token) throws(QueryError) {
        let ordered: Set<ComparisonOperator> = [.less, .lessOrEqual, .greater, .greaterOrEqual]
        switch c.field {
        case .type:
            if ordered.contains(c.op) {
                throw QueryError(.invalidValue, "operator '\(c.op.rawValue)' does not apply to type; use =, != or in", at: fieldToken.range, in: source)
            }
            for v in c.values where TypeName(v.text) == nil {
                throw QueryError(.invalidValue, "unknown type '\(v.text)'; use event, entity, \(EntityType.allCases.map(\.rawValue).joined(separator: ", ")) or \(EventType.allCases.map(\.rawValue).joined(separator: ", "))", at: v.range, in: source)
            }
        case .date:
            for v in c.values where PartialDate(v.text) == nil {
                throw QueryError(.invalidValue, "expected a date YYYY, YYYY-MM or YYYY-MM-DD, found '\(v.text)'", at: v.range, in: source)
            }
        case .killed, .injured:
            for v in c.values where Int(v.text) == nil || Int(v.text)! < 0 {
                throw QueryError(.invalidValue, "expected a count for '\(c.field.rawValue)', found '\(v.text)'", at: v.range, in: source)
            }
        case .factuality:
            if ordered.contains(c.op) {
                throw QueryError(.invalidValue, "operator '\(c.op.rawValue)' does not apply to factuality; use =, != or in", at: fieldToken.range, in: source)
            }
            for v in c.values where Factuality(rawValue: v.text.lowercased()) == nil {
                throw QueryError(.invalidValue, "unknown factuality '\(v.text)'; use asserted, reported or denied", at: v.range, in: source)
            }
        case .confidence:
            for v in c.values where Double(v.text).map({ !(0...1).contains($0) }) ?? true {
                throw QueryError(.invalidValue, "expected a confidence from 0 to 1 (such as 0.7), found '\(v.text)'", at: v.range, in: source)
            }
        case .place, .agent, .target, .participant, .name, .article, .claimant:
            if ordered.contains(c.op) {
                throw QueryError(.invalidValue, "operator '\(c.op.rawValue)' does not apply to \(c.field.rawValue); use =, != or in", at: fieldToken.range, in: source)
            }
        }
    }
}
