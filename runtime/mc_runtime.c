/*
 * mc_runtime.c - the generic, table-driven JSON codec behind every generated model.
 *
 * Generated code describes each type once (mc_type / mc_field / mc_enum_desc
 * tables); everything here walks those tables, so a bug is fixed in one place.
 * Decoding is a single pass straight from the input bytes into the caller's
 * structs: no DOM, no token list. A string is scanned once (eight bytes at a
 * time, looking for '"', '\\', control bytes and non-ASCII bytes; escapes and
 * UTF-8 are validated during that scan), then copied once into an allocation
 * of its raw size, unescaping in the same copy. Member names are matched by
 * comparing the expected next `"name":` literal word by word, so documents that
 * follow schema order (the common case) never look a key up. Array items are
 * decoded into a private scratch area (a fixed buffer on the stack, then
 * blocks that never move) and copied into one exact-size allocation at ']'.
 * Errors unwind with the first status; each frame prepends its JSON Pointer
 * segment on the way out, so the happy path keeps no path at all. On failure the
 * top level clears the output, which is consistent at every point because a
 * pointer is stored only after its block is fully built.
 * Nothing here depends on the locale: numbers are parsed and printed with the
 * C library and the locale's decimal separator is swapped for '.' both ways.
 */
#include "mc_runtime.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(__GNUC__) || defined(__clang__)
#define LIKELY(x) __builtin_expect(!!(x), 1)
#define UNLIKELY(x) __builtin_expect(!!(x), 0)
#define PRINTF_LIKE(f, a) __attribute__((format(printf, f, a)))
#define ALWAYS_INLINE inline __attribute__((always_inline))
#define NOINLINE __attribute__((noinline))
#else
#define ALWAYS_INLINE inline
#define NOINLINE
#define LIKELY(x) (x)
#define UNLIKELY(x) (x)
#define PRINTF_LIKE(f, a)
#endif
/* Not specialised by the compiler (GCC's IPA-SRA would move loads into the
 * caller, the hot path, that the callee should do). */
#if defined(__GNUC__) && !defined(__clang__)
#define NOCLONE __attribute__((noclone))
#else
#define NOCLONE
#endif

/* Word-at-a-time string scanning needs little-endian order and ctz; define
 * MC_NO_SWAR to force the portable byte loop. */
#if !defined(MC_NO_SWAR) && (defined(__GNUC__) || defined(__clang__)) && defined(__BYTE_ORDER__) && \
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define SWAR 1
#else
#define SWAR 0
#endif

/* On x86-64 (and any target with SSE2, which every x86-64 has) strings are
 * scanned 16 bytes per step with SSE2 compares from the compiler's
 * <emmintrin.h>; MC_NO_SWAR turns this off too, MC_NO_SSE2 only this (the
 * tests run all three forms: make check-portable). */
#if SWAR && defined(__SSE2__) && !defined(MC_NO_SSE2)
#include <emmintrin.h>
#define SSE2 1
#else
#define SSE2 0
#endif

#define ONES 0x0101010101010101ull
#define HIGHS 0x8080808080808080ull

/* ======================================================================== */
/* Status texts                                                             */
/* ======================================================================== */

const char *mc_status_text(int code)
{
    switch (code) {
#define MC_STATUS_CASE_(name, value, text) \
    case value:                            \
        return text;
        MC_STATUS_LIST(MC_STATUS_CASE_)
#undef MC_STATUS_CASE_
    default:
        return "unknown status";
    }
}

/* ======================================================================== */
/* Allocation                                                               */
/* ======================================================================== */

static void *libc_realloc(void *ctx, void *p, size_t old, size_t n)
{
    (void)ctx;
    (void)old;
    if (n == 0) {
        free(p);
        return NULL;
    }
    return p == NULL ? malloc(n) : realloc(p, n);
}

static void *xrealloc(const mc_allocator *a, void *p, size_t old, size_t n)
{
    if (a == NULL || a->realloc == NULL)
        return libc_realloc(NULL, p, old, n);
    return a->realloc(a->ctx, p, old, n);
}

void *mc_malloc(const mc_allocator *a, size_t n)
{
    return n ? xrealloc(a, NULL, 0, n) : NULL;
}

void mc_free(const mc_allocator *a, void *p, size_t n)
{
    if (p != NULL)
        (void)xrealloc(a, p, n, 0);
}

/* ---- arena -------------------------------------------------------------- */

#define ARENA_ALIGN 16u
#define ROUND_UP(n) (((n) + (ARENA_ALIGN - 1)) & ~(size_t)(ARENA_ALIGN - 1))

struct mc_arena_block_ {
    mc_arena_block_ *next;
    size_t size; /* payload bytes */
};
#define BLOCK_HDR ROUND_UP(sizeof(mc_arena_block_))

static char *block_payload(mc_arena_block_ *b)
{
    return (char *)b + BLOCK_HDR;
}

static mc_arena_block_ *arena_new_block(mc_arena *ar, size_t payload)
{
    mc_arena_block_ *b;
    if (payload > SIZE_MAX - BLOCK_HDR)
        return NULL;
    b = (mc_arena_block_ *)xrealloc(&ar->parent_, NULL, 0, BLOCK_HDR + payload);
    if (b == NULL)
        return NULL;
    b->size = payload;
    b->next = ar->blocks_;
    ar->blocks_ = b;
    ar->used_ = 0;
    ar->last_ = 0;
    return b;
}

static void *arena_alloc(mc_arena *ar, size_t n)
{
    size_t off = ROUND_UP(ar->used_);
    mc_arena_block_ *b = ar->blocks_;
    if (b == NULL || off > b->size || n > b->size - off) {
        size_t want = ar->block_size_;
        if (b != NULL && b->size <= SIZE_MAX / 2 && b->size * 2 > want)
            want = b->size * 2;
        if (want < n)
            want = ROUND_UP(n);
        b = arena_new_block(ar, want);
        if (b == NULL)
            return NULL;
        off = 0;
    }
    ar->last_ = off;
    ar->used_ = off + n;
    return block_payload(b) + off;
}

/* Free is a no-op; the most recent block can be resized in place. */
static void *arena_realloc(void *ctx, void *p, size_t old, size_t n)
{
    mc_arena *ar = (mc_arena *)ctx;
    void *q;
    bool is_last;
    if (p == NULL && n != 0) { /* the common case: a new block from the current one */
        mc_arena_block_ *b = ar->blocks_;
        size_t off = ROUND_UP(ar->used_);
        if (b != NULL && off <= b->size && n <= b->size - off) {
            ar->last_ = off;
            ar->used_ = off + n;
            return block_payload(b) + off;
        }
        return arena_alloc(ar, n);
    }
    is_last = p != NULL && ar->blocks_ != NULL && (char *)p == block_payload(ar->blocks_) + ar->last_ &&
                   ar->used_ == ar->last_ + old;
    if (n == 0) {
        if (is_last)
            ar->used_ = ar->last_;
        return NULL;
    }
    if (is_last && n <= ar->blocks_->size - ar->last_) {
        ar->used_ = ar->last_ + n;
        return p;
    }
    if (p != NULL && n <= old)
        return p;
    q = arena_alloc(ar, n);
    if (q != NULL && p != NULL)
        memcpy(q, p, old < n ? old : n);
    return q;
}

void mc_arena_init(mc_arena *arena, const mc_allocator *parent, size_t first_block)
{
    memset(arena, 0, sizeof *arena);
    if (parent != NULL)
        arena->parent_ = *parent;
    arena->block_size_ = first_block ? ROUND_UP(first_block) : 4096;
}

mc_allocator mc_arena_allocator(mc_arena *arena)
{
    mc_allocator a;
    a.realloc = arena_realloc;
    a.ctx = arena;
    return a;
}

void mc_arena_reset(mc_arena *arena)
{
    mc_arena_block_ *b = arena->blocks_;
    if (b != NULL && b->next != NULL) {
        /* Several blocks: replace them by one block as large as all together. */
        size_t total = 0;
        while (b != NULL) {
            mc_arena_block_ *next = b->next;
            total += b->size;
            (void)xrealloc(&arena->parent_, b, BLOCK_HDR + b->size, 0);
            b = next;
        }
        arena->blocks_ = NULL;
        (void)arena_new_block(arena, total);
    }
    arena->used_ = 0;
    arena->last_ = 0;
}

void mc_arena_dispose(mc_arena *arena)
{
    mc_arena_block_ *b = arena->blocks_;
    while (b != NULL) {
        mc_arena_block_ *next = b->next;
        (void)xrealloc(&arena->parent_, b, BLOCK_HDR + b->size, 0);
        b = next;
    }
    arena->blocks_ = NULL;
    arena->used_ = arena->last_ = 0;
}

/* ======================================================================== */
/* Strings and buffers                                                      */
/* ======================================================================== */

int mc_string_set(mc_string *s, const char *data, size_t len, const mc_allocator *a)
{
    char *p;
    s->data = NULL;
    s->len = 0;
    if (len == SIZE_MAX)
        return MC_ERR_NO_MEMORY;
    p = (char *)xrealloc(a, NULL, 0, len + 1);
    if (p == NULL)
        return MC_ERR_NO_MEMORY;
    if (len)
        memcpy(p, data, len);
    p[len] = '\0';
    s->data = p;
    s->len = len;
    return MC_OK;
}

void mc_string_dispose(mc_string *s, const mc_allocator *a)
{
    if (s->data != NULL)
        (void)xrealloc(a, s->data, s->len + 1, 0);
    s->data = NULL;
    s->len = 0;
}

void mc_buf_init(mc_buf *b, const mc_allocator *a)
{
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
    if (a != NULL) {
        b->alloc = *a;
    } else {
        b->alloc.realloc = NULL;
        b->alloc.ctx = NULL;
    }
}

static int buf_grow(mc_buf *b, size_t extra)
{
    size_t need, cap;
    char *p;
    if (extra > SIZE_MAX - 1 - b->len)
        return MC_ERR_NO_MEMORY;
    need = b->len + extra + 1;
    if (need <= b->cap)
        return MC_OK;
    cap = b->cap < 64 ? 64 : b->cap;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    p = (char *)xrealloc(&b->alloc, b->data, b->cap, cap);
    if (p == NULL)
        return MC_ERR_NO_MEMORY;
    b->data = p;
    b->cap = cap;
    return MC_OK;
}

int mc_buf_reserve(mc_buf *b, size_t extra)
{
    return buf_grow(b, extra);
}

int mc_buf_append(mc_buf *b, const void *p, size_t n)
{
    if (buf_grow(b, n) != MC_OK)
        return MC_ERR_NO_MEMORY;
    if (n)
        memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
    return MC_OK;
}

void mc_buf_dispose(mc_buf *b)
{
    if (b->data != NULL)
        (void)xrealloc(&b->alloc, b->data, b->cap, 0);
    b->data = NULL;
    b->len = b->cap = 0;
}

int mc_buf_detach(mc_buf *b, char **out, size_t *out_len)
{
    char *p;
    *out = NULL;
    if (b->data == NULL) {
        p = (char *)xrealloc(&b->alloc, NULL, 0, 1);
        if (p == NULL)
            return MC_ERR_NO_MEMORY;
    } else if (b->cap != b->len + 1) {
        p = (char *)xrealloc(&b->alloc, b->data, b->cap, b->len + 1);
        if (p == NULL)
            return MC_ERR_NO_MEMORY;
    } else {
        p = b->data;
    }
    p[b->len] = '\0';
    *out = p;
    if (out_len != NULL)
        *out_len = b->len;
    b->data = NULL;
    b->len = b->cap = 0;
    return MC_OK;
}

/* ======================================================================== */
/* UTF-8                                                                    */
/* ======================================================================== */

/* Length of the valid UTF-8 sequence starting at s (s < end), or 0. */
static size_t utf8_seq(const unsigned char *s, const unsigned char *end)
{
    unsigned c = s[0];
    unsigned lo = 0x80, hi = 0xBF;
    size_t n, i;
    if (c < 0x80)
        return 1;
    if (c < 0xC2)
        return 0;
    if (c < 0xE0) {
        n = 2;
    } else if (c < 0xF0) {
        n = 3;
        if (c == 0xE0)
            lo = 0xA0; /* overlong */
        if (c == 0xED)
            hi = 0x9F; /* surrogates */
    } else if (c < 0xF5) {
        n = 4;
        if (c == 0xF0)
            lo = 0x90; /* overlong */
        if (c == 0xF4)
            hi = 0x8F; /* above U+10FFFF */
    } else {
        return 0;
    }
    if ((size_t)(end - s) < n)
        return 0;
    if (s[1] < lo || s[1] > hi)
        return 0;
    for (i = 2; i < n; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 0;
    return n;
}

/* utf8_seq for u[0] >= 0x80, with the common two- and three-byte forms inline:
 * C2..DF 80..BF, and E1..EF 80..BF 80..BF but for ED (E0, ED, C0 and C1 have
 * narrower ranges: utf8_seq checks those). With SWAR by masks on the next four
 * bytes (little-endian; fewer than four left match neither form). */
static ALWAYS_INLINE size_t utf8_step(const unsigned char *u, const unsigned char *end)
{
#if SWAR
    uint32_t w = 0;
    if (end - u >= 4)
        memcpy(&w, u, 4);
    if ((w & 0xC0E0u) == 0x80C0u && (w & 0x1Eu) != 0)
        return 2;
    if ((w & 0xC0C0F0u) == 0x8080E0u && (w & 0xFFu) != 0xE0u && (w & 0xFFu) != 0xEDu)
        return 3;
#else
    if (u[0] >= 0xC2 && u[0] <= 0xDF && end - u >= 2 && (u[1] & 0xC0) == 0x80)
        return 2;
    if (u[0] >= 0xE1 && u[0] <= 0xEF && u[0] != 0xED && end - u >= 3 && (u[1] & 0xC0) == 0x80 &&
        (u[2] & 0xC0) == 0x80)
        return 3;
#endif
    return utf8_seq(u, end);
}

bool mc_utf8_valid(const char *s, size_t len, size_t *bad_offset)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + len;
    while (p < end) {
        size_t n;
        if (*p < 0x80) {
            p++;
            continue;
        }
        n = utf8_seq(p, end);
        if (n == 0) {
            if (bad_offset != NULL)
                *bad_offset = (size_t)(p - (const unsigned char *)s);
            return false;
        }
        p += n;
    }
    return true;
}

size_t mc_utf8_encode(uint32_t cp, char out[4])
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp >= 0xD800 && cp <= 0xDFFF)
        return 0;
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    if (cp > 0x10FFFF)
        return 0;
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* ======================================================================== */
/* Date-time                                                                */
/* ======================================================================== */

/* Days since 1970-01-01 of a proleptic Gregorian date, year 0000..9999
 * (Hinnant's algorithm with years counted from March, shifted by 400 years so
 * every quantity is positive: the divisions become plain multiplications, and
 * the day of the year comes from a table instead of (153 * m + 2) / 5). */
static ALWAYS_INLINE int64_t days_from_civil(int64_t y, int64_t m, int64_t d)
{
    static const uint16_t march_doy[12] = {306, 337, 0, 31, 61, 92, 122, 153, 184, 214, 245, 275};
    uint32_t yy = (uint32_t)(y + 400 - (m <= 2)); /* 32 bits: the divisions become multiplies */
    return (int64_t)(yy * 365 + yy / 4 - yy / 100 + yy / 400 + march_doy[m - 1]) + d - 1 - 865565LL;
}

static void civil_from_days(int64_t z, int64_t *y, int64_t *m, int64_t *d)
{
    int64_t era, doe, yoe, doy, mp;
    z += 719468; /* days since 0000-03-01 */
    if (LIKELY(z >= 0 && z < 146097 * 32)) {
        /* Years 0000..12799, in 32-bit unsigned arithmetic (a division by a
         * constant is a multiply and a shift). Counted in quarter days, a
         * century is 146097 and a year of a century 1461 of them on average,
         * so two divisions find the century and the year (the +3 puts each
         * leap day at the end of its span); a March-based month is 153 days
         * per 5 months. Checked against the general code below for every
         * day of those years (tests/runtime/test_datetime.c). */
        uint32_t n1 = 4 * (uint32_t)z + 3, c = n1 / 146097, r1 = (n1 - c * 146097) | 3;
        uint32_t yc = r1 / 1461, ud = (r1 - yc * 1461) / 4; /* day of the March-based year */
        uint32_t n3 = 5 * ud + 2, um = n3 / 153;                  /* its month, 0 = March */
        *d = (int64_t)((n3 - um * 153) / 5 + 1);
        *m = um < 10 ? (int64_t)um + 3 : (int64_t)um - 9;
        *y = (int64_t)(100 * c + yc) + (um >= 10);
        return;
    }
    era = (z >= 0 ? z : z - 146096) / 146097;
    doe = z - era * 146097;
    yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = yoe + era * 400 + (*m <= 2);
}

static int days_in_month(int64_t y, int64_t m)
{
    static const unsigned char dim[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))
        return 29;
    return dim[m - 1];
}

/* The two decimal digits at s as a number, or -1. */
static inline int64_t d2(const char *s)
{
    unsigned a = (unsigned)(unsigned char)s[0] - '0', b = (unsigned)(unsigned char)s[1] - '0';
    return (a > 9 || b > 9) ? -1 : (int64_t)(a * 10 + b);
}

/* First second of year 0000 and last second of year 9999, UTC. */
#define DT_MIN_SECONDS (-62167219200LL)
#define DT_MAX_SECONDS (253402300799LL)

static inline int parse_date_part(const char *s, int64_t *y, int64_t *m, int64_t *d)
{
    int64_t hi = d2(s), lo = d2(s + 2);
    *y = (hi < 0 || lo < 0) ? -1 : hi * 100 + lo;
    *m = d2(s + 5);
    *d = d2(s + 8);
    if (*y < 0 || *m < 1 || *m > 12 || *d < 1 || s[4] != '-' || s[7] != '-')
        return MC_ERR_DATETIME;
    if (*d > days_in_month(*y, *m))
        return MC_ERR_DATETIME;
    return MC_OK;
}

#if SWAR
/* Bytes 0..7 of w are all '0'..'9'. A byte below '0' sets its high bit in
 * w - '0' (whatever it borrows), one above '9' in w + 0x46 or, from 0xBA on,
 * in w - '0': either way a high bit shows. */
static ALWAYS_INLINE bool all_digits8(uint64_t w)
{
    return (((w + ONES * 0x46) | (w - ONES * '0')) & HIGHS) == 0;
}

/* The number written by the eight digits at bytes 0..7 of w, byte 0 first
 * (pairs, then quads, then the whole, each step one multiply). */
static ALWAYS_INLINE uint32_t digits8_value(uint64_t w)
{
    w -= ONES * '0';
    w = (w * 10 + (w >> 8)) & 0x00FF00FF00FF00FFull;
    w = (w * 100 + (w >> 16)) & 0x0000FFFF0000FFFFull;
    return (uint32_t)((w * 10000 + (w >> 32)) & 0xFFFFFFFFu);
}

/*
 * The shapes servers send, "YYYY-MM-DDThh:mm:ss[.f{1,9}](Z|z|+hh:mm|-hh:mm)",
 * with a few word-wide tests: the fixed part as three overlapping words, the
 * zone from the end, the fraction as one word. True with *out set exactly as
 * the full parser below sets it; false for anything else (other shapes, leap
 * seconds, invalid text), which the full parser then decides. All loads stay
 * inside s[0..len).
 */
_Static_assert(MC_DT_ZONE_Z == 0 && MC_DT_ZONE_LOWER_Z == 0x20, "datetime_fast: the form of 'Z' / 'z' is its bit 0x20");
#if SSE2
/* The fixed part of the fast shapes, "YYYY-MM-DDThh:mm:ss" (s[0..19)), as two
 * overlapping vectors, s[0..16) and s[3..19): each byte xor-ed with its
 * template ('0' for a digit, the separator itself) must not be above its
 * limit: 9 for a digit, the most a tens digit can be (month 1, day 3, hour 2,
 * minute and second 5: so minutes and seconds are in range, and :60, a leap
 * second, is the full parser's), 0 for a separator. Bit 0x20 of the 'T' is
 * dropped ('t' is accepted too); the second vector leaves the 'T' to the
 * first. */
static ALWAYS_INLINE bool datetime_shape(const char *s)
{
    const __m128i t1 = _mm_setr_epi8('0', '0', '0', '0', '-', '0', '0', '-', '0', '0', 'T', '0', '0', ':', '0', '0');
    const __m128i m1 = _mm_setr_epi8(-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, ~0x20, -1, -1, -1, -1, -1);
    const __m128i l1 = _mm_setr_epi8(9, 9, 9, 9, 0, 1, 9, 0, 3, 9, 0, 2, 9, 0, 5, 9);
    const __m128i t2 = _mm_setr_epi8('0', '-', '0', '0', '-', '0', '0', 0, '0', '0', ':', '0', '0', ':', '0', '0');
    const __m128i l2 = _mm_setr_epi8(9, 0, 1, 9, 0, 3, 9, -1, 2, 9, 0, 5, 9, 0, 5, 9);
    __m128i v1 = _mm_and_si128(_mm_xor_si128(_mm_loadu_si128((const __m128i *)(const void *)s), t1), m1);
    __m128i v2 = _mm_xor_si128(_mm_loadu_si128((const __m128i *)(const void *)(s + 3)), t2);
    __m128i ok = _mm_and_si128(_mm_cmpeq_epi8(_mm_max_epu8(v1, l1), l1), _mm_cmpeq_epi8(_mm_max_epu8(v2, l2), l2));
    return _mm_movemask_epi8(ok) == 0xFFFF;
}
#endif

