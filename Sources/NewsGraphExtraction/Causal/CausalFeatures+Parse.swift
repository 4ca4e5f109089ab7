import NewsGraphSyntax

extension CausalFeatures {
    /// The features of the tokens `sentence` of `parsed` (a sentence of a document's parse, or all of a
    /// parsed sentence): every word's stem with its dependency label; the lexicon's causal signals and cues; connectives with
    /// the clauses and phrases they attach (`mark`/`advcl` "because", `prep`+`pobj` "after the attack");
    /// causal verbs with the kind of their subject and object; purpose clauses; verb-to-verb links.
    ///
    /// Whitespace tokens are skipped; heads outside `sentence` are treated as absent. (A plain bag of words and
    /// bigrams, and length counts, were tried and left out: cross-validated F1 on the training split was lower
    /// with them, 0.755 against 0.765; the labelled stems `d=` are the bag of words here.)
    public init(parsed: ParsedText, sentence: Range<Int>, lexicon: Lexicon) {
        self.init(names: CausalFeatures.rawNames(parsed: parsed, sentence: sentence, lexicon: lexicon))
    }

    /// The feature names in the order they are found, repeats included (`init` sorts and deduplicates them;
    /// the model's hot path only needs their distinct hash indexes).
    static func rawNames(parsed: ParsedText, sentence: Range<Int>, lexicon: Lexicon) -> [String] {
        let view = SentenceView(parsed: parsed, sentence: sentence)
        var f: [String] = []
        f.reserveCapacity(view.count * 12)
        view.addSignals(lexicon: lexicon, to: &f)
        for i in 0..<view.count {
            view.addArcs(of: i, to: &f)
            view.addConnective(i, to: &f)
            view.addCausalVerb(i, to: &f)
            view.addClauseLink(i, to: &f)
            view.addEventPath(i, to: &f)
        }
        return f
    }
}

/// One sentence's non-space tokens with what the features read of each, indexed 0..<count.
struct SentenceView {
    var lower: [String] = []
    var stem: [String] = []
    var tag: [String] = []
    var pos: [String] = []
    var label: [String] = []
    /// The head's position in this view, or -1 for a root or a head outside the sentence.
    var head: [Int] = []
    /// Children positions by head position.
    var children: [[Int]] = []
    /// Each token's kind (`kind(_:)`), computed once.
    var kinds: [String] = []

    var count: Int { lower.count }

    init(parsed: ParsedText, sentence: Range<Int>) {
        let range = sentence.clamped(to: parsed.tokens.indices)
        var position = [Int: Int]()
        for p in range where !parsed.tokens[p].token.isSpace {
            let t = parsed.tokens[p]
            position[p] = lower.count
            let lw = t.text.lowercased()
            lower.append(lw)
            stem.append(CausalFeatures.stem(lw))
            tag.append(t.tag)
            pos.append(t.pos)
            label.append(t.label)
        }
        kinds = lower.indices.map { SentenceView.kind(pos: pos[$0], stem: stem[$0], lowered: lower[$0]) }
        children = Array(repeating: [], count: lower.count)
        for p in range where !parsed.tokens[p].token.isSpace {
            guard let i = position[p] else { continue }
            let h = parsed.tokens[p].head
            let hi = h == p ? -1 : (position[h] ?? -1)
            head.append(hi)
            if hi >= 0 { children[hi].append(i) }
        }
    }

    func kids(_ i: Int, _ labels: [String]) -> [Int] { children[i].filter { labels.contains(label[$0]) } }

    /// The kind of a token for features that generalise over words: verb, event noun, name, noun, pronoun.
    func kind(_ i: Int) -> String { kinds[i] }

    static func kind(pos: String, stem: String, lowered: String) -> String {
        switch pos {
        case "VERB", "AUX": return "verb"
        case "PROPN": return "name"
        case "PRON": return "pron"
        case "NOUN": return CausalFeatures.isEventNoun(stem: stem, lowered: lowered) ? "event" : "noun"
        case "NUM": return "num"
        default: return "other"
        }
    }

    func isPunct(_ i: Int) -> Bool { pos[i] == "PUNCT" || CausalFeatureWords.punctuation.contains(lower[i]) }

