// The NewsGraph library: the pipeline stages, re-exported so that `import NewsGraph` is enough.
// Graphviz rendering is not here; it lives in NewsGraphRender, so the core works without Graphviz.
@_exported import NewsGraphCore
@_exported import NewsGraphExtraction
@_exported import NewsGraphSyntax
@_exported import NewsGraphExport
@_exported import NewsGraphImport
@_exported import NewsGraphQuery
@_exported import NewsGraphStore