static ALWAYS_INLINE bool datetime_fast(mc_datetime *out, const char *s, size_t len)
{
    /* the days of each month (of a common year; none for month 0) */
    static const uint8_t month_days[13] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    /* "YYYY-MM-" and "DDThh:mm" xor-ed with their templates ('0' for a digit,
     * the separator itself): a digit becomes its value, a valid separator 0
     * ('T' | 0x20 is 't', both accepted: that bit is dropped). */
    const uint64_t ta = 0x2D30302D30303030ull, tb = 0x30303A3030543030ull;
    uint64_t a, b, w, pa, pb;
    uint32_t y, mo, d, hh, mi, ss, nanos = 0;
    int64_t secs, off = 0;
    unsigned form, last;
    size_t zone, nd;
    if (len - 20 > 15) /* 20..35 bytes */
        return false;
    memcpy(&a, s, 8);
    memcpy(&b, s + 8, 8);
    a ^= ta;
    b = (b ^ tb) & ~0x200000ull;
#if SSE2
    if (!datetime_shape(s))
        return false;
    ss = (uint32_t)((unsigned char)s[17] - '0') * 10 + (uint32_t)((unsigned char)s[18] - '0');
#else
    {
        /* the same for "hh:mm:ss" (bytes 11..18); then no byte may be above
         * 9 (x + 0x76 or x itself shows a high bit) and every separator byte
         * must be 0 */
        const uint64_t tc = 0x30303A30303A3030ull;
        const uint64_t sa = 0xFF0000FF00000000ull, sbc = 0x0000FF0000FF0000ull;
        uint64_t c, pc;
        memcpy(&c, s + 11, 8);
        c ^= tc;
        if (((((a + ONES * 0x76) | a | (b + ONES * 0x76) | b | (c + ONES * 0x76) | c) & HIGHS) |
             (a & sa) | ((b | c) & sbc)) != 0)
            return false;
        /* every byte of pc is now a pair's value, 0..99: adding 128 - 60 sets
         * the high bit of the seconds exactly when they are over 59 (:60, a
         * leap second, is the full parser's); the same for the minutes below */
        pc = c * 10 + (c >> 8);
        if ((pc + ((uint64_t)(128 - 60) << 48)) & (0x80ull << 48))
            return false;
        ss = (uint32_t)((pc >> 48) & 0xFF);
    }
#endif
    pa = a * 10 + (a >> 8);
    pb = b * 10 + (b >> 8);
    y = (uint32_t)(pa & 0xFF) * 100 + (uint32_t)((pa >> 16) & 0xFF);
    mo = (uint32_t)((pa >> 40) & 0xFF);
    d = (uint32_t)(pb & 0xFF);
    hh = (uint32_t)((pb >> 24) & 0xFF);
    mi = (uint32_t)((pb >> 48) & 0xFF);
    if (hh > 23 || (!SSE2 && mi > 59)) /* datetime_shape bounds the minutes */
        return false;
    /* day 1 to the month's last (d - 1 wraps for day 0): one compare, and
     * the leap-year test only for 29 February */
    if (mo > 12 || d - 1 >= month_days[mo])
        if (!(mo == 2 && d == 29 && y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))
            return false;
    /* the date and time of day are done with here: fewer values live below */
    secs = days_from_civil(y, mo, d) * 86400 + (int64_t)(hh * 3600 + mi * 60 + ss);
    /* the zone, from the end; 'Z' and 'z' differ in bit 0x20, as their forms do */
    last = (unsigned char)s[len - 1];
    if ((last | 0x20) == 'z') {
        zone = len - 1;
        form = last & MC_DT_ZONE_LOWER_Z;
    } else {
        /* bytes 2..7 of the last word: sign, hh, ':', mm */
        const uint64_t mz = 0xFFFF00FFFF000000ull;
        memcpy(&w, s + len - 8, 8);
        zone = len - 6;
        if (zone < 19 || (s[zone] != '+' && s[zone] != '-') || ((w >> 40) & 0xFF) != ':')
            return false;
        w = (w & mz) | (ONES * '0' & ~mz);
        if (!all_digits8(w))
            return false;
        w -= ONES * '0';
        w = w * 10 + (w >> 8);
        off = (int64_t)((w >> 24) & 0xFF);
        if (off > 23 || ((w >> 48) & 0xFF) > 59)
            return false;
        off = off * 60 + (int64_t)((w >> 48) & 0xFF);
        form = MC_DT_ZONE_OFFSET;
        if (s[zone] == '-') {
            off = -off;
            if (off == 0)
                form |= MC_DT_NEG_ZERO;
        }
    }
    /* the fraction: s[20..zone) after a '.', 1 to 9 digits */
    if (zone != 19) {
        if (zone < 21 || s[19] != '.')
            return false;
        nd = zone - 20;
        if (nd == 3) {
            /* milliseconds, the most common: the three digits alone */
            uint32_t d0 = (uint32_t)(unsigned char)s[20] - '0', d1 = (uint32_t)(unsigned char)s[21] - '0',
                     d2 = (uint32_t)(unsigned char)s[22] - '0';
            if (d0 > 9 || d1 > 9 || d2 > 9)
                return false;
            nanos = (d0 * 100 + d1 * 10 + d2) * 1000000;
        } else {
            uint32_t ninth = 0;
            if (nd > 9)
                return false;
            if (nd == 9) {
                memcpy(&w, s + 20, 8);
                ninth = (uint32_t)(unsigned char)s[28] - '0';
                if (ninth > 9)
                    return false;
            } else {
                /* the nd digits end the word before the zone: bring them to
                 * bytes 0..nd-1 and fill the rest with '0' (nanos / 10) */
                memcpy(&w, s + zone - 8, 8);
                w = (w >> (8 * (8 - nd))) | (ONES * '0' & ~(~0ull >> (8 * (8 - nd))));
            }
            if (!all_digits8(w))
                return false;
            nanos = digits8_value(w) * 10 + ninth;
        }
        form |= (unsigned)nd;
    }
    memset(out, 0, sizeof *out);
    out->seconds = secs - off * 60;
    out->nanos = (int32_t)nanos;
    out->offset_minutes = (int16_t)off;
    out->form = (uint8_t)form;
    return true;
}
#endif

int mc_datetime_parse(mc_datetime *out, const char *s, size_t len, unsigned flags)
{
#if SWAR
    if (LIKELY(datetime_fast(out, s, len)))
        return MC_OK; /* every shape it takes has seconds and a zone: strict too */
#endif
    return mc_datetime_parse_full_(out, s, len, flags);
}

int mc_datetime_parse_full_(mc_datetime *out, const char *s, size_t len, unsigned flags)
{
    int64_t y, mo, d, hh, mi, ss = 0, off = 0, nanos = 0;
    size_t pos = 16;
    unsigned form = 0;
    memset(out, 0, sizeof *out);
    if (len < 16)
        return MC_ERR_DATETIME;
#if SWAR
    {
        /* "YYYY-MM-" and "DDThh:mm" as two words: separators are replaced by
         * '0' so that only the digit bytes are tested (a separator below '0'
         * would borrow from its neighbour), then each byte's value times ten
         * plus the next byte's gives every two-digit number at once. */
        const uint64_t ma = 0x00FFFF00FFFFFFFFull, mb = 0xFFFF00FFFF00FFFFull;
        uint64_t a, b, pa, pb;
        memcpy(&a, s, 8);
        memcpy(&b, s + 8, 8);
        a = (a & ma) | (ONES * '0' & ~ma);
        b = (b & mb) | (ONES * '0' & ~mb);
        if (((((a + ONES * 0x46) | (a - ONES * '0')) | ((b + ONES * 0x46) | (b - ONES * '0'))) & HIGHS) != 0 ||
            s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != 't') || s[13] != ':')
            return MC_ERR_DATETIME;
        a -= ONES * '0';
        b -= ONES * '0';
        pa = a * 10 + (a >> 8);
        pb = b * 10 + (b >> 8);
        y = (int64_t)(pa & 0xFF) * 100 + (int64_t)((pa >> 16) & 0xFF);
        mo = (int64_t)((pa >> 40) & 0xFF);
        d = (int64_t)(pb & 0xFF);
        hh = (int64_t)((pb >> 24) & 0xFF);
        mi = (int64_t)((pb >> 48) & 0xFF);
        if (mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo) || hh > 23 || mi > 59)
            return MC_ERR_DATETIME;
    }
#else
    if (parse_date_part(s, &y, &mo, &d) != MC_OK)
        return MC_ERR_DATETIME;
    if (s[10] != 'T' && s[10] != 't')
        return MC_ERR_DATETIME;
    hh = d2(s + 11);
    mi = d2(s + 14);
    if (s[13] != ':' || hh < 0 || hh > 23 || mi < 0 || mi > 59)
        return MC_ERR_DATETIME;
#endif
    if (pos < len && s[pos] == ':') {
        if (len - pos < 3 || (ss = d2(s + pos + 1)) < 0 || ss > 60)
            return MC_ERR_DATETIME;
        pos += 3;
        if (pos < len && s[pos] == '.') {
            unsigned digits = 0;
            pos++;
            while (pos < len && s[pos] >= '0' && s[pos] <= '9') {
                if (++digits > 9)
                    return MC_ERR_DATETIME;
                nanos = nanos * 10 + (s[pos] - '0');
                pos++;
            }
            static const int32_t to_nanos[10] = {0,      100000000, 10000000, 1000000, 100000,
                                                 10000,  1000,      100,      10,      1};
            if (digits == 0)
                return MC_ERR_DATETIME;
            form |= digits;
            nanos *= to_nanos[digits];
        }
    } else {
        form |= MC_DT_NO_SECONDS;
    }
    if (pos == len) {
        form |= MC_DT_ZONE_NONE;
    } else if (s[pos] == 'Z' || s[pos] == 'z') {
        form |= s[pos] == 'Z' ? MC_DT_ZONE_Z : MC_DT_ZONE_LOWER_Z;
        pos++;
    } else if (s[pos] == '+' || s[pos] == '-') {
        int64_t oh, om;
        if (len - pos < 6 || s[pos + 3] != ':')
            return MC_ERR_DATETIME;
        oh = d2(s + pos + 1);
        om = d2(s + pos + 4);
        if (oh < 0 || oh > 23 || om < 0 || om > 59)
            return MC_ERR_DATETIME;
        off = oh * 60 + om;
        if (s[pos] == '-') {
            off = -off;
            if (off == 0)
                form |= MC_DT_NEG_ZERO;
        }
        form |= MC_DT_ZONE_OFFSET;
        pos += 6;
    } else {
        return MC_ERR_DATETIME;
    }
    if (pos != len)
        return MC_ERR_DATETIME;
    if ((flags & MC_DATETIME_STRICT) &&
        ((form & MC_DT_NO_SECONDS) || (form & MC_DT_ZONE_MASK) == MC_DT_ZONE_NONE))
        return MC_ERR_DATETIME;
    if (ss == 60) {
        /* Leap second: only at 23:59:60 UTC. Stored as :59 plus 1e9 nanos. */
        int64_t utc_min = ((hh * 60 + mi - off) % 1440 + 1440) % 1440;
        if (utc_min != 1439)
            return MC_ERR_DATETIME;
        ss = 59;
        nanos += 1000000000;
    }
    out->seconds = days_from_civil(y, mo, d) * 86400 + hh * 3600 + mi * 60 + ss - off * 60;
    out->nanos = (int32_t)nanos;
    out->offset_minutes = (int16_t)off;
    out->form = (uint8_t)form;
    return MC_OK;
}

static const char digit_pairs[201] = "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
                                     "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
                                     "8081828384858687888990919293949596979899";

/* Two decimal digits of 0 <= v <= 99, from a table (no division). */
static inline char *put2(char *p, int64_t v)
{
    memcpy(p, digit_pairs + 2 * v, 2);
    return p + 2;
}

size_t mc_datetime_format(const mc_datetime *dt, char *buf, size_t cap)
{
    char tmp[MC_DATETIME_MAX], *p = tmp;
    int64_t off = dt->offset_minutes, local, days, y, m, d, ns = dt->nanos;
    uint32_t usod;
    unsigned zone = dt->form & MC_DT_ZONE_MASK, digits = dt->form & MC_DT_FRAC_MASK;
    bool leap = ns >= 1000000000;
    size_t n;
    if (ns < 0 || ns >= 2000000000 || off <= -1440 || off >= 1440)
        return 0;
    if (leap)
        ns -= 1000000000;
    if (dt->seconds < DT_MIN_SECONDS - 86400 || dt->seconds > DT_MAX_SECONDS + 86400)
        return 0;
    /* Write straight into buf when it surely has room (the usual case). */
    if (cap >= MC_DATETIME_MAX)
        p = buf;
    local = dt->seconds + off * 60;
    days = local >= 0 ? (int64_t)((uint64_t)local / 86400) : -((-local + 86399) / 86400);
    usod = (uint32_t)(local - days * 86400); /* 0..86399 */
    civil_from_days(days, &y, &m, &d);
    if (y < 0 || y > 9999)
        return 0;
    p = put2(p, (uint32_t)y / 100);
    p = put2(p, (uint32_t)y % 100);
    *p++ = '-';
    p = put2(p, m);
    *p++ = '-';
    p = put2(p, d);
    *p++ = 'T';
    p = put2(p, usod / 3600);
    *p++ = ':';
    p = put2(p, usod / 60 % 60);
    if (!(dt->form & MC_DT_NO_SECONDS) || usod % 60 != 0 || ns != 0 || leap) {
        static const int32_t scale[10] = {1000000000, 100000000, 10000000, 1000000, 100000,
                                          10000,      1000,      100,      10,      1};
        *p++ = ':';
        p = put2(p, leap ? 60 : usod % 60);
        if (digits > 9)
            digits = 9;
        if (ns != 0 && ns % scale[digits] != 0) {
            /* the form's digits would lose some: write as many as needed */
            unsigned need = 9;
            int64_t t = ns;
            while (t % 10 == 0) {
                t /= 10;
                need--;
            }
            digits = need;
        }
        if (digits) {
            uint32_t t = (uint32_t)ns / (uint32_t)scale[digits];
            unsigned i;
            *p++ = '.';
            for (i = digits; i > 1; i -= 2) {
                memcpy(p + i - 2, digit_pairs + 2 * (t % 100), 2);
                t /= 100;
            }
            if (i == 1)
                p[0] = (char)('0' + t);
            p += digits;
        }
    }
    if (off == 0 && zone == MC_DT_ZONE_Z) {
        *p++ = 'Z';
    } else if (off == 0 && zone == MC_DT_ZONE_LOWER_Z) {
        *p++ = 'z';
    } else if (off == 0 && zone == MC_DT_ZONE_NONE) {
        /* nothing: the lenient form without zone */
    } else {
        int64_t a = off < 0 ? -off : off;
        *p++ = (off < 0 || (dt->form & MC_DT_NEG_ZERO)) ? '-' : '+';
        p = put2(p, a / 60);
        *p++ = ':';
        p = put2(p, a % 60);
    }
    if (cap >= MC_DATETIME_MAX) {
        n = (size_t)(p - buf);
        buf[n] = '\0';
        return n;
    }
    n = (size_t)(p - tmp);
    if (cap < n + 1)
        return 0;
    memcpy(buf, tmp, n);
    buf[n] = '\0';
    return n;
}

int mc_datetime_to_time_t(const mc_datetime *dt, time_t *out)
{
    time_t t = (time_t)dt->seconds;
    if ((int64_t)t != dt->seconds)
        return MC_ERR_RANGE;
    *out = t;
    return MC_OK;
}

int mc_datetime_from_time_t(mc_datetime *out, time_t t)
{
    int64_t s = (int64_t)t;
    memset(out, 0, sizeof *out);
    if (s < DT_MIN_SECONDS || s > DT_MAX_SECONDS)
        return MC_ERR_RANGE;
    out->seconds = s;
    return MC_OK;
}

#if MC_HAVE_TIMESPEC
int mc_datetime_to_timespec(const mc_datetime *dt, struct timespec *out)
{
    time_t t;
    int32_t ns = dt->nanos;
    if (mc_datetime_to_time_t(dt, &t) != MC_OK)
        return MC_ERR_RANGE;
    if (ns >= 1000000000)
        ns = 999999999; /* leap second: the last instant of :59 */
    out->tv_sec = t;
    out->tv_nsec = ns;
    return MC_OK;
}

int mc_datetime_from_timespec(mc_datetime *out, const struct timespec *ts)
{
    if (ts->tv_nsec < 0 || ts->tv_nsec > 999999999 || mc_datetime_from_time_t(out, ts->tv_sec) != MC_OK) {
        memset(out, 0, sizeof *out);
        return MC_ERR_RANGE;
    }
    out->nanos = (int32_t)ts->tv_nsec;
    out->form = (uint8_t)(ts->tv_nsec ? 9 : 0);
    return MC_OK;
}
#endif

int mc_date_parse(mc_date *out, const char *s, size_t len)
{
    int64_t y, m, d;
    memset(out, 0, sizeof *out);
    if (len != 10 || parse_date_part(s, &y, &m, &d) != MC_OK)
        return MC_ERR_DATETIME;
    out->year = (int16_t)y;
    out->month = (uint8_t)m;
    out->day = (uint8_t)d;
    return MC_OK;
}

size_t mc_date_format(const mc_date *d, char *buf, size_t cap)
{
    char *p = buf;
    if (cap < MC_DATE_MAX || d->year < 0 || d->year > 9999 || d->month < 1 || d->month > 12 || d->day < 1 ||
        d->day > days_in_month(d->year, d->month))
        return 0;
    p = put2(p, d->year / 100);
    p = put2(p, d->year % 100);
    *p++ = '-';
    p = put2(p, d->month);
    *p++ = '-';
    p = put2(p, d->day);
    *p = '\0';
    return 10;
}

/* ======================================================================== */
/* Enums and small helpers                                                  */
/* ======================================================================== */

const char *mc_enum_to_string(const mc_enum_desc *d, int v)
{
    if (v < 0 || (size_t)v >= d->count)
        return NULL;
    return d->values[v].wire;
}

static ALWAYS_INLINE bool lit_eq(const char *p, const char *lit, size_t n);

int mc_enum_from_string(const mc_enum_desc *d, const char *s, size_t len)
{
    size_t i;
    for (i = 0; i < d->count; i++)
        if (d->values[i].wire_len == len && lit_eq(s, d->values[i].wire, len))
            return (int)i;
    return MC_ENUM_UNKNOWN;
}

void mc_init(const mc_type *t, void *v)
{
    memset(v, 0, t->size);
}

static bool is_uuid(const char *s, size_t n)
{
    size_t i;
    if (n != 36)
        return false;
    for (i = 0; i < 36; i++) {
        char c = s[i];
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != '-')
                return false;
        } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
            return false;
        }
    }
    return true;
}

/* 0x10 | the value of each hex digit, 0 for other bytes: four digits are
 * checked with one test of the four entries and-ed. */
static const unsigned char hex_table[256] = {
    ['0'] = 0x10, ['1'] = 0x11, ['2'] = 0x12, ['3'] = 0x13, ['4'] = 0x14, ['5'] = 0x15, ['6'] = 0x16,
    ['7'] = 0x17, ['8'] = 0x18, ['9'] = 0x19, ['a'] = 0x1A, ['b'] = 0x1B, ['c'] = 0x1C, ['d'] = 0x1D,
    ['e'] = 0x1E, ['f'] = 0x1F, ['A'] = 0x1A, ['B'] = 0x1B, ['C'] = 0x1C, ['D'] = 0x1D, ['E'] = 0x1E,
    ['F'] = 0x1F,
};

/* The code unit of 4 hex digits at s, or -1. */
static ALWAYS_INLINE long hex4(const char *s)
{
    unsigned a = hex_table[(unsigned char)s[0]], b = hex_table[(unsigned char)s[1]];
    unsigned c = hex_table[(unsigned char)s[2]], d = hex_table[(unsigned char)s[3]];
    if ((a & b & c & d & 0x10) == 0)
        return -1;
    return (long)(((a & 0xF) << 12) | ((b & 0xF) << 8) | ((c & 0xF) << 4) | (d & 0xF));
}

/*
 * Decode the next character of already validated JSON string text at *s (< e):
 * one raw byte or one escape. Writes 1..4 bytes to out; returns the count.
 */
static size_t next_unit(const char **s, char out[4])
{
    const char *p = *s;
    uint32_t cp;
    if (*p != '\\') {
        out[0] = *p;
        *s = p + 1;
        return 1;
    }
    switch (p[1]) {
    case 'b': out[0] = '\b'; break;
    case 'f': out[0] = '\f'; break;
    case 'n': out[0] = '\n'; break;
    case 'r': out[0] = '\r'; break;
    case 't': out[0] = '\t'; break;
    case 'u':
        cp = (uint32_t)hex4(p + 2);
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + ((uint32_t)hex4(p + 8) - 0xDC00);
            *s = p + 12;
        } else {
            *s = p + 6;
        }
        return mc_utf8_encode(cp, out);
    default: out[0] = p[1]; break; /* '"', '\\', '/' */
    }
    *s = p + 2;
    return 1;
}

