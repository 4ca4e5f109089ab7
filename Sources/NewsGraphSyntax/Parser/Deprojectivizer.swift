/// Undoes the pseudo-projective lifts of a parse, as spaCy's `nonproj.deprojectivize` does after the
/// parser: a word labelled `a||b` is re-attached, as `a`, to the first word labelled `b` found breadth-first
/// below its current head (left to right, skipping whitespace words and the word itself); without one, it
/// keeps its head.
///
/// Words are taken in text order and each re-attachment is visible to the later searches. Children are
/// read as spaCy's `Token.children` reads them: words whose head is the word, between the word's subtree
/// edges as computed before the lifts were undone. The children lists are built once, so a search costs
/// the size of the subtree it walks, not of the text it spans, and a search for a label no word carries
/// is not made. (A sentence of thousands of words, all lifted under one head, would still cost their
/// square, as in spaCy; parsers do not produce such sentences.)
struct Deprojectivizer: Sendable {
    let system: ArcEager

    /// Rewrites `heads` and `labels` in place; `edges` are the tree's edges before deprojectivizing.
    func apply(heads: inout [Int32], labels: inout [Int32], isSpace: [Bool]?, edges: TreeEdges) {
        let n = heads.count
        guard labels.contains(where: { system.lifts[Int($0)] != nil }) else { return }
        var children = ChildLists(heads: heads)
        var buffers = SearchBuffers()
        // How many words that are not whitespace carry each label: a search for an absent one is skipped.
        var candidates = [Int32](repeating: 0, count: system.labels.count)
        for i in 0..<n where !(isSpace?[i] ?? false) { candidates[Int(labels[i])] += 1 }
        for i in 0..<n {
            guard let lift = system.lifts[Int(labels[i])] else { continue }
            let oldHead = Int(heads[i])
            let newHead = candidates[Int(lift.headLabel)] == 0 ? oldHead : findNewHead(
                of: i, headLabel: lift.headLabel, heads: heads, labels: labels, isSpace: isSpace,
                edges: edges, children: children, buffers: &buffers
            )
            heads[i] = Int32(newHead)
            if !(isSpace?[i] ?? false) {
                candidates[Int(labels[i])] -= 1
                candidates[Int(lift.label)] += 1
            }
            labels[i] = lift.label
            if newHead != oldHead { children.attach(i, to: newHead) }
        }
    }

    /// spaCy's `_find_new_head`: breadth-first from the word's head.
    private func findNewHead(
        of word: Int, headLabel: Int32, heads: [Int32], labels: [Int32], isSpace: [Bool]?,
        edges: TreeEdges, children: ChildLists,
        buffers: inout SearchBuffers
    ) -> Int {
        let head = Int(heads[word])
        buffers.queue.removeAll(keepingCapacity: true)
        buffers.queue.append(Int32(head))
        while !buffers.queue.isEmpty {
            buffers.next.removeAll(keepingCapacity: true)
            for q in buffers.queue {
                children.list(of: Int(q), heads: heads, edges: edges, into: &buffers.scratch)
                for c in buffers.scratch {
                    let child = Int(c)
                    if let isSpace, isSpace[child] { continue }
                    if child == word { continue }
                    if labels[child] == headLabel { return child }
                    buffers.next.append(c)
                }
            }
            swap(&buffers.queue, &buffers.next)
        }
        return head
    }
}

/// The breadth-first search's work lists, reused from word to word.
private struct SearchBuffers {
    var queue: [Int32] = []
    var next: [Int32] = []
    var scratch: [Int32] = []
}

/// Each word's children by head, in text order: the tree's arcs when deprojectivizing starts, plus the
/// re-attachments made since (a word is re-attached at most once).
private struct ChildLists {
    /// CSR layout: the children of h are `members[start[h]..<start[h + 1]]`.
    private var start: [Int32]
    private var members: [Int32]
    /// Re-attached words, chained per new head: `firstMoved[h]`, then `nextMoved[word]`; -1 ends.
    private var firstMoved: [Int32]
    private var nextMoved: [Int32]

    init(heads: [Int32]) {
        let n = heads.count
        var counts = [Int32](repeating: 0, count: n + 1)
        for i in 0..<n where Int(heads[i]) != i { counts[Int(heads[i]) + 1] += 1 }
        for h in 0..<n { counts[h + 1] += counts[h] }
        start = counts
        var fill = counts
        members = [Int32](repeating: 0, count: Int(counts[n]))
        for i in 0..<n where Int(heads[i]) != i {
            let h = Int(heads[i])
            members[Int(fill[h])] = Int32(i)
            fill[h] += 1
        }
        firstMoved = [Int32](repeating: -1, count: n)
        nextMoved = [Int32](repeating: -1, count: n)
    }

    mutating func attach(_ word: Int, to head: Int) {
        nextMoved[word] = firstMoved[head]
        firstMoved[head] = Int32(word)
    }

    /// The current children of `head` within its edges, in text order, into `out`.
    func list(of head: Int, heads: [Int32], edges: TreeEdges, into out: inout [Int32]) {
        out.removeAll(keepingCapacity: true)
        for k in Int(start[head])..<Int(start[head + 1]) {
            let c = Int(members[k])
            if Int(heads[c]) == head, edges.spans(head, c) { out.append(Int32(c)) }
        }
        var moved = firstMoved[head]
        guard moved >= 0 else { return }
        while moved >= 0 {
            let c = Int(moved)
            // Never also in `members[…]` of this head: a word moves once, away from its original head.
            if Int(heads[c]) == head, edges.spans(head, c) { out.append(Int32(c)) }
            moved = nextMoved[c]
        }
        out.sort()
    }
}
