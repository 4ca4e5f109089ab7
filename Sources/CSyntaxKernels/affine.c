// Dense affine kernels for the syntax networks: y = x · Wᵀ + b with W packed in 16-column panels.
// The AVX2/FMA kernel is compiled for its target with a function attribute and chosen at run time
// (like CSHA256), so the rest of the package needs no special flags and runs on any x86-64 or ARM CPU.
#include "CSyntaxKernels.h"
#include <math.h>
#include <string.h>

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#include <immintrin.h>
#define NGK_X86 1
#endif

int ngk_has_avx2_fma(void) {
#ifdef NGK_X86
    unsigned eax, ebx, ecx, edx;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return 0;
    int fma = (ecx >> 12) & 1, osxsave = (ecx >> 27) & 1, avx = (ecx >> 28) & 1;
    if (!(fma && osxsave && avx)) return 0;
    unsigned xcr0_lo, xcr0_hi;
    __asm__ volatile("xgetbv" : "=a"(xcr0_lo), "=d"(xcr0_hi) : "c"(0));
    if ((xcr0_lo & 6) != 6) return 0;   // the OS saves XMM and YMM state
    if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return 0;
    return (ebx >> 5) & 1;              // AVX2
#else
    return 0;
#endif
}

void ngk_pack(const float *w, size_t outputs, size_t inputs, float *packed) {
    size_t panels = (outputs + NGK_PANEL - 1) / NGK_PANEL;
    memset(packed, 0, panels * inputs * NGK_PANEL * sizeof(float));
    for (size_t n = 0; n < outputs; n++) {
        float *panel = packed + (n / NGK_PANEL) * inputs * NGK_PANEL;
        size_t col = n % NGK_PANEL;
        for (size_t k = 0; k < inputs; k++) panel[k * NGK_PANEL + col] = w[n * inputs + k];
    }
}

static void affine_portable(const float *x, size_t rows, size_t inputs, size_t xs,
                            const float *packed, const float *bias, size_t outputs,
                            float *y, size_t ys) {
    size_t panels = (outputs + NGK_PANEL - 1) / NGK_PANEL;
    for (size_t p = 0; p < panels; p++) {
        const float *panel = packed + p * inputs * NGK_PANEL;
        size_t width = outputs - p * NGK_PANEL < NGK_PANEL ? outputs - p * NGK_PANEL : NGK_PANEL;
        for (size_t r = 0; r < rows; r++) {
            float acc[NGK_PANEL];
            for (size_t j = 0; j < NGK_PANEL; j++) acc[j] = 0;
            const float *xr = x + r * xs;
            for (size_t k = 0; k < inputs; k++) {
                float a = xr[k];
                const float *wk = panel + k * NGK_PANEL;
                for (size_t j = 0; j < NGK_PANEL; j++) acc[j] += a * wk[j];
            }
            float *yr = y + r * ys + p * NGK_PANEL;
            for (size_t j = 0; j < width; j++) yr[j] = acc[j] + (bias ? bias[p * NGK_PANEL + j] : 0.0f);
        }
    }
}

#ifdef NGK_X86
#define NGK_ROWS 6

__attribute__((target("avx2,fma")))
static inline void store_panel(float *yr, __m256 a0, __m256 a1, const float *bias, size_t width) {
    if (bias) {
        if (width == NGK_PANEL) {
            a0 = _mm256_add_ps(a0, _mm256_loadu_ps(bias));
            a1 = _mm256_add_ps(a1, _mm256_loadu_ps(bias + 8));
        } else {
            float b[NGK_PANEL] = {0};
            memcpy(b, bias, width * sizeof(float));
            a0 = _mm256_add_ps(a0, _mm256_loadu_ps(b));
            a1 = _mm256_add_ps(a1, _mm256_loadu_ps(b + 8));
        }
    }
    if (width == NGK_PANEL) {
        _mm256_storeu_ps(yr, a0);
        _mm256_storeu_ps(yr + 8, a1);
    } else {
        float t[NGK_PANEL];
        _mm256_storeu_ps(t, a0);
        _mm256_storeu_ps(t + 8, a1);
        memcpy(yr, t, width * sizeof(float));
    }
}