/* The value of one hex digit of validated text: '0'-'9', 'a'-'f', 'A'-'F'. */
static ALWAYS_INLINE uint32_t hex_digit(char c)
{
    unsigned u = (unsigned char)c;
    return (u & 0xFu) + 9u * (u >> 6);
}

/* The code unit of 4 validated hex digits at s. */
static ALWAYS_INLINE uint32_t hex4_valid(const char *s)
{
    return (hex_digit(s[0]) << 12) | (hex_digit(s[1]) << 8) | (hex_digit(s[2]) << 4) | hex_digit(s[3]);
}

/* Copy n bytes with word moves inline: strings here are short, and a call to
 * memcpy costs more than the copy. Never writes outside dst[0..n). */
static ALWAYS_INLINE void copy_short(char *dst, const char *src, size_t n)
{
    uint64_t w;
#if SSE2
    if (n >= 16) {
        if (n > 32) {
            size_t i;
            for (i = 0; i + 16 < n; i += 16)
                _mm_storeu_si128((__m128i *)(void *)(dst + i),
                                 _mm_loadu_si128((const __m128i *)(const void *)(src + i)));
        } else { /* 16..32 bytes (ids): the first and the last 16, overlapping */
            _mm_storeu_si128((__m128i *)(void *)dst, _mm_loadu_si128((const __m128i *)(const void *)src));
        }
        _mm_storeu_si128((__m128i *)(void *)(dst + n - 16), _mm_loadu_si128((const __m128i *)(const void *)(src + n - 16)));
        return;
    }
#endif
    if (n >= 8) {
        size_t i;
        for (i = 0; i + 8 < n; i += 8) {
            memcpy(&w, src + i, 8);
            memcpy(dst + i, &w, 8);
        }
        memcpy(&w, src + n - 8, 8); /* the last word, overlapping the previous one */
        memcpy(dst + n - 8, &w, 8);
    } else if (n >= 4) {
        uint32_t x, y;
        memcpy(&x, src, 4);
        memcpy(&y, src + n - 4, 4);
        memcpy(dst, &x, 4);
        memcpy(dst + n - 4, &y, 4);
    } else {
        size_t i;
        for (i = 0; i < n; i++)
            dst[i] = src[i];
    }
}

/* The first '\\' in validated string text [s, e), or e: words of eight, then
 * bytes (the text is short; unescape takes longer runs 16 bytes at a time). */
static ALWAYS_INLINE const char *find_backslash(const char *s, const char *e)
{
#if SWAR
    while (e - s >= 8) {
        uint64_t w, m;
        memcpy(&w, s, 8);
        w ^= ONES * '\\';
        m = (w - ONES) & ~w & HIGHS; /* the lowest flag is the first zero byte */
        if (m != 0)
            return s + (__builtin_ctzll(m) >> 3);
        s += 8;
    }
#endif
    while (s < e && *s != '\\')
        s++;
    return s;
}

/* Code point cp (a scalar value) as UTF-8 at o; returns the new o. */
static ALWAYS_INLINE char *put_utf8(char *o, uint32_t cp)
{
    if (cp < 0x80) {
        *o++ = (char)cp;
    } else if (cp < 0x800) {
        o[0] = (char)(0xC0 | (cp >> 6));
        o[1] = (char)(0x80 | (cp & 0x3F));
        o += 2;
    } else if (cp < 0x10000) {
        o[0] = (char)(0xE0 | (cp >> 12));
        o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F));
        o += 3;
    } else {
        o[0] = (char)(0xF0 | (cp >> 18));
        o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[3] = (char)(0x80 | (cp & 0x3F));
        o += 4;
    }
    return o;
}

/* Decode the validated escape at *s (a backslash; a surrogate pair counts as
 * one) into o, at most 4 bytes and never more than the escape's text; moves *s
 * past it and returns the new o. */
static ALWAYS_INLINE char *put_escape(char *o, const char **s)
{
    const char *p = *s;
    char c = p[1];
    if (c == 'u') {
        uint32_t cp = hex4_valid(p + 2);
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (hex4_valid(p + 8) - 0xDC00);
            *s = p + 12;
        } else {
            *s = p + 6;
        }
        return put_utf8(o, cp);
    }
    switch (c) {
    case 'b': *o++ = '\b'; break;
    case 'f': *o++ = '\f'; break;
    case 'n': *o++ = '\n'; break;
    case 'r': *o++ = '\r'; break;
    case 't': *o++ = '\t'; break;
    default: *o++ = c; break; /* '"', '\\', '/' */
    }
    *s = p + 2;
    return o;
}

/*
 * Unescape validated JSON string text s[0..n) into dst (room for n bytes);
 * returns the bytes written. Runs between escapes are copied inline, no calls:
 * with SSE2 16 bytes per step are stored whole before the backslash is looked
 * for (the output never runs ahead of the input, so a whole input block fits
 * in dst), the rest found by find_backslash and moved by copy_short. A run of
 * escapes (a \u-escaped word, a surrogate pair) is decoded without a search
 * between them.
 */
static size_t unescape(char *dst, const char *s, size_t n)
{
    const char *e = s + n;
    char *o = dst;
    for (;;) {
        const char *bs;
#if SSE2
        while (e - s >= 16) {
            __m128i x = _mm_loadu_si128((const __m128i *)(const void *)s);
            unsigned m = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_set1_epi8('\\')));
            _mm_storeu_si128((__m128i *)(void *)o, x);
            if (m != 0) {
                s += __builtin_ctz(m);
                o += __builtin_ctz(m);
                goto escapes;
            }
            s += 16;
            o += 16;
        }
#endif
        bs = find_backslash(s, e);
        copy_short(o, s, (size_t)(bs - s));
        o += bs - s;
        s = bs;
        if (s == e)
            break;
#if SSE2
    escapes:
#endif
        do
            o = put_escape(o, &s);
        while (s < e && *s == '\\');
        if (s == e)
            break;
    }
    return (size_t)(o - dst);
}

/* Do the validated JSON string texts a and b denote the same string? */
static bool text_equal(const char *a, size_t an, bool a_esc, const char *b, size_t bn, bool b_esc)
{
    const char *ae = a + an, *be = b + bn;
    char ua[4], ub[4];
    size_t na = 0, nb = 0, ia = 0, ib = 0;
    if (!a_esc && !b_esc)
        return an == bn && memcmp(a, b, an) == 0;
    /* Byte by byte through the unescaped texts: a unit is one byte as
     * written or the UTF-8 of an escape, so "\u00e9" on one side must meet
     * the two raw bytes of U+00E9 on the other. */
    for (;;) {
        if (ia == na) {
            if (a == ae)
                break;
            na = next_unit(&a, ua);
            ia = 0;
        }
        if (ib == nb) {
            if (b == be)
                return false;
            nb = next_unit(&b, ub);
            ib = 0;
        }
        if (ua[ia++] != ub[ib++])
            return false;
    }
    return ib == nb && b == be;
}

/* ---- numbers (locale-independent) ---------------------------------------- */

/* The current locale's decimal separator as printf writes it (thread-safe probe). */
static size_t locale_point(char out[8])
{
    char tmp[16];
    int n = snprintf(tmp, sizeof tmp, "%.1f", 0.5);
    size_t len;
    if (n < 3 || (size_t)n >= sizeof tmp)
        return 0;
    len = (size_t)n - 2; /* "0" point "5" */
    if (len > 7)
        return 0;
    memcpy(out, tmp + 1, len);
    return len;
}

/* Parse the JSON number text s[0..n) (already validated) as double or float with
 * strtod/strtof, whatever the locale. Returns MC_OK or MC_ERR_RANGE/NO_MEMORY. */
static int strto_any(const char *s, size_t n, bool single, double *out, const mc_allocator *a)
{
    char local[128], point[8], *buf = local, *end;
    size_t plen = 1, cap = sizeof local, i, o = 0;
    const char *dot = (const char *)memchr(s, '.', n);
    int rc = MC_OK;
    point[0] = '.';
    if (dot != NULL) {
        plen = locale_point(point);
        if (plen == 0) {
            point[0] = '.';
            plen = 1;
        }
    }
    if (n + plen + 1 > cap) {
        cap = n + plen + 1;
        buf = (char *)xrealloc(a, NULL, 0, cap);
        if (buf == NULL)
            return MC_ERR_NO_MEMORY;
    }
    for (i = 0; i < n; i++) {
        if (s + i == dot) {
            memcpy(buf + o, point, plen);
            o += plen;
        } else {
            buf[o++] = s[i];
        }
    }
    buf[o] = '\0';
    errno = 0;
    if (single) {
        float f = strtof(buf, &end);
        if (errno == ERANGE && (f == HUGE_VALF || f == -HUGE_VALF))
            rc = MC_ERR_RANGE;
        *out = (double)f;
    } else {
        double v = strtod(buf, &end);
        if (errno == ERANGE && (v == HUGE_VAL || v == -HUGE_VAL))
            rc = MC_ERR_RANGE;
        *out = v;
    }
    if (rc == MC_OK && end != buf + o)
        rc = MC_ERR_RANGE; /* cannot happen for validated text; never trust it silently */
    if (buf != local)
        (void)xrealloc(a, buf, cap, 0);
    return rc;
}

static const double pow10_exact[23] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                       1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

/* Scanned shape of a JSON number. */
typedef struct num {
    const char *s;
    size_t n;
    bool neg, is_int;
    uint64_t mant;    /* significant digits, if they fit */
    int mant_digits;  /* digits in mant (leading zeros dropped); > 19 = did not fit */
    long exp10;       /* value = mant * 10^exp10, when mant_digits <= 19 */
} num;

/* Double from a scanned number: exact fast path (Clinger) or strtod. */
static int num_to_double(const num *nm, bool single, double *out, const mc_allocator *a)
{
    if (!single && nm->mant_digits <= 15 && nm->exp10 >= -22 && nm->exp10 <= 22) {
        double v = (double)nm->mant;
        v = nm->exp10 < 0 ? v / pow10_exact[-nm->exp10] : v * pow10_exact[nm->exp10];
        *out = nm->neg ? -v : v;
        return MC_OK;
    }
    return strto_any(nm->s, nm->n, single, out, a);
}

/* ======================================================================== */
/* Decoder                                                                  */
/* ======================================================================== */

/* Scratch memory with stack discipline whose blocks never move: array items are
 * decoded here, so a pointer into an item under construction stays valid while
 * nested arrays grow. */
typedef struct sblock {
    struct sblock *next;
    size_t size, used;
} sblock;
#define SBLOCK_HDR ROUND_UP(sizeof(sblock))
#define SCRATCH_INLINE 2048

typedef struct smark {
    sblock *blk;
    size_t used;
} smark;

typedef struct dec {
    mc_cursor_ c;    /* first: generated fast paths see only this (p, end, obj) */
    /* The free part of the arena's current block, [ap, alim), bumped here while
     * decoding; abase is the block's payload and alast the most recent output
     * allocation. The arena's used_/last_ are brought up to date (flush) before
     * anything else touches the arena: every other allocation goes through
     * `glue`, and mc_decode flushes at its end. Without an arena (or without a
     * block yet) the region is empty, so every allocation takes dalloc_slow;
     * abase and alast are set only with an arena. */
    char *ap, *abase, *alim, *alast; /* ap and alim apart: see dec_alloc_begin */
    const char *base;
    const mc_allocator *a; /* the caller's allocator, or &glue with an arena */
    bool fast;       /* in a generated fast path: object items use their type's fast decoder */
    mc_arena *arena; /* the caller's allocator is an mc_arena */
    mc_allocator glue;
    unsigned flags;
    int code;
    size_t err_off;
    char msg[MC_ERROR_MESSAGE_MAX];
    char ptr[MC_ERROR_POINTER_MAX];
    size_t ptr_len;
    bool ptr_cut;
    sblock *cur; /* current scratch block */
    union {
        sblock hdr;
        double align_d;
        void *align_p;
        unsigned char bytes[SCRATCH_INLINE];
    } first;
} dec;

static PRINTF_LIKE(4, 5) int fail(dec *d, int code, const char *at, const char *fmt, ...)
{
    if (d->code == MC_OK) {
        va_list ap;
        d->code = code;
        d->err_off = (size_t)(at - d->base);
        va_start(ap, fmt);
        (void)vsnprintf(d->msg, sizeof d->msg, fmt, ap);
        va_end(ap);
    }
    return d->code;
}

/* ---- output allocation -------------------------------------------------- */

/* Where an empty free region points (never written: it has no room). A
 * static object rather than a member of dec, so that its address is a
 * constant and costs the set-up nothing to keep; const, so the runtime still
 * has no writable global. */
static const char dec_no_room_[1] = {0};
#define NO_ROOM ((char *)(uintptr_t)dec_no_room_)

/* The arena's current block into d's free region. */
static void dec_arena_load(dec *d)
{
    mc_arena_block_ *b = d->arena->blocks_;
    if (b == NULL) {
        d->abase = d->ap = d->alim = d->alast = NO_ROOM;
        return;
    }
    d->abase = block_payload(b);
    d->ap = d->abase + d->arena->used_;
    d->alim = d->abase + b->size;
    d->alast = d->abase + d->arena->last_;
}

/* d's free region back into the arena. */
static void dec_arena_flush(dec *d)
{
    d->arena->used_ = (size_t)(d->ap - d->abase);
    d->arena->last_ = (size_t)(d->alast - d->abase);
}

/* d->a with an arena: whatever else allocates from it (scratch blocks, number
 * text, releases on error) sees the arena up to date. */
static void *dec_arena_realloc(void *ctx, void *p, size_t old, size_t n)
{
    dec *d = (dec *)ctx;
    void *q;
    dec_arena_flush(d);
    q = arena_realloc(d->arena, p, old, n);
    dec_arena_load(d);
    return q;
}

static int fast_string_libc(mc_cursor_ *c, const mc_field *f, void *out);

/* Set up output allocation for allocator a (NULL = libc). */
static void dec_alloc_begin(dec *d, const mc_allocator *a)
{
    if (a != NULL && a->realloc == arena_realloc) {
        d->arena = (mc_arena *)a->ctx;
        d->glue.realloc = dec_arena_realloc;
        d->glue.ctx = d;
        d->a = &d->glue;
        dec_arena_load(d);
    } else { /* an empty free region: only dalloc_str looks at it (ap and alim
              * are not adjacent in dec, so that these two stores stay plain
              * ones that GCC does not pair into a vector hoisted into the
              * arena path) */
        d->a = a;
        d->arena = NULL;
        d->ap = d->alim = NO_ROOM;
    }
    d->c.string_ = a == NULL ? fast_string_libc : mc_fast_string_;
}

/* The decode is over: the arena accounts for every allocation made. */
static void dec_alloc_end(dec *d)
{
    if (d->arena != NULL)
        dec_arena_flush(d);
}

/* dalloc when the free region is too small: a new arena block (through glue:
 * flush, allocate, load), or the caller's allocator. */
static inline void *dalloc_slow(dec *d, size_t n)
{
    if (d->a == NULL)
        return malloc(n); /* libc: skip the allocator indirection */
    return xrealloc(d->a, NULL, 0, n);
}

/* Allocate n > 0 bytes of string text for the output (no alignment): with an
 * arena a pointer bump, the decoder's one allocation that runs for every
 * string. */
static ALWAYS_INLINE char *dalloc_str(dec *d, size_t n)
{
    char *p = d->ap;
    if (LIKELY(n <= (size_t)(d->alim - p))) {
        d->ap = p + n;
        d->alast = p;
        return p;
    }
    return (char *)dalloc_slow(d, n);
}

/* Allocate n > 0 bytes for the output, aligned like the arena's own
 * allocations (ARENA_ALIGN from the block's payload). */
static inline void *dalloc(dec *d, size_t n)
{
    if (d->arena != NULL) {
        size_t off = ROUND_UP((size_t)(d->ap - d->abase)), size = (size_t)(d->alim - d->abase);
        if (LIKELY(off <= size && n <= size - off)) {
            char *p = d->abase + off;
            d->ap = p + n;
            d->alast = p;
            return p;
        }
    }
    return dalloc_slow(d, n);
}

static void *scratch_alloc(dec *d, size_t n)
{
    sblock *b = d->cur;
    size_t off = ROUND_UP(b->used);
    n = ROUND_UP(n);
    if (off > b->size || n > b->size - off) {
        sblock *next = b->next;
        if (next == NULL || next->size < n) {
            size_t size = n < 4096 ? 4096 : n;
            if (size > SIZE_MAX - SBLOCK_HDR)
                return NULL;
            next = (sblock *)xrealloc(d->a, NULL, 0, SBLOCK_HDR + size);
            if (next == NULL)
                return NULL;
            next->size = size;
            next->next = b->next;
            b->next = next;
        }
        b = d->cur = next;
        off = 0;
    }
    b->used = off + n;
    return (char *)b + SBLOCK_HDR + off;
}

static smark scratch_mark(const dec *d)
{
    smark m;
    m.blk = d->cur;
    m.used = d->cur->used;
    return m;
}

static void scratch_release(dec *d, smark m)
{
    d->cur = m.blk;
    m.blk->used = m.used;
}

static void scratch_free(dec *d)
{
    sblock *b = d->first.hdr.next;
    while (b != NULL) {
        sblock *next = b->next;
        (void)xrealloc(d->a, b, SBLOCK_HDR + b->size, 0);
        b = next;
    }
}

/* ---- JSON Pointer, built while unwinding ---------------------------------- */

static void ptr_prepend(dec *d, const char *seg, size_t n)
{
    size_t cap = MC_ERROR_POINTER_MAX - 1, keep;
    if (n > cap) {
        n = cap;
        d->ptr_cut = true;
    }
    keep = d->ptr_len;
    if (keep > cap - n) {
        keep = cap - n;
        d->ptr_cut = true;
    }
    memmove(d->ptr + n, d->ptr, keep);
    memcpy(d->ptr, seg, n);
    d->ptr_len = n + keep;
}

/* Prepend "/key" for validated JSON string text key[0..n), RFC 6901-escaped. */
static void ptr_key(dec *d, const char *key, size_t n)
{
    char seg[MC_ERROR_POINTER_MAX + 8];
    const char *e = key + n;
    size_t o = 0;
    seg[o++] = '/';
    while (key < e && o < MC_ERROR_POINTER_MAX) {
        char u[4];
        size_t k = next_unit(&key, u), i;
        for (i = 0; i < k; i++) {
            if (u[i] == '~' || u[i] == '/') {
                seg[o++] = '~';
                seg[o++] = u[i] == '~' ? '0' : '1';
            } else {
                seg[o++] = u[i];
            }
        }
    }
    if (key < e)
        d->ptr_cut = true;
    ptr_prepend(d, seg, o);
}

static void ptr_index(dec *d, size_t i)
{
    char seg[32];
    int n = snprintf(seg, sizeof seg, "/%lu", (unsigned long)i);
    ptr_prepend(d, seg, (size_t)n);
}

/* ---- lexical helpers ---------------------------------------------------- */

static inline const char *skip_ws(const char *p, const char *end)
{
    if (LIKELY(p < end && (unsigned char)*p > ' '))
        return p; /* compact JSON: nothing to skip */
    if (p + 1 < end && *p == ' ' && (unsigned char)p[1] > ' ')
        return p + 1; /* one blank, as spaced JSON has after ':' and ',' */
    while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
        p++;
    return p;
}

/* p[0..n) == lit[0..n), comparing 8 bytes at a time (caller checked bounds).
 * From 8 bytes on, the first and the last word (overlapping when n is not a
 * multiple of 8) and any words between are xor-ed together and tested once:
 * member names and enum texts are 8..32 bytes, where one test beats a loop
 * with an exit per word. */
static ALWAYS_INLINE bool lit_eq(const char *p, const char *lit, size_t n)
{
    uint64_t a, b, c, e, diff;
    if (n >= 8) {
        memcpy(&a, p, 8);
        memcpy(&b, lit, 8);
        memcpy(&c, p + n - 8, 8);
        memcpy(&e, lit + n - 8, 8);
        diff = (a ^ b) | (c ^ e);
        if (n > 16) {
            size_t i;
            for (i = 8; i < n - 8; i += 8) {
                memcpy(&a, p + i, 8);
                memcpy(&b, lit + i, 8);
                diff |= a ^ b;
            }
        }
        return diff == 0;
    }
    if (n >= 4) { /* two overlapping 4-byte compares */
        uint32_t x, y, z, w;
        memcpy(&x, p, 4);
        memcpy(&y, lit, 4);
        memcpy(&z, p + n - 4, 4);
        memcpy(&w, lit + n - 4, 4);
        return x == y && z == w;
    }
    while (n--)
        if (*p++ != *lit++)
            return false;
    return true;
}

static const char *got_name(const char *p, const char *end)
{
    if (p >= end)
        return "end of input";
    switch (*p) {
    case '"': return "string";
    case '{': return "object";
    case '[': return "array";
    case 't':
    case 'f': return "boolean";
    case 'n': return "null";
    case '-': return "number";
    default: return (*p >= '0' && *p <= '9') ? "number" : NULL;
    }
}

static const char *kind_name(unsigned kind)
{
    switch (kind) {
    case MC_KIND_OBJECT: return "object";
    case MC_KIND_ARRAY: return "array";
    case MC_KIND_BOOL: return "boolean";
    case MC_KIND_INT32:
    case MC_KIND_INT64: return "integer";
    case MC_KIND_FLOAT:
    case MC_KIND_DOUBLE: return "number";
    default: return "string";
    }
}

