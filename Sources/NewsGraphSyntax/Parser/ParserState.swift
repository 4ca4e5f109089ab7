/// The parser's configuration for one document: spaCy's `StateC` (`_parser_internals/_state.pxd`).
///
/// Words are token indexes; `-1` means "none". The stack and the rebuffer (words the non-monotonic
/// reduce put back) are fixed-size arrays with a count, and arcs live in a pool sized for the longest
/// possible transition sequence, so that a transition allocates nothing.
///
/// Arcs are kept as spaCy keeps them: per head, a left list and a right list in the order the arcs were
/// made (`L`/`R` read the most recent one), and deleting an arc removes it only when it is the last of
/// its list (spaCy's `map_del_arc` clears other entries on a copy, i.e. not at all).
struct ParserState: Sendable {
    /// The number of words.
    let length: Int
    /// Each word's head, or -1.
    private(set) var heads: [Int32]
    /// Each word's label id (in `ArcEager.labels`), meaningful where it has a head.
    private(set) var labels: [Int32]

    private var stack: [Int32]
    private var stackCount = 0
    private var rebuffer: [Int32]
    private var rebufferCount = 0
    /// The first word never yet shifted (spaCy's `_b_i`).
    private var bufferIndex = 0
    private var unshiftable: [Bool]
    /// Sentence starts set by `Break` (spaCy's `_sent_starts`).
    private var sentenceStarts: [Bool]

    // The arc pool: node n is an arc to `arcChild[n]`, after `arcPrevious[n]` in its head's list.
    private var arcChild: [Int32]
    private var arcPrevious: [Int32]
    private var arcCount = 0
    /// Per head, the most recent node of its left (children before it) and right list, or -1.
    private var lastLeftArc: [Int32]
    private var lastRightArc: [Int32]

    /// A bound on the transitions of a document of `length` words. A left arc removes its dependent for
    /// good, so there are at most `length` of them, and only they make an unshifted word shiftable again;
    /// a word is thus unshifted at most once plus once per left arc (2·length), pushed at most once from the
    /// buffer plus once per unshift (3·length), popped or unshifted as often as pushed, and breaks mark
    /// distinct words: 7·length transitions at most, fewer arcs.
    static func maximumSteps(length: Int) -> Int { 8 * length + 16 }

    init(length: Int) {
        self.length = length
        heads = [Int32](repeating: -1, count: length)
        labels = [Int32](repeating: 0, count: length)
        stack = [Int32](repeating: -1, count: length)
        rebuffer = [Int32](repeating: -1, count: length)
        unshiftable = [Bool](repeating: false, count: length)
        sentenceStarts = [Bool](repeating: false, count: length)
        let arcs = Self.maximumSteps(length: length)
        arcChild = [Int32](repeating: -1, count: arcs)
        arcPrevious = [Int32](repeating: -1, count: arcs)
        lastLeftArc = [Int32](repeating: -1, count: length)
        lastRightArc = [Int32](repeating: -1, count: length)
    }

    // MARK: Reading (spaCy's S, B, H, L, R, …)

    /// The i-th word from the stack's top, or -1.
    @inline(__always) func S(_ i: Int) -> Int {
        guard i >= 0, i < stackCount else { return -1 }
        return Int(stack[stackCount - 1 - i])
    }

    /// The i-th word of the buffer (rebuffered words first, most recent first), or -1.
    @inline(__always) func B(_ i: Int) -> Int {
        guard i >= 0 else { return -1 }
        if i < rebufferCount { return Int(rebuffer[rebufferCount - 1 - i]) }
        let b = bufferIndex + (i - rebufferCount)
        return b >= length ? -1 : b
    }

    /// The most recent left child of `head`, or -1 (spaCy's `L(head, 1)`).
    @inline(__always) func lastLeftChild(of head: Int) -> Int {
        guard head >= 0, head < length else { return -1 }
        let node = lastLeftArc[head]
        return node < 0 ? -1 : Int(arcChild[Int(node)])
    }

