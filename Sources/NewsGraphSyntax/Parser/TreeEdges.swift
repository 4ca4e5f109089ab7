/// The left and right edges of every word's subtree and the sentence starts they imply, computed as
/// spaCy's `set_children_from_heads` (`spacy/tokens/doc.pyx`) does after the parser has set the heads.
///
/// spaCy's edges are an approximation on non-projective trees: passes over the words propagate edges from
/// child to head (left to right, then right to left) until every head lies inside the sentence the edges
/// imply, for at most 12 passes. A sentence starts at the left edge of each root. Reproduced pass for pass,
/// because the deprojectivizer reads children only between a head's edges, as spaCy's `Token.children` does.
struct TreeEdges: Sendable {
    /// The leftmost word of each word's subtree (as far as the passes got).
    private(set) var left: [Int32]
    /// The rightmost word of each word's subtree.
    private(set) var right: [Int32]

    /// Computes the edges for `heads` (absolute indexes; a root is its own head).
    init(heads: [Int32]) {
        let n = heads.count
        left = (0..<Int32(n)).map { $0 }
        right = left
        var passes = 0
        while true {
            let settled = pass(heads: heads)
            if settled || passes > 10 { break }
            passes += 1
        }
    }

    /// One `_set_lr_kids_and_edges` pass; true when every head is inside its sentence.
    private mutating func pass(heads: [Int32]) -> Bool {
        let n = heads.count
        for i in 0..<n {
            let h = Int(heads[i])
            if left[i] < left[h] { left[h] = left[i] }
            if right[i] > right[h] { right[h] = right[i] }
        }
        for i in stride(from: n - 1, through: 0, by: -1) {
            let h = Int(heads[i])
            if right[i] > right[h] { right[h] = right[i] }
            if left[i] < left[h] { left[h] = left[i] }
        }
        var starts = [Bool](repeating: false, count: n)
        for i in 0..<n where Int(heads[i]) == i { starts[Int(left[i])] = true }
        var sentenceStart = 0
        for i in 0..<n where (i > 0 && starts[i]) || i == n - 1 {
            // spaCy's bounds, kept as they are: words sentenceStart..<i must have heads in sentenceStart...i.
            for j in sentenceStart..<max(sentenceStart, i) {
                let h = Int(heads[j])
                if h < sentenceStart || h >= i + 1 { return false }
            }
            sentenceStart = i
        }
        return true
    }

    /// The sentence starts: the left edge of every root (spaCy's `sent_start == 1`; all others are -1).
    func sentenceStarts(heads: [Int32]) -> [Bool] {
        var starts = [Bool](repeating: false, count: heads.count)
        for i in heads.indices where Int(heads[i]) == i { starts[Int(left[i])] = true }
        return starts
    }

    /// Whether `word` lies within `head`'s edges (where spaCy's `Token.lefts` and `rights` look).
    @inline(__always) func spans(_ head: Int, _ word: Int) -> Bool {
        word >= Int(left[head]) && word <= Int(right[head])
    }
}