/* The value at d->c.p does not have the expected kind: a type error, or a
 * syntax error if it is not the start of any JSON value. */
static bool accepts_null(const mc_field *f);

static int type_error(dec *d, const mc_field *f)
{
    bool nullable = accepts_null(f);
    const char *got = got_name(d->c.p, d->c.end);
    if (got == NULL)
        return fail(d, MC_ERR_SYNTAX, d->c.p, "unexpected character '%c'", *d->c.p);
    if (d->c.p >= d->c.end)
        return fail(d, MC_ERR_SYNTAX, d->c.p, "unexpected end of input");
    return fail(d, MC_ERR_TYPE, d->c.p, "expected %s%s, got %s", kind_name(f->kind), nullable ? " or null" : "", got);
}

static int expect_lit(dec *d, const char *lit, size_t n)
{
    if ((size_t)(d->c.end - d->c.p) < n || !lit_eq(d->c.p, lit, n))
        return fail(d, MC_ERR_SYNTAX, d->c.p, "invalid literal");
    d->c.p += n;
    return MC_OK;
}

/* ---- strings ------------------------------------------------------------ */

typedef struct span {
    const char *s; /* text between the quotes */
    size_t n;
    bool esc;      /* contains a backslash */
} span;

#if SWAR
/* High bit set in each byte of w that is '"', '\\', < 0x20 or >= 0x80. Bytes
 * above the lowest flagged one may be flagged wrongly (borrows), so only the
 * lowest flag is used. The usual `& ~x` of the zero-byte test is not needed:
 * it only removes false flags on bytes >= 0x80, which are flagged anyway. */
static inline uint64_t special_mask(uint64_t w)
{
    uint64_t q = w ^ (ONES * '"'), b = w ^ (ONES * '\\');
    return ((q - ONES) | (b - ONES) | (w - ONES * 0x20) | w) & HIGHS;
}
#endif

/* The first byte in [p, end) that is special in a JSON string, or end. Eight
 * bytes per step. The last partial word is read again as the whole word that
 * ends at `end` (its bytes before p were already found plain, and a plain
 * byte never raises a flag, so the lowest flag is still exact); regions
 * shorter than a word are read as two overlapping half words. Nothing outside
 * [p, end) is read, and no call to memcpy is made for the tail. */
#if SSE2
/* Bit i set when byte i of the 16 at p is '"', '\\', < 0x20 or >= 0x80 (a
 * signed compare below 0x20 catches both: bytes >= 0x80 are negative). */
static inline unsigned special_mask16(const char *p)
{
    __m128i x = _mm_loadu_si128((const __m128i *)(const void *)p);
    __m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('"')), _mm_cmpeq_epi8(x, _mm_set1_epi8('\\'))),
                             _mm_cmplt_epi8(x, _mm_set1_epi8(0x20)));
    return (unsigned)_mm_movemask_epi8(m);
}
#endif

#if SSE2
/* special_mask16 in fewer operations: x ^ 0x02 maps '"' to 0x20 and keeps
 * control bytes below 0x20 and bytes >= 0x80 negative, so one signed compare
 * with 0x21 finds all three; '\\' has its own. */
static ALWAYS_INLINE unsigned special_mask16_fast(__m128i x)
{
    __m128i t = _mm_xor_si128(x, _mm_set1_epi8(0x02));
    __m128i m = _mm_or_si128(_mm_cmplt_epi8(t, _mm_set1_epi8(0x21)), _mm_cmpeq_epi8(x, _mm_set1_epi8('\\')));
    return (unsigned)_mm_movemask_epi8(m);
}
#endif

static ALWAYS_INLINE const char *find_special(const char *p, const char *end)
{
#if SWAR
    uint64_t w, m;
#if SSE2
    if (LIKELY(end - p >= 16)) {
        unsigned m16;
        do {
            if ((m16 = special_mask16(p)) != 0)
                return p + __builtin_ctz(m16);
            p += 16;
        } while (end - p >= 16);
        if (p == end)
            return end;
        /* the last 16 bytes, overlapping plain ones already seen (flags are exact) */
        if ((m16 = special_mask16(end - 16)) != 0)
            return end - 16 + __builtin_ctz(m16);
        return end;
    }
#endif
    if (LIKELY(end - p >= 8)) {
        do {
            memcpy(&w, p, 8);
            if ((m = special_mask(w)) != 0)
                return p + (__builtin_ctzll(m) >> 3);
            p += 8;
        } while (end - p >= 8);
        if (p == end)
            return end;
        memcpy(&w, end - 8, 8);
        if ((m = special_mask(w)) != 0)
            return end - 8 + (__builtin_ctzll(m) >> 3);
        return end;
    }
    if (end - p >= 4) {
        uint32_t lo, hi;
        memcpy(&lo, p, 4);
        memcpy(&hi, end - 4, 4);
        m = special_mask((uint64_t)lo | ((uint64_t)hi << 32));
        if (m == 0)
            return end;
        m = (uint64_t)__builtin_ctzll(m) >> 3;
        return m < 4 ? p + m : end - 8 + m;
    }
    while (p < end && *p != '"' && *p != '\\' && (unsigned char)*p >= 0x20 && (unsigned char)*p < 0x80)
        p++;
    return p;
#else
    while (p < end && *p != '"' && *p != '\\' && (unsigned char)*p >= 0x20 && (unsigned char)*p < 0x80)
        p++;
    return p;
#endif
}

/* Errors from check_escape: report, then return 0 bytes. */
static size_t esc_fail(int rc)
{
    (void)rc;
    return 0;
}

/* The letters after a backslash that make a two-byte escape. */
static const bool esc_short[256] = {['"'] = true, ['\\'] = true, ['/'] = true, ['b'] = true,
                                     ['f'] = true, ['n'] = true,   ['r'] = true, ['t'] = true};

/* The \u escape at p (p[1] == 'u', p < end), a surrogate pair counted as one:
 * its code point in *cp and the bytes it spans, or 0 if it is invalid
 * (check_escape tells why). Checked and decoded in one look. */
static ALWAYS_INLINE size_t u_escape(const char *p, const char *end, uint32_t *cp)
{
    long hi, lo;
    if (end - p < 6 || (hi = hex4(p + 2)) < 0)
        return 0;
    if (hi < 0xD800 || hi > 0xDFFF) {
        *cp = (uint32_t)hi;
        return 6;
    }
    if (hi > 0xDBFF || end - p < 12 || p[6] != '\\' || p[7] != 'u' || (lo = hex4(p + 8)) < 0xDC00 || lo > 0xDFFF)
        return 0;
    *cp = 0x10000 + ((uint32_t)(hi - 0xD800) << 10) + (uint32_t)(lo - 0xDC00);
    return 12;
}

/* The bytes the valid escape at p (p[0] == '\\', p < end) spans, or 0 if it is
 * invalid: check_escape's test without the reporting, inline for the scans. */
static ALWAYS_INLINE size_t escape_len(const char *p, const char *end)
{
    uint32_t cp;
    if (end - p < 2)
        return 0;
    if (p[1] != 'u')
        return esc_short[(unsigned char)p[1]] ? 2 : 0;
    return u_escape(p, end, &cp);
}

/* Validate the escape at p (p[0] == '\\'); returns the bytes it spans, or 0
 * after reporting an error. */
static NOINLINE size_t check_escape(dec *d, const char *p)
{
    long cp, lo;
    if (d->c.end - p < 2)
        return esc_fail(fail(d, MC_ERR_SYNTAX, p, "unterminated string"));
    switch (p[1]) {
    case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
        return 2;
    case 'u':
        if (d->c.end - p < 6 || (cp = hex4(p + 2)) < 0)
            return esc_fail(fail(d, MC_ERR_ESCAPE, p, "invalid \\u escape"));
        if (cp >= 0xDC00 && cp <= 0xDFFF)
            return esc_fail(fail(d, MC_ERR_ESCAPE, p, "lone low surrogate \\u%04lX", (unsigned long)cp));
        if (cp < 0xD800 || cp > 0xDBFF)
            return 6;
        if (d->c.end - p < 12 || p[6] != '\\' || p[7] != 'u' || (lo = hex4(p + 8)) < 0xDC00 || lo > 0xDFFF)
            return esc_fail(fail(d, MC_ERR_ESCAPE, p, "lone high surrogate \\u%04lX", (unsigned long)cp));
        return 12;
    default:
        return esc_fail(fail(d, MC_ERR_ESCAPE, p, "invalid escape '\\%c'", p[1]));
    }
}

/* The end of the run of valid UTF-8 characters at p (*p >= 0x80) in string
 * text, or NULL after reporting the first invalid byte. */
static ALWAYS_INLINE const char *utf8_run(dec *d, const char *p, const char *end)
{
    do { /* a run of non-ASCII characters without a scan between */
        size_t k = utf8_step((const unsigned char *)p, (const unsigned char *)end);
        if (k == 0) {
            (void)fail(d, MC_ERR_UTF8, p, "invalid UTF-8 byte 0x%02X in string", (unsigned)(unsigned char)*p);
            return NULL;
        }
        p += k;
    } while (p < end && (unsigned char)*p >= 0x80);
    return p;
}

/*
 * Scan the string starting at d->c.p (a '"'), validating it completely: escapes,
 * surrogate pairs, control bytes, UTF-8; from is where to resume (d->c.p + 1, or
 * the first special byte when the plain prefix was already scanned inline).
 * surrogate pairs, control bytes, UTF-8. Sets *sp to its raw text and d->c.p past
 * the closing quote. This is the hot loop: eight bytes per step while nothing
 * interesting happens.
 */
static int scan_string_slow(dec *d, span *sp, const char *from)
{
    const char *p = from, *end = d->c.end;
    bool esc = false;
    for (;;) {
        p = find_special(p, end);
        if (UNLIKELY(p >= end))
            return fail(d, MC_ERR_SYNTAX, d->c.p, "unterminated string");
        if (*p == '"')
            break;
        if (*p == '\\') {
            size_t k = escape_len(p, end);
            if (k == 0 && (k = check_escape(d, p)) == 0)
                return d->code;
            esc = true;
            p += k;
        } else if ((unsigned char)*p < 0x20) {
            return fail(d, MC_ERR_SYNTAX, p, "unescaped control character 0x%02X in string", (unsigned)*p);
        } else if ((p = utf8_run(d, p, end)) == NULL) {
            return d->code;
        }
    }
    sp->s = d->c.p + 1;
    sp->n = (size_t)(p - sp->s);
    sp->esc = esc;
    d->c.p = p + 1;
    return MC_OK;
}

#if SSE2
#define SCAN_GAVE_UP 1 /* scan_unescape: no room, or near the end of the input */

/*
 * A string value whose plain ASCII prefix [d->c.p + 1, q) was scanned already
 * (q: its first special byte), validated exactly as scan_string_slow does and
 * unescaped in the same pass into dst[0..cap): 16 bytes per step are stored
 * whole and then looked at, so plain runs cost no second pass and no copy.
 * Returns MC_OK with the text's length in *len (room for a NUL after it) and
 * d->c.p past the closing quote; an error, reported; or SCAN_GAVE_UP without
 * a change when dst is too small or fewer than 16 bytes of input are left
 * (then scan_string_slow from q gives the result, or the same error).
 */
static int scan_unescape(dec *d, const char *q, char *dst, size_t cap, size_t *len)
{
    const char *p = q, *const end = d->c.end;
    size_t pre = (size_t)(q - (d->c.p + 1));
    char *o = dst, *const lim = dst + cap;
    if (cap < pre + 20)
        return SCAN_GAVE_UP;
    copy_short(o, d->c.p + 1, pre);
    o += pre;
    for (;;) {
        unsigned m;
        __m128i x;
        /* 16 bytes stored, and then 4 more at most (an escape) and a NUL */
        if (end - p < 16 || lim - o < 20)
            return SCAN_GAVE_UP;
        x = _mm_loadu_si128((const __m128i *)(const void *)p);
        _mm_storeu_si128((__m128i *)(void *)o, x);
        if ((m = special_mask16_fast(x)) == 0) {
            p += 16;
            o += 16;
            continue;
        }
        p += __builtin_ctz(m);
        o += __builtin_ctz(m);
        if (*p == '"')
            break;
        if (*p == '\\') {
            uint32_t cp;
            size_t k;
            if (end - p >= 2 && p[1] == 'u' && (k = u_escape(p, end, &cp)) != 0) {
                o = put_utf8(o, cp);
            } else {
                const char *e = p;
                if ((k = escape_len(p, end)) == 0 && (k = check_escape(d, p)) == 0)
                    return d->code;
                o = put_escape(o, &e);
            }
            p += k;
        } else if ((unsigned char)*p < 0x20) {
            return fail(d, MC_ERR_SYNTAX, p, "unescaped control character 0x%02X in string", (unsigned)*p);
        } else {
            const char *r = utf8_run(d, p, end);
            if (r == NULL)
                return d->code;
            if ((size_t)(lim - o) < (size_t)(r - p) + 20)
                return SCAN_GAVE_UP;
            copy_short(o, p, (size_t)(r - p));
            o += r - p;
            p = r;
        }
    }
    *len = (size_t)(o - dst);
    d->c.p = p + 1;
    return MC_OK;
}
#endif

/* scan_string's common case inline: plain ASCII up to the closing quote. */
static inline int scan_string(dec *d, span *sp)
{
    const char *p = find_special(d->c.p + 1, d->c.end);
    if (LIKELY(p < d->c.end && *p == '"')) {
        sp->s = d->c.p + 1;
        sp->n = (size_t)(p - sp->s);
        sp->esc = false;
        d->c.p = p + 1;
        return MC_OK;
    }
    return scan_string_slow(d, sp, p);
}

/* Escaped text of up to this many bytes is unescaped on the stack first when
 * the output is not an arena: one exact-size allocation, no shrink. */
#define UNESCAPE_STACK 256

/* Copy a scanned string into a new exact-size allocation. */
static int span_to_string(dec *d, const span *sp, mc_string *out, const char *at)
{
    char *buf;
    size_t len = sp->n;
    if (!sp->esc) {
        if ((buf = dalloc_str(d, len + 1)) == NULL)
            return fail(d, MC_ERR_NO_MEMORY, at, "out of memory");
        copy_short(buf, sp->s, len);
    } else if (d->arena != NULL) {
        /* unescaped in place; the bytes the escapes saved go back to the
         * arena (buf is its most recent allocation) */
        if ((buf = dalloc_str(d, sp->n + 1)) == NULL)
            return fail(d, MC_ERR_NO_MEMORY, at, "out of memory");
        len = unescape(buf, sp->s, sp->n);
        if (d->ap == buf + sp->n + 1)
            d->ap = buf + len + 1;
    } else if (sp->n <= UNESCAPE_STACK) {
        char tmp[UNESCAPE_STACK];
        len = unescape(tmp, sp->s, sp->n);
        if ((buf = dalloc_str(d, len + 1)) == NULL)
            return fail(d, MC_ERR_NO_MEMORY, at, "out of memory");
        copy_short(buf, tmp, len);
    } else {
        if ((buf = dalloc_str(d, sp->n + 1)) == NULL)
            return fail(d, MC_ERR_NO_MEMORY, at, "out of memory");
        len = unescape(buf, sp->s, sp->n);
        if (len < sp->n) {
            char *q = (char *)xrealloc(d->a, buf, sp->n + 1, len + 1);
            if (q == NULL) {
                (void)xrealloc(d->a, buf, sp->n + 1, 0);
                return fail(d, MC_ERR_NO_MEMORY, at, "out of memory");
            }
            buf = q;
        }
    }
    buf[len] = '\0';
    out->data = buf;
    out->len = len;
    return MC_OK;
}

/*
 * A string value with escapes or non-ASCII text from q, its first special
 * byte after the plain prefix at d->c.p (its quote), into out: with SSE2
 * validated and unescaped in one pass, straight into the arena's free region
 * when it has room, else on the stack and then into one exact allocation;
 * otherwise (no room, the end of the input near) scanned, then copied.
 */
static NOINLINE int string_rest(dec *d, mc_string *out, const char *q)
{
    const char *at = d->c.p;
    span sp;
    int rc;
#if SSE2
    char tmp[UNESCAPE_STACK];
    size_t len = 0, room = (size_t)(d->alim - d->ap);
    char *buf = room >= sizeof tmp ? d->ap : tmp;
    if ((rc = scan_unescape(d, q, buf, buf == tmp ? sizeof tmp : room, &len)) == MC_OK) {
        if (buf != tmp) {
            d->alast = buf;
            d->ap = buf + len + 1;
        } else {
            if ((buf = dalloc_str(d, len + 1)) == NULL)
                return fail(d, MC_ERR_NO_MEMORY, at, "out of memory");
            copy_short(buf, tmp, len);
        }
        buf[len] = '\0';
        out->data = buf;
        out->len = len;
        return MC_OK;
    }
    if (rc != SCAN_GAVE_UP)
        return rc;
#endif
    if ((rc = scan_string_slow(d, &sp, q)) != MC_OK)
        return rc;
    return span_to_string(d, &sp, out, at);
}

/* ---- numbers ------------------------------------------------------------ */

/* The JSON number at d->c.p, checked (the one place that knows its syntax and
 * errors) and stepped over: all a skipped number needs; scan_number reads its
 * value from the text this accepted. */
static int skip_number(dec *d)
{
    const char *p = d->c.p, *end = d->c.end;
    if (p < end && *p == '-')
        p++;
    if (p >= end || *p < '0' || *p > '9')
        return fail(d, MC_ERR_SYNTAX, d->c.p, "invalid number");
    if (*p == '0') {
        p++;
        if (p < end && *p >= '0' && *p <= '9')
            return fail(d, MC_ERR_SYNTAX, d->c.p, "leading zero in number");
    } else {
        while (p < end && *p >= '0' && *p <= '9')
            p++;
    }
    if (p < end && *p == '.') {
        p++;
        if (p >= end || *p < '0' || *p > '9')
            return fail(d, MC_ERR_SYNTAX, p, "digit expected after '.'");
        while (p < end && *p >= '0' && *p <= '9')
            p++;
    }
    if (p < end && (*p == 'e' || *p == 'E')) {
        p++;
        if (p < end && (*p == '+' || *p == '-'))
            p++;
        if (p >= end || *p < '0' || *p > '9')
            return fail(d, MC_ERR_SYNTAX, p, "digit expected in exponent");
        while (p < end && *p >= '0' && *p <= '9')
            p++;
    }
    d->c.p = p;
    return MC_OK;
}

static int scan_number(dec *d, num *nm)
{
    const char *p = d->c.p, *end;
    int frac_digits = 0, rc;
    long e = 0;
    memset(nm, 0, sizeof *nm);
    nm->s = p;
    nm->is_int = true;
    if ((rc = skip_number(d)) != MC_OK)
        return rc;
    end = d->c.p; /* [p, end) is a valid number: no more syntax checks below */
    nm->n = (size_t)(end - p);
    if (*p == '-') {
        nm->neg = true;
        p++;
    }
    if (*p == '0') {
        p++;
    } else {
        while (p < end && *p >= '0' && *p <= '9') {
            if (nm->mant_digits < 20)
                nm->mant = nm->mant * 10 + (uint64_t)(*p - '0');
            nm->mant_digits++;
            p++;
        }
        if (nm->mant_digits > 19)
            nm->mant_digits = 99; /* too long for mant: strtod, or out of int64 range */
    }
    if (p < end && *p == '.') {
        p++;
        nm->is_int = false;
        while (p < end && *p >= '0' && *p <= '9') {
            if (nm->mant_digits == 0 && *p == '0') {
                frac_digits++; /* leading zeros of 0.000x */
            } else if (nm->mant_digits < 19) {
                nm->mant = nm->mant * 10 + (uint64_t)(*p - '0');
                nm->mant_digits++;
                frac_digits++;
            } else {
                nm->mant_digits = 99;
            }
            p++;
        }
    }
    if (p < end) { /* the exponent */
        bool eneg = false;
        p++;
        nm->is_int = false;
        if (*p == '+' || *p == '-')
            eneg = *p++ == '-';
        while (p < end) {
            if (e < 100000)
                e = e * 10 + (*p - '0');
            p++;
        }
        if (eneg)
            e = -e;
    }
    nm->exp10 = e - frac_digits;
    return MC_OK;
}

static int dec_int(dec *d, void *val, bool is64, const mc_field *f)
{
    const char *at = d->c.p;
    num nm;
    int rc;
    uint64_t lim;
    if (!(*at == '-' || (*at >= '0' && *at <= '9')))
        return type_error(d, f);
    if ((rc = scan_number(d, &nm)) != MC_OK)
        return rc;
    if (!nm.is_int)
        return fail(d, MC_ERR_TYPE, at, "expected integer, got number %.*s", (int)(nm.n > 32 ? 32 : nm.n), at);
    lim = is64 ? (uint64_t)INT64_MAX : (uint64_t)INT32_MAX;
    if (nm.mant_digits > 19 || nm.mant > lim + (nm.neg ? 1u : 0u))
        return fail(d, MC_ERR_RANGE, at, "integer out of range for %s", is64 ? "int64" : "int32");
    if (is64) {
        int64_t v = nm.neg ? -(int64_t)(nm.mant - 1) - 1 : (int64_t)nm.mant;
        memcpy(val, &v, sizeof v);
    } else {
        int32_t v = nm.neg ? (int32_t)(0 - (int64_t)nm.mant) : (int32_t)nm.mant;
        memcpy(val, &v, sizeof v);
    }
    return MC_OK;
}

