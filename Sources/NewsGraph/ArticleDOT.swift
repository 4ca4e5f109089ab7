/// DOT of one article's extraction, through the same views and styles as the whole graph: the article
/// becomes a one-article `KnowledgeGraph` (resolved within the article) and is drawn by `DOTExport`.
public enum ArticleDOT {
    /// One `digraph` for the article, titled with its id (and date).
    public static func dot(for article: ArticleGraph, options: FigureOptions = FigureOptions()) throws(FigureError) -> String {
        var o = options
        if o.title == nil {
            o.title = article.article.id + (article.article.date.map { " (\($0))" } ?? "")
        }
        return try DOTExport.dot(KnowledgeGraph(articles: [article]), options: o)
    }
}
