import Foundation

/// Executables built next to the test bundle: `swift build` and `swift test` put the package's products and
/// the test bundle in the same products directory. Shared by the test targets that run the `newsgraph` binary.
public enum BuiltExecutable {
    /// The executable file `name` in the directory of the test process, of its bundles or beside them;
    /// nil when it has not been built.
    public static func url(named name: String) -> URL? {
        var dirs: [URL] = []
        if let arg0 = CommandLine.arguments.first {
            dirs.append(URL(fileURLWithPath: arg0).resolvingSymlinksInPath().deletingLastPathComponent())
        }
        dirs.append(Bundle.main.bundleURL)
        dirs.append(Bundle.main.bundleURL.deletingLastPathComponent())
        for b in Bundle.allBundles { dirs.append(b.bundleURL.deletingLastPathComponent()) }
        if let exe = Bundle.main.executableURL { dirs.append(exe.deletingLastPathComponent()) }
        for d in dirs {
            let candidate = d.appendingPathComponent(name)
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDir), !isDir.boolValue,
               FileManager.default.isExecutableFile(atPath: candidate.path) {
                return candidate
            }
        }
        return nil
    }
}