    /// `sig=` the lexicon's sentence-level causal signals and `cue=` its causal-link cues found in the
    /// sentence (by phrase and by relation); `sig=any` / `cue=any` when there is at least one.
    func addSignals(lexicon: Lexicon, to f: inout [String]) {
        let text = lower.joined(separator: " ")
        let bytes = Array(text.utf8)
        let tokens = Tokenizer.tokenize(bytes)
        func phrase(_ i: Int, _ n: Int) -> String {
            tokens[i..<(i + n)].map { String(decoding: bytes[$0.range], as: UTF8.self) }.joined(separator: "_")
        }
        for i in tokens.indices {
            if let m = lexicon.signals.match(tokens, at: i, limit: tokens.count) {
                f.append("sig=any")
                f.append("sig=" + phrase(i, m.length))
            }
            if let m = lexicon.cues.match(tokens, at: i, limit: tokens.count) {
                f.append("cue=any")
                f.append("cue=" + m.value.relation.rawValue)
                f.append("cue=" + phrase(i, m.length))
            }
        }
    }

    /// `d=` a dependent with its label, `h=` a content head with the label of a child
    /// (`h=advcl:kill`: "kill" heads an adverbial clause).
    func addArcs(of i: Int, to f: inout [String]) {
        guard !isPunct(i) else { return }
        f.append("d=" + label[i] + ":" + stem[i])
        if head[i] >= 0, ["VERB", "NOUN", "AUX"].contains(pos[head[i]]) {
            f.append("h=" + label[i] + ":" + stem[head[i]])
            f.append("k=" + label[i] + ":" + kind(head[i]) + ":" + kind(i))
        }
    }

    /// Connectives: a subordinator with the clause it opens and the clause that clause hangs on
    /// (`c=mark:because:advcl:verb`), a preposition with its object's word and kind and what it attaches to
    /// (`c=prep:after:event`, `c=prep:amid:at:verb`), multi-word prepositions ("due to", "in response to").
    func addConnective(_ i: Int, to f: inout [String]) {
        let w = lower[i]
        guard CausalFeatureWords.connectives.contains(w) || label[i] == "mark" else { return }
        // (a subordinator always; an adverb such as "as" or "so" only when it opens a clause)
        let h = head[i]
        switch label[i] {
        case "mark" where h < 0:
            return
        case let l where l == "mark" || (l == "advmod" && h >= 0 && ["advcl", "ccomp", "conj"].contains(label[h])):
            f.append("c=\(label[i]):\(w):\(label[h])")
            let top = head[h]
            f.append("c=\(label[i]):\(w):\(label[h]):\(top >= 0 ? kind(top) : "root")")
            f.append("c=\(label[i]):\(w):\(tag[h])")
            if !kids(h, ["auxpass", "nsubjpass"]).isEmpty { f.append("c=\(label[i]):\(w):passive") }
        case "prep", "agent", "pcomp", "amod", "acomp":
            let objects = kids(i, ["pobj", "pcomp", "prep"])
            for o in objects {
                f.append("c=prep:\(w):\(kind(o))")
                f.append("c=prep:\(w):\(lower[o])")
                if label[o] == "prep" { // "due to", "in response to": follow the inner preposition's object
                    for o2 in kids(o, ["pobj", "pcomp"]) { f.append("c=prep:\(w)_\(lower[o]):\(kind(o2))") }
                    for o2 in kids(o, ["pobj"]) { for o3 in kids(o2, ["prep"]) { f.append("c=prep:\(w)_\(lower[o])_\(lower[o3])") } }
                }
                for o2 in kids(o, ["prep"]) where label[o] == "pobj" { f.append("c=prep:\(w)_\(lower[o])_\(lower[o2])") }
                if pos[o] == "VERB" { f.append("c=prep:\(w):clause:\(tag[o])") }
            }
            if h >= 0 {
                f.append("c=prep:\(w):at:\(kind(h))")
                if ["VERB", "NOUN"].contains(pos[h]) { f.append("c=prep:\(w):at:\(stem[h])") } // "protest over", "strike for"
            }
        default:
            f.append("c=\(label[i]):\(w)")
        }
    }

