// Voting among the records of one node: the strongest factuality, the most frequent value (name, place,
// date, attribute), local ids by frequency.

/// The strongest factuality: asserted > reported > denied.
func strongest(_ a: Factuality, _ b: Factuality) -> Factuality {
    func rank(_ f: Factuality) -> Int { f == .asserted ? 2 : (f == .reported ? 1 : 0) }
    return rank(a) >= rank(b) ? a : b
}

/// The most frequent element; ties go to the first occurrence.
func mode<T: Hashable>(_ items: [T]) -> T? {
    guard let first = items.first else { return nil }
    if items.count == 1 { return first }
    var best = first, bestCount = 0
    if items.count <= 8 {
        for (i, x) in items.enumerated() {
            if items[..<i].contains(x) { continue }
            let c = items.count { $0 == x }
            if c > bestCount { best = x; bestCount = c }
        }
        return best
    }
    var counts: [T: Int] = [:]
    for x in items { counts[x, default: 0] += 1 }
    var seen: Set<T> = []
    for x in items where seen.insert(x).inserted {
        if counts[x]! > bestCount { best = x; bestCount = counts[x]! }
    }
    return best
}

/// The most frequent value; ties go to the smallest.
func modeEarliest(_ items: [Int32]) -> Int32? {
    guard !items.isEmpty else { return nil }
    let sorted = items.sorted()
    var best = sorted[0], bestCount = 0, i = 0
    while i < sorted.count {
        var j = i
        while j < sorted.count && sorted[j] == sorted[i] { j += 1 }
        if j - i > bestCount { best = sorted[i]; bestCount = j - i }
        i = j
    }
    return best
}

/// Distinct elements, most frequent first, ties by first occurrence.
func byFrequency(_ items: [String]) -> [String] {
    var order: [String] = []
    var counts: [String: Int] = [:]
    for x in items {
        if counts[x] == nil { order.append(x) }
        counts[x, default: 0] += 1
    }
    return order.enumerated().sorted { (a, b) in
        counts[a.element]! != counts[b.element]! ? counts[a.element]! > counts[b.element]! : a.offset < b.offset
    }.map(\.element)
}
