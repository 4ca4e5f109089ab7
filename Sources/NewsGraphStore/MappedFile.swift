#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A read-only memory mapping of a whole file whose already-read pages can be handed back, so that decoding
/// a large file into other memory never holds the file and its decoded form at once (the graph cache).
///
/// One owner, one thread: the store maps the file, decodes it front to back calling `release(upTo:)`, then
/// `close()`s it.
final class MappedFile {
    /// The file's bytes (empty for an empty file).
    let bytes: UnsafeRawBufferPointer
    private let base: UnsafeMutableRawPointer?
    private let length: Int
    private let page: Int
    /// Bytes from the start already handed back (a multiple of the page size).
    private var released = 0
    /// Hand pages back in steps of at least this many bytes (fewer system calls).
    private let step: Int

    /// Maps `path`, or returns nil when it cannot be opened or mapped. Pages are handed back `releaseStep`
    /// bytes at a time.
    init?(path: String, releaseStep: Int = 8 << 20) {
        step = max(1, releaseStep)
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { _ = closeDescriptor(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return nil }
        length = Int(st.st_size)
        page = max(4096, Int(sysconf(Int32(_SC_PAGESIZE))))
        if length == 0 {
            base = nil
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
            return
        }
        guard let p = mmap(nil, length, PROT_READ, MAP_PRIVATE, fd, 0), p != MAP_FAILED else { return nil }
        base = p
        bytes = UnsafeRawBufferPointer(start: p, count: length)
        // Read front to back: ask for read-ahead.
        _ = madvise(p, length, MADV_SEQUENTIAL)
    }

    /// Hands back the pages wholly before `offset` (they are read again from the file if touched later).
    /// An offset below the last one starts a new pass over the file (the checksum pass, then decoding).
    func release(upTo offset: Int) {
        if offset < released { released = 0 }
        guard let base, offset - released >= step else { return }
        let end = min(offset, length) / page * page
        guard end > released else { return }
        _ = madvise(base + released, end - released, MADV_DONTNEED)
        released = end
    }

    /// Unmaps the file. The bytes must not be used afterwards.
    func close() {
        if let base { _ = munmap(base, length) }
    }
}

#if canImport(Glibc)
private func closeDescriptor(_ fd: Int32) -> Int32 { Glibc.close(fd) }
#elseif canImport(Darwin)
private func closeDescriptor(_ fd: Int32) -> Int32 { Darwin.close(fd) }
#endif
