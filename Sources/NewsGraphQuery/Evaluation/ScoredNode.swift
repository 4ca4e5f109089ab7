import NewsGraphCore

/// A candidate node for a name, with its score (0–100) and how it matched.
struct ScoredNode: Hashable {
    var node: NodeID
    /// The documented 0–100 score.
    var score: Int
    var match: String
    /// The score plus the preference bonus, used only to order candidates.
    var rank: Int

    init(node: NodeID, score: Int, match: String) {
        self.node = node
        self.score = score
        self.match = match
        self.rank = score
    }
}
