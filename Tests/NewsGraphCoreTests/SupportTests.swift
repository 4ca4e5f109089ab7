import Foundation
import Testing
@_spi(Testing) @testable import NewsGraphCore

@Suite("Support")
struct SupportTests {
    // Each SHA-256 test runs twice: `accelerated: true` is what `SHA256.hex(_:)` does on this machine
    // (the CPU's SHA instructions when it has them), `accelerated: false` forces the portable Swift
    // compression, the one every machine without them runs.

    @Test("SHA-256 matches the FIPS 180-4 test vectors", arguments: [true, false])
    func sha256Vectors(accelerated: Bool) {
        func hex(_ s: String) -> String { SHA256.hex(Array(s.utf8), accelerated: accelerated) }
        #expect(hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu") == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
    }

    @Test("SHA-256 of one million \"a\" matches the FIPS 180-4 long vector", arguments: [true, false])
    func sha256MillionA(accelerated: Bool) {
        let message = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(SHA256.hex(message, accelerated: accelerated) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("SHA-256 of runs of \"a\" around the padding boundaries matches sha256sum",
          arguments: [
              (55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
              (56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
              (63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"),
              (64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
              (65, "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0"),
              (119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"),
              (120, "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c"),
              (127, "c57e9278af78fa3cab38667bef4ce29d783787a2f731d4e12200270f0c32320a"),
              (128, "6836cf13bac400e9105071cd6af47084dfacad4e5e302c94bfed24e013afb73e"),
          ], [true, false])
    func sha256PaddingBoundaries(vector: (length: Int, expected: String), accelerated: Bool) {
        let message = [UInt8](repeating: UInt8(ascii: "a"), count: vector.length)
        #expect(SHA256.hex(message, accelerated: accelerated) == vector.expected)
    }

    @Test("SHA-256 of every length from 0 to 200 bytes equals the straightforward reference", arguments: [true, false])
    func sha256AllShortLengths(accelerated: Bool) {
        var rng = SplitMix64(seed: 0x5EED_0256)
        let bytes = (0..<201).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
        for n in 0...200 {
            let message = Array(bytes[0..<n])
            #expect(SHA256.hex(message, accelerated: accelerated) == ReferenceSHA256.hex(message), "length \(n)")
        }
    }

    @Test("SHA-256 of random bytes at random lengths and offsets equals the straightforward reference", arguments: [true, false])
    func sha256RandomEquivalence(accelerated: Bool) {
        var rng = SplitMix64(seed: 0xC0FFEE)
        let pool = (0..<20_000).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
        for _ in 0..<300 {
            let start = Int(rng.next() % 1_000)
            let length = Int(rng.next() % 10_000)
            // an ArraySlice with a non-zero start index, read in place
            let slice = pool[start..<(start + length)]
            #expect(SHA256.hex(slice, accelerated: accelerated) == ReferenceSHA256.hex(slice), "offset \(start), length \(length)")
            #expect(SHA256.digest(slice, accelerated: accelerated) == ReferenceSHA256.digest(slice), "offset \(start), length \(length)")
        }
    }

    @Test("SHA-256 gives the same digest for contiguous and non-contiguous collections, hex and bytes agreeing")
    func sha256CollectionsAndDigestBytes() {
        let text = "Quetta, Nov 16 — ünïcode and ASCII alike, long enough to span two blocks of sixty-four bytes."
        let contiguous = Array(text.utf8)
        let hex = SHA256.hex(contiguous)
        #expect(hex == ReferenceSHA256.hex(contiguous))
        #expect(SHA256.hex(contiguous, accelerated: false) == hex)
        #expect(SHA256.hex(text.utf8) == hex)
        #expect(SHA256.hex(contiguous.lazy.map { $0 }) == hex)   // not contiguous: copied first
        let digest = SHA256.digest(contiguous)
        #expect(digest == ReferenceSHA256.digest(contiguous))
        #expect(SHA256.digest(contiguous, accelerated: false) == digest)
        #expect(digest.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined() == hex)
    }

    @Test("SHA-256 uses the CPU's SHA instructions exactly when the CPU has them")
    func sha256HardwareDispatch() throws {
        #if arch(x86_64) && os(Linux)
        // /proc/cpuinfo lists "sha_ni" from the same CPUID bit the dispatch reads.
        let cpuinfo = try String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)
        let flags = cpuinfo.split(separator: "\n").first { $0.hasPrefix("flags") }.map { $0.split(separator: " ") } ?? []
        #expect(SHA256.isAccelerated == flags.contains("sha_ni"))
        #elseif !arch(x86_64)
        #expect(!SHA256.isAccelerated)
        #endif
    }

    @Test("Calendar dates round-trip through day numbers and know their weekday")
    func calendarDates() throws {
        let d = try #require(CalendarDate(iso: "2024-11-16"))
        #expect(d.weekday == 5) // Saturday
        #expect(CalendarDate(dayNumber: d.dayNumber) == d)
        #expect(d.adding(days: 16).description == "2024-12-02")
        #expect(try #require(CalendarDate(iso: "2024-03-01")).adding(days: -1).description == "2024-02-29")
        #expect(CalendarDate(iso: "2025-02-29") == nil)
        #expect(CalendarDate(iso: "not a date") == nil)
    }
}

/// The first, straightforward SHA-256 of the project (a loop per round, the schedule in 64 words,
/// bounds-checked), kept as the reference the fast one is compared with.
private enum ReferenceSHA256 {
    static let k: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    static func hex<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        digest(bytes).map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    static func digest<C: Collection>(_ bytes: C) -> [UInt8] where C.Element == UInt8 {
        var message = Array(bytes)
        let bitLength = UInt64(message.count) * 8
        message.append(0x80)
        while message.count % 64 != 56 { message.append(0) }
        for i in (0..<8).reversed() { message.append(UInt8(truncatingIfNeeded: bitLength >> (UInt64(i) * 8))) }
        var h: [UInt32] = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]
        var w = [UInt32](repeating: 0, count: 64)
        for chunk in stride(from: 0, to: message.count, by: 64) {
            for i in 0..<16 {
                let b = chunk + i * 4
                w[i] = UInt32(message[b]) << 24 | UInt32(message[b + 1]) << 16 | UInt32(message[b + 2]) << 8 | UInt32(message[b + 3])
            }
            for i in 16..<64 {
                let s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3)
                let s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10)
                w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
            }
            var a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7]
            for i in 0..<64 {
                let s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
                let ch = (e & f) ^ (~e & g)
                let t1 = hh &+ s1 &+ ch &+ k[i] &+ w[i]
                let s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
                let maj = (a & b) ^ (a & c) ^ (b & c)
                let t2 = s0 &+ maj
                hh = g; g = f; f = e; e = d &+ t1; d = c; c = b; b = a; a = t1 &+ t2
            }
            h[0] &+= a; h[1] &+= b; h[2] &+= c; h[3] &+= d; h[4] &+= e; h[5] &+= f; h[6] &+= g; h[7] &+= hh
        }
        return h.flatMap { v in (0..<4).map { UInt8(truncatingIfNeeded: v >> (24 - UInt32($0) * 8)) } }
    }

    static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }
}
