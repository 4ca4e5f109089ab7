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
/// 5. the source tree the library was built from, only for a binary inside that tree (`swift build` output and
///    tests): a binary copied elsewhere without its data fails with a message naming `NEWSGRAPH_RESOURCES`,
///    rather than working on the build machine only.
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
        let exe = Bundle.main.executableURL?.resolvingSymlinksInPath()
        if let exe {
            let bin = exe.deletingLastPathComponent()
            out.append(bin.appendingPathComponent("newsgraph-resources").appendingPathComponent(folder))
            out.append(bin.deletingLastPathComponent().appendingPathComponent("share/newsgraph").appendingPathComponent(folder))
            out.append(bin.appendingPathComponent(bundleName + ".resources").appendingPathComponent(folder))
        }
        if exe.map(isInSourceTree) ?? true {
            out.append(URL(fileURLWithPath: sourceResources).appendingPathComponent(folder))
        }
        return out
    }

    /// The package root of `sourceResources` (`…/Sources/<Module>/Resources` → `…`).
    var packageRoot: URL {
        URL(fileURLWithPath: sourceResources).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// Whether the binary lies inside the package it was built from (a development build or a test runner).
    func isInSourceTree(_ exe: URL) -> Bool {
        let root = packageRoot.resolvingSymlinksInPath().path
        return exe.path.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }

    /// The first existing directory named `folder`, or nil. A symbolic link is resolved (directory listings do
    /// not follow one: a linked `Lexicons` would otherwise read as an empty folder).
    public func folder(_ folder: String) -> URL? {
        for url in candidates(for: folder) {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), isDir.boolValue {
                return url.resolvingSymlinksInPath()
            }
        }
        return nil
    }
}
