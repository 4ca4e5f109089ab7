import NewsGraphCore

/// The Okabe–Ito palette (Okabe & Ito 2002, "Color Universal Design"): eight colours that stay
/// distinguishable for the common forms of colour blindness, used for every figure.
public enum OkabeIto {
    public static let orange = "#E69F00"
    public static let skyBlue = "#56B4E9"
    public static let bluishGreen = "#009E73"
    public static let yellow = "#F0E442"
    public static let blue = "#0072B2"
    public static let vermillion = "#D55E00"
    public static let reddishPurple = "#CC79A7"
    public static let black = "#000000"

    /// All eight, in the published order.
    public static let all = [black, orange, skyBlue, bluishGreen, yellow, blue, vermillion, reddishPurple]
}

/// A family of event types that share a colour.
public enum EventCategory: String, CaseIterable, Sendable {
    /// attack, bombing, clash, killing.
    case violence
    /// operation, arrest.
    case security
    /// abduction.
    case abduction
    /// claim, statement.
    case communication
    /// protest.
    case protest

    public init(_ t: EventType) {
        switch t {
        case .attack, .bombing, .clash, .killing: self = .violence
        case .operation, .arrest: self = .security
        case .abduction: self = .abduction
        case .claim, .statement: self = .communication
        case .protest: self = .protest
        }
    }
}

/// Colours and shapes of node and edge kinds.
public enum Palette {
    /// The colour of an entity type (border and, lightened, fill).
    public static func color(_ t: EntityType) -> String {
        switch t {
        case .person: OkabeIto.skyBlue
        case .group: OkabeIto.orange
        case .unit: OkabeIto.blue
        case .organization: OkabeIto.bluishGreen
        case .place: OkabeIto.yellow
        case .facility: OkabeIto.reddishPurple
        }
    }

    /// The shape of an entity type: never the plain sharp box, which is the events'.
    public static func shape(_ t: EntityType) -> String {
        switch t {
        case .person: "ellipse"
        case .group: "hexagon"
        case .unit: "octagon"
        case .organization: "box"  // drawn rounded
        case .place: "house"
        case .facility: "cylinder"
        }
    }

    /// The fill colour of an event category (events are filled solid; entities are pale).
    public static func color(_ c: EventCategory, theme: Theme) -> String {
        switch c {
        case .violence: OkabeIto.vermillion
        case .security: OkabeIto.blue
        case .abduction: OkabeIto.reddishPurple
        case .communication: theme == .dark ? "#BBBBBB" : "#333333"
        case .protest: OkabeIto.bluishGreen
        }
    }

    /// The text colour on an event of this category.
    public static func textColor(_ c: EventCategory, theme: Theme) -> String {
        c == .communication && theme == .dark ? "#000000" : "#FFFFFF"
    }

    /// The shape of an event: a sharp box, a note for claims and statements.
    public static func shape(_ t: EventType) -> String {
        EventCategory(t) == .communication ? "note" : "box"
    }

    /// `color` mixed with `background`: `amount` 1 is the colour, 0 the background.
    public static func mix(_ color: String, _ background: String, _ amount: Double) -> String {
        func rgb(_ s: String) -> (Double, Double, Double) {
            let hex = s.hasPrefix("#") ? String(s.dropFirst()) : s
            let v = UInt32(hex, radix: 16) ?? 0
            return (Double((v >> 16) & 0xFF), Double((v >> 8) & 0xFF), Double(v & 0xFF))
        }
        let a = rgb(color), b = rgb(background)
        func channel(_ x: Double, _ y: Double) -> String {
            let v = Int((x * amount + y * (1 - amount)).rounded())
            let h = String(min(255, max(0, v)), radix: 16, uppercase: true)
            return h.count == 1 ? "0" + h : h
        }
        return "#" + channel(a.0, b.0) + channel(a.1, b.1) + channel(a.2, b.2)
    }
}