__attribute__((target("avx2,fma")))
static void affine_avx2(const float *x, size_t rows, size_t inputs, size_t xs,
                        const float *packed, const float *bias, size_t outputs,
                        float *y, size_t ys) {
    size_t panels = (outputs + NGK_PANEL - 1) / NGK_PANEL;
    for (size_t p = 0; p < panels; p++) {
        const float *panel = packed + p * inputs * NGK_PANEL;
        size_t width = outputs - p * NGK_PANEL < NGK_PANEL ? outputs - p * NGK_PANEL : NGK_PANEL;
        const float *pb = bias ? bias + p * NGK_PANEL : NULL;
        size_t r = 0;
        for (; r + NGK_ROWS <= rows; r += NGK_ROWS) {
            const float *x0 = x + r * xs, *x1 = x0 + xs, *x2 = x1 + xs, *x3 = x2 + xs, *x4 = x3 + xs, *x5 = x4 + xs;
            __m256 c00 = _mm256_setzero_ps(), c01 = _mm256_setzero_ps();
            __m256 c10 = _mm256_setzero_ps(), c11 = _mm256_setzero_ps();
            __m256 c20 = _mm256_setzero_ps(), c21 = _mm256_setzero_ps();
            __m256 c30 = _mm256_setzero_ps(), c31 = _mm256_setzero_ps();
            __m256 c40 = _mm256_setzero_ps(), c41 = _mm256_setzero_ps();
            __m256 c50 = _mm256_setzero_ps(), c51 = _mm256_setzero_ps();
            const float *wk = panel;
            for (size_t k = 0; k < inputs; k++, wk += NGK_PANEL) {
                __m256 w0 = _mm256_loadu_ps(wk), w1 = _mm256_loadu_ps(wk + 8);
                __m256 a;
                a = _mm256_broadcast_ss(x0 + k); c00 = _mm256_fmadd_ps(a, w0, c00); c01 = _mm256_fmadd_ps(a, w1, c01);
                a = _mm256_broadcast_ss(x1 + k); c10 = _mm256_fmadd_ps(a, w0, c10); c11 = _mm256_fmadd_ps(a, w1, c11);
                a = _mm256_broadcast_ss(x2 + k); c20 = _mm256_fmadd_ps(a, w0, c20); c21 = _mm256_fmadd_ps(a, w1, c21);
                a = _mm256_broadcast_ss(x3 + k); c30 = _mm256_fmadd_ps(a, w0, c30); c31 = _mm256_fmadd_ps(a, w1, c31);
                a = _mm256_broadcast_ss(x4 + k); c40 = _mm256_fmadd_ps(a, w0, c40); c41 = _mm256_fmadd_ps(a, w1, c41);
                a = _mm256_broadcast_ss(x5 + k); c50 = _mm256_fmadd_ps(a, w0, c50); c51 = _mm256_fmadd_ps(a, w1, c51);
            }
            float *yr = y + r * ys + p * NGK_PANEL;
            store_panel(yr, c00, c01, pb, width);
            store_panel(yr + ys, c10, c11, pb, width);
            store_panel(yr + 2 * ys, c20, c21, pb, width);
            store_panel(yr + 3 * ys, c30, c31, pb, width);
            store_panel(yr + 4 * ys, c40, c41, pb, width);
            store_panel(yr + 5 * ys, c50, c51, pb, width);
        }
        for (; r < rows; r++) {
            const float *x0 = x + r * xs;
            __m256 c00 = _mm256_setzero_ps(), c01 = _mm256_setzero_ps();
            const float *wk = panel;
            for (size_t k = 0; k < inputs; k++, wk += NGK_PANEL) {
                __m256 a = _mm256_broadcast_ss(x0 + k);
                c00 = _mm256_fmadd_ps(a, _mm256_loadu_ps(wk), c00);
                c01 = _mm256_fmadd_ps(a, _mm256_loadu_ps(wk + 8), c01);
            }
            store_panel(y + r * ys + p * NGK_PANEL, c00, c01, pb, width);
        }
    }
}
#endif

void ngk_affine_packed(const float *x, size_t rows, size_t inputs, size_t x_stride,
                       const float *packed, const float *bias, size_t outputs,
                       float *y, size_t y_stride, int vector) {
#ifdef NGK_X86
    if (vector) {
        affine_avx2(x, rows, inputs, x_stride, packed, bias, outputs, y, y_stride);
        return;
    }
#else
    (void)vector;
#endif
    affine_portable(x, rows, inputs, x_stride, packed, bias, outputs, y, y_stride);
}

void ngk_maxout_layernorm(const float *wide, size_t rows, size_t outputs, size_t pieces,
                          const float *gain, const float *shift, float eps, float *out) {
    for (size_t r = 0; r < rows; r++) {
        const float *src = wide + r * outputs * pieces;
        float *dst = out + r * outputs;
        for (size_t o = 0; o < outputs; o++) {
            float best = src[o * pieces];
            for (size_t p = 1; p < pieces; p++) if (src[o * pieces + p] > best) best = src[o * pieces + p];
            dst[o] = best;
        }
        float mean = 0;
        for (size_t o = 0; o < outputs; o++) mean += dst[o];
        mean /= (float)outputs;
        float var = 0;
        for (size_t o = 0; o < outputs; o++) { float d = dst[o] - mean; var += d * d; }
        var = var / (float)outputs + eps;
        float scale = 1.0f / sqrtf(var);
        for (size_t o = 0; o < outputs; o++) dst[o] = (dst[o] - mean) * scale * gain[o] + shift[o];
    }
}

void ngk_add(float *dst, const float *src, size_t n) {
    for (size_t j = 0; j < n; j++) dst[j] += src[j];
}
