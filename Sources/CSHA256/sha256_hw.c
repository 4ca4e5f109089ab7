// SHA-256 block compression with the x86 SHA extensions (SHA-NI), for NewsGraphCore's SHA256.
// Compiled for every architecture, but the instructions only on x86-64, inside functions marked
// with their target, so the rest of the package needs no special flags. NewsGraphCore calls
// `ngsha256_blocks_hw` only after `ngsha256_has_hw()` said yes, and its portable Swift
// compression everywhere else.

#include "CSHA256.h"

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))

#include <cpuid.h>
#include <immintrin.h>
#include <stdint.h>

int ngsha256_has_hw(void) {
    unsigned eax, ebx, ecx, edx;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return 0;
    const int ssse3 = (ecx >> 9) & 1, sse41 = (ecx >> 19) & 1;
    if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return 0;
    const int sha = (ebx >> 29) & 1;
    return ssse3 && sse41 && sha;
}

static const uint32_t k[64] __attribute__((aligned(16))) = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

__attribute__((target("sha,sse4.1,ssse3")))
void ngsha256_blocks_hw(void *state, const void *data, size_t blocks) {
    uint32_t *h = (uint32_t *)state;
    const unsigned char *p = (const unsigned char *)data;
    // Loads the big-endian message words: reverses the bytes of each 32-bit lane.
    const __m128i byteswap = _mm_set_epi64x(0x0c0d0e0f08090a0bLL, 0x0405060700010203LL);
    __m128i msg, m0, m1, m2, m3;

    // H0…H7 into the ABEF / CDGH order the instructions use (lanes written high to low).
    __m128i tmp = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)&h[0]), 0xB1); // C D A B
    __m128i state1 = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)&h[4]), 0x1B); // E F G H
    __m128i state0 = _mm_alignr_epi8(tmp, state1, 8); // A B E F
    state1 = _mm_blend_epi16(state1, tmp, 0xF0); // C D G H

    for (; blocks > 0; blocks--, p += 64) {
        const __m128i abef = state0, cdgh = state1;
        // Four rounds at a time: sha256rnds2 does two, with the state as ABEF and CDGH and the two
        // message-plus-constant words in the low half of `msg`. W[t] for t ≥ 16 is built four words
        // at a time in m0…m3 by sha256msg1 and sha256msg2.
        // rounds 0–3
        m0 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(p + 0)), byteswap);
        msg = _mm_add_epi32(m0, _mm_load_si128((const __m128i *)(k + 0)));
        state1 = _mm_sha256rnds2_epu32(state1, state0, msg);
        state0 = _mm_sha256rnds2_epu32(state0, state1, _mm_shuffle_epi32(msg, 0x0E));
        // rounds 4–7
        m1 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(p + 16)), byteswap);
        msg = _mm_add_epi32(m1, _mm_load_si128((const __m128i *)(k + 4)));
        state1 = _mm_sha256rnds2_epu32(state1, state0, msg);
        state0 = _mm_sha256rnds2_epu32(state0, state1, _mm_shuffle_epi32(msg, 0x0E));
        m0 = _mm_sha256msg1_epu32(m0, m1);
        // rounds 8–11
        m2 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(p + 32)), byteswap);
        msg = _mm_add_epi32(m2, _mm_load_si128((const __m128i *)(k + 8)));
        state1 = _mm_sha256rnds2_epu32(state1, state0, msg);
        state0 = _mm_sha256rnds2_epu32(state0, state1, _mm_shuffle_epi32(msg, 0x0E));
        m1 = _mm_sha256msg1_epu32(m1, m2);
        // rounds 12–15
        m3 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(p + 48)), byteswap);
        msg = _mm_add_epi32(m3, _mm_load_si128((const __m128i *)(k + 12)));
        state1 = _mm_sha256rnds2_epu32(state1, state0, msg);
        m0 = _mm_sha256msg2_epu32(_mm_add_epi32(m0, _mm_alignr_epi8(m3, m2, 4)), m3);
        state0 = _mm_sha256rnds2_epu32(state0, state1, _mm_shuffle_epi32(msg, 0x0E));
        m2 = _mm_sha256msg1_epu32(m2, m3);
        // rounds 16–19
        msg = _mm_add_epi32(m0, _mm_load_si128((const __m128i *)(k + 16)));
        state1 = _mm_sha256rnds2_epu32(state1, state0, msg);
        m1 = _mm_sha256msg2_epu32(_mm_add_epi32(m1, _mm_alignr_epi8(m0, m3, 4)), m0);
        state0 = _mm_sha256rnds2_epu32(state0, state1, _mm_shuffle_epi32(msg, 0x0E));
        m3 = _mm_sha256msg1_epu32(m3, m0);
        // rounds 20–23
        msg = _mm_add_epi32(m1, _mm_load_si128((const __m128i *)(k + 20)));
        state1 = _mm_sha256rnds2_epu32(state1, state0, msg);
        m2 = _mm_sha256msg2_epu32(_mm_add_epi32(m2, _mm_alignr_epi8(m1, m0, 4)), m1);
        state0 = _mm_sha256rnds2_epu32(state0, state1, _mm_shuffle_epi32(msg, 0x0E));
        m0 = _mm_sha256msg1_epu32(m0, m1);
        // rounds 24–27
        msg = _mm_add_epi32(m2, _mm_load_si128((const __m128i *)(k + 24)));
        state1 = _mm_sha256rnds2_epu32(state1, state0, msg);
        m3 = _mm_sha256msg2_epu32(_mm_add_epi32(m3, _mm_alignr_epi8(m2, m1, 4)), m2);
        state0 = _mm_sha256rnds2_epu32(state0, state1, _mm_shuffle_epi32(msg, 0x0E));
        m1 = _mm_sha256msg1_epu32(m1, m2);
        // rounds 28–31
        msg = _mm_add_epi32(m3, _mm_load_si128((const __m128i *)(k + 28)));
        state1 = _mm_sha256rnds2_epu32(state1, state0, msg);
        m0 = _mm_sha256msg2_epu32(_mm_add_epi32(m0, _mm_alignr_epi8(m3, m2, 4)), m3);
        state0 = _mm_sha256rnds2_epu32(state0, state1, _mm_shuffle_epi32(msg, 0x0E));
        m2 = _mm_sha256msg1_epu32(m2, m3);
        // rounds 32–35
        msg = _mm_add_epi32(m0, _mm_load_si128((const __m128i *)(k + 32)));
        state1 = _mm_sha256rnds2_epu32(state1, state0, msg);
        m1 = _mm_sha256msg2_epu32(_mm_add_epi32(m1, _mm_alignr_epi8(m0, m3, 4)), m0);
        state0 = _mm_sha256rnds2_epu32(state0, state1, _mm_shuffle_epi32(msg, 0x0E));
        m3 = _mm_sha256msg1_epu32(m3, m0);
        // rounds 36–39
        msg = _mm_add_epi32(m1, _mm_load_si128((const __m128i *)(k + 36)));
        state1 = _mm_sha256rnds2_epu32(state1, state0, msg);
        m2 = _mm_sha256msg2_epu32(_mm_add_epi32(m2, _mm_alignr_epi8(m1, m0, 4)), m1);
        state0 = _mm_sha256rnds2_epu32(state0, state1, _mm_shuffle_epi32(msg, 0x0E));
        m0 = _mm_sha256msg1_epu32(m0, m1);
        // rounds 40–43
        msg = _mm_add_epi32(m2, _mm_load_si128((const __m128i *)(k + 40)));
        state1 = _mm_sha256rnds2_epu32(state1, state0, msg);
        m3 = _mm_sha256msg2_epu32(_mm_add_epi32(m3, _mm_alignr_epi8(m2, m1, 4)), m2);
        state0 = _mm_sha256rnds2_epu32(state0, state1, _mm_shuffle_epi32(msg, 0x0E));
        m1 = _mm_sha256msg1_epu32(m1, m2);
        // rounds 44–47
        msg = _mm_add_epi32(m3, _mm_load_si128((const __m128i *)(k + 44)));
        state1 = _mm_sha256rnds2_epu32(state1, state0, msg);
        m0 = _mm_sha256msg2_epu32(_mm_add_epi32(m0, _mm_alignr_epi8(m3, m2, 4)), m3);
        state0 = _mm_sha256rnds2_epu32(state0, state1, _mm_shuffle_epi32(msg, 0x0E));
        m2 = _mm_sha256msg1_epu32(m2, m3);
        // rounds 48–51
        msg = _mm_add_epi32(m0, _mm_load_si128((const __m128i *)(k + 48)));
        state1 = _mm_sha256rnds2_epu32(state1, state0, msg);
        m1 = _mm_sha256msg2_epu32(_mm_add_epi32(m1, _mm_alignr_epi8(m0, m3, 4)), m0);
        state0 = _mm_sha256rnds2_epu32(state0, state1, _mm_shuffle_epi32(msg, 0x0E));
        m3 = _mm_sha256msg1_epu32(m3, m0);
        // rounds 52–55
        msg = _mm_add_epi32(m1, _mm_load_si128((const __m128i *)(k + 52)));
        state1 = _mm_sha256rnds2_epu32(state1, state0, msg);
        m2 = _mm_sha256msg2_epu32(_mm_add_epi32(m2, _mm_alignr_epi8(m1, m0, 4)), m1);
        state0 = _mm_sha256rnds2_epu32(state0, state1, _mm_shuffle_epi32(msg, 0x0E));
        // rounds 56–59
        msg = _mm_add_epi32(m2, _mm_load_si128((const __m128i *)(k + 56)));
        state1 = _mm_sha256rnds2_epu32(state1, state0, msg);
        m3 = _mm_sha256msg2_epu32(_mm_add_epi32(m3, _mm_alignr_epi8(m2, m1, 4)), m2);
        state0 = _mm_sha256rnds2_epu32(state0, state1, _mm_shuffle_epi32(msg, 0x0E));
        // rounds 60–63
        msg = _mm_add_epi32(m3, _mm_load_si128((const __m128i *)(k + 60)));
        state1 = _mm_sha256rnds2_epu32(state1, state0, msg);
        state0 = _mm_sha256rnds2_epu32(state0, state1, _mm_shuffle_epi32(msg, 0x0E));
        state0 = _mm_add_epi32(state0, abef);
        state1 = _mm_add_epi32(state1, cdgh);
    }

    // Back to H0…H7.
    tmp = _mm_shuffle_epi32(state0, 0x1B); // F E B A
    state1 = _mm_shuffle_epi32(state1, 0xB1); // D C H G
    _mm_storeu_si128((__m128i *)&h[0], _mm_blend_epi16(tmp, state1, 0xF0)); // D C B A
    _mm_storeu_si128((__m128i *)&h[4], _mm_alignr_epi8(state1, tmp, 8)); // H G F E
}

#else

int ngsha256_has_hw(void) { return 0; }

void ngsha256_blocks_hw(void *state, const void *data, size_t blocks) {
    (void)state; (void)data; (void)blocks;
}

#endif
