#if arch(x86_64)
import CSHA256
#endif

/// SHA-256 (FIPS 180-4) over bytes, used for article content hashes so that re-ingesting identical
/// text is a no-op. Small and dependency-free: the core library needs no crypto package.
///
/// On x86-64 CPUs with the SHA extensions the blocks are compressed by those instructions (the small
/// C target CSHA256, about 2.5 instructions per byte); everywhere else by portable Swift, where the
/// 64 rounds are written out with the eight working variables renamed instead of moved and the round
/// constants as literals, the message schedule is a 16-word ring on the stack, and whole blocks are
/// read in place with unaligned big-endian loads (about 45 instructions per byte). Both give the
/// same digests.
public enum SHA256 {
    /// The eight state words H0…H7.
    private typealias State = (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32)

    /// Whether this machine compresses with the CPU's SHA instructions (x86-64 SHA extensions).
    static let isAccelerated: Bool = {
        #if arch(x86_64)
        return ngsha256_has_hw() != 0
        #else
        return false
        #endif
    }()

    /// The digest of `bytes` as 64 lowercase hex digits.
    public static func hex<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        hex(bytes, accelerated: isAccelerated)
    }

    /// The 32-byte digest of `bytes`.
    public static func digest<C: Collection>(_ bytes: C) -> [UInt8] where C.Element == UInt8 {
        digest(bytes, accelerated: isAccelerated)
    }

    /// `hex(_:)` with the CPU's SHA instructions (when `accelerated` and the CPU has them) or the
    /// portable Swift compression; tests pass `false` to check the portable code on any machine.
    static func hex<C: Collection>(_ bytes: C, accelerated: Bool) -> String where C.Element == UInt8 {
        let h = state(bytes, accelerated: accelerated && isAccelerated)
        return String(unsafeUninitializedCapacity: 64) { out in
            // Safe: `out` has room for 64 bytes, and the eight stores write 8 each at 0, 8, …, 56.
            let raw = UnsafeMutableRawBufferPointer(out)
            raw.storeBytes(of: hexDigits(h.0), toByteOffset: 0, as: UInt64.self)
            raw.storeBytes(of: hexDigits(h.1), toByteOffset: 8, as: UInt64.self)
            raw.storeBytes(of: hexDigits(h.2), toByteOffset: 16, as: UInt64.self)
            raw.storeBytes(of: hexDigits(h.3), toByteOffset: 24, as: UInt64.self)
            raw.storeBytes(of: hexDigits(h.4), toByteOffset: 32, as: UInt64.self)
            raw.storeBytes(of: hexDigits(h.5), toByteOffset: 40, as: UInt64.self)
            raw.storeBytes(of: hexDigits(h.6), toByteOffset: 48, as: UInt64.self)
            raw.storeBytes(of: hexDigits(h.7), toByteOffset: 56, as: UInt64.self)
            return 64
        }
    }

    /// The eight lowercase hex digits of `word`, most significant first, as the bytes of a UInt64
    /// in memory order: each nibble is spread into its own byte, then "0"…"9" or "a"…"f" is added
    /// to all eight bytes at once.
    @inline(__always)
    private static func hexDigits(_ word: UInt32) -> UInt64 {
        var n = UInt64(word)
        n = (n & 0x0000_0000_FFFF_0000) << 16 | (n & 0x0000_0000_0000_FFFF)
        n = (n & 0x0000_FF00_0000_FF00) << 8 | (n & 0x0000_00FF_0000_00FF)
        n = (n & 0x00F0_00F0_00F0_00F0) << 4 | (n & 0x000F_000F_000F_000F)
        // now byte i holds nibble i counted from the least significant; the first digit goes first
        n = UInt64(bigEndian: n)
        // 1 in each byte whose nibble is 10 or more: a carry into bit 4 when 6 is added
        let letters = ((n &+ 0x0606_0606_0606_0606) >> 4) & 0x0101_0101_0101_0101
        // "0" is 0x30; "a" is 39 past "0" + 10
        return n &+ 0x3030_3030_3030_3030 &+ letters &* 39
    }

    /// `digest(_:)` with the CPU's SHA instructions (when `accelerated` and the CPU has them) or the
    /// portable Swift compression.
    static func digest<C: Collection>(_ bytes: C, accelerated: Bool) -> [UInt8] where C.Element == UInt8 {
        let h = state(bytes, accelerated: accelerated && isAccelerated)
        return [UInt8](unsafeUninitializedCapacity: 32) { out, count in
            let raw = UnsafeMutableRawBufferPointer(out)
            raw.storeBytes(of: h.0.bigEndian, toByteOffset: 0, as: UInt32.self)
            raw.storeBytes(of: h.1.bigEndian, toByteOffset: 4, as: UInt32.self)
            raw.storeBytes(of: h.2.bigEndian, toByteOffset: 8, as: UInt32.self)
            raw.storeBytes(of: h.3.bigEndian, toByteOffset: 12, as: UInt32.self)
            raw.storeBytes(of: h.4.bigEndian, toByteOffset: 16, as: UInt32.self)
            raw.storeBytes(of: h.5.bigEndian, toByteOffset: 20, as: UInt32.self)
            raw.storeBytes(of: h.6.bigEndian, toByteOffset: 24, as: UInt32.self)
            raw.storeBytes(of: h.7.bigEndian, toByteOffset: 28, as: UInt32.self)
            count = 32
        }
    }

    /// The final state words of any byte collection; contiguous storage is read in place.
    private static func state<C: Collection>(_ bytes: C, accelerated: Bool) -> State where C.Element == UInt8 {
        if let h = bytes.withContiguousStorageIfAvailable({ state(UnsafeRawBufferPointer($0), accelerated: accelerated) }) {
            return h
        }
        return Array(bytes).withUnsafeBytes { state($0, accelerated: accelerated) }
    }

    /// The final state words of contiguous bytes: whole 64-byte blocks are read in place, only the
    /// last one or two (with the padding and the length) are copied.
    private static func state(_ message: UnsafeRawBufferPointer, accelerated: Bool) -> State {
        var h: State = (0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19)
        let count = message.count
        let whole = count & ~63
        if whole > 0 {
            // Safe: whole ≤ count, so every block [offset, offset + 64) lies inside `message`.
            compress(message.baseAddress!, blocks: whole / 64, &h, accelerated: accelerated)
        }
        // The tail, 0x80, zeros and the bit length: one block, or two when the 0x80 and the 8 length
        // bytes do not fit after the tail.
        let rest = count - whole
        let blocks = rest + 9 <= 64 ? 1 : 2
        withUnsafeTemporaryAllocation(byteCount: 128, alignment: 8) { tail in
            tail.initializeMemory(as: UInt8.self, repeating: 0)
            if rest > 0 { tail.baseAddress!.copyMemory(from: message.baseAddress! + whole, byteCount: rest) }
            tail[rest] = 0x80
            tail.storeBytes(of: (UInt64(count) &* 8).bigEndian, toByteOffset: blocks * 64 - 8, as: UInt64.self)
            compress(UnsafeRawPointer(tail.baseAddress!), blocks: blocks, &h, accelerated: accelerated)
        }
        return h
    }

    /// Compresses `blocks` consecutive 64-byte blocks at `data` into the state, with the CPU's SHA
    /// instructions when `accelerated` (the caller has checked `isAccelerated`). The caller guarantees
    /// that `blocks * 64` bytes are readable there; nothing else is read, so no index is checked.
    @inline(__always)
    private static func compress(_ data: UnsafeRawPointer, blocks: Int, _ h: inout State, accelerated: Bool) {
        #if arch(x86_64)
        if accelerated {
            // `State` is eight UInt32 stored contiguously, H0 first: the eight words the C function takes.
            withUnsafeMutableBytes(of: &h) { ngsha256_blocks_hw($0.baseAddress!, data, blocks) }
            return
        }
        #endif
        compressPortable(data, blocks: blocks, &h)
    }

    /// `compress` in Swift, for any CPU.
    private static func compressPortable(_ data: UnsafeRawPointer, blocks: Int, _ h: inout State) {
        // The message schedule: a 16-word ring on the stack, W[t] in w[t % 16]. Its indices are all
        // constants below 16.
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 16) { ring in
            let w = ring.baseAddress!
            var block = data
            for _ in 0..<blocks {
                compress(block, w, &h)
                block += 64
            }
        }
    }

    /// One 64-byte block at `block` into the state, with `w` as the 16-word schedule ring.
    @inline(__always)
    private static func compress(_ block: UnsafeRawPointer, _ w: UnsafeMutablePointer<UInt32>, _ h: inout State) {
        var a = h.0, b = h.1, c = h.2, d = h.3, e = h.4, f = h.5, g = h.6, hh = h.7

        // W[t] for t < 16: the block's words, big-endian.
        @inline(__always) func load(_ i: Int) -> UInt32 {
            let v = block.loadUnaligned(fromByteOffset: i &* 4, as: UInt32.self).bigEndian
            w[i] = v
            return v
        }
        // W[t] for t ≥ 16, in place of W[t − 16]: σ1(W[t − 2]) + W[t − 7] + σ0(W[t − 15]) + W[t − 16].
        @inline(__always) func next(_ i: Int) -> UInt32 {
            let v = w[i] &+ sigma0(w[(i &+ 1) & 15]) &+ w[(i &+ 9) & 15] &+ sigma1(w[(i &+ 14) & 15])
            w[i] = v
            return v
        }

        // Each round writes only its `d` and `h`; the next round takes the names shifted by one, so no
        // variable is moved and the names come round again every eight rounds.
        round(a, b, c, &d, e, f, g, &hh, 0x428a2f98 &+ load(0))
        round(hh, a, b, &c, d, e, f, &g, 0x71374491 &+ load(1))
        round(g, hh, a, &b, c, d, e, &f, 0xb5c0fbcf &+ load(2))
        round(f, g, hh, &a, b, c, d, &e, 0xe9b5dba5 &+ load(3))
        round(e, f, g, &hh, a, b, c, &d, 0x3956c25b &+ load(4))
        round(d, e, f, &g, hh, a, b, &c, 0x59f111f1 &+ load(5))
        round(c, d, e, &f, g, hh, a, &b, 0x923f82a4 &+ load(6))
        round(b, c, d, &e, f, g, hh, &a, 0xab1c5ed5 &+ load(7))
        round(a, b, c, &d, e, f, g, &hh, 0xd807aa98 &+ load(8))
        round(hh, a, b, &c, d, e, f, &g, 0x12835b01 &+ load(9))
        round(g, hh, a, &b, c, d, e, &f, 0x243185be &+ load(10))
        round(f, g, hh, &a, b, c, d, &e, 0x550c7dc3 &+ load(11))
        round(e, f, g, &hh, a, b, c, &d, 0x72be5d74 &+ load(12))
        round(d, e, f, &g, hh, a, b, &c, 0x80deb1fe &+ load(13))
        round(c, d, e, &f, g, hh, a, &b, 0x9bdc06a7 &+ load(14))
        round(b, c, d, &e, f, g, hh, &a, 0xc19bf174 &+ load(15))

        round(a, b, c, &d, e, f, g, &hh, 0xe49b69c1 &+ next(0))
        round(hh, a, b, &c, d, e, f, &g, 0xefbe4786 &+ next(1))
        round(g, hh, a, &b, c, d, e, &f, 0x0fc19dc6 &+ next(2))
        round(f, g, hh, &a, b, c, d, &e, 0x240ca1cc &+ next(3))
        round(e, f, g, &hh, a, b, c, &d, 0x2de92c6f &+ next(4))
        round(d, e, f, &g, hh, a, b, &c, 0x4a7484aa &+ next(5))
        round(c, d, e, &f, g, hh, a, &b, 0x5cb0a9dc &+ next(6))
        round(b, c, d, &e, f, g, hh, &a, 0x76f988da &+ next(7))
        round(a, b, c, &d, e, f, g, &hh, 0x983e5152 &+ next(8))
        round(hh, a, b, &c, d, e, f, &g, 0xa831c66d &+ next(9))
        round(g, hh, a, &b, c, d, e, &f, 0xb00327c8 &+ next(10))
        round(f, g, hh, &a, b, c, d, &e, 0xbf597fc7 &+ next(11))
        round(e, f, g, &hh, a, b, c, &d, 0xc6e00bf3 &+ next(12))
        round(d, e, f, &g, hh, a, b, &c, 0xd5a79147 &+ next(13))
        round(c, d, e, &f, g, hh, a, &b, 0x06ca6351 &+ next(14))
        round(b, c, d, &e, f, g, hh, &a, 0x14292967 &+ next(15))
        round(a, b, c, &d, e, f, g, &hh, 0x27b70a85 &+ next(0))
        round(hh, a, b, &c, d, e, f, &g, 0x2e1b2138 &+ next(1))
        round(g, hh, a, &b, c, d, e, &f, 0x4d2c6dfc &+ next(2))
        round(f, g, hh, &a, b, c, d, &e, 0x53380d13 &+ next(3))
        round(e, f, g, &hh, a, b, c, &d, 0x650a7354 &+ next(4))
        round(d, e, f, &g, hh, a, b, &c, 0x766a0abb &+ next(5))
        round(c, d, e, &f, g, hh, a, &b, 0x81c2c92e &+ next(6))
        round(b, c, d, &e, f, g, hh, &a, 0x92722c85 &+ next(7))
        round(a, b, c, &d, e, f, g, &hh, 0xa2bfe8a1 &+ next(8))
        round(hh, a, b, &c, d, e, f, &g, 0xa81a664b &+ next(9))
        round(g, hh, a, &b, c, d, e, &f, 0xc24b8b70 &+ next(10))
        round(f, g, hh, &a, b, c, d, &e, 0xc76c51a3 &+ next(11))
        round(e, f, g, &hh, a, b, c, &d, 0xd192e819 &+ next(12))
        round(d, e, f, &g, hh, a, b, &c, 0xd6990624 &+ next(13))
        round(c, d, e, &f, g, hh, a, &b, 0xf40e3585 &+ next(14))
        round(b, c, d, &e, f, g, hh, &a, 0x106aa070 &+ next(15))
        round(a, b, c, &d, e, f, g, &hh, 0x19a4c116 &+ next(0))
        round(hh, a, b, &c, d, e, f, &g, 0x1e376c08 &+ next(1))
        round(g, hh, a, &b, c, d, e, &f, 0x2748774c &+ next(2))
        round(f, g, hh, &a, b, c, d, &e, 0x34b0bcb5 &+ next(3))
        round(e, f, g, &hh, a, b, c, &d, 0x391c0cb3 &+ next(4))
        round(d, e, f, &g, hh, a, b, &c, 0x4ed8aa4a &+ next(5))
        round(c, d, e, &f, g, hh, a, &b, 0x5b9cca4f &+ next(6))
        round(b, c, d, &e, f, g, hh, &a, 0x682e6ff3 &+ next(7))
        round(a, b, c, &d, e, f, g, &hh, 0x748f82ee &+ next(8))
        round(hh, a, b, &c, d, e, f, &g, 0x78a5636f &+ next(9))
        round(g, hh, a, &b, c, d, e, &f, 0x84c87814 &+ next(10))
        round(f, g, hh, &a, b, c, d, &e, 0x8cc70208 &+ next(11))
        round(e, f, g, &hh, a, b, c, &d, 0x90befffa &+ next(12))
        round(d, e, f, &g, hh, a, b, &c, 0xa4506ceb &+ next(13))
        round(c, d, e, &f, g, hh, a, &b, 0xbef9a3f7 &+ next(14))
        round(b, c, d, &e, f, g, hh, &a, 0xc67178f2 &+ next(15))

        h.0 &+= a; h.1 &+= b; h.2 &+= c; h.3 &+= d; h.4 &+= e; h.5 &+= f; h.6 &+= g; h.7 &+= hh
    }

    /// One round: T1 = h + Σ1(e) + Ch(e, f, g) + K[t] + W[t] (`kw` is the last two), d += T1,
    /// h = T1 + Σ0(a) + Maj(a, b, c).
    @inline(__always)
    private static func round(_ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
                              _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32, _ kw: UInt32) {
        // Σ1(e) = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25), nested to save copies.
        let s1 = rotr(e ^ rotr(e ^ rotr(e, 14), 5), 6)
        let ch = ((f ^ g) & e) ^ g
        let t1 = h &+ kw &+ s1 &+ ch
        d &+= t1
        // Σ0(a) = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22).
        let s0 = rotr(a ^ rotr(a ^ rotr(a, 9), 11), 2)
        // Maj(a, b, c); this round's a ^ b is the next round's b ^ c.
        let maj = ((a ^ b) & (b ^ c)) ^ b
        h = t1 &+ (s0 &+ maj)
    }

    /// σ0(x) = rotr(x, 7) ^ rotr(x, 18) ^ (x >> 3).
    @inline(__always) private static func sigma0(_ x: UInt32) -> UInt32 { rotr(x ^ rotr(x, 11), 7) ^ (x &>> 3) }
    /// σ1(x) = rotr(x, 17) ^ rotr(x, 19) ^ (x >> 10).
    @inline(__always) private static func sigma1(_ x: UInt32) -> UInt32 { rotr(x ^ rotr(x, 2), 17) ^ (x &>> 10) }

    @inline(__always) private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x &>> n) | (x &<< (32 &- n)) }
}