    /// The most recent right child of `head`, or -1 (spaCy's `R(head, 1)`).
    @inline(__always) func lastRightChild(of head: Int) -> Int {
        guard head >= 0, head < length else { return -1 }
        let node = lastRightArc[head]
        return node < 0 ? -1 : Int(arcChild[Int(node)])
    }

    @inline(__always) var stackDepth: Int { stackCount }
    @inline(__always) var bufferLength: Int { (length - bufferIndex) + rebufferCount }
    @inline(__always) var isFinal: Bool { stackCount <= 0 && bufferLength == 0 }

    @inline(__always) func hasHead(_ word: Int) -> Bool { heads[word] >= 0 }

    /// Whether `word` starts a sentence (marked by `Break`; a document brings no preset starts).
    @inline(__always) func isSentenceStart(_ word: Int) -> Bool {
        guard word >= 0, word < length else { return false }
        return sentenceStarts[word]
    }

    /// Whether `word` must not start a sentence (spaCy reads `sent_start == -1`, which a document straight
    /// from the tokenizer never has).
    @inline(__always) func cannotSentenceStart(_ word: Int) -> Bool { false }

    @inline(__always) func isUnshiftable(_ word: Int) -> Bool {
        guard word >= 0, word < length else { return false }
        return unshiftable[word]
    }

    // MARK: Changing

    /// Moves the first buffer word onto the stack.
    @inline(__always) mutating func push() {
        let b0: Int32
        if rebufferCount > 0 {
            rebufferCount -= 1
            b0 = rebuffer[rebufferCount]
        } else {
            b0 = Int32(bufferIndex)
            bufferIndex += 1
        }
        stack[stackCount] = b0
        stackCount += 1
    }

    @inline(__always) mutating func pop() {
        stackCount -= 1
    }

    /// Puts the stack's top back onto the buffer, never to be shifted again until it gets a left child.
    @inline(__always) mutating func unshift() {
        stackCount -= 1
        let s0 = stack[stackCount]
        unshiftable[Int(s0)] = true
        rebuffer[rebufferCount] = s0
        rebufferCount += 1
    }

    @inline(__always) mutating func setReshiftable(_ word: Int) {
        if word >= 0, word < length { unshiftable[word] = false }
    }

    @inline(__always) mutating func markSentenceStart(_ word: Int) {
        if word >= 0, word < length { sentenceStarts[word] = true }
    }

    /// Ends the parse (spaCy's `force_final`, for when no action is valid).
    mutating func forceFinal() {
        stackCount = 0
        rebufferCount = 0
        bufferIndex = length
    }

    /// Makes `head` the head of `child` with `label`, replacing the child's previous arc.
    mutating func addArc(head: Int, child: Int, label: Int32) {
        if heads[child] >= 0 { deleteArc(head: Int(heads[child]), child: child) }
        guard arcCount < arcChild.count else { return }  // unreachable: bounded by maximumSteps
        let node = Int32(arcCount)
        arcCount += 1
        arcChild[Int(node)] = Int32(child)
        if head > child {
            arcPrevious[Int(node)] = lastLeftArc[head]
            lastLeftArc[head] = node
        } else {
            arcPrevious[Int(node)] = lastRightArc[head]
            lastRightArc[head] = node
        }
        heads[child] = Int32(head)
        labels[child] = label
    }

    /// Removes the arc head → child if it is the most recent of its list (spaCy's `del_arc`).
    private mutating func deleteArc(head: Int, child: Int) {
        if head > child {
            let node = lastLeftArc[head]
            if node >= 0, arcChild[Int(node)] == Int32(child) { lastLeftArc[head] = arcPrevious[Int(node)] }
        } else {
            let node = lastRightArc[head]
            if node >= 0, arcChild[Int(node)] == Int32(child) { lastRightArc[head] = arcPrevious[Int(node)] }
        }
    }
}
