/// thinc's `MurmurHash3_x86_128_uint64`: the hash that spreads a 64-bit attribute key over a hash
/// embedding's rows (the 128-bit MurmurHash3 finaliser of one 8-byte block, as four 32-bit words).
enum MurmurHash3 {
    @inline(__always)
    static func x86_128(_ value: UInt64, seed: UInt32) -> (UInt32, UInt32, UInt32, UInt32) {
        var h1 = value &* 0x87c3_7b91_1142_53d5
        h1 = (h1 << 31) | (h1 >> 33)
        h1 = h1 &* 0x4cf5_ad43_2745_937f
        h1 ^= UInt64(seed)
        h1 ^= 8
        var h2 = UInt64(seed) ^ 8
        h1 = h1 &+ h2
        h2 = h2 &+ h1
        h1 = fmix(h1)
        h2 = fmix(h2)
        h1 = h1 &+ h2
        h2 = h2 &+ h1
        return (UInt32(truncatingIfNeeded: h1), UInt32(truncatingIfNeeded: h1 >> 32),
                UInt32(truncatingIfNeeded: h2), UInt32(truncatingIfNeeded: h2 >> 32))
    }

    @inline(__always)
    private static func fmix(_ k: UInt64) -> UInt64 {
        var k = k
        k ^= k >> 33
        k = k &* 0xff51_afd7_ed55_8ccd
        k ^= k >> 33
        k = k &* 0xc4ce_b9fe_1a85_ec53
        k ^= k >> 33
        return k
    }
}
