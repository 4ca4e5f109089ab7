import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What is at an input path, checked before it is read, so that each unusable input gets a message that
/// says what it is: a missing file, a symbolic link loop or a dangling link, a FIFO, a device, a socket, a
/// permission problem. Symbolic links to files and directories are followed.
public enum InputPath {
    /// The one-line message for an input that cannot be read as a file or directory, or nil when it can.
    public static func problem(_ path: String) -> String? {
        var st = stat()
        guard stat(path, &st) == 0 else {
            let e = errno
            switch e {
            case ENOENT:
                var l = stat()
                if lstat(path, &l) == 0, l.st_mode & S_IFMT == S_IFLNK { return "\(path): a symbolic link to a missing file; fix or remove the link" }
                return "\(path): no such file or directory"
            case ELOOP: return "\(path): a symbolic link loop (the link points back to itself); fix the link"
            case EACCES: return "\(path): permission denied on a directory of the path"
            case ENOTDIR: return "\(path): a part of the path is not a directory"
            default: return "\(path): \(String(cString: strerror(e)))"
            }
        }
        switch st.st_mode & S_IFMT {
        case S_IFREG:
            if access(path, R_OK) != 0 { return "\(path): permission denied; check the file's permissions" }
            return nil
        case S_IFDIR:
            if access(path, R_OK | X_OK) != 0 { return "\(path): permission denied; check the directory's permissions" }
            return nil
        case S_IFIFO:
            return "\(path): a pipe (FIFO), not a file; newsgraph reads an input more than once, so save it to a file first"
        case S_IFCHR, S_IFBLK:
            return "\(path): a device, not a file; give article files or directories"
        case S_IFSOCK:
            return "\(path): a socket, not a file; give article files or directories"
        default:
            return "\(path): not a regular file or directory"
        }
    }

    /// A directory given through a symbolic link, as its real path (so that listing it cannot fail on the
    /// link); any other path as it is.
    public static func listable(_ path: String) -> String {
        var l = stat()
        guard lstat(path, &l) == 0, l.st_mode & S_IFMT == S_IFLNK, let r = realpath(path, nil) else { return path }
        defer { free(r) }
        return String(cString: r)
    }
}
