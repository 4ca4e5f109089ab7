/// The raw content of a GraphML document: keys, nodes and edges with their data by key id.
struct GraphMLDocument {
    struct Key {
        var id: String
        var domain: String
        /// `attr.name`, or nil for yFiles graphics keys.
        var name: String?
        var defaultValue: String?
    }
    struct Element {
        var id: String
        var data: [String: String] = [:]
        /// The text of a yEd `y:NodeLabel` / `y:EdgeLabel`, if any.
        var graphicsLabel: String?
        var line: Int
        var source = ""
        var target = ""
    }
    var keys: [String: Key] = [:]
    var nodes: [Element] = []
    var edges: [Element] = []
    var directed = true
}
