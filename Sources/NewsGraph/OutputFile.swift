import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing an output file (`-o`, `--output`) without replacing what should not be replaced.
///
/// - A regular file (or a new one) is written through a temporary file in the same directory, renamed over it
///   when complete: a reader never sees half a file, and a failed write leaves the old file. The old file's mode
///   and owner are kept. A file with several hard links, or whose owner cannot be kept, is rewritten in place.
/// - A symbolic link is followed: its target is written (through a temporary file next to the target), the link
///   stays a link. A link loop is an error that says so.
/// - A FIFO, a device or a socket (`/dev/stdout`, `/dev/null`, a named pipe), and anything under `/dev` or
///   `/proc`, is opened and written in place, never replaced.
/// - A directory is an error.
public enum OutputFile {
    /// Writes what `body` emits to `path`.
    public static func write(to path: String, _ body: ((Data) throws -> Void) throws -> Void) throws {
        var st = stat()
        if stat(path, &st) == 0 {
            let kind = st.st_mode & S_IFMT
            if kind == S_IFDIR {
                throw OutputFileError("\(path) is a directory; give a file path")
            }
            if kind != S_IFREG || path.hasPrefix("/dev/") || path.hasPrefix("/proc/") {
                return try writeInPlace(path, truncate: kind == S_IFREG, body)
            }
            let target = resolved(path) ?? path
            let (owner, group) = (st.st_uid, st.st_gid)
            if st.st_nlink > 1 || (owner != geteuid() && geteuid() != 0) {
                // Renaming would split hard links or give the file to us: rewrite it where it is.
                return try writeInPlace(target, truncate: true, body)
            }
            return try writeReplacing(target, mode: st.st_mode & 0o7777, owner: (owner, group), body)
        }
        let error = errno
        switch error {
        case ENOENT:
            // A new file, or a dangling symbolic link: write the link's target, keep the link.
            let target = try linkTarget(path)
            return try writeReplacing(target, mode: nil, owner: nil, body)
        case ELOOP:
            throw OutputFileError("\(path): a symbolic link loop; point the link at a file, or give another path")
        case EACCES:
            throw OutputFileError("\(path): permission denied on a directory of the path; choose a path you can write")
        case ENOTDIR:
            throw OutputFileError("\(path): a part of the path is not a directory")
        default:
            throw OutputFileError("\(path): \(String(cString: strerror(error)))")
        }
    }

    /// Writes `data` to `path` (see `write(to:_:)`).
    public static func write(_ data: Data, to path: String) throws {
        try write(to: path) { emit in try emit(data) }
    }

    /// The path with every symbolic link resolved (an existing file).
    private static func resolved(_ path: String) -> String? {
        guard let r = realpath(path, nil) else { return nil }
        defer { free(r) }
        return String(cString: r)
    }

    /// The final target of a chain of symbolic links starting at `path` (which need not exist at the end).
    private static func linkTarget(_ path: String) throws -> String {
        var current = path
        for _ in 0 ..< 40 {
            var l = stat()
            guard lstat(current, &l) == 0, l.st_mode & S_IFMT == S_IFLNK else { break }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let n = readlink(current, &buffer, buffer.count - 1)
            guard n > 0 else { break }
            let target = String(decoding: buffer[0 ..< n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = target.hasPrefix("/") ? target : ((current as NSString).deletingLastPathComponent as NSString).appendingPathComponent(target)
        }
        let dir = (current as NSString).deletingLastPathComponent
        var d = stat()
        if stat(dir.isEmpty ? "." : dir, &d) != 0 || d.st_mode & S_IFMT != S_IFDIR {
            throw OutputFileError("cannot write \(path): the directory \(dir.isEmpty ? "." : dir) does not exist; create it or choose another path")
        }
        return current
    }

    private static func writeInPlace(_ path: String, truncate: Bool, _ body: ((Data) throws -> Void) throws -> Void) throws {
        let fd = open(path, O_WRONLY | O_CLOEXEC | (truncate ? O_TRUNC : 0))
        guard fd >= 0 else {
            throw OutputFileError("cannot write \(path): \(String(cString: strerror(errno))); check its permissions")
        }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        try body { data in try handle.write(contentsOf: data) }
        try handle.close()
    }

    private static func writeReplacing(_ target: String, mode: mode_t?, owner: (uid_t, gid_t)?,
                                       _ body: ((Data) throws -> Void) throws -> Void) throws {
        let dir = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        let temporary = ((dir.isEmpty ? "." : dir) as NSString).appendingPathComponent(".\(name).tmp-\(getpid())-\(UInt32.random(in: 0 ... .max))")
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard fd >= 0 else {
            let reason = String(cString: strerror(errno))
            throw OutputFileError("cannot write \(target): \(reason); check the directory \(dir.isEmpty ? "." : dir) exists and is writable")
        }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        do {
            if let mode { _ = fchmod(fd, mode) }
            if let (uid, gid) = owner { _ = fchown(fd, uid, gid) }
            try body { data in try handle.write(contentsOf: data) }
            try handle.close()
            guard rename(temporary, target) == 0 else {
                throw OutputFileError("cannot write \(target): \(String(cString: strerror(errno)))")
            }
        } catch {
            try? handle.close()
            unlink(temporary)
            if let e = error as? OutputFileError { throw e }
            throw OutputFileError("cannot write \(target): \(error.localizedDescription); nothing was replaced")
        }
    }
}

/// An output file that cannot be written, with what to do.
public struct OutputFileError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
