extension ParserState {
    /// The number of context words the parser's network reads (spaCy's `nF` for the parser without extra
    /// state tokens).
    static let featureCount = 8

    /// Writes the state's context words into `ids` (spaCy's `set_context_tokens` with `n == 8`): the first
    /// two buffer words, the top three stack words, the most recent left child of the first buffer word,
    /// and the most recent left and right children of the stack's top; -1 where there is none.
    @inline(__always) func contextTokens(into ids: UnsafeMutablePointer<Int32>) {
        let b0 = B(0), s0 = S(0)
        ids[0] = Int32(b0)
        ids[1] = Int32(B(1))
        ids[2] = Int32(s0)
        ids[3] = Int32(S(1))
        ids[4] = Int32(S(2))
        ids[5] = Int32(lastLeftChild(of: b0))
        ids[6] = Int32(lastLeftChild(of: s0))
        ids[7] = Int32(lastRightChild(of: s0))
    }
}
