/// spaCy `en_core_web_sm` 3.8's transition-based dependency parser, run natively: greedy arc-eager parsing
/// (beam width 1) over the token vectors of the shared tok2vec network, then spaCy's annotation steps
/// (roots labelled "ROOT", sentence starts from the subtree edges, pseudo-projective lifts undone).
///
/// Faithful to `spacy/pipeline/transition_parser.pyx` (`greedy_parse`), `spacy/ml/parser_model.pyx`
/// (`predict_states`) and `_parser_internals` (`StateC`, `arc_eager.pyx`, `nonproj.pyx`): given the same
/// vectors it gives the same heads and labels, up to float rounding where two actions score almost alike.
/// Time and memory grow linearly with the document: the lower layer is precomputed for all tokens at
/// once, and each transition costs the same whatever the length. That table takes 4 KB per token (40 MB
/// for 10,000 tokens), so very long texts are best parsed in pieces of whole paragraphs.
public struct DependencyParser: Sendable {
    let system: ArcEager
    let network: ParserNetwork

    /// Prepares the parser of `model` (its action names and weights).
    public init(model: SyntaxModel) throws {
        system = try ArcEager(actionNames: model.parser.actions)
        network = try ParserNetwork(model: model)
    }

    /// The width of the token vectors `parse` expects (96 for `en_core_web_sm`).
    public var inputWidth: Int { network.inputWidth }

    /// Parses a document of `count` tokens from its token vectors (`count × inputWidth`, row-major: spaCy's
    /// `doc.tensor` after the `tok2vec` pipe), assuming no token is whitespace.
    public func parse(tokenVectors: [Float], count: Int) -> DependencyParse {
        parse(tokenVectors: tokenVectors, count: count, isSpace: nil)
    }

    /// Parses a document of `count` tokens from its token vectors; `isSpace` marks whitespace tokens
    /// (spaCy's `is_space`), which undoing a lift never attaches to (nil: none is).
    public func parse(tokenVectors: [Float], count: Int, isSpace: [Bool]?) -> DependencyParse {
        precondition(count >= 0 && tokenVectors.count == count * network.inputWidth, "token vectors must be count × \(network.inputWidth)")
        precondition(isSpace == nil || isSpace?.count == count, "isSpace must have one flag per token")
        guard count > 0 else { return DependencyParse(heads: [], labels: [], sentenceStarts: []) }
        let rows = tokenVectors.withUnsafeBufferPointer { network.precompute(tokenVectors: $0.baseAddress!, count: count) }
        let state = greedyParse(rows: rows, count: count)
        return annotate(state, isSpace: isSpace)
    }

    /// The transition loop: score the state, take the best valid action, until the state is final.
    func greedyParse(rows: [Float], count: Int) -> ParserState {
        var state = ParserState(length: count)
        var scratch = network.makeScratch()
        let maximumSteps = ParserState.maximumSteps(length: count)
        network.withWeights { weights in
            rows.withUnsafeBufferPointer { rows in
                scratch.ids.withUnsafeMutableBufferPointer { ids in
                    scratch.unmaxed.withUnsafeMutableBufferPointer { unmaxed in
                        scratch.hiddens.withUnsafeMutableBufferPointer { hiddens in
                            scratch.scores.withUnsafeMutableBufferPointer { scores in
                                var steps = 0
                                while !state.isFinal {
                                    steps += 1
                                    state.contextTokens(into: ids.baseAddress!)
                                    network.score(
                                        ids: ids.baseAddress!, rows: rows.baseAddress!, unmaxed: unmaxed.baseAddress!,
                                        hiddens: hiddens.baseAddress!, scores: scores.baseAddress!, weights: weights)
                                    // No valid action (spaCy forces the state final) or, which cannot
                                    // happen, more steps than any action sequence has: stop.
                                    guard steps <= maximumSteps,
                                          let best = system.bestValidAction(scores: scores.baseAddress!, state: state)
                                    else {
                                        state.forceFinal()
                                        break
                                    }
                                    ArcEager.apply(system.actions[best], to: &state)
                                }
                            }
                        }
                    }
                }
            }
        }
        return state
    }

    /// spaCy's `ArcEager.set_annotations` and the `deprojectivize` postprocess: heads and labels from the
    /// arcs, "ROOT" for headless words, then lifts undone and sentence starts from the edges.
    func annotate(_ state: ParserState, isSpace: [Bool]?) -> DependencyParse {
        let n = state.length
        var heads = [Int32](repeating: 0, count: n)
        var labels = [Int32](repeating: system.rootLabel, count: n)
        for i in 0..<n {
            let h = state.heads[i]
            if h >= 0 {
                heads[i] = h
                labels[i] = state.labels[i]
            } else {
                heads[i] = Int32(i)
            }
        }
        var edges = TreeEdges(heads: heads)
        if labels.contains(where: { system.lifts[Int($0)] != nil }) {
            Deprojectivizer(system: system).apply(heads: &heads, labels: &labels, isSpace: isSpace, edges: edges)
            edges = TreeEdges(heads: heads)
        }
        return DependencyParse(
            heads: heads.map { Int($0) },
            labels: labels.map { system.labels[Int($0)] },
            sentenceStarts: edges.sentenceStarts(heads: heads))
    }
}