static int dec_real(dec *d, void *val, bool single, const mc_field *f)
{
    const char *at = d->c.p;
    num nm;
    double v;
    int rc;
    if (!(*at == '-' || (*at >= '0' && *at <= '9')))
        return type_error(d, f);
    if ((rc = scan_number(d, &nm)) != MC_OK)
        return rc;
    rc = num_to_double(&nm, single, &v, d->a);
    if (rc == MC_ERR_NO_MEMORY)
        return fail(d, rc, at, "out of memory");
    if (rc != MC_OK)
        return fail(d, MC_ERR_RANGE, at, "number out of range for %s", single ? "float" : "double");
    if (single) {
        float fv = (float)v;
        memcpy(val, &fv, sizeof fv);
    } else {
        memcpy(val, &v, sizeof v);
    }
    return MC_OK;
}

/* ---- values ------------------------------------------------------------- */

static int dec_value(dec *d, const mc_field *f, char *base);
static int skip_value(dec *d);
static ALWAYS_INLINE int skip_inner(dec *d);
static int dec_array(dec *d, const mc_type *t, char *out);
static int dec_object(dec *d, const mc_type *t, char *out);
static int dec_object_rest(dec *d, const mc_type *t, char *out, size_t next);

static int enter(dec *d)
{
    if (++d->c.depth > d->c.max_depth)
        return fail(d, MC_ERR_DEPTH, d->c.p, "nesting deeper than %u", d->c.max_depth);
    return MC_OK;
}

/* Index of the member named by key text k, or t->field_count. Plain names are
 * compared bytewise first; only when that fails are escapes considered (a key
 * or a schema name written with backslashes), so the common miss costs no
 * unescaping. A key without escapes in a table with a generated lookup (no
 * name there has a backslash) is that lookup alone. */
static size_t find_field(const mc_type *t, const span *k)
{
    size_t i, count = t->field_count;
    if (!k->esc) {
        if (t->find != NULL)
            return t->find(k->s, k->n); /* generated */
        for (i = 0; i < count; i++) {
            const mc_field *f = &t->fields[i];
            if ((size_t)f->key_len - 4 == k->n && lit_eq(f->key + 2, k->s, k->n))
                return i;
        }
    }
    for (i = 0; i < count; i++) {
        const mc_field *f = &t->fields[i];
        const char *name = f->key + 2;
        size_t n = (size_t)f->key_len - 4;
        if ((k->esc || memchr(name, '\\', n) != NULL) && text_equal(k->s, k->n, k->esc, name, n, true))
            return i;
    }
    return count;
}

/*
 * Unknown member names seen in one object, to reject duplicates among them.
 * A hostile document can hold any number of distinct unknown names, so the
 * check must not be quadratic. The first SEEN_LINEAR names are compared one by
 * one (the usual object has a handful, and hashing them would cost more);
 * from then on an open-addressing table of indices, keyed by a hash of the
 * unescaped name, finds the candidates (so "x" and "\u0078" hash alike), and
 * only candidates with the same hash are compared as text. Table and names
 * live in scratch memory, released with the object (the first SEEN_INLINE
 * names on the stack of its loop). The hash is seeded per
 * decode from addresses (ASLR), so collisions cannot simply be precomputed;
 * that is a mitigation, not a cryptographic guarantee.
 */
#define SEEN_LINEAR 8
/* Entries on the caller's stack before the first scratch allocation: most
 * objects with unknown members have one or two. */
#define SEEN_INLINE 2

typedef struct seen_ent {
    span k;
    const char *end; /* end of the member's value (for MC_DECODE_KEEP_UNKNOWN) */
    uint64_t h;      /* key_hash of k, once the table is in use */
} seen_ent;

typedef struct seen {
    seen_ent *v;
    size_t n, cap;
    uint32_t *slot; /* index + 1 into v, 0 = empty; NULL while n <= SEEN_LINEAR */
    size_t mask;    /* slots - 1 (a power of two, at least twice n) */
} seen;

/* Hash of the unescaped text of a validated key (FNV-1a over the bytes it
 * denotes, then a final mix so that the low bits index the table well). The
 * seed comes from the addresses of the decoder state and of the input, which
 * differ between runs (ASLR), so a document cannot be crafted against it; no
 * clock or global is needed. */
static uint64_t key_hash(const dec *d, const span *k)
{
    const char *s = k->s, *e = k->s + k->n;
    uint64_t h = 0xcbf29ce484222325ull ^ (uint64_t)(uintptr_t)d ^ ((uint64_t)(uintptr_t)d->base << 17);
    while (s < e) {
        char u[4];
        size_t n = 1, i;
        if (k->esc)
            n = next_unit(&s, u);
        else
            u[0] = *s++;
        for (i = 0; i < n; i++)
            h = (h ^ (unsigned char)u[i]) * 0x100000001b3ull;
    }
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    return h;
}

/* Put entry i (its hash set) into the table; there is always a free slot. */
static void seen_slot_put(seen *s, size_t i)
{
    size_t j = (size_t)s->v[i].h & s->mask;
    while (s->slot[j] != 0)
        j = (j + 1) & s->mask;
    s->slot[j] = (uint32_t)(i + 1);
}

/* A new table of `slots` (a power of two) holding entries v[0..n), all hashed. */
static int seen_rehash(dec *d, seen *s, size_t slots)
{
    size_t i;
    uint32_t *t;
    if (slots > SIZE_MAX / sizeof *t || (t = (uint32_t *)scratch_alloc(d, slots * sizeof *t)) == NULL)
        return MC_ERR_NO_MEMORY;
    memset(t, 0, slots * sizeof *t);
    s->slot = t;
    s->mask = slots - 1;
    for (i = 0; i < s->n; i++)
        seen_slot_put(s, i);
    return MC_OK;
}

static int seen_add(dec *d, seen *s, const span *k, const char *at)
{
    size_t i;
    uint64_t h = 0;
    if (s->slot == NULL) {
        for (i = 0; i < s->n; i++)
            if (text_equal(s->v[i].k.s, s->v[i].k.n, s->v[i].k.esc, k->s, k->n, k->esc))
                goto dup;
    } else {
        h = key_hash(d, k);
        for (i = (size_t)h & s->mask; s->slot[i] != 0; i = (i + 1) & s->mask) {
            const seen_ent *o = &s->v[s->slot[i] - 1];
            if (o->h == h && text_equal(o->k.s, o->k.n, o->k.esc, k->s, k->n, k->esc))
                goto dup;
        }
    }
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : SEEN_LINEAR;
        seen_ent *v;
        if (cap > UINT32_MAX - 1 || cap > SIZE_MAX / 4 / sizeof *v ||
            (v = (seen_ent *)scratch_alloc(d, cap * sizeof *v)) == NULL)
            return fail(d, MC_ERR_NO_MEMORY, at, "out of memory");
        if (s->n)
            memcpy(v, s->v, s->n * sizeof *v);
        s->v = v;
        s->cap = cap;
        if (cap > SEEN_LINEAR) {
            /* From now on: hash every entry; the table stays at most half full. */
            if (s->slot == NULL) {
                for (i = 0; i < s->n; i++)
                    s->v[i].h = key_hash(d, &s->v[i].k);
                h = key_hash(d, k);
            }
            if (seen_rehash(d, s, cap * 2) != MC_OK)
                return fail(d, MC_ERR_NO_MEMORY, at, "out of memory");
        }
    }
    s->v[s->n].k = *k;
    s->v[s->n].h = h;
    if (s->slot != NULL)
        seen_slot_put(s, s->n);
    s->n++;
    return MC_OK;
dup:
    return fail(d, MC_ERR_DUPLICATE_KEY, at, "duplicate member \"%.*s\"", (int)(k->n > 40 ? 40 : k->n), k->s);
}

/*
 * json_extra for MC_DECODE_KEEP_UNKNOWN: the raw text of every unknown member,
 * `"k":v` joined by commas, built once when the object closes (at `at`) from
 * the ranges `seen` recorded. Growing it member by member would copy it again
 * for every member with allocators that cannot grow in place: quadratic.
 */
static int keep_unknown(dec *d, mc_string *extra, const seen *s, const char *at)
{
    size_t i, len = 0;
    char *q, *o;
    for (i = 0; i < s->n; i++)
        len += (size_t)(s->v[i].end - (s->v[i].k.s - 1)) + 1; /* member text and a ',' (or the NUL) */
    if (len == 0)
        return MC_OK;
    if ((q = (char *)dalloc(d, len)) == NULL)
        return fail(d, MC_ERR_NO_MEMORY, at, "out of memory");
    for (i = 0, o = q; i < s->n; i++) {
        size_t n = (size_t)(s->v[i].end - (s->v[i].k.s - 1));
        if (i)
            *o++ = ',';
        memcpy(o, s->v[i].k.s - 1, n);
        o += n;
    }
    *o = '\0';
    extra->data = q;
    extra->len = len - 1;
    return MC_OK;
}


/* The member of ed whose wire text is exactly s[0..n), or MC_ENUM_UNKNOWN:
 * s[0..n) is a scanned plain text (no '"', '\\', control or non-ASCII byte)
 * and s[n] the '"' after it, so the generated matcher, which compares each
 * text with its closing quote, cannot stop short of s[n]. */
static ALWAYS_INLINE int enum_find(const mc_enum_desc *ed, const char *s, size_t n)
{
    size_t i;
    if (ed->match != NULL)
        return ed->match(s, n + 1); /* generated */
    for (i = 0; i < ed->count; i++)
        if (ed->values[i].wire_len == n && lit_eq(s, ed->values[i].wire, n))
            return (int)i;
    return MC_ENUM_UNKNOWN;
}

/*
 * The value of known member f at d->c.p (whitespace skipped). The two kinds that
 * make up most documents, strings and enums, are decoded here when they are
 * plain ASCII without escapes (one SWAR scan, one allocation, one inline copy;
 * an enum is matched without allocating); anything else, including every
 * error, goes through the generic dec_value.
 */
static ALWAYS_INLINE int dec_member_k(dec *d, const mc_field *f, char *out, unsigned kind)
{
    const char *p = d->c.p, *q;
    const char *const end = d->c.end;
    if (p < end && *p == '"') {
        if (kind == MC_KIND_STRING) {
            q = find_special(p + 1, end);
            if (LIKELY(q < end && *q == '"')) {
                size_t n = (size_t)(q - p - 1);
                mc_string *s = (mc_string *)(void *)(out + f->offset);
                char *buf = dalloc_str(d, n + 1);
                if (buf == NULL)
                    return fail(d, MC_ERR_NO_MEMORY, p, "out of memory");
                copy_short(buf, p + 1, n);
                buf[n] = '\0';
                s->data = buf;
                s->len = n;
                *(mc_presence *)(out + f->presence) = MC_PRESENT;
                d->c.p = q + 1;
                return MC_OK;
            } else {
                /* escapes or non-ASCII: validate from q on, no second scan of
                 * the plain prefix */
                int rc;
                if ((rc = string_rest(d, (mc_string *)(void *)(out + f->offset), q)) != MC_OK)
                    return rc;
                *(mc_presence *)(out + f->presence) = MC_PRESENT;
                return MC_OK;
            }
        } else if (kind == MC_KIND_DATETIME) {
            q = find_special(p + 1, end);
            if (LIKELY(q < end && *q == '"')) {
                size_t n = (size_t)(q - p - 1);
                if (UNLIKELY(mc_datetime_parse((mc_datetime *)(void *)(out + f->offset), p + 1, n,
                                               (d->flags & MC_DECODE_STRICT_DATETIME) ? MC_DATETIME_STRICT : 0u) !=
                             MC_OK))
                    return fail(d, MC_ERR_DATETIME, p, "invalid date-time \"%.*s\"", (int)(n > 40 ? 40 : n), p + 1);
                *(mc_presence *)(out + f->presence) = MC_PRESENT;
                d->c.p = q + 1;
                return MC_OK;
            }
        } else if (kind == MC_KIND_ENUM) {
            q = find_special(p + 1, end);
            if (LIKELY(q < end && *q == '"')) {
                int v = enum_find(f->enum_desc, p + 1, (size_t)(q - p - 1));
                if (LIKELY(v != MC_ENUM_UNKNOWN)) {
                    memcpy(out + f->offset, &v, sizeof v);
                    *(mc_presence *)(out + f->presence) = MC_PRESENT;
                    d->c.p = q + 1;
                    return MC_OK;
                }
                if (!(d->flags & MC_DECODE_STRICT_ENUMS) && f->unknown != MC_NO_OFFSET) {
                    /* unknown text, kept as scanned: no second scan or match */
                    span sp;
                    int rc;
                    sp.s = p + 1;
                    sp.n = (size_t)(q - p - 1);
                    sp.esc = false;
                    if ((rc = span_to_string(d, &sp, (mc_string *)(void *)(out + f->unknown), p)) != MC_OK)
                        return rc;
                    memcpy(out + f->offset, &v, sizeof v);
                    *(mc_presence *)(out + f->presence) = MC_PRESENT;
                    d->c.p = q + 1;
                    return MC_OK;
                }
            }
        }
    } else if (p < end && *p == '[' && kind == MC_KIND_ARRAY) {
        /* an array goes straight to its decoder */
        int rc = dec_array(d, f->type, out + f->offset);
        if (rc == MC_OK)
            *(mc_presence *)(out + f->presence) = MC_PRESENT;
        return rc;
    }
    return dec_value(d, f, out);
}

static inline int dec_member(dec *d, const mc_field *f, char *out)
{
    return dec_member_k(d, f, out, f->kind);
}

/*
 * An object. Members are expected in schema order: after a value, the next
 * member's `,"name":` literal is compared with the input in one go (8 bytes
 * per compare), which consumes the comma, the name, its quotes and the colon.
 * Only when that fails (whitespace, another order, unknown members, the end)
 * does the general path run: separators, a scanned key, a table lookup.
 */
static int dec_object(dec *d, const mc_type *t, char *out)
{
    int rc;
    if ((rc = enter(d)) != MC_OK)
        return rc;
    return dec_object_rest(d, t, out, 0);
}

/* The object at d->c.p, already entered (depth). With next == 0, d->c.p is its
 * '{'; otherwise a generated fast path has decoded fields[0..next) in schema
 * order (some absent) and d->c.p is just after the last value: the state this
 * loop would have reached itself, so it carries on from there. */
static int dec_object_rest(dec *d, const mc_type *t, char *out, size_t next)
{
    const mc_field *fields = t->fields, *f = NULL;
    const size_t count = t->field_count;
    const mc_field *const fend = fields + count;
    const mc_field *nf = fields + next; /* the member expected next */
    const char *const end = d->c.end;
    const char *key_at = NULL;
    span k;
    size_t i;
    bool ordered = true; /* no member so far was found below nf */
    seen_ent first_unknown[SEEN_INLINE];
    seen unknown = {first_unknown, 0, SEEN_INLINE, NULL, 0};
    smark mark = scratch_mark(d);
    int rc = MC_OK;

    if (next != 0)
        goto resume;
    d->c.p = skip_ws(d->c.p + 1, end);
    if (d->c.p < end && *d->c.p == '}') {
        d->c.p++;
        goto done;
    }
    for (;;) {
        key_at = d->c.p;
        if (UNLIKELY(d->c.p >= end || *d->c.p != '"')) {
            rc = fail(d, MC_ERR_SYNTAX, d->c.p, "expected member name");
            goto out;
        }
        f = NULL;
        if (LIKELY(nf < fend)) {
            /* The expected next member, matched with its quotes and colon. */
            size_t n = (size_t)nf->key_len - 1;
            if ((size_t)(end - d->c.p) >= n && lit_eq(d->c.p, nf->key + 1, n)) {
                f = nf;
                d->c.p += n;
            }
        }
        if (f == NULL) {
            size_t idx;
            if ((rc = scan_string(d, &k)) != MC_OK)
                goto out;
            d->c.p = skip_ws(d->c.p, end);
            if (d->c.p >= end || *d->c.p != ':') {
                rc = fail(d, MC_ERR_SYNTAX, d->c.p, "expected ':'");
                goto out;
            }
            d->c.p++;
            idx = find_field(t, &k);
            if (idx < count) {
                f = &fields[idx];
                if (f < nf)
                    ordered = false;
                nf = f;
            }
        }
        for (;;) {
            d->c.p = skip_ws(d->c.p, end);
            if (f != NULL) {
                /* f is nf. While members come in schema order every member
                 * seen so far lies below nf, so f cannot be a repeat. */
                if (UNLIKELY(!ordered) && *(mc_presence *)(out + f->presence) != MC_ABSENT) {
                    size_t n = (size_t)f->key_len - 4;
                    rc = fail(d, MC_ERR_DUPLICATE_KEY, key_at, "duplicate member \"%.*s\"", (int)(n > 40 ? 40 : n),
                              f->key + 2);
                    ptr_key(d, f->key + 2, n);
                    goto out;
                }
                if ((rc = dec_member(d, f, out)) != MC_OK) {
                    ptr_key(d, f->key + 2, (size_t)f->key_len - 4);
                    goto out;
                }
                nf++;
            } else {
                if ((rc = seen_add(d, &unknown, &k, key_at)) != MC_OK || (rc = skip_inner(d)) != MC_OK) {
                    ptr_key(d, k.s, k.n);
                    goto out;
                }
                unknown.v[unknown.n - 1].end = d->c.p;
            }
        resume:
            /* The next member in schema order, with its comma: the hot path. */
            if (LIKELY(nf < fend)) {
                size_t n = nf->key_len;
                const char *p = d->c.p;
                if ((size_t)(end - p) >= n && lit_eq(p, nf->key, n)) {
                    key_at = p + 1;
                    f = nf;
                    d->c.p = p + n;
                    continue;
                }
                /* the same with blanks after the comma (`, "name":`, as
                 * some writers space their output), without the way round
                 * through the separator and the key checks below */
                if (p + 1 < end && *p == ',' && (unsigned char)p[1] <= ' ') {
                    p = skip_ws(p + 1, end);
                    if ((size_t)(end - p) >= n - 1 && lit_eq(p, nf->key + 1, n - 1)) {
                        key_at = p;
                        f = nf;
                        d->c.p = p + n - 1;
                        continue;
                    }
                }
            }
            break;
        }
        d->c.p = skip_ws(d->c.p, end);
        if (d->c.p < end && *d->c.p == ',') {
            d->c.p = skip_ws(d->c.p + 1, end);
            continue;
        }
        if (d->c.p < end && *d->c.p == '}') {
            d->c.p++;
            break;
        }
        rc = fail(d, MC_ERR_SYNTAX, d->c.p, d->c.p < end ? "expected ',' or '}'" : "unexpected end of input");
        goto out;
    }
done:
    if (unknown.n && (d->flags & MC_DECODE_KEEP_UNKNOWN) && t->extra != MC_NO_OFFSET &&
        (rc = keep_unknown(d, (mc_string *)(out + t->extra), &unknown, d->c.p - 1)) != MC_OK)
        goto out;
    for (i = 0; t->required != 0 && i < count; i++) {
        f = &fields[i];
        if ((f->flags & MC_REQUIRED) && *(mc_presence *)(out + f->presence) == MC_ABSENT) {
            size_t n = (size_t)f->key_len - 4;
            rc = fail(d, MC_ERR_MISSING_REQUIRED, d->c.p - 1, "missing required member \"%.*s\"", (int)(n > 40 ? 40 : n),
                      f->key + 2);
            ptr_key(d, f->key + 2, n);
            goto out;
        }
    }
    d->c.depth--;
out:
    scratch_release(d, mark);
    return rc;
}

/* Zero n bytes inline: list items are a few words, and a call to memset costs
 * more than the stores. */
static ALWAYS_INLINE void zero_short(char *dst, size_t n)
{
#if SSE2
    if (n >= 32) {
        /* the first and the last 32 bytes; over 64, the 32 after the first
         * and before the last (overlapping), so that up to 128 bytes take no
         * loop; the middle of larger items two stores a turn */
        size_t i;
        _mm_storeu_si128((__m128i *)(void *)dst, _mm_setzero_si128());
        _mm_storeu_si128((__m128i *)(void *)(dst + 16), _mm_setzero_si128());
        _mm_storeu_si128((__m128i *)(void *)(dst + n - 32), _mm_setzero_si128());
        _mm_storeu_si128((__m128i *)(void *)(dst + n - 16), _mm_setzero_si128());
        if (n > 64) {
            _mm_storeu_si128((__m128i *)(void *)(dst + 32), _mm_setzero_si128());
            _mm_storeu_si128((__m128i *)(void *)(dst + 48), _mm_setzero_si128());
            _mm_storeu_si128((__m128i *)(void *)(dst + n - 64), _mm_setzero_si128());
            _mm_storeu_si128((__m128i *)(void *)(dst + n - 48), _mm_setzero_si128());
            for (i = 64; i + 64 < n; i += 32) {
                _mm_storeu_si128((__m128i *)(void *)(dst + i), _mm_setzero_si128());
                _mm_storeu_si128((__m128i *)(void *)(dst + i + 16), _mm_setzero_si128());
            }
        }
        return;
    }
    if (n >= 16) {
        _mm_storeu_si128((__m128i *)(void *)dst, _mm_setzero_si128());
        _mm_storeu_si128((__m128i *)(void *)(dst + n - 16), _mm_setzero_si128());
        return;
    }
#endif
    memset(dst, 0, n);
}

