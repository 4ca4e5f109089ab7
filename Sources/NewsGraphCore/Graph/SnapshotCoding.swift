// The byte coding of graph snapshots: `SnapshotWriter` (aligned plain-struct arrays, a shared string table,
// pieces handed over as the image grows) and `SnapshotReader`, its bounds-checked reverse.

struct SnapshotWriter {
    var bytes: [UInt8] = []
    /// When set, the image is handed over in pieces (multiples of 32 bytes) as it grows past `flushSize`,
    /// with the checksum kept running, instead of being held whole.
    var flush: ((UnsafeRawBufferPointer) throws -> Void)? = nil
    var flushSize = 4 << 20
    var checksum = SnapshotChecksum.Running()
    /// The first error `flush` threw (nothing more is handed over after it).
    var failure: (any Error)? = nil

    /// Hands the complete 32-byte blocks over to `flush` once the buffer is large (offsets modulo 8, which
    /// `align` uses, are unchanged).
    mutating func drain() {
        guard let flush, failure == nil, bytes.count >= flushSize else { return }
        let n = bytes.count / 32 * 32
        bytes.withUnsafeBytes { raw in
            let piece = UnsafeRawBufferPointer(rebasing: raw[0 ..< n])
            checksum.add(piece)
            do { try flush(piece) } catch { failure = error }
        }
        bytes.removeFirst(n)
    }

    mutating func align() { while bytes.count % 8 != 0 { bytes.append(0) } }

    mutating func int(_ v: Int) {
        var x = Int64(v)
        withUnsafeBytes(of: &x) { bytes.append(contentsOf: $0) }
    }

    mutating func pod<T>(_ a: [T]) {
        precondition(_isPOD(T.self), "snapshot arrays must hold plain values")
        int(a.count)
        align()
        a.withUnsafeBytes { bytes.append(contentsOf: $0) }
        align()
        drain()
    }

    mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { u in
            int(u.count)
            bytes.append(contentsOf: u)
        }
    }

    mutating func strings(_ a: [String]) {
        int(a.count)
        var lengths: [Int32] = []
        lengths.reserveCapacity(a.count)
        var total = 0
        for s in a { lengths.append(Int32(s.utf8.count)); total += s.utf8.count }
        pod(lengths)
        int(total)
        for var s in a { s.withUTF8 { bytes.append(contentsOf: $0) } }
        align()
        drain()
    }

    mutating func optionalString(_ s: String?) {
        int(s == nil ? 0 : 1)
        if let s { string(s) }
    }

    /// The distinct strings of `shared` arrays, written once before them (see `KnowledgeGraph.snapshot`).
    var table: [String: Int32] = [:]
    var tableList: [String] = []

    /// An array of strings as numbers into the string table: a name, key or id that occurs in several arrays
    /// (the article records, the node names, the name index) is stored once and, when read back, shared.
    /// Adds the strings of an array written later by `shared` to the table.
    mutating func intern(_ a: [String]) {
        for s in a where table[s] == nil {
            table[s] = Int32(tableList.count)
            tableList.append(s)
        }
    }

    /// Writes an array whose strings were `intern`ed (an unknown string is added, but then the table written
    /// before it lacks it: the reader refuses the image, so every array must be interned first).
    mutating func shared(_ a: [String]) {
        var numbers: [Int32] = []
        numbers.reserveCapacity(a.count)
        for s in a {
            precondition(table[s] != nil, "snapshot: string array not interned before the table was written")
            numbers.append(table[s] ?? -1)
        }
        pod(numbers)
    }
}

struct SnapshotReader {
    let bytes: UnsafeRawBufferPointer
    var offset = 0
    /// Told how far the reader has got after each array, so that a caller can release what is behind it.
    var consumed: ((Int) -> Void)? = nil

    func fail(_ what: String) -> SnapshotError { SnapshotError(message: "damaged image (\(what) at byte \(offset))") }

    mutating func align() { offset = (offset + 7) & ~7 }

    mutating func int() throws -> Int {
        guard offset + 8 <= bytes.count else { throw fail("integer") }
        let v = bytes.loadUnaligned(fromByteOffset: offset, as: Int64.self)
        offset += 8
        return Int(v)
    }

    mutating func count() throws -> Int {
        let n = try int()
        guard n >= 0 && n <= bytes.count else { throw fail("count") }
        return n
    }

    mutating func pod<T>(_: T.Type = T.self) throws -> [T] {
        precondition(_isPOD(T.self))
        let n = try count()
        align()
        let size = n * MemoryLayout<T>.stride
        guard offset + size <= bytes.count else { throw fail("array") }
        let out = [T](unsafeUninitializedCapacity: n) { buffer, initialized in
            if size > 0 {
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[offset ..< offset + size]))
            }
            initialized = n
        }
        offset += size
        align()
        consumed?(offset)
        return out
    }

    mutating func string() throws -> String {
        let n = try count()
        guard offset + n <= bytes.count else { throw fail("string") }
        let s = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset ..< offset + n]), as: UTF8.self)
        offset += n
        return s
    }

    mutating func strings() throws -> [String] {
        let n = try count()
        let lengths: [Int32] = try pod()
        guard lengths.count == n else { throw fail("string lengths") }
        let total = try count()
        guard offset + total <= bytes.count else { throw fail("strings") }
        var out: [String] = []
        out.reserveCapacity(n)
        var at = offset
        for l in lengths {
            let l = Int(l)
            guard l >= 0, at + l <= offset + total else { throw fail("string length") }
            out.append(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[at ..< at + l]), as: UTF8.self))
            at += l
        }
        offset += total
        align()
        consumed?(offset)
        return out
    }

    /// Skips a `strings` block.
    mutating func skipStrings() throws {
        _ = try count()
        let _: [Int32] = try pod()
        let total = try count()
        guard offset + total <= bytes.count else { throw fail("strings") }
        offset += total
        align()
    }

    mutating func optionalString() throws -> String? {
        try int() == 0 ? nil : try string()
    }

    /// The string table (read before the `shared` arrays).
    var table: [String] = []

    /// An array written by `SnapshotWriter.shared`: its strings are the table's (shared, not copied).
    mutating func shared() throws -> [String] {
        let numbers: [Int32] = try pod()
        var out: [String] = []
        out.reserveCapacity(numbers.count)
        for x in numbers {
            guard x >= 0 && Int(x) < table.count else { throw fail("string number") }
            out.append(table[Int(x)])
        }
        return out
    }
}
