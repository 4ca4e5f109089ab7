#ifndef NEWSGRAPH_CSYNTAXKERNELS_H
#define NEWSGRAPH_CSYNTAXKERNELS_H

#include <stddef.h>

/// Columns per panel of a packed weight matrix (see `ngk_affine_packed`).
#define NGK_PANEL 16

/// 1 when this CPU has AVX2 and FMA, so that the vector kernel runs; 0 otherwise (the portable
/// kernel runs then), and always 0 on other architectures.
int ngk_has_avx2_fma(void);

/// `y[r][n] = bias[n] + Σ_k x[r][k] · W[n][k]` for `rows` rows, with W packed by `ngk_pack`.
///
/// - x: `rows × inputs`, row-major, row stride `x_stride` floats.
/// - packed: `ceil(outputs / 16)` panels, each `inputs × 16` floats (k-major), zero-padded columns.
/// - bias: `outputs` floats, or NULL.
/// - y: `rows × outputs`, row-major, row stride `y_stride` floats; overwritten.
/// `vector` chooses the AVX2/FMA kernel; pass it only when `ngk_has_avx2_fma()` returned 1.
void ngk_affine_packed(const float *x, size_t rows, size_t inputs, size_t x_stride,
                       const float *packed, const float *bias, size_t outputs,
                       float *y, size_t y_stride, int vector);

/// Packs `W` (`outputs × inputs`, row-major) into `packed` (`ceil(outputs / 16) · inputs · 16` floats).
void ngk_pack(const float *w, size_t outputs, size_t inputs, float *packed);

/// thinc's maxout then LayerNorm, row by row: `out[r][o] = (m - mean) / sqrt(var + eps) * gain[o] + shift[o]`
/// where `m = max_p wide[r][o * pieces + p]` and mean/var are over the row's `outputs` maxima.
void ngk_maxout_layernorm(const float *wide, size_t rows, size_t outputs, size_t pieces,
                          const float *gain, const float *shift, float eps, float *out);

/// `dst[j] += src[j]` for `n` floats.
void ngk_add(float *dst, const float *src, size_t n);

#endif
