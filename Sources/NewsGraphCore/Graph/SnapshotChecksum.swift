/// The checksum that ends every graph snapshot: a 64-bit hash of all the bytes before it, so that a damaged
/// cache file (one flipped byte anywhere, a torn or truncated write) is refused before any of it is decoded.
///
/// Four independent lanes of `h = xorshift((h ^ word) * P)` over 8-byte words. Each step is a bijection of
/// `h` for a given word, so two inputs that differ in one word always leave that lane different: any change
/// confined to one word (a flipped byte, several flipped bits) is always detected; wider damage is missed
/// with probability about 2⁻⁶⁴. Not a cryptographic hash: it guards against accidents, not forgery.
/// Runs at several GB/s, a small fraction of the time decoding takes.
public enum SnapshotChecksum {
    /// The number of bytes of the trailer.
    public static let size = 8

    private static let p1: UInt64 = 0x9E37_79B9_7F4A_7C15
    private static let p2: UInt64 = 0xC2B2_AE3D_27D4_EB4F

    /// The checksum computed piece by piece, for an image written to a file as it is built: `add` takes
    /// pieces whose sizes are multiples of 32 bytes, `finish` the rest; the result equals `of` over the whole.
    public struct Running: Sendable {
        var h0: UInt64 = 0x243F_6A88_85A3_08D3, h1: UInt64 = 0x1319_8A2E_0370_7344
        var h2: UInt64 = 0xA409_3822_299F_31D0, h3: UInt64 = 0x082E_FA98_EC4E_6C89
        var count = 0

        public init() {}

        public mutating func add(_ bytes: UnsafeRawBufferPointer) {
            precondition(bytes.count % 32 == 0, "SnapshotChecksum.Running.add takes multiples of 32 bytes")
            var i = 0
            while i < bytes.count {
                h0 = step(h0, bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                h1 = step(h1, bytes.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self))
                h2 = step(h2, bytes.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self))
                h3 = step(h3, bytes.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self))
                i += 32
            }
            count += bytes.count
        }

        public func finish(_ rest: UnsafeRawBufferPointer) -> UInt64 {
            var r = self
            let whole = rest.count / 32 * 32
            r.add(UnsafeRawBufferPointer(rebasing: rest[0 ..< whole]))
            return SnapshotChecksum.finish(r.h0, r.h1, r.h2, r.h3, tail: UnsafeRawBufferPointer(rebasing: rest[whole...]), total: r.count + rest.count - whole)
        }
    }

    /// The tail bytes (fewer than 32) into the lanes in turn, then the lanes and the length combined.
    static func finish(_ a: UInt64, _ b: UInt64, _ c: UInt64, _ d: UInt64, tail: UnsafeRawBufferPointer, total: Int) -> UInt64 {
        var h0 = a, h1 = b, h2 = c, h3 = d
        for (lane, byte) in tail.enumerated() {
            let w = UInt64(byte) | 0x100
            switch lane & 3 {
            case 0: h0 = step(h0, w)
            case 1: h1 = step(h1, w)
            case 2: h2 = step(h2, w)
            default: h3 = step(h3, w)
            }
        }
        var r = UInt64(total) &* p2
        for h in [h0, h1, h2, h3] {
            r = (r ^ (h &* p2)) &* p1
            r ^= r >> 31
        }
        return r
    }

    @inline(__always) static func step(_ h: UInt64, _ w: UInt64) -> UInt64 {
        let x = (h ^ w) &* p1
        return x ^ (x >> 29)
    }

    /// The checksum of `bytes`. `progress` is told the offset reached every `progressStep` bytes (so that a
    /// mapping's pages can be handed back as they are read).
    public static func of(_ bytes: UnsafeRawBufferPointer, progressStep: Int = 8 << 20, progress: ((Int) -> Void)? = nil) -> UInt64 {
        var h0: UInt64 = 0x243F_6A88_85A3_08D3, h1: UInt64 = 0x1319_8A2E_0370_7344
        var h2: UInt64 = 0xA409_3822_299F_31D0, h3: UInt64 = 0x082E_FA98_EC4E_6C89
        let n = bytes.count
        var i = 0
        var nextReport = progressStep
        while i + 32 <= n {
            h0 = step(h0, bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            h1 = step(h1, bytes.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self))
            h2 = step(h2, bytes.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self))
            h3 = step(h3, bytes.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self))
            i += 32
            if i >= nextReport, let progress { progress(i); nextReport += progressStep }
        }
        return finish(h0, h1, h2, h3, tail: UnsafeRawBufferPointer(rebasing: bytes[i...]), total: n)
    }
}