/* Items in scratch: one run, item after item. While an item is decoded, nested
 * arrays and objects take scratch above it and give it back when they end, so
 * when the next item begins the run ends at the top of the current block and
 * grows in place. Only when a block is full does the run move (to a block with
 * room for as many items again): completed items hold no pointers into
 * themselves, so moving them is safe. */

/* The run at run (have bytes) moved to new scratch with room for want bytes
 * (want > have) and as many again, want of them taken; NULL without memory. */
static NOINLINE char *scratch_move_run(dec *d, const char *run, size_t have, size_t want)
{
    sblock *b;
    char *to;
    if (want > (SIZE_MAX - SBLOCK_HDR) / 2 || (to = (char *)scratch_alloc(d, 2 * want)) == NULL)
        return NULL;
    b = d->cur;
    b->used = (size_t)(to - ((char *)b + SBLOCK_HDR)) + want;
    if (have != 0)
        memcpy(to, run, have);
    return to;
}

/* A new run of n bytes, aligned (ROUND_UP), at the top of scratch. */
static ALWAYS_INLINE char *scratch_start_run(dec *d, size_t n)
{
    sblock *b = d->cur;
    size_t off = ROUND_UP(b->used);
    if (LIKELY(off <= b->size && n <= b->size - off)) {
        b->used = off + n; /* not rounded: the run grows from here */
        return (char *)b + SBLOCK_HDR + off;
    }
    return scratch_move_run(d, NULL, 0, n);
}

/* The run at run (have bytes, at the top of scratch unless it moved) grown to
 * want bytes: in place when it ends at the top and the block has room. */
static ALWAYS_INLINE char *scratch_grow_run(dec *d, char *run, size_t have, size_t want)
{
    sblock *b = d->cur;
    char *top = (char *)b + SBLOCK_HDR + b->used;
    if (LIKELY(run + have == top && want - have <= b->size - b->used)) {
        b->used += want - have;
        return run;
    }
    return scratch_move_run(d, run, have, want);
}

static void clear_value(const mc_field *f, char *base, const mc_allocator *a);

/* The array at d->c.p ('['), of type t, into the list struct at out; on
 * success *has (if not NULL) is set MC_PRESENT, so that the generated fast
 * paths reach this with a tail call (mc_fast_array_). Object items with a
 * generated fast decoder go straight to fast (may be NULL); with fast_items,
 * fast is known not to be NULL, and the compiler drops that test. */
static ALWAYS_INLINE int array_items(dec *d, const mc_type *t, char *out, mc_presence *has, mc_fast_fn_ fast,
                                     bool fast_items)
{
    const size_t isz = t->item_size;
    const mc_field *const item = &t->item;
    const char *const end = d->c.end;
    size_t count = 0;
    smark mark = scratch_mark(d);
    char *run = NULL, *items = NULL, *slot;
    int rc;

    if (UNLIKELY(++d->c.depth > d->c.max_depth))
        return fail(d, MC_ERR_DEPTH, d->c.p, "nesting deeper than %u", d->c.max_depth);
    d->c.p = skip_ws(d->c.p + 1, end);
    if (d->c.p < end && *d->c.p == ']') {
        d->c.p++;
        goto done;
    }
    /* the first slot, aligned as any allocation: so is every item after it
     * (item_size is a multiple of the item's alignment) */
    if ((run = scratch_start_run(d, isz)) == NULL) {
        rc = fail(d, MC_ERR_NO_MEMORY, d->c.p, "out of memory");
        goto fail;
    }
    for (;;) {
        slot = run + count * isz;
        zero_short(slot, isz);
        if ((fast_items || fast != NULL) && d->c.p < end && *d->c.p == '{')
            rc = fast(&d->c, slot);
        else if (item->kind == MC_KIND_OBJECT && d->c.p < end && *d->c.p == '{')
            rc = dec_object(d, item->type, slot);
        else
            rc = dec_value(d, item, slot);
        if (UNLIKELY(rc != MC_OK)) {
            clear_value(item, slot, d->a);
            ptr_index(d, count);
            goto fail;
        }
        count++;
        d->c.p = skip_ws(d->c.p, end);
        if (d->c.p < end && *d->c.p == ',') {
            d->c.p = skip_ws(d->c.p + 1, end);
            /* (count + 1) * isz cannot wrap: count * isz bytes are in memory
             * and isz is the size of a struct */
            if ((slot = scratch_grow_run(d, run, count * isz, (count + 1) * isz)) == NULL) {
                rc = fail(d, MC_ERR_NO_MEMORY, d->c.p, "out of memory");
                goto fail;
            }
            run = slot;
            continue;
        }
        if (d->c.p < end && *d->c.p == ']') {
            d->c.p++;
            break;
        }
        rc = fail(d, MC_ERR_SYNTAX, d->c.p, d->c.p < end ? "expected ',' or ']'" : "unexpected end of input");
        goto fail;
    }
    if ((items = (char *)dalloc(d, count * isz)) == NULL) {
        rc = fail(d, MC_ERR_NO_MEMORY, d->c.p, "out of memory");
        goto fail;
    }
    memcpy(items, run, count * isz);
done:
    memcpy(out + t->items_offset, &items, sizeof items);
    memcpy(out + t->count_offset, &count, sizeof count);
    d->c.depth--;
    scratch_release(d, mark);
    if (has != NULL)
        *has = MC_PRESENT;
    return MC_OK;
fail:
    {
        size_t i;
        for (i = 0; i < count; i++)
            clear_value(item, run + i * isz, d->a);
    }
    scratch_release(d, mark);
    return rc;
}

static int dec_array_has(dec *d, const mc_type *t, char *out, mc_presence *has)
{
    /* object items with a generated fast decoder, in a fast path: straight to it */
    const mc_field *const item = &t->item;
    return array_items(d, t, out, has, item->kind == MC_KIND_OBJECT && d->fast ? item->type->fast : NULL, false);
}

/* dec_array_has for items of an object type with a generated fast decoder,
 * fast, in a fast path (the lists the generated decoders meet most). */
static NOINLINE int dec_array_fast(dec *d, const mc_type *t, char *out, mc_presence *has, mc_fast_fn_ fast)
{
    return array_items(d, t, out, has, fast, true);
}

static int dec_array(dec *d, const mc_type *t, char *out)
{
    return dec_array_has(d, t, out, NULL);
}

/* Decode an enum string: a member, or unknown text kept / rejected. */
static int dec_enum(dec *d, const mc_field *f, char *base)
{
    const mc_enum_desc *ed = f->enum_desc;
    const char *at = d->c.p;
    span sp;
    mc_string text = {NULL, 0};
    int v, rc;
    if ((rc = scan_string(d, &sp)) != MC_OK)
        return rc;
    if (!sp.esc) {
        v = mc_enum_from_string(ed, sp.s, sp.n);
    } else {
        if ((rc = span_to_string(d, &sp, &text, at)) != MC_OK)
            return rc;
        v = mc_enum_from_string(ed, text.data, text.len);
    }
    if (v == MC_ENUM_UNKNOWN) {
        if ((d->flags & MC_DECODE_STRICT_ENUMS) || f->unknown == MC_NO_OFFSET) {
            mc_string_dispose(&text, d->a);
            return fail(d, MC_ERR_UNKNOWN_ENUM, at, "unknown %s value \"%.*s\"", ed->name, (int)(sp.n > 40 ? 40 : sp.n),
                        sp.s);
        }
        if (text.data == NULL && (rc = span_to_string(d, &sp, &text, at)) != MC_OK)
            return rc;
        *(mc_string *)(base + f->unknown) = text;
    } else {
        mc_string_dispose(&text, d->a);
    }
    memcpy(base + f->offset, &v, sizeof v);
    return MC_OK;
}

/* A date-time or date string, unescaped into a small buffer if needed. */
static int dec_time(dec *d, const mc_field *f, char *val)
{
    const char *at = d->c.p;
    char tmp[64];
    const char *s;
    size_t n;
    span sp;
    int rc;
    if ((rc = scan_string(d, &sp)) != MC_OK)
        return rc;
    s = sp.s;
    n = sp.n;
    if (sp.esc) {
        if (sp.n > sizeof tmp)
            return fail(d, MC_ERR_DATETIME, at, "invalid %s", f->kind == MC_KIND_DATE ? "date" : "date-time");
        n = unescape(tmp, sp.s, sp.n);
        s = tmp;
    }
    if (f->kind == MC_KIND_DATE)
        rc = mc_date_parse((mc_date *)(void *)val, s, n);
    else
        rc = mc_datetime_parse((mc_datetime *)(void *)val, s, n,
                               (d->flags & MC_DECODE_STRICT_DATETIME) ? MC_DATETIME_STRICT : 0u);
    if (rc != MC_OK)
        return fail(d, MC_ERR_DATETIME, at, "invalid %s \"%.*s\"", f->kind == MC_KIND_DATE ? "date" : "date-time",
                    (int)(n > 40 ? 40 : n), s);
    return MC_OK;
}

/* JSON null is allowed for this member. */
static bool accepts_null(const mc_field *f)
{
    return (f->flags & MC_NULLABLE) || (f->kind == MC_KIND_ENUM && f->enum_desc->has_null);
}

static int dec_value(dec *d, const mc_field *f, char *base)
{
    char *val = base + f->offset;
    int rc;
    if (UNLIKELY(d->c.p >= d->c.end))
        return fail(d, MC_ERR_SYNTAX, d->c.p, "unexpected end of input");
    if (*d->c.p == 'n') {
        bool nullable = accepts_null(f);
        if (!nullable || f->presence == MC_NO_OFFSET) {
            if ((rc = expect_lit(d, "null", 4)) != MC_OK)
                return rc;
            d->c.p -= 4;
            return fail(d, MC_ERR_NULL, d->c.p, "expected %s, got null", kind_name(f->kind));
        }
        if ((rc = expect_lit(d, "null", 4)) != MC_OK)
            return rc;
        *(mc_presence *)(base + f->presence) = MC_NULL;
        return MC_OK;
    }
    switch (f->kind) {
    case MC_KIND_STRING:
    case MC_KIND_UUID: {
        const char *at = d->c.p;
        span sp;
        mc_string s;
        if (*d->c.p != '"')
            return type_error(d, f);
        if ((rc = scan_string(d, &sp)) != MC_OK || (rc = span_to_string(d, &sp, &s, at)) != MC_OK)
            return rc;
        if (f->kind == MC_KIND_UUID && !is_uuid(s.data, s.len)) {
            mc_string_dispose(&s, d->a);
            return fail(d, MC_ERR_UUID, at, "invalid uuid");
        }
        memcpy(val, &s, sizeof s);
        break;
    }
    case MC_KIND_ENUM:
        if (*d->c.p != '"')
            return type_error(d, f);
        if ((rc = dec_enum(d, f, base)) != MC_OK)
            return rc;
        break;
    case MC_KIND_BOOL: {
        bool b = *d->c.p == 't';
        if (*d->c.p != 't' && *d->c.p != 'f')
            return type_error(d, f);
        if ((rc = b ? expect_lit(d, "true", 4) : expect_lit(d, "false", 5)) != MC_OK)
            return rc;
        memcpy(val, &b, sizeof b);
        break;
    }
    case MC_KIND_INT32:
    case MC_KIND_INT64:
        if ((rc = dec_int(d, val, f->kind == MC_KIND_INT64, f)) != MC_OK)
            return rc;
        break;
    case MC_KIND_FLOAT:
    case MC_KIND_DOUBLE:
        if ((rc = dec_real(d, val, f->kind == MC_KIND_FLOAT, f)) != MC_OK)
            return rc;
        break;
    case MC_KIND_DATETIME:
    case MC_KIND_DATE:
        if (*d->c.p != '"')
            return type_error(d, f);
        if ((rc = dec_time(d, f, val)) != MC_OK)
            return rc;
        break;
    case MC_KIND_OBJECT:
        if (*d->c.p != '{')
            return type_error(d, f);
        if ((rc = dec_object(d, f->type, val)) != MC_OK)
            return rc;
        break;
    case MC_KIND_ARRAY:
        if (*d->c.p != '[')
            return type_error(d, f);
        if ((rc = dec_array(d, f->type, val)) != MC_OK)
            return rc;
        break;
    default:
        return fail(d, MC_ERR_INVALID_ARG, d->c.p, "bad descriptor kind %u", (unsigned)f->kind);
    }
    if (f->presence != MC_NO_OFFSET)
        *(mc_presence *)(base + f->presence) = MC_PRESENT;
    return MC_OK;
}

/* skip_value for a member or an item: strings and numbers, most of what is
 * skipped, without the call. */
static ALWAYS_INLINE int skip_inner(dec *d)
{
    const char *p = d->c.p;
    if (p < d->c.end) {
        if (*p == '"') {
            span sp;
            return scan_string(d, &sp);
        }
        if (*p == '-' || (*p >= '0' && *p <= '9'))
            return skip_number(d);
    }
    return skip_value(d);
}

/* Validate and skip any JSON value (recursion bounded by max_depth). */
static int skip_value(dec *d)
{
    span sp;
    size_t i = 0;
    int rc;
    if (d->c.p >= d->c.end)
        return fail(d, MC_ERR_SYNTAX, d->c.p, "unexpected end of input");
    switch (*d->c.p) {
    case '"':
        return scan_string(d, &sp);
    case 't': return expect_lit(d, "true", 4);
    case 'f': return expect_lit(d, "false", 5);
    case 'n': return expect_lit(d, "null", 4);
    case '{':
        if ((rc = enter(d)) != MC_OK)
            return rc;
        d->c.p = skip_ws(d->c.p + 1, d->c.end);
        if (d->c.p < d->c.end && *d->c.p == '}')
            break;
        for (;;) {
            if (d->c.p >= d->c.end || *d->c.p != '"')
                return fail(d, MC_ERR_SYNTAX, d->c.p, "expected member name");
            if ((rc = scan_string(d, &sp)) != MC_OK)
                return rc;
            d->c.p = skip_ws(d->c.p, d->c.end);
            if (d->c.p >= d->c.end || *d->c.p != ':')
                return fail(d, MC_ERR_SYNTAX, d->c.p, "expected ':'");
            d->c.p = skip_ws(d->c.p + 1, d->c.end);
            if ((rc = skip_inner(d)) != MC_OK) {
                ptr_key(d, sp.s, sp.n);
                return rc;
            }
            d->c.p = skip_ws(d->c.p, d->c.end);
            if (d->c.p < d->c.end && *d->c.p == ',') {
                d->c.p = skip_ws(d->c.p + 1, d->c.end);
                continue;
            }
            if (d->c.p < d->c.end && *d->c.p == '}')
                break;
            return fail(d, MC_ERR_SYNTAX, d->c.p, d->c.p < d->c.end ? "expected ',' or '}'" : "unexpected end of input");
        }
        break;
    case '[':
        if ((rc = enter(d)) != MC_OK)
            return rc;
        d->c.p = skip_ws(d->c.p + 1, d->c.end);
        if (d->c.p < d->c.end && *d->c.p == ']')
            break;
        for (;; i++) {
            if ((rc = skip_inner(d)) != MC_OK) {
                ptr_index(d, i);
                return rc;
            }
            d->c.p = skip_ws(d->c.p, d->c.end);
            if (d->c.p < d->c.end && *d->c.p == ',') {
                d->c.p = skip_ws(d->c.p + 1, d->c.end);
                continue;
            }
            if (d->c.p < d->c.end && *d->c.p == ']')
                break;
            return fail(d, MC_ERR_SYNTAX, d->c.p, d->c.p < d->c.end ? "expected ',' or ']'" : "unexpected end of input");
        }
        break;
    default:
        if (*d->c.p == '-' || (*d->c.p >= '0' && *d->c.p <= '9'))
            return skip_number(d);
        return fail(d, MC_ERR_SYNTAX, d->c.p, "unexpected character '%c'", *d->c.p);
    }
    d->c.p++; /* the closing '}' or ']' */
    d->c.depth--;
    return MC_OK;
}

static void clear_type(const mc_type *t, void *v, const mc_allocator *a);

/* ---- the pieces of generated fast decoders (see mc_runtime.h) ------------- */

int mc_fast_deep_(mc_cursor_ *c)
{
    return fail((dec *)(void *)c, MC_ERR_DEPTH, c->p, "nesting deeper than %u", c->max_depth);
}

int mc_fast_rest_(mc_cursor_ *c, const mc_type *t, void *out, size_t next, mc_fast_spaced_fn_ spaced)
{
    const char *p = c->p;
    if (next == 0) /* at the '{': the loop from the start */
        p++;
    if (t->required == 0 && p < c->end && *p == '}') {
        c->p = p + 1;
        c->depth--;
        return MC_OK;
    }
    /* spaced JSON (`, "name": value`): its own fast path from here, which
     * the table loop would follow member by member (and which hands it the
     * object at the first member it does not match) */
    if (spaced != NULL && next != 0 && (size_t)(c->end - p) >= 3 && p[0] == ',' && p[1] == ' ' && p[2] == '"')
        return spaced(c, out, next);
    /* anything else from here on: the table-driven loop */
    return dec_object_rest((dec *)(void *)c, t, (char *)out, next);
}

int mc_fast_fail_(mc_cursor_ *c, const mc_field *f)
{
    dec *d = (dec *)(void *)c;
    ptr_key(d, f->key + 2, (size_t)f->key_len - 4);
    return d->code;
}

/* The value of member f after its key, in general: what dec_object does,
 * with the kind known at compile time. Kept out of line so that the plain
 * cases below stay small (no registers to save). */
static NOINLINE int fast_member(mc_cursor_ *c, const mc_field *f, void *out, unsigned kind)
{
    dec *d = (dec *)(void *)c;
    const char *p = skip_ws(d->c.p, d->c.end);
    d->c.p = p;
    /* null for a member that accepts it (a nullable string, an enum that
     * lists null): what dec_value does with it, without getting there */
    if (mc_fast_has_(c, p, 4) && lit_eq(p, "null", 4) && f->presence != MC_NO_OFFSET &&
        accepts_null(f)) {
        *(mc_presence *)(void *)((char *)out + f->presence) = MC_NULL;
        d->c.p = p + 4;
        return MC_OK;
    }
    switch (kind) {
    case MC_KIND_STRING: return dec_member_k(d, f, (char *)out, MC_KIND_STRING);
    case MC_KIND_ENUM: return dec_member_k(d, f, (char *)out, MC_KIND_ENUM);
    case MC_KIND_DATETIME: return dec_member_k(d, f, (char *)out, MC_KIND_DATETIME);
    case MC_KIND_ARRAY: return dec_member_k(d, f, (char *)out, MC_KIND_ARRAY);
    default: return dec_member(d, f, (char *)out);
    }
}

/* A string member with escapes or non-ASCII text from q, the first special
 * byte after the plain prefix at c->p (its quote). */
static NOINLINE int fast_string_rest(mc_cursor_ *c, const mc_field *f, void *out, const char *q)
{
    int rc;
    if ((rc = string_rest((dec *)(void *)c, (mc_string *)(void *)((char *)out + f->offset), q)) != MC_OK)
        return rc;
    *(mc_presence *)((char *)out + f->presence) = MC_PRESENT;
    return MC_OK;
}

/* Store the plain string between c->p (its quote) and q (the closing one)
 * into buf (room for its text and a NUL). */
static ALWAYS_INLINE int fast_string_put(mc_cursor_ *c, const mc_field *f, void *out, const char *q, char *buf)
{
    const char *p = c->p;
    size_t n = (size_t)(q - p - 1);
    mc_string *s = (mc_string *)(void *)((char *)out + f->offset);
    /* the stores first: during the copy only buf, p and n stay live */
    s->data = buf;
    s->len = n;
    *(mc_presence *)((char *)out + f->presence) = MC_PRESENT;
    c->p = q + 1;
    copy_short(buf, p + 1, n);
    buf[n] = '\0';
    return MC_OK;
}

/* A plain string in a new allocation: malloc'ed (libc, known at compile
 * time), else by dalloc_slow. The length and the presence are stored before
 * the allocation and read back after it, so that only c and s live across the
 * call (two saved registers, not five). On failure the member is cleared with
 * the rest of the output; its data stays NULL. */
static ALWAYS_INLINE int fast_string_new(mc_cursor_ *c, const mc_field *f, void *out, const char *q, bool libc)
{
    mc_string *const s = (mc_string *)(void *)((char *)out + f->offset);
    const char *p;
    size_t n = (size_t)(q - c->p);
    char *buf;
    s->len = n - 1;
    *(mc_presence *)((char *)out + f->presence) = MC_PRESENT;
    buf = libc ? (char *)malloc(n) : (char *)dalloc_slow((dec *)(void *)c, n);
    if (UNLIKELY(buf == NULL))
        return fail((dec *)(void *)c, MC_ERR_NO_MEMORY, c->p, "out of memory");
    p = c->p;
    n = s->len;
    s->data = buf;
    c->p = p + n + 2;
    copy_short(buf, p + 1, n);
    buf[n] = '\0';
    return MC_OK;
}

/* A plain string when the arena's free region is too small for it, or with
 * an allocator that is not an arena. */
static NOINLINE NOCLONE int fast_string_alloc(mc_cursor_ *c, const mc_field *f, void *out, const char *q)
{
    return fast_string_new(c, f, out, q, false);
}

#if SSE2
/* find_special for at least 16 bytes in [p, end): no short-input paths, whose
 * word constants would cost mc_fast_string_ callee-saved registers. */
