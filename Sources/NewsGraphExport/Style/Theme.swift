/// The look of a figure: for print, for projection, or on a dark background.
public enum Theme: String, CaseIterable, Sendable, Codable {
    /// White background, 10–11 pt text, thin lines: for papers and reports.
    case paper
    /// White background, large text and thick lines: for slides and posters.
    case slides
    /// Dark background, light text: for screens and dark-mode pages.
    case dark

    /// The font family list used unless `FigureOptions.font` is given. Pango (which lays the text out)
    /// and SVG viewers (CSS) both take the first family they have, so a missing font falls back along
    /// the list. Liberation Sans (fonts-liberation2) and DejaVu Sans are what `fc-list` shows on the
    /// project's machines; Liberation Sans is metric-compatible with Arial and Helvetica, so text measured
    /// here fits its boxes wherever the SVG is viewed. `NewsGraphRender.InstalledFonts` puts an installed
    /// family first.
    public static let fontStack = "Liberation Sans,Arimo,Arial,Helvetica,DejaVu Sans,sans-serif"

    public var background: String { self == .dark ? "#1E1E1E" : "#FFFFFF" }
    public var text: String { self == .dark ? "#EEEEEE" : "#111111" }
    public var mutedText: String { self == .dark ? "#AAAAAA" : "#555555" }
    public var edge: String { self == .dark ? "#BBBBBB" : "#4D4D4D" }
    public var relationEdge: String { self == .dark ? "#8C8C8C" : "#7A7A7A" }
    public var causalEdge: String { self == .dark ? "#FFFFFF" : "#000000" }
    public var clusterFill: String { self == .dark ? "#2A2A2A" : "#F5F5F5" }
    public var clusterBorder: String { self == .dark ? "#555555" : "#BDBDBD" }
    /// How much of an entity's colour goes into its fill (the rest is background).
    public var entityTint: Double { self == .dark ? 0.45 : 0.3 }

    public var fontSize: Double { self == .slides ? 16 : 11 }
    public var detailFontSize: Double { self == .slides ? 13 : 9 }
    public var edgeFontSize: Double { self == .slides ? 13 : 9 }
    public var titleFontSize: Double { self == .slides ? 30 : 18 }
    public var subtitleFontSize: Double { self == .slides ? 16 : 10 }
    public var penWidth: Double { self == .slides ? 2 : 1.1 }
    public var causalPenWidth: Double { self == .slides ? 4.5 : 2.6 }
}
