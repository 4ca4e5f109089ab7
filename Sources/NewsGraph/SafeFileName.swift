import Foundation

/// File names derived from article ids (`extract --output-dir`): one path component, never `.`/`..`, no
/// separator, NUL or control character, at most 200 bytes, so that the file always lands in the output directory.
public enum SafeFileName {
    /// The file name for `id` (without extension). An id that is already safe is kept as it is; otherwise the
    /// unsafe characters become `_` and 8 hex digits of the id's SHA-256 are appended, so that two ids never
    /// share a file (`a/b` and `a_b` differ).
    public static func forID(_ id: String) -> String {
        if isSafe(id) { return id }
        var out = ""
        for u in id.unicodeScalars {
            if u == "/" || u == "\\" || u.value < 0x20 || (0x7F ... 0x9F).contains(u.value) || u == ":" {
                out += "_"
            } else {
                out.unicodeScalars.append(u)
            }
        }
        // No leading dots (hidden files, `.`, `..`).
        while out.hasPrefix(".") { out = "_" + out.dropFirst() }
        // Room for the suffix and an extension within 255 bytes.
        while out.utf8.count > 200 { out.removeLast() }
        if out.isEmpty { out = "_" }
        return out + "-" + String(SHA256.hex(Array(id.utf8)).prefix(8))
    }

    /// Whether `id` can be used as a file name as it is.
    public static func isSafe(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.count <= 200 && !id.hasPrefix(".")
            && !id.unicodeScalars.contains { $0 == "/" || $0 == "\\" || $0 == ":" || $0.value < 0x20 || (0x7F ... 0x9F).contains($0.value) }
    }

    /// The path of the file for `id` with `fileExtension` inside `directory`; always directly inside it.
    public static func path(in directory: String, id: String, fileExtension: String) -> String {
        (directory as NSString).appendingPathComponent(forID(id) + "." + fileExtension)
    }
}
