/// The largest a drawing may be, in inches. Graphviz scales a larger drawing down to fit (the DOT `size`
/// attribute), keeping its proportions; a smaller one keeps its natural size.
public struct FigureSize: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Inches; 0 for no limit.
    public var width: Double
    public var height: Double

    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// The text block of an A4 page with 2.5 cm margins, less room for a caption: 16 × 23 cm (6.3 × 9 in).
    public static let a4 = FigureSize(width: 6.3, height: 9)
    /// The same block turned sideways, for wide figures (a timeline): 23 × 16 cm.
    public static let a4Landscape = FigureSize(width: 9, height: 6.3)
    /// No limit: the drawing's natural size (11 pt text stays 11 pt however large the figure).
    public static let natural = FigureSize(width: 0, height: 0)

    /// Whether this is `natural` (no `size` attribute is written).
    public var isNatural: Bool { width <= 0 || height <= 0 }

    /// The default page of a view: the timeline reads left to right, so it gets the landscape block.
    public static func defaultSize(for view: FigureView) -> FigureSize {
        view == .timeline ? .a4Landscape : .a4
    }

    /// Reads `WxH` with an optional unit, `in` (default), `cm` or `mm` (`6.3x9`, `16x23cm`, `160x230mm`),
    /// or `natural`. Nil for anything else, or a side that is not positive.
    public init?(parsing text: String) {
        var s = Self.trim(text.lowercased())
        if s == "natural" || s == "none" { self = .natural; return }
        var factor = 1.0
        for (unit, f) in [("mm", 1 / 25.4), ("cm", 1 / 2.54), ("in", 1.0)] where s.hasSuffix(unit) {
            factor = f
            s = Self.trim(String(s.dropLast(unit.count)))
            break
        }
        let parts = s.split(separator: "x", omittingEmptySubsequences: false)
        guard parts.count == 2, let w = Double(Self.trim(String(parts[0]))),
              let h = Double(Self.trim(String(parts[1]))), w > 0, h > 0, w.isFinite, h.isFinite else { return nil }
        self.init(width: w * factor, height: h * factor)
    }

    public var description: String {
        isNatural ? "natural size" : "\(Self.format(width)) × \(Self.format(height)) in"
    }

    static func trim(_ s: String) -> String {
        String(s.drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }

    static func format(_ x: Double) -> String {
        let r = (x * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }
}
