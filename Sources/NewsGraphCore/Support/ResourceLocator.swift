import Foundation

/// Finds a folder of data files that newsgraph ships (the lexicons, the parser model) in a build, an
/// installation, or a copy of one, without SwiftPM's `Bundle.module` (which aborts the process when its
/// bundle is not where the build left it).
///
/// A folder `NAME` is looked for, in order, under:
/// 1. `$NEWSGRAPH_RESOURCES/NAME`;
/// 2. `newsgraph-resources/NAME` beside the running binary (a binary copied with that folder);
/// 3. `../share/newsgraph/NAME` from the binary's folder (what `make install PREFIX=…` lays out);
/// 4. SwiftPM's resource bundle beside the binary (`swift build` output);
/// 5. the source tree the library was built from (development builds and tests).
public struct ResourceLocator: Sendable {
    /// SwiftPM's bundle name of the module that owns the folder (`newsgraph_NewsGraphExtraction`).
    public var bundleName: String
    /// The folder in the source tree (`…/Sources/NewsGraphExtraction/Resources`).
    public var sourceResources: String

    public init(bundleName: String, sourceResources: String) {
        self.bundleName = bundleName
        self.sourceResources = sourceResources
    }

    /// The places where `folder` is looked for, in order.
    public func candidates(for folder: String) -> [URL] {
        var out: [URL] = []
        if let env = ProcessInfo.processInfo.environment["NEWSGRAPH_RESOURCES"], !env.isEmpty {
            out.append(URL(fileURLWithPath: env).appendingPathComponent(folder))
        }
        if let exe = Bundle.main.executableURL?.resolvingSymlinksInPath() {
            let bin = exe.deletingLastPathComponent()
            out.append(bin.appendingPathComponent("newsgraph-resources").appendingPathComponent(folder))
            out.append(bin.deletingLastPathComponent().appendingPathComponent("share/newsgraph").appendingPathComponent(folder))
            out.append(bin.appendingPathComponent(bundleName + ".resources").appendingPathComponent(folder))
        }
        out.append(URL(fileURLWithPath: sourceResources).appendingPathComponent(folder))
        return out
    }

    /// The first existing directory named `folder`, or nil.
    public func folder(_ folder: String) -> URL? {
        for url in candidates(for: folder) {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), isDir.boolValue { return url }
        }
        return nil
    }
}
