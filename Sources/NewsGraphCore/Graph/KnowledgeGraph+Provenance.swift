// A knowledge graph's provenance: its articles, and the evidence (article, sentence, span) of nodes and edges.

extension KnowledgeGraph {
    /// Every article ingested, sorted by id. `Evidence.articleIndex` indexes this.
    public var articles: [ArticleInfo] { chunks.map(\.info) }

    /// The article with this id.
    public func article(_ id: String) -> ArticleInfo? {
        let (found, i) = chunkPosition(id)
        return found ? chunks[i].info : nil
    }

    /// The article an evidence comes from.
    public func article(of evidence: Evidence) -> ArticleInfo { chunks[Int(evidence.articleIndex)].info }

    /// The id of the article an evidence comes from.
    public func articleID(of evidence: Evidence) -> String { chunks[Int(evidence.articleIndex)].info.id }

    /// The lexicon version that produced the evidence's fact.
    public func lexiconVersion(of evidence: Evidence) -> String { chunks[Int(evidence.articleIndex)].lexicon }

    /// The lexicon version an article was extracted with.
    public func lexiconVersion(ofArticle id: String) -> String? {
        let (found, i) = chunkPosition(id)
        return found ? chunks[i].lexicon : nil
    }

    /// The sentence an evidence points to, when the article's sentences are known.
    public func sentence(of evidence: Evidence) -> String? {
        guard evidence.sentence >= 0 else { return nil }
        let s = chunks[Int(evidence.articleIndex)].info.sentences
        return Int(evidence.sentence) < s.count ? s[Int(evidence.sentence)] : nil
    }

    /// The evidence as a `Provenance` (nil when the position is unknown).
    public func provenance(of evidence: Evidence) -> Provenance? {
        guard evidence.sentence >= 0 else { return nil }
        return Provenance(article: articleID(of: evidence), sentence: Int(evidence.sentence), start: Int(evidence.start), end: Int(evidence.end))
    }

    /// A node's evidence: every mention in every article, in article-id order.
    public func evidence(of node: NodeID) -> [Evidence] {
        guard node.index >= 0 && node.index < nodeCount else { return [] }
        return Array(d.nodeEvidence[Int(d.nodeEvidenceOffsets[node.index]) ..< Int(d.nodeEvidenceOffsets[node.index + 1])])
    }

    /// An edge's evidence, in article-id order.
    public func evidence(of edge: EdgeID) -> [Evidence] {
        Array(d.edgeEvidence[Int(d.edgeEvidenceOffsets[edge.index]) ..< Int(d.edgeEvidenceOffsets[edge.index + 1])])
    }
}