static ALWAYS_INLINE const char *find_special_16(const char *p, const char *end)
{
    const char *last = end - 16; /* the last whole block starts here */
    unsigned m;
    do {
        if ((m = special_mask16_fast(_mm_loadu_si128((const __m128i *)(const void *)p))) != 0)
            return p + __builtin_ctz(m);
        p += 16;
    } while (p <= last);
    if (p == end)
        return end;
    /* the last 16 bytes, overlapping plain ones already seen (flags are exact) */
    if ((m = special_mask16_fast(_mm_loadu_si128((const __m128i *)(const void *)last))) != 0)
        return last + __builtin_ctz(m);
    return end;
}
#define FAST_STRING_ROOM 17 /* the quote and 16 bytes: find_special_16 applies */
#define FAST_STRING_FIND find_special_16
#else
#define FAST_STRING_ROOM 1
#define FAST_STRING_FIND find_special
#endif

/* Plain ASCII without escapes: one scan, one allocation, one inline copy.
 * Everything but the arena bump is out of line (tail calls), so that this
 * needs no callee-saved registers; so is a string near the end of the input. */
int mc_fast_string_(mc_cursor_ *c, const mc_field *f, void *out)
{
    const char *p = c->p, *q;
    const char *const end = c->end;
    if (LIKELY(end - p >= FAST_STRING_ROOM && *p == '"')) {
        q = FAST_STRING_FIND(p + 1, end);
        if (LIKELY(q < end && *q == '"')) {
            dec *d = (dec *)(void *)c;
            char *buf = d->ap;
            if (LIKELY((size_t)(q - p) <= (size_t)(d->alim - buf))) { /* dalloc_str inline */
                d->ap = buf + (q - p);
                d->alast = buf;
                return fast_string_put(c, f, out, q, buf);
            }
            return fast_string_alloc(c, f, out, q);
        }
        return fast_string_rest(c, f, out, q);
    }
    return fast_member(c, f, out, MC_KIND_STRING);
}

/* mc_fast_string_ with libc allocation (c->string_): every plain string is
 * malloc'ed, so there is no arena bump to try first, nor an allocator to
 * test; the allocation inline (its two saved registers cost less than a
 * second call). */
static int fast_string_libc(mc_cursor_ *c, const mc_field *f, void *out)
{
    const char *p = c->p, *q;
    const char *const end = c->end;
    if (LIKELY(end - p >= FAST_STRING_ROOM && *p == '"')) {
        q = FAST_STRING_FIND(p + 1, end);
        if (LIKELY(q < end && *q == '"'))
            return fast_string_new(c, f, out, q, true);
        return fast_string_rest(c, f, out, q);
    }
    return fast_member(c, f, out, MC_KIND_STRING);
}

int mc_fast_enum_rest_(mc_cursor_ *c, const mc_field *f, void *out)
{
    return fast_member(c, f, out, MC_KIND_ENUM);
}

#if SSE2
/* The first '"' in s[20..36) (where the fast shapes of a date-time end), by
 * one 16-byte compare: from s + 20, or near the end of the input from
 * end - 16; NULL if there is none. Whatever comes before it is for
 * datetime_fast to check. */
static ALWAYS_INLINE const char *datetime_quote(const char *s, const char *end)
{
    const char *from;
    unsigned m, skip;
    if (end - s >= 36) {
        from = s + 20;
        skip = 0;
    } else if (end - s > 20) {
        from = end - 16; /* inside the input: end - s > 20 */
        skip = (unsigned)(s + 20 - from);
    } else {
        return NULL;
    }
    m = (unsigned)_mm_movemask_epi8(
            _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(const void *)from), _mm_set1_epi8('"'))) >>
        skip;
    return m != 0 ? from + skip + __builtin_ctz(m) : NULL;
}
#endif

/* A valid date-time without escapes (anything else, errors included, again
 * through the general path). */
