import Foundation
import NewsGraphExport

/// Which of the figure fonts are installed, found by looking at the font directories fontconfig reads
/// (no process is run). Pango, which measures the text, takes the first installed family of a list, so
/// putting an installed family first makes the measured font the one named first in the SVG.
public enum InstalledFonts {
    /// Font file name prefixes of the families of `Theme.fontStack`.
    static let families: [(family: String, filePrefixes: [String])] = [
        ("Liberation Sans", ["LiberationSans-"]),
        ("Arimo", ["Arimo-", "Arimo["]),
        ("Arial", ["Arial.", "arial."]),
        ("Helvetica", ["Helvetica"]),
        ("DejaVu Sans", ["DejaVuSans.", "DejaVuSans-"]),
    ]

    /// The directories searched.
    public static var directories: [String] {
        var dirs = ["/usr/share/fonts", "/usr/local/share/fonts", "/Library/Fonts", "/System/Library/Fonts"]
        let home = FileManager.default.homeDirectoryForCurrentUser.path
        dirs += [home + "/.fonts", home + "/.local/share/fonts", home + "/Library/Fonts"]
        return dirs
    }

    /// The families of `Theme.fontStack` that are installed, in preference order.
    public static func installedFamilies() -> [String] {
        var files: [String] = []
        for dir in directories {
            guard let e = FileManager.default.enumerator(atPath: dir) else { continue }
            while let f = e.nextObject() as? String {
                files.append((f as NSString).lastPathComponent)
                if files.count > 50_000 { break }
            }
        }
        return families.filter { fam in files.contains { f in fam.filePrefixes.contains { f.hasPrefix($0) } } }.map(\.family)
    }

    /// The font list for figures: installed families first, then the rest of `Theme.fontStack` for viewers
    /// of the SVG elsewhere, ending in the generic `sans-serif`.
    public static func stack() -> String {
        let installed = installedFamilies()
        let rest = families.map(\.family).filter { !installed.contains($0) }
        return (installed + rest + ["sans-serif"]).joined(separator: ",")
    }
}