    /// A causal verb with its role, the kinds of its subject and object, its voice and its prepositions:
    /// `cv=spark`, `cv=spark:nsubj:event`, `cv=lead:prep:to`, `cv=caus:passive`.
    func addCausalVerb(_ i: Int, to f: inout [String]) {
        guard pos[i] == "VERB", CausalFeatureWords.causalVerbs.contains(stem[i]) else { return }
        let v = stem[i]
        f.append("cv=" + v)
        f.append("cv=\(v):\(label[i])")
        for s in kids(i, ["nsubj", "csubj"]) { f.append("cv=\(v):nsubj:\(kind(s))") }
        for o in kids(i, ["dobj", "attr"]) { f.append("cv=\(v):dobj:\(kind(o))") }
        for p in kids(i, ["prep", "agent", "prt"]) { f.append("cv=\(v):prep:\(lower[p])") }
        for c in kids(i, ["xcomp", "ccomp"]) { f.append("cv=\(v):\(label[c])") }
        if !kids(i, ["auxpass", "nsubjpass"]).isEmpty { f.append("cv=\(v):passive") }
        f.append("cv=any:\(label[i])")
    }

    /// Clause links between verbs: an adverbial, open or coordinated clause with its connective (`vv=advcl:because`,
    /// `vv=advcl:none:VBG`), purpose clauses (`p=to:advcl`, "in order to"), a participle of demand or
    /// protest ("demanding", "protesting against").
    func addClauseLink(_ i: Int, to f: inout [String]) {
        guard ["VERB", "AUX"].contains(pos[i]), head[i] >= 0 else { return }
        let l = label[i]
        guard ["advcl", "xcomp", "ccomp", "conj", "relcl", "acl", "pcomp"].contains(l) else { return }
        let marks = kids(i, ["mark", "advmod"]).filter { CausalFeatureWords.connectives.contains(lower[$0]) || label[$0] == "mark" }
        let connector = marks.first.map { lower[$0] } ?? "none"
        let top = head[i]
        f.append("vv=\(l):\(connector)")
        f.append("vv=\(l):\(connector):\(tag[i])")
        f.append("vv=\(l):\(connector):\(kind(top))")
        let to = kids(i, ["aux"]).contains { lower[$0] == "to" }
        if to, tag[i] == "VB" {
            f.append("p=to:\(l)")
            f.append("p=to:\(l):\(stem[i])")
            f.append("p=to:\(l):at:\(kind(top))")
            if ["VERB", "NOUN"].contains(pos[top]) { f.append("p=to:\(l):at:\(stem[top])") } // "gathered to protest", "a bid to"
            if kids(i, ["mark", "advmod"]).contains(where: { lower[$0] == "order" || lower[$0] == "in" }) { f.append("p=in_order_to") }
        }
        if tag[i] == "VBG" {
            f.append("g=\(l):\(stem[i])")
            for o in kids(i, ["dobj", "ccomp", "prep"]) { f.append("g=\(l):\(label[o]):\(kind(o))") }
        }
    }

    /// Whether a token can be one end of a causal link: a verb or a noun of an event.
    func isEvent(_ i: Int) -> Bool { pos[i] == "VERB" || kind(i) == "event" }

    /// The path from an event to the nearest event above it in the tree (at most four arcs), with the
    /// connectives on the way: `pp=advcl[after]`, `pp=pobj.prep[over]:event>event`, `pp=nsubj:event>verb`,
    /// and with the upper event's stem (`pp=nsubj>spark`).
    func addEventPath(_ i: Int, to f: inout [String]) {
        guard isEvent(i) else { return }
        var steps: [String] = []
        var at = i
        for _ in 0..<4 {
            let up = head[at]
            guard up >= 0 else { return }
            var step = label[at]
            let connectives = kids(at, ["mark", "advmod"]).filter { CausalFeatureWords.connectives.contains(lower[$0]) }.map { lower[$0] }
            if !connectives.isEmpty { step += "[" + connectives.joined(separator: "_") + "]" }
            if label[at] == "prep" || label[at] == "agent" { step += "[" + lower[at] + "]" }
            steps.append(step)
            at = up
            if isEvent(at) { break }
        }
        guard isEvent(at), at != i else { return }
        let path = steps.joined(separator: ".")
        f.append("pp=" + path)
        f.append("pp=\(path):\(kind(i))>\(kind(at))")
        f.append("pp=\(path)>\(stem[at])")
        f.append("pp=\(stem[i])<\(path)")
    }
}
