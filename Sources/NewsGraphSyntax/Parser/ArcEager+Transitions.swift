extension ArcEager {
    /// Whether each move is valid in `state`, indexed by `Move.rawValue` (spaCy's `set_valid` before the
    /// per-action expansion), following the `is_valid` of `Shift`, `Reduce`, `LeftArc`, `RightArc`, `Break`.
    struct MoveValidity: Sendable {
        var shift = false
        var reduce = false
        var arc = false
        var breakSentence = false

        init(_ st: ParserState) {
            let depth = st.stackDepth, bufferLength = st.bufferLength
            let b0 = st.B(0)
            if depth == 0 {
                shift = true
            } else {
                shift = bufferLength >= 2 && !st.isSentenceStart(b0) && !st.isUnshiftable(b0)
            }
            if depth == 0 {
                reduce = false
            } else if bufferLength == 0 {
                reduce = true
            } else {
                reduce = !(depth == 1 && st.cannotSentenceStart(b0))
            }
            // LeftArc and RightArc share their conditions (apart from `subtok`, checked per action).
            arc = depth > 0 && bufferLength > 0 && !st.isSentenceStart(b0)
            if bufferLength < 2 {
                breakSentence = false
            } else {
                let b1 = st.B(1)
                breakSentence = b1 == b0 + 1 && !st.isSentenceStart(b1) && !st.cannotSentenceStart(b1)
            }
        }

        /// Whether `action` is valid (the `subtok` label also wants the stack's top right before the buffer).
        @inline(__always) func allows(_ action: Action, in st: ParserState) -> Bool {
            switch action.move {
            case .shift: return shift
            case .reduce: return reduce
            case .leftArc, .rightArc:
                guard arc else { return false }
                return !action.isSubtoken || st.S(0) == st.B(0) - 1
            case .breakSentence: return breakSentence
            }
        }
    }

    /// Applies `action` to `state` (the `transition` of spaCy's move classes).
    @inline(__always) static func apply(_ action: Action, to st: inout ParserState) {
        switch action.move {
        case .shift:
            st.push()
        case .reduce:
            if st.hasHead(st.S(0)) || st.stackDepth == 1 {
                st.pop()
            } else {
                st.unshift()
            }
        case .leftArc:
            let b0 = st.B(0)
            st.addArc(head: b0, child: st.S(0), label: action.label)
            // Changing the stack may make the buffer word shiftable again: no loop can come of it.
            st.setReshiftable(b0)
            st.pop()
        case .rightArc:
            st.addArc(head: st.S(0), child: st.B(0), label: action.label)
            st.push()
        case .breakSentence:
            st.markSentenceStart(st.B(1))
        }
    }

    /// The best-scoring valid action for `state`, or nil when none is valid (spaCy's `arg_max_if_valid`:
    /// the first of equal scores wins).
    @inline(__always) func bestValidAction(scores: UnsafePointer<Float>, state: ParserState) -> Int? {
        let validity = MoveValidity(state)
        var best = -1
        var bestScore: Float = 0
        if hasSubtokenActions {
            for i in actions.indices where validity.allows(actions[i], in: state) {
                if best == -1 || scores[i] > bestScore {
                    best = i
                    bestScore = scores[i]
                }
            }
        } else {
            // One bit per valid move, read through each action's move code.
            let mask = validity.mask
            moveCodes.withUnsafeBufferPointer { codes in
                for i in codes.indices where (mask >> codes[i]) & 1 != 0 {
                    if best == -1 || scores[i] > bestScore {
                        best = i
                        bestScore = scores[i]
                    }
                }
            }
        }
        return best >= 0 ? best : nil
    }
}

extension ArcEager.MoveValidity {
    /// Bit `Move.rawValue` set for each valid move.
    @inline(__always) var mask: UInt8 {
        (shift ? 1 : 0) | (reduce ? 2 : 0) | (arc ? 4 | 8 : 0) | (breakSentence ? 16 : 0)
    }
}
