#ifndef NEWSGRAPH_CSHA256_H
#define NEWSGRAPH_CSHA256_H

#include <stddef.h>

/// 1 when this CPU has the x86 SHA extensions (and SSSE3 and SSE4.1, which the code also uses), so
/// that `ngsha256_blocks_hw` may be called; 0 otherwise, and always 0 on other architectures.
int ngsha256_has_hw(void);

/// Compresses `blocks` consecutive 64-byte blocks at `data` into `state`, the eight SHA-256 state
/// words H0…H7 in native byte order. Only call it when `ngsha256_has_hw()` returned 1.
void ngsha256_blocks_hw(void *state, const void *data, size_t blocks);

#endif