int mc_fast_datetime_(mc_cursor_ *c, const mc_field *f, void *out)
{
    const char *p = c->p, *q;
    const char *const end = c->end;
    if (LIKELY(p < end && *p == '"')) {
#if SSE2 && SWAR
        /* a quote, inside the input; none in s[20..36): not a shape of
         * datetime_fast (whose text is 20 to 35 bytes) */
        if (LIKELY((q = datetime_quote(p + 1, end)) != NULL) &&
            LIKELY(datetime_fast((mc_datetime *)(void *)((char *)out + f->offset), p + 1, (size_t)(q - p - 1)))) {
#elif SWAR
        /* the shapes of datetime_fast are strict RFC 3339: no flag to test */
        q = find_special(p + 1, end);
        if (LIKELY(q < end && *q == '"') &&
            LIKELY(datetime_fast((mc_datetime *)(void *)((char *)out + f->offset), p + 1, (size_t)(q - p - 1)))) {
#else
        q = find_special(p + 1, end);
        if (LIKELY(q < end && *q == '"') &&
            LIKELY(mc_datetime_parse((mc_datetime *)(void *)((char *)out + f->offset), p + 1, (size_t)(q - p - 1),
                                     (((dec *)(void *)c)->flags & MC_DECODE_STRICT_DATETIME) ? MC_DATETIME_STRICT
                                                                                            : 0u) == MC_OK)) {
#endif
            *(mc_presence *)((char *)out + f->presence) = MC_PRESENT;
            c->p = q + 1;
            return MC_OK;
        }
    }
    return fast_member(c, f, out, MC_KIND_DATETIME);
}

int mc_fast_array_rest_(mc_cursor_ *c, const mc_field *f, void *out)
{
    const char *p = c->p;
    if (LIKELY(p < c->end && *p == '[')) {
        const mc_type *t = f->type;
        char *list = (char *)out + f->offset;
        mc_presence *has = (mc_presence *)((char *)out + f->presence);
        /* only generated decoders come here, and they run with d->fast set:
         * items of an object type with a fast decoder go straight to it */
        if (t->item.kind == MC_KIND_OBJECT && t->item.type->fast != NULL)
            return dec_array_fast((dec *)(void *)c, t, list, has, t->item.type->fast);
        return dec_array_has((dec *)(void *)c, t, list, has);
    }
    return fast_member(c, f, out, MC_KIND_ARRAY);
}

int mc_fast_object_(mc_cursor_ *c, const mc_field *f, void *out)
{
    dec *d = (dec *)(void *)c;
    d->c.p = skip_ws(d->c.p, d->c.end);
    if (d->c.p < d->c.end && *d->c.p == '{' && f->type->fast != NULL) {
        int rc = f->type->fast(c, (char *)out + f->offset);
        if (rc == MC_OK)
            *(mc_presence *)((char *)out + f->presence) = MC_PRESENT;
        return rc;
    }
    return dec_value(d, f, (char *)out);
}

int mc_fast_value_(mc_cursor_ *c, const mc_field *f, void *out)
{
    return fast_member(c, f, out, 0);
}

/* Start a decode of json[0..len) at its first value. The error message and
 * pointer buffers are left as they are: fail and ptr_prepend fill them. */
static ALWAYS_INLINE void dec_start(dec *d, const char *json, size_t len, const mc_decode_options *opt)
{
    unsigned max_depth = MC_DEFAULT_MAX_DEPTH;
    dec_alloc_begin(d, opt != NULL ? opt->allocator : NULL);
    d->flags = 0;
    if (opt != NULL) {
        d->flags = opt->flags;
        if (opt->max_depth != 0)
            max_depth = opt->max_depth < MC_MAX_DEPTH_LIMIT ? opt->max_depth : MC_MAX_DEPTH_LIMIT;
    }
    d->c.max_depth = max_depth;
    d->fast = false;
    d->base = d->c.p = json ? json : "";
    d->c.end = d->base + len;
    d->c.safe = len >= MC_FAST_SLACK_ ? d->c.end - MC_FAST_SLACK_ : d->base;
    d->c.obj = NULL;
    d->c.depth = 0;
    d->code = MC_OK;
    d->err_off = 0;
    d->msg[0] = '\0';
    d->ptr_len = 0;
    d->ptr_cut = false;
    d->first.hdr.next = NULL;
    d->first.hdr.size = SCRATCH_INLINE - SBLOCK_HDR;
    d->first.hdr.used = 0;
    d->cur = &d->first.hdr;
    d->c.p = skip_ws(d->c.p, d->c.end);
}

/* The value of type t at d->c.p by the table (no fast decoder, or not an
 * object): a field for the root, at offset 0, without presence. */
static NOINLINE int dec_root(dec *d, const mc_type *t, void *out)
{
    mc_field root;
    memset(&root, 0, sizeof root);
    root.kind = t->kind;
    root.presence = MC_NO_OFFSET;
    root.unknown = MC_NO_OFFSET;
    root.type = t;
    return dec_value(d, &root, (char *)out);
}

/* err for status rc: offset, line, column, JSON Pointer and message of the
 * first error, or all zero but the code. */
static NOINLINE void report(dec *d, int rc, mc_error *err)
{
    memset(err, 0, sizeof *err);
    err->code = rc;
    if (rc != MC_OK) {
        size_t i, line = 1, col = 1;
        err->offset = d->err_off;
        for (i = 0; i < d->err_off; i++) {
            if (d->base[i] == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        err->line = line > UINT32_MAX ? UINT32_MAX : (uint32_t)line;
        err->column = col > UINT32_MAX ? UINT32_MAX : (uint32_t)col;
        if (d->ptr_cut) {
            size_t cap = MC_ERROR_POINTER_MAX - 1;
            if (d->ptr_len > cap - 3)
                d->ptr_len = cap - 3;
            memcpy(d->ptr + d->ptr_len, "...", 3);
            d->ptr_len += 3;
        }
        memcpy(err->pointer, d->ptr, d->ptr_len);
        err->pointer[d->ptr_len] = '\0';
        memcpy(err->message, d->msg, sizeof err->message);
    }
}

static NOINLINE int bad_arguments(mc_error *err)
{
    if (err != NULL) {
        memset(err, 0, sizeof *err);
        err->code = MC_ERR_INVALID_ARG;
        snprintf(err->message, sizeof err->message, "NULL argument");
    }
    return MC_ERR_INVALID_ARG;
}

int mc_decode(const mc_type *t, void *out, const char *json, size_t len, const mc_decode_options *opt,
              mc_error *err)
{
    dec d;
    int rc;
    if (UNLIKELY(t == NULL || out == NULL || (json == NULL && len != 0)))
        return bad_arguments(err);
    memset(out, 0, t->size);
    dec_start(&d, json, len, opt);
    if (t->fast != NULL && d.c.p < d.c.end && *d.c.p == '{') {
        /* A generated fast decoder: it hands whatever it does not take itself
         * to the table-driven loop, so results and errors are the same. */
        d.fast = true;
        rc = t->fast(&d.c, out);
    } else {
        rc = dec_root(&d, t, out);
    }
    if (LIKELY(rc == MC_OK)) {
        d.c.p = skip_ws(d.c.p, d.c.end);
        if (d.c.p != d.c.end)
            rc = fail(&d, MC_ERR_TRAILING, d.c.p, "unexpected data after the JSON value");
    }
    dec_alloc_end(&d);
    if (UNLIKELY(d.first.hdr.next != NULL))
        scratch_free(&d);
    if (UNLIKELY(rc != MC_OK))
        clear_type(t, out, d.a);
    if (err != NULL)
        report(&d, rc, err);
    return rc;
}

/* ======================================================================== */
/* Encoder                                                                  */
/* ======================================================================== */

typedef struct enc {
    mc_buf *b;
    bool pretty;
    unsigned level;
} enc;

/* Append one byte (punctuation). */
static ALWAYS_INLINE int put_char(enc *e, char c)
{
    mc_buf *b = e->b;
    if (UNLIKELY(b->cap - b->len <= 1) && buf_grow(b, 1) != MC_OK)
        return MC_ERR_NO_MEMORY;
    b->data[b->len++] = c;
    return MC_OK;
}

static inline int put(enc *e, const char *s, size_t n)
{
    mc_buf *b = e->b;
    if (UNLIKELY(b->cap - b->len <= n) && buf_grow(b, n) != MC_OK)
        return MC_ERR_NO_MEMORY;
    memcpy(b->data + b->len, s, n);
    b->len += n;
    return MC_OK;
}

/* put for a member's key literal: short, copied inline without a call. */
static ALWAYS_INLINE int put_key(enc *e, const char *s, size_t n)
{
    mc_buf *b = e->b;
    if (UNLIKELY(b->cap - b->len <= n) && buf_grow(b, n) != MC_OK)
        return MC_ERR_NO_MEMORY;
    copy_short(b->data + b->len, s, n);
    b->len += n;
    return MC_OK;
}

static int put_indent(enc *e)
{
    static const char spaces[] = "\n                                ";
    size_t n = (size_t)e->level * 2;
    int rc = put(e, spaces, 1);
    while (rc == MC_OK && n > 0) {
        size_t k = n > 32 ? 32 : n;
        rc = put(e, spaces + 1, k);
        n -= k;
    }
    return rc;
}

/* Write s[0..n) as a JSON string. The common case (nothing to escape) is one
 * reservation and one copy; otherwise runs of plain bytes are copied in bulk. */
static int enc_string(enc *e, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    mc_buf *b = e->b;
    const char *p, *end = s + n, *run = s;
    int rc;
    if (UNLIKELY(b->cap - b->len <= n + 2) && buf_grow(b, n + 2) != MC_OK)
        return MC_ERR_NO_MEMORY;
    p = find_special(s, end);
    if (LIKELY(p == end)) {
        char *o = b->data + b->len;
        o[0] = '"';
        memcpy(o + 1, s, n);
        o[n + 1] = '"';
        b->len += n + 2;
        return MC_OK;
    }
    b->data[b->len++] = '"';
    while (p < end) {
        unsigned char c = (unsigned char)*p;
        if (c >= 0x80) {
            /* a run of non-ASCII characters (CJK text) without a scan between */
            do {
                size_t k = utf8_step((const unsigned char *)p, (const unsigned char *)end);
                if (k == 0)
                    return MC_ERR_UTF8;
                p += k;
            } while (p < end && (unsigned char)*p >= 0x80);
            p = find_special(p, end);
            continue;
        }
        if ((rc = put(e, run, (size_t)(p - run))) != MC_OK)
            return rc;
        {
            char esc[6] = {'\\', 0, 0, 0, 0, 0};
            size_t k = 2;
            switch (c) {
            case '"': esc[1] = '"'; break;
            case '\\': esc[1] = '\\'; break;
            case '\b': esc[1] = 'b'; break;
            case '\f': esc[1] = 'f'; break;
            case '\n': esc[1] = 'n'; break;
            case '\r': esc[1] = 'r'; break;
            case '\t': esc[1] = 't'; break;
            default:
                esc[1] = 'u';
                esc[2] = '0';
                esc[3] = '0';
                esc[4] = hex[c >> 4];
                esc[5] = hex[c & 15];
                k = 6;
            }
            if ((rc = put(e, esc, k)) != MC_OK)
                return rc;
        }
        run = ++p;
        p = find_special(p, end);
    }
    if ((rc = put(e, run, (size_t)(end - run))) != MC_OK)
        return rc;
    return put_char(e, '"');
}

static size_t fmt_int(char *out, int64_t v)
{
    char tmp[24];
    size_t n = 0, i;
    uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
    do {
        tmp[n++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        tmp[n++] = '-';
    for (i = 0; i < n; i++)
        out[i] = tmp[n - 1 - i];
    return n;
}

/* Shortest of %.15g/%.16g/%.17g (float: %.6g..%.9g) that reads back exactly,
 * with the locale's decimal separator replaced by '.'. 0 if not finite. */
static size_t fmt_real(char out[40], double v, bool single)
{
    int prec = single ? 6 : 15, last = single ? 9 : 17;
    if (!isfinite(v))
        return 0;
    for (;; prec++) {
        char tmp[48];
        size_t n, i, o = 0;
        int k = snprintf(tmp, sizeof tmp, "%.*g", prec, v);
        bool dot = false;
        double back;
        if (k <= 0 || (size_t)k >= sizeof tmp)
            return 0;
        n = (size_t)k;
        for (i = 0; i < n; i++) {
            char c = tmp[i];
            if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == 'e' || c == 'E') {
                out[o++] = c;
            } else if (!dot) {
                out[o++] = '.'; /* the decimal separator, whatever the locale wrote */
                dot = true;
            }
        }
        out[o] = '\0';
        if (prec >= last)
            return o;
        if (strto_any(out, o, single, &back, NULL) == MC_OK &&
            (single ? (float)back == (float)v : back == v))
            return o;
    }
}

static int enc_type(enc *e, const mc_type *t, const char *v);

static int enc_value(enc *e, const mc_field *f, const char *base)
{
    const char *val = base + f->offset;
    char tmp[48];
    size_t n;
    switch (f->kind) {
    case MC_KIND_STRING:
    case MC_KIND_UUID: {
        const mc_string *s = (const mc_string *)(const void *)val;
        if (s->data == NULL && s->len != 0)
            return MC_ERR_INVALID_ARG;
        if (f->kind == MC_KIND_UUID && !is_uuid(s->data, s->len))
            return MC_ERR_UUID;
        return enc_string(e, s->data ? s->data : "", s->len);
    }
    case MC_KIND_ENUM: {
        int x;
        const mc_enum_desc *ed = f->enum_desc;
        memcpy(&x, val, sizeof x);
        if (x >= 0 && (size_t)x < ed->count)
            return enc_string(e, ed->values[x].wire, ed->values[x].wire_len);
        if (x == MC_ENUM_UNKNOWN && f->unknown != MC_NO_OFFSET) {
            const mc_string *u = (const mc_string *)(const void *)(base + f->unknown);
            if (u->data != NULL)
                return enc_string(e, u->data, u->len);
        }
        return MC_ERR_INVALID_ARG;
    }
    case MC_KIND_BOOL: {
        bool b;
        memcpy(&b, val, sizeof b);
        return b ? put(e, "true", 4) : put(e, "false", 5);
    }
    case MC_KIND_INT32: {
        int32_t x;
        memcpy(&x, val, sizeof x);
        return put(e, tmp, fmt_int(tmp, x));
    }
    case MC_KIND_INT64: {
        int64_t x;
        memcpy(&x, val, sizeof x);
        return put(e, tmp, fmt_int(tmp, x));
    }
    case MC_KIND_FLOAT: {
        float x;
        memcpy(&x, val, sizeof x);
        n = fmt_real(tmp, (double)x, true);
        return n ? put(e, tmp, n) : MC_ERR_RANGE;
    }
    case MC_KIND_DOUBLE: {
        double x;
        memcpy(&x, val, sizeof x);
        n = fmt_real(tmp, x, false);
        return n ? put(e, tmp, n) : MC_ERR_RANGE;
    }
    case MC_KIND_DATETIME:
    case MC_KIND_DATE:
        tmp[0] = '"';
        if (f->kind == MC_KIND_DATE)
            n = mc_date_format((const mc_date *)(const void *)val, tmp + 1, sizeof tmp - 2);
        else
            n = mc_datetime_format((const mc_datetime *)(const void *)val, tmp + 1, sizeof tmp - 2);
        if (n == 0)
            return MC_ERR_DATETIME;
        tmp[n + 1] = '"';
        return put(e, tmp, n + 2);
    case MC_KIND_OBJECT:
    case MC_KIND_ARRAY:
        return enc_type(e, f->type, val);
    default:
        return MC_ERR_INVALID_ARG;
    }
}

/*
 * One member in compact form when it is a string, enum or date-time whose text
 * needs no escaping: the `,"key":` literal and the value go into one
 * reservation and are copied inline; a list is written straight after its key.
 * Returns 1 if written, 0 if the caller must take the general path (escapes,
 * unknown enum text, errors), or a negative MC_ERR_* (out of memory, or an
 * error inside a list).
 */
static ALWAYS_INLINE int enc_member_fast(enc *e, const mc_field *f, const char *v, const char *key, size_t klen)
{
    mc_buf *b = e->b;
    const char *s;
    size_t n;
    char *o;
    switch (f->kind) {
    case MC_KIND_STRING: {
        const mc_string *sv = (const mc_string *)(const void *)(v + f->offset);
        s = sv->data;
        n = sv->len;
        if (s == NULL)
            return 0;
        break;
    }
    case MC_KIND_ENUM: {
        int x;
        memcpy(&x, v + f->offset, sizeof x);
        if (x < 0 || (size_t)x >= f->enum_desc->count)
            return 0;
        s = f->enum_desc->values[x].wire;
        n = f->enum_desc->values[x].wire_len;
        if (f->enum_desc->values[x].plain) {
            if (UNLIKELY(b->cap - b->len <= klen + n + 2) && buf_grow(b, klen + n + 2) != MC_OK)
                return MC_ERR_NO_MEMORY;
            o = b->data + b->len;
            copy_short(o, key, klen);
            o[klen] = '"';
            copy_short(o + klen + 1, s, n);
            o[klen + 1 + n] = '"';
            b->len += klen + n + 2;
            return 1;
        }
        break;
    }
    case MC_KIND_ARRAY: {
        /* the key, then the list: no detour through enc_value */
        int rc;
        if ((rc = put_key(e, key, klen)) != MC_OK || (rc = enc_type(e, f->type, v + f->offset)) != MC_OK)
            return rc;
        return 1;
    }
    case MC_KIND_DATETIME:
        if (UNLIKELY(b->cap - b->len <= klen + MC_DATETIME_MAX + 2) && buf_grow(b, klen + MC_DATETIME_MAX + 2) != MC_OK)
            return MC_ERR_NO_MEMORY;
        o = b->data + b->len;
        copy_short(o, key, klen);
        o[klen] = '"';
        n = mc_datetime_format((const mc_datetime *)(const void *)(v + f->offset), o + klen + 1, MC_DATETIME_MAX);
        if (n == 0)
            return 0; /* the general path reports it */
        o[klen + 1 + n] = '"';
        b->len += klen + n + 2;
        return 1;
    default:
        return 0;
    }
    if (UNLIKELY(b->cap - b->len <= klen + n + 2) && buf_grow(b, klen + n + 2) != MC_OK)
        return MC_ERR_NO_MEMORY;
    o = b->data + b->len;
#if SSE2
    if (n >= 16) {
        /* The same with 16-byte SSE2 loads and stores. */
        char *dst = o + klen + 1;
        __m128i x;
        size_t i;
        for (i = 0; i + 16 < n; i += 16) {
            if (special_mask16(s + i) != 0)
                return 0;
            x = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
            _mm_storeu_si128((__m128i *)(void *)(dst + i), x);
        }
        if (special_mask16(s + n - 16) != 0)
            return 0;
        x = _mm_loadu_si128((const __m128i *)(const void *)(s + n - 16));
        _mm_storeu_si128((__m128i *)(void *)(dst + n - 16), x);
    } else
#endif
#if SWAR
    if (n >= 8) {
        /* Check and copy in the same pass: each word is loaded once. Words
         * written before a special byte turns up are simply not committed. */
        char *dst = o + klen + 1;
        uint64_t w;
        size_t i;
        for (i = 0; i + 8 < n; i += 8) {
            memcpy(&w, s + i, 8);
            if (special_mask(w) != 0)
                return 0;
            memcpy(dst + i, &w, 8);
        }
        memcpy(&w, s + n - 8, 8); /* the last word, overlapping the previous one */
        if (special_mask(w) != 0)
            return 0;
        memcpy(dst + n - 8, &w, 8);
    } else
#endif
    {
        if (find_special(s, s + n) != s + n)
            return 0;
        copy_short(o + klen + 1, s, n);
    }
    copy_short(o, key, klen);
    o[klen] = '"';
    o[klen + 1 + n] = '"';
    b->len += klen + n + 2;
    return 1;
}

/* enc_object without indentation: the loop that runs for compact output.
 * Every member is written with its whole `,"key":` literal; at the end the
 * comma of the first one, if any, becomes the '{' (no "first" test per
 * member). */
static int enc_object_compact(enc *e, const mc_type *t, const char *v)
{
    const mc_string *extra = t->extra != MC_NO_OFFSET ? (const mc_string *)(const void *)(v + t->extra) : NULL;
    const mc_field *f = t->fields, *fend = f + t->field_count;
    const size_t start = e->b->len;
    int rc;
    for (; f < fend; f++) {
        mc_presence pr = *(const mc_presence *)(v + f->presence);
        if (pr == MC_PRESENT) {
            if ((rc = enc_member_fast(e, f, v, f->key, f->key_len)) == 1)
                continue;
            if (rc != 0)
                return rc;
        } else if (pr == MC_ABSENT) {
            if (f->flags & MC_REQUIRED)
                return MC_ERR_MISSING_REQUIRED;
            continue;
        }
        if ((rc = put_key(e, f->key, f->key_len)) != MC_OK)
            return rc;
        if (pr == MC_NULL) {
            if (!((f->flags & MC_NULLABLE) || (f->kind == MC_KIND_ENUM && f->enum_desc->has_null)))
                return MC_ERR_NULL;
            rc = put(e, "null", 4);
        } else {
            rc = enc_value(e, f, v);
        }
        if (rc != MC_OK)
            return rc;
    }
    if (extra != NULL && extra->len) {
        if ((rc = put_char(e, ',')) != MC_OK || (rc = put(e, extra->data, extra->len)) != MC_OK)
            return rc;
    }
    if (e->b->len == start)
        return put(e, "{}", 2);
    e->b->data[start] = '{'; /* the first member's comma */
    return put_char(e, '}');
}

static int enc_object(enc *e, const mc_type *t, const char *v)
{
    const mc_string *extra = t->extra != MC_NO_OFFSET ? (const mc_string *)(const void *)(v + t->extra) : NULL;
    bool first = true;
    size_t i;
    int rc;
    if (!e->pretty)
        return enc_object_compact(e, t, v);
    if ((rc = put_char(e, '{')) != MC_OK)
        return rc;
    e->level++;
    for (i = 0; i < t->field_count; i++) {
        const mc_field *f = &t->fields[i];
        mc_presence pr = *(const mc_presence *)(v + f->presence);
        if (pr == MC_ABSENT) {
            if (f->flags & MC_REQUIRED)
                return MC_ERR_MISSING_REQUIRED;
            continue;
        }
        if (!e->pretty) {
            const char *key = first ? f->key + 1 : f->key;
            size_t klen = first ? (size_t)f->key_len - 1 : f->key_len;
            if (pr == MC_PRESENT) {
                if ((rc = enc_member_fast(e, f, v, key, klen)) == 1) {
                    first = false;
                    continue;
                }
                if (rc != 0)
                    return rc;
            }
            rc = put(e, key, klen);
        } else {
            if ((!first && (rc = put_char(e, ',')) != MC_OK) || (rc = put_indent(e)) != MC_OK ||
                (rc = put(e, f->key + 1, (size_t)f->key_len - 2)) != MC_OK)
                return rc;
            rc = put(e, ": ", 2);
        }
        if (rc != MC_OK)
            return rc;
        first = false;
        if (pr == MC_NULL) {
            if (!((f->flags & MC_NULLABLE) || (f->kind == MC_KIND_ENUM && f->enum_desc->has_null)))
                return MC_ERR_NULL;
            rc = put(e, "null", 4);
        } else {
            rc = enc_value(e, f, v);
        }
        if (rc != MC_OK)
            return rc;
    }
    if (extra != NULL && extra->len) {
        if (!first && (rc = put_char(e, ',')) != MC_OK)
            return rc;
        if (e->pretty && (rc = put_indent(e)) != MC_OK)
            return rc;
        if ((rc = put(e, extra->data, extra->len)) != MC_OK)
            return rc;
        first = false;
    }
    e->level--;
    if (e->pretty && !first && (rc = put_indent(e)) != MC_OK)
        return rc;
    return put_char(e, '}');
}

static int enc_type(enc *e, const mc_type *t, const char *v)
{
    const char *items;
    size_t count, i;
    int rc;
    if (t->kind == MC_KIND_OBJECT)
        return enc_object(e, t, v);
    memcpy(&items, v + t->items_offset, sizeof items);
    memcpy(&count, v + t->count_offset, sizeof count);
    if (count && items == NULL)
        return MC_ERR_INVALID_ARG;
    if ((rc = put_char(e, '[')) != MC_OK)
        return rc;
    if (!e->pretty && t->item.kind == MC_KIND_OBJECT) {
        /* compact list of objects: the common case, without the per-item tests */
        const mc_type *it = t->item.type;
        for (i = 0; i < count; i++)
            if ((i && (rc = put_char(e, ',')) != MC_OK) ||
                (rc = enc_object_compact(e, it, items + i * t->item_size)) != MC_OK)
                return rc;
        return put_char(e, ']');
    }
    e->level++;
    for (i = 0; i < count; i++) {
        if ((i && (rc = put_char(e, ',')) != MC_OK) || (e->pretty && (rc = put_indent(e)) != MC_OK))
            return rc;
        if (t->item.kind == MC_KIND_OBJECT)
            rc = enc_object(e, t->item.type, items + i * t->item_size);
        else
            rc = enc_value(e, &t->item, items + i * t->item_size);
        if (rc != MC_OK)
            return rc;
    }
    e->level--;
    if (e->pretty && count && (rc = put_indent(e)) != MC_OK)
        return rc;
    return put_char(e, ']');
}

int mc_encode(const mc_type *t, const void *v, mc_buf *out, const mc_encode_options *opt)
{
    enc e;
    size_t start;
    int rc;
    if (t == NULL || v == NULL || out == NULL)
        return MC_ERR_INVALID_ARG;
    start = out->len;
    e.b = out;
    e.pretty = opt != NULL && (opt->flags & MC_ENCODE_PRETTY);
    e.level = 0;
    if (t->kind == MC_KIND_OBJECT && !e.pretty)
        rc = enc_object_compact(&e, t, (const char *)v);
    else
        rc = enc_type(&e, t, (const char *)v);
    if (rc == MC_OK && out->len >= out->cap) /* room for the NUL */
        rc = buf_grow(out, 0);
    if (rc != MC_OK)
        out->len = start;
    if (out->data != NULL)
        out->data[out->len] = '\0';
    return rc;
}

int mc_encode_string(const mc_type *t, const void *v, char **out, size_t *out_len, const mc_encode_options *opt)
{
    mc_buf b;
    int rc;
    *out = NULL;
    if (out_len != NULL)
        *out_len = 0;
    mc_buf_init(&b, opt ? opt->allocator : NULL);
    rc = mc_encode(t, v, &b, opt);
    if (rc == MC_OK)
        rc = mc_buf_detach(&b, out, out_len);
    mc_buf_dispose(&b);
    return rc;
}

/* ======================================================================== */
/* Clear, copy, equal                                                       */
/* ======================================================================== */

static size_t scalar_size(unsigned kind)
{
    switch (kind) {
    case MC_KIND_BOOL: return sizeof(bool);
    case MC_KIND_INT32: return sizeof(int32_t);
    case MC_KIND_INT64: return sizeof(int64_t);
    case MC_KIND_FLOAT: return sizeof(float);
    case MC_KIND_DOUBLE: return sizeof(double);
    case MC_KIND_DATETIME: return sizeof(mc_datetime);
    case MC_KIND_DATE: return sizeof(mc_date);
    case MC_KIND_ENUM: return sizeof(int);
    default: return 0;
    }
}

static void clear_value(const mc_field *f, char *base, const mc_allocator *a)
{
    char *val = base + f->offset;
    switch (f->kind) {
    case MC_KIND_STRING:
    case MC_KIND_UUID:
        mc_string_dispose((mc_string *)(void *)val, a);
        break;
    case MC_KIND_ENUM:
        if (f->unknown != MC_NO_OFFSET)
            mc_string_dispose((mc_string *)(void *)(base + f->unknown), a);
        break;
    case MC_KIND_OBJECT:
    case MC_KIND_ARRAY:
        clear_type(f->type, val, a);
        break;
    default:
        break;
    }
}

/* Free block p of n bytes; with libc, straight to free(). */
static inline void release(const mc_allocator *a, void *p, size_t n)
{
    if (a == NULL || a->realloc == NULL)
        free(p);
    else if (p != NULL)
        (void)a->realloc(a->ctx, p, n, 0);
}

static void release_table(const mc_type *t, char *p, const mc_allocator *a);

/* Free everything the value of type t at p owns, without resetting it: list
 * items are released as a whole afterwards, so zeroing them would be wasted.
 * Only string, enum-text, object and array members own memory. */
static ALWAYS_INLINE void release_type(const mc_type *t, char *p, const mc_allocator *a)
{
    if (t->release != NULL)
        t->release(p, a); /* generated: the same, without the table walk */
    else
        release_table(t, p, a);
}

/* Free the count items at items (array type t) and what they own, then the
 * block. Object items with a generated release get it straight, without a
 * call per item through release_type. */
static NOINLINE void release_items_of(const mc_type *t, char *items, size_t count, const mc_allocator *a)
{
    const size_t isz = t->item_size;
    const mc_type *it = t->item.type;
    const unsigned ik = t->item.kind;
    char *q, *const qend = items + count * isz;
    if (ik == MC_KIND_OBJECT && it->release != NULL) {
        const mc_release_fn_ rel = it->release;
        for (q = items; q < qend; q += isz)
            rel(q, a);
    } else if (ik == MC_KIND_OBJECT || ik == MC_KIND_ARRAY) {
        for (q = items; q < qend; q += isz)
            release_type(it, q, a);
    } else if (ik == MC_KIND_STRING || ik == MC_KIND_UUID) {
        for (q = items; q < qend; q += isz)
            mc_release_string_((mc_string *)(void *)q, a);
    }
    release(a, items, count * isz);
}

/* Free the items of the list at p (array type t): nothing to do for an empty
 * list, a third of them, so that test comes before any set-up. */
static ALWAYS_INLINE void release_items(const mc_type *t, char *p, const mc_allocator *a)
{
    char *items;
    size_t count;
    memcpy(&items, p + t->items_offset, sizeof items);
    if (items != NULL) {
        memcpy(&count, p + t->count_offset, sizeof count);
        release_items_of(t, items, count, a);
    }
}

/* release_type without a generated release: the table walk. */
static NOINLINE void release_table(const mc_type *t, char *p, const mc_allocator *a)
{
    if (t->kind == MC_KIND_OBJECT) {
        const mc_field *f = t->fields, *fend = f + t->field_count;
        /* tests in order of frequency rather than a jump table: strings and
         * enums make up most members */
        for (; f < fend; f++) {
            unsigned k = f->kind;
            if (k == MC_KIND_STRING || k == MC_KIND_UUID) {
                mc_string *sv = (mc_string *)(void *)(p + f->offset);
                if (sv->data != NULL)
                    release(a, sv->data, sv->len + 1);
            } else if (k == MC_KIND_ENUM) {
                if (f->unknown != MC_NO_OFFSET) {
                    mc_string *u = (mc_string *)(void *)(p + f->unknown);
                    if (u->data != NULL)
                        release(a, u->data, u->len + 1);
                }
            } else if (k == MC_KIND_OBJECT || k == MC_KIND_ARRAY) {
                release_type(f->type, p + f->offset, a);
            }
        }
        if (t->extra != MC_NO_OFFSET) {
            mc_string *x = (mc_string *)(void *)(p + t->extra);
            if (x->data != NULL)
                release(a, x->data, x->len + 1);
        }
    } else {
        release_items(t, p, a);
    }
}

/* Generated releases call this for their list members (and members of object
 * types without a generated release). */
void mc_release_(const mc_type *t, void *v, const mc_allocator *a)
{
    if (t->kind == MC_KIND_ARRAY)
        release_items(t, (char *)v, a);
    else
        release_type(t, (char *)v, a);
}

static void clear_type(const mc_type *t, void *v, const mc_allocator *a)
{
    release_type(t, (char *)v, a);
    memset(v, 0, t->size);
}

void mc_clear(const mc_type *t, void *v, const mc_allocator *a)
{
    if (t != NULL && v != NULL)
        clear_type(t, v, a);
}

static int copy_type(const mc_type *t, char *dst, const char *src, const mc_allocator *a);

static int copy_string(mc_string *dst, const mc_string *src, const mc_allocator *a)
{
    if (src->data == NULL)
        return MC_OK;
    return mc_string_set(dst, src->data, src->len, a);
}

/* Copy one value; dst's slot is zeroed beforehand, so a failure leaves it clearable. */
static int copy_value(const mc_field *f, char *dst, const char *src, const mc_allocator *a)
{
    size_t off = f->offset;
    switch (f->kind) {
    case MC_KIND_STRING:
    case MC_KIND_UUID:
        return copy_string((mc_string *)(void *)(dst + off), (const mc_string *)(const void *)(src + off), a);
    case MC_KIND_OBJECT:
    case MC_KIND_ARRAY:
        return copy_type(f->type, dst + off, src + off, a);
    case MC_KIND_ENUM:
        memcpy(dst + off, src + off, sizeof(int));
        if (f->unknown != MC_NO_OFFSET)
            return copy_string((mc_string *)(void *)(dst + f->unknown),
                               (const mc_string *)(const void *)(src + f->unknown), a);
        return MC_OK;
    default:
        memcpy(dst + off, src + off, scalar_size(f->kind));
        return MC_OK;
    }
}

static int copy_type(const mc_type *t, char *dst, const char *src, const mc_allocator *a)
{
    size_t i;
    int rc;
    if (t->kind == MC_KIND_OBJECT) {
        for (i = 0; i < t->field_count; i++) {
            const mc_field *f = &t->fields[i];
            dst[f->presence] = src[f->presence];
            if ((rc = copy_value(f, dst, src, a)) != MC_OK)
                return rc;
        }
        if (t->extra != MC_NO_OFFSET)
            return copy_string((mc_string *)(void *)(dst + t->extra), (const mc_string *)(const void *)(src + t->extra), a);
        return MC_OK;
    } else {
        const char *items;
        char *copy;
        size_t count;
        memcpy(&items, src + t->items_offset, sizeof items);
        memcpy(&count, src + t->count_offset, sizeof count);
        if (count == 0 || items == NULL)
            return MC_OK;
        if (count > SIZE_MAX / t->item_size || (copy = (char *)xrealloc(a, NULL, 0, count * t->item_size)) == NULL)
            return MC_ERR_NO_MEMORY;
        memset(copy, 0, count * t->item_size);
        memcpy(dst + t->items_offset, &copy, sizeof copy);
        memcpy(dst + t->count_offset, &count, sizeof count);
        for (i = 0; i < count; i++)
            if ((rc = copy_value(&t->item, copy + i * t->item_size, items + i * t->item_size, a)) != MC_OK)
                return rc;
        return MC_OK;
    }
}

int mc_copy(const mc_type *t, void *out, const void *src, const mc_allocator *a)
{
    int rc;
    if (t == NULL || out == NULL || src == NULL)
        return MC_ERR_INVALID_ARG;
    memset(out, 0, t->size);
    rc = copy_type(t, (char *)out, (const char *)src, a);
    if (rc != MC_OK)
        clear_type(t, out, a);
    return rc;
}

static bool string_equal(const mc_string *x, const mc_string *y)
{
    if ((x->data == NULL) != (y->data == NULL))
        return false;
    return x->len == y->len && (x->len == 0 || memcmp(x->data, y->data, x->len) == 0);
}

static bool equal_type(const mc_type *t, const char *x, const char *y);

static bool equal_value(const mc_field *f, const char *x, const char *y)
{
    size_t off = f->offset;
    switch (f->kind) {
    case MC_KIND_STRING:
    case MC_KIND_UUID:
        return string_equal((const mc_string *)(const void *)(x + off), (const mc_string *)(const void *)(y + off));
    case MC_KIND_OBJECT:
    case MC_KIND_ARRAY:
        return equal_type(f->type, x + off, y + off);
    case MC_KIND_ENUM:
        if (memcmp(x + off, y + off, sizeof(int)) != 0)
            return false;
        return f->unknown == MC_NO_OFFSET || string_equal((const mc_string *)(const void *)(x + f->unknown),
                                                          (const mc_string *)(const void *)(y + f->unknown));
    case MC_KIND_FLOAT: {
        float a, b;
        memcpy(&a, x + off, sizeof a);
        memcpy(&b, y + off, sizeof b);
        return a == b || (isnan(a) && isnan(b));
    }
    case MC_KIND_DOUBLE: {
        double a, b;
        memcpy(&a, x + off, sizeof a);
        memcpy(&b, y + off, sizeof b);
        return a == b || (isnan(a) && isnan(b));
    }
    case MC_KIND_BOOL: {
        bool a, b;
        memcpy(&a, x + off, sizeof a);
        memcpy(&b, y + off, sizeof b);
        return a == b;
    }
    case MC_KIND_DATETIME: {
        const mc_datetime *a = (const mc_datetime *)(const void *)(x + off), *b = (const mc_datetime *)(const void *)(y + off);
        return a->seconds == b->seconds && a->nanos == b->nanos && a->offset_minutes == b->offset_minutes &&
               a->form == b->form;
    }
    case MC_KIND_DATE: {
        const mc_date *a = (const mc_date *)(const void *)(x + off), *b = (const mc_date *)(const void *)(y + off);
        return a->year == b->year && a->month == b->month && a->day == b->day;
    }
    default:
        return memcmp(x + off, y + off, scalar_size(f->kind)) == 0;
    }
}

static bool equal_type(const mc_type *t, const char *x, const char *y)
{
    size_t i;
    if (t->kind == MC_KIND_OBJECT) {
        for (i = 0; i < t->field_count; i++) {
            const mc_field *f = &t->fields[i];
            if (x[f->presence] != y[f->presence])
                return false;
            if (x[f->presence] == MC_PRESENT && !equal_value(f, x, y))
                return false;
        }
        return t->extra == MC_NO_OFFSET || string_equal((const mc_string *)(const void *)(x + t->extra),
                                                        (const mc_string *)(const void *)(y + t->extra));
    } else {
        const char *xi, *yi;
        size_t xc, yc;
        memcpy(&xi, x + t->items_offset, sizeof xi);
        memcpy(&yi, y + t->items_offset, sizeof yi);
        memcpy(&xc, x + t->count_offset, sizeof xc);
        memcpy(&yc, y + t->count_offset, sizeof yc);
        if (xc != yc)
            return false;
        for (i = 0; i < xc; i++)
            if (!equal_value(&t->item, xi + i * t->item_size, yi + i * t->item_size))
                return false;
        return true;
    }
}

bool mc_equal(const mc_type *t, const void *a, const void *b)
{
    if (a == b)
        return true;
    if (t == NULL || a == NULL || b == NULL)
        return false;
    return equal_type(t, (const char *)a, (const char *)b);
}
