import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What is at a store path before SQLite opens it, and the lock that serialises creating a store.
enum StorePath {
    enum Kind: Equatable {
        case missing
        case regular(size: Int)
        /// Not something a store can be: the reason, for `StoreError.notAStore`.
        case problem(String)
    }

    /// Follows symbolic links (a store may be reached through one).
    static func inspect(_ path: String) -> Kind {
        var st = stat()
        if stat(path, &st) != 0 {
            let e = errno
            switch e {
            case ENOENT:
                // A dangling link, or nothing. (Another process may create the file between the two calls:
                // then it is no link, and it is looked at again.)
                var l = stat()
                guard lstat(path, &l) == 0 else { return .missing }
                if l.st_mode & S_IFMT == S_IFLNK { return .problem("a symbolic link to a missing file") }
                return inspect(path)
            case ELOOP: return .problem("a symbolic link loop")
            case EACCES: return .problem("it cannot be reached: permission denied on a directory of the path")
            case ENOTDIR: return .problem("a part of the path is not a directory")
            default: return .problem(String(cString: strerror(e)))
            }
        }
        switch st.st_mode & S_IFMT {
        case S_IFREG: return .regular(size: Int(st.st_size))
        case S_IFDIR: return .problem("a directory; give the path of a file")
        case S_IFIFO: return .problem("a named pipe, not a file")
        case S_IFCHR, S_IFBLK: return .problem("a device, not a file")
        case S_IFSOCK: return .problem("a socket, not a file")
        default: return .problem("not a regular file")
        }
    }

    /// Runs `body` holding an exclusive lock on the store's directory (`flock`), so that only one process at
    /// a time looks at and creates or upgrades a store's schema. The lock is on the directory, not the store
    /// file: SQLite's own POSIX locks on the file would be dropped by closing any other descriptor of it.
    /// Waits up to `timeout` seconds, then throws `StoreError.locked`. A directory that cannot be opened
    /// (no read permission) is not locked; SQLite's own locking then still applies.
    static func withCreationLock<T>(for path: String, timeout: Double, _ body: () throws -> T) throws -> T {
        let parent = (path as NSString).deletingLastPathComponent
        let dir = parent.isEmpty ? "." : parent
        let fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return try body() }
        defer { _ = closeDescriptor(fd) }
        let start = ContinuousClock.now
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else { return try body() }
            let waited = ContinuousClock.now - start
            if waited > .milliseconds(Int64(timeout * 1000)) {
                throw StoreError.locked(path: path, seconds: timeout)
            }
            usleep(5_000)
        }
        defer { _ = flock(fd, LOCK_UN) }
        return try body()
    }
}

#if canImport(Glibc)
private func closeDescriptor(_ fd: Int32) -> Int32 { Glibc.close(fd) }
#elseif canImport(Darwin)
private func closeDescriptor(_ fd: Int32) -> Int32 { Darwin.close(fd) }
#endif
