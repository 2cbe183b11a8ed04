/*
 * bench/bench_main.c - the harness. One process measures one implementation
 * (peak RSS is per process), and prints one machine-readable RESULT line that
 * run.sh collects into the table.
 *
 *   bench --impl NAME [--corpus DIR] [--docs N] [--reps N] [--callgrind]
 *   bench --list
 *
 * Normal mode, in order:
 *   verify    decode every document, checksum it; encode it, decode the output
 *             with the same implementation and with the cJSON reference, and
 *             require the same checksum (round trip); fold the checksums.
 *   decode    median of --reps timed passes of {decode; clear} over the corpus.
 *   retain    decode every document and keep it (input of the encode pass).
 *   encode    median of --reps timed passes of {encode; release}.
 *   roundtrip median of --reps timed passes of {decode; encode; release; clear}.
 * The clock is read around each pass only. MB/s counts input JSON bytes (for
 * encode: the bytes of the decoded documents, so the three columns compare).
 * Allocations per document are counted by alloc_shim.c over one pass.
 *
 * --callgrind (run under valgrind --tool=callgrind --collect-atstart=no): every
 * loop runs once unmeasured (warm-up: lazy binding, first-use buffers), then once
 * with collection on, followed by a named dump. A "baseline" loop calling an
 * empty function the same way is dumped too, so run.sh can subtract the loop.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <valgrind/callgrind.h>

#include "bench.h"
#include "model.h"

static const bm_impl *const impls[] = {
    &bm_impl_cjson,
    &bm_impl_jansson,
    &bm_impl_jsonc,
    &bm_impl_simdjson,
#ifdef BM_HAVE_MODELC
    &bm_impl_modelc,
    &bm_impl_modelc_arena,
#endif
};
#define NIMPLS (sizeof impls / sizeof *impls)

typedef struct corpus {
    char *data;      /* whole file plus BM_PADDING readable bytes */
    size_t size;
    size_t ndocs;
    size_t *off, *len;
} corpus;

static void die(const char *what)
{
    fprintf(stderr, "bench: %s: %s\n", what, errno ? strerror(errno) : "failed");
    exit(1);
}

static char *read_file(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        die(path);
    if (fseek(f, 0, SEEK_END))
        die(path);
    long n = ftell(f);
    if (n < 0 || fseek(f, 0, SEEK_SET))
        die(path);
    char *p = malloc((size_t)n + BM_PADDING + 1);
    if (!p)
        die("malloc");
    if (fread(p, 1, (size_t)n, f) != (size_t)n)
        die(path);
    fclose(f);
    memset(p + n, ' ', BM_PADDING);
    p[n + BM_PADDING] = '\0';
    *size = (size_t)n;
    return p;
}

static void load(corpus *c, const char *dir, size_t max_docs)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/tasks.ndjson", dir);
    c->data = read_file(path, &c->size);
    size_t cap = 1024;
    c->off = malloc(cap * sizeof *c->off);
    c->len = malloc(cap * sizeof *c->len);
    c->ndocs = 0;
    const char *p = c->data, *end = c->data + c->size;
    while (p < end && c->ndocs < max_docs) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl)
            nl = end;
        if (nl > p) {
            if (c->ndocs == cap) {
                cap *= 2;
                c->off = realloc(c->off, cap * sizeof *c->off);
                c->len = realloc(c->len, cap * sizeof *c->len);
                if (!c->off || !c->len)
                    die("realloc");
            }
            c->off[c->ndocs] = (size_t)(p - c->data);
            c->len[c->ndocs] = (size_t)(nl - p);
            c->ndocs++;
        }
        p = nl + 1;
    }
    if (max_docs < (size_t)-1 && c->ndocs)
        c->size = c->off[c->ndocs - 1] + c->len[c->ndocs - 1] + 1;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

typedef struct stat3 {
    double median, min, max;
} stat3;

static stat3 summarize(double *t, int n)
{
    qsort(t, (size_t)n, sizeof *t, cmp_double);
    stat3 s = {n % 2 ? t[n / 2] : (t[n / 2 - 1] + t[n / 2]) / 2, t[0], t[n - 1]};
    return s;
}

/* ---- the measured loops ------------------------------------------------------- */

static const bm_impl *impl;
static void *ctx;
static corpus C;
static unsigned char *one;      /* storage for one object */
static unsigned char *kept;     /* ndocs objects (retain) */
static size_t sink;             /* keeps results observable */

static int loop_decode(void)
{
    int bad = 0;
    for (size_t i = 0; i < C.ndocs; i++) {
        impl->init(one);
        bad |= impl->decode(ctx, one, C.data + C.off[i], C.len[i], C.size + BM_PADDING - C.off[i]);
        impl->clear(ctx, one);
    }
    return bad;
}

static int loop_encode(void)
{
    int bad = 0;
    for (size_t i = 0; i < C.ndocs; i++) {
        const char *out;
        size_t n;
        bad |= impl->encode(ctx, kept + i * impl->obj_size, &out, &n);
        sink += n;
        impl->release(ctx);
    }
    return bad;
}

static int loop_roundtrip(void)
{
    int bad = 0;
    for (size_t i = 0; i < C.ndocs; i++) {
        const char *out;
        size_t n;
        impl->init(one);
        bad |= impl->decode(ctx, one, C.data + C.off[i], C.len[i], C.size + BM_PADDING - C.off[i]);
        bad |= impl->encode(ctx, one, &out, &n);
        sink += n;
        impl->release(ctx);
        impl->clear(ctx, one);
    }
    return bad;
}

static int loop_memchr(void)
{
    size_t lines = 0;
    const char *p = C.data, *end = C.data + C.size;
    while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
        lines++;
        p++;
    }
    sink += lines;
    return lines != C.ndocs;
}

static int loop_walk(void)
{
    int bad = 0;
    for (size_t i = 0; i < C.ndocs; i++) {
        uint64_t v = bm_simdjson_walk(C.data + C.off[i], C.len[i], C.size + BM_PADDING - C.off[i]);
        bad |= v == UINT64_MAX;
        sink += v;
    }
    return bad;
}

/* The callgrind baseline: the same loop shape around an empty out-of-line call. */
__attribute__((noinline)) static int nothing(void *c, void *o, const char *j, size_t l, size_t k)
{
    __asm__ volatile("" ::"r"(c), "r"(o), "r"(j), "r"(l), "r"(k) : "memory");
    return 0;
}
static int (*volatile nothing_ptr)(void *, void *, const char *, size_t, size_t) = nothing;
static int loop_baseline(void)
{
    int bad = 0;
    for (size_t i = 0; i < C.ndocs; i++)
        bad |= nothing_ptr(ctx, one, C.data + C.off[i], C.len[i], C.size + BM_PADDING - C.off[i]);
    return bad;
}

typedef int (*loop_fn)(void);

static stat3 timed(loop_fn f, int reps, double *allocs_per_doc)
{
    double t[64];
    if (reps > 64)
        reps = 64;
    if (f())   /* warm-up and correctness */
        die("a document failed in the timed loop");
    for (int r = 0; r < reps; r++) {
        uint64_t a0 = bm_alloc_count();
        double t0 = now();
        f();
        t[r] = now() - t0;
        if (r == 0 && allocs_per_doc)
            *allocs_per_doc = (double)(bm_alloc_count() - a0) / (double)C.ndocs;
    }
    return summarize(t, reps);
}

static void collected(loop_fn f, const char *name)
{
    if (f())
        die("a document failed in the collected loop");
    CALLGRIND_ZERO_STATS;
    CALLGRIND_TOGGLE_COLLECT;
    f();
    CALLGRIND_TOGGLE_COLLECT;
    CALLGRIND_DUMP_STATS_AT(name);
}

/* ---- verification ------------------------------------------------------------- */

static int verify(uint64_t *sum, size_t *rt_bad)
{
    unsigned char *two = calloc(1, impl->obj_size);
    bm_task ref;
    void *ref_ctx = bm_impl_cjson.ctx_new();
    uint64_t acc = 0;
    size_t bad = 0;
    for (size_t i = 0; i < C.ndocs; i++) {
        impl->init(one);
        if (impl->decode(ctx, one, C.data + C.off[i], C.len[i], C.size + BM_PADDING - C.off[i])) {
            fprintf(stderr, "bench: %s: document %zu does not decode: %.*s\n", impl->name, i + 1,
                    (int)C.len[i], C.data + C.off[i]);
            impl->clear(ctx, one);
            return -1;
        }
        uint64_t h = impl->checksum(one);
        acc = bm_fold(acc, h);
        if (impl->can_encode) {
            const char *out;
            size_t n;
            if (impl->encode(ctx, one, &out, &n)) {
                fprintf(stderr, "bench: %s: document %zu does not encode\n", impl->name, i + 1);
                return -1;
            }
            /* decode the output with the implementation itself (copy: it may need padding) */
            char *copy = malloc(n + BM_PADDING);
            memcpy(copy, out, n);
            memset(copy + n, ' ', BM_PADDING);
            impl->release(ctx);
            impl->init(two);
            int rc = impl->decode(ctx, two, copy, n, n + BM_PADDING);
            uint64_t h2 = rc ? 0 : impl->checksum(two);
            bm_task_init(&ref);
            int rc3 = bm_impl_cjson.decode(ref_ctx, &ref, copy, n, n + BM_PADDING);
            uint64_t h3 = rc3 ? 0 : bm_task_checksum(&ref);
            bm_task_clear(&ref);
            if (rc || h2 != h || rc3 || h3 != h) {
                if (bad < 3)
                    fprintf(stderr, "bench: %s: round trip differs for document %zu:\n  in:  %.*s\n  out: %.*s\n",
                            impl->name, i + 1, (int)C.len[i], C.data + C.off[i], (int)n, copy);
                bad++;
            }
            free(copy);
            impl->clear(ctx, two);
        }
        impl->clear(ctx, one);
    }
    bm_impl_cjson.ctx_free(ref_ctx);
    free(two);
    *sum = acc;
    *rt_bad = bad;
    return 0;
}

static void usage(void)
{
    fprintf(stderr, "usage: bench --impl NAME [--corpus DIR] [--docs N] [--reps N] [--callgrind]\n"
                    "       bench --list\n");
    exit(2);
}

int main(int argc, char **argv)
{
    const char *name = NULL, *dir = "corpus";
    size_t max_docs = (size_t)-1;
    int reps = 5, cg = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--list")) {
            puts("floor-memchr\nfloor-simdjson-walk");
            for (size_t k = 0; k < NIMPLS; k++)
                puts(impls[k]->name);
            return 0;
        } else if (!strcmp(argv[i], "--impl") && i + 1 < argc) {
            name = argv[++i];
        } else if (!strcmp(argv[i], "--corpus") && i + 1 < argc) {
            dir = argv[++i];
        } else if (!strcmp(argv[i], "--docs") && i + 1 < argc) {
            max_docs = strtoul(argv[++i], NULL, 10);
        } else if (!strcmp(argv[i], "--reps") && i + 1 < argc) {
            reps = atoi(argv[++i]);
        } else if (!strcmp(argv[i], "--callgrind")) {
            cg = 1;
        } else {
            usage();
        }
    }
    if (!name || reps < 1)
        usage();
    load(&C, dir, max_docs);
    if (!C.ndocs)
        die("empty corpus");
    double mb = (double)C.size / 1e6;

    int floor_memchr = !strcmp(name, "floor-memchr");
    int floor_walk = !strcmp(name, "floor-simdjson-walk");
    if (floor_memchr || floor_walk) {
        loop_fn f = floor_memchr ? loop_memchr : loop_walk;
        if (cg) {
            collected(loop_baseline, "baseline");
            collected(f, "decode");
            printf("CALLGRIND impl=%s docs=%zu\n", name, C.ndocs);
            return 0;
        }
        double a = 0;
        stat3 d = timed(f, reps, &a);
        struct rusage ru;
        getrusage(RUSAGE_SELF, &ru);
        uint64_t extra = 0;
        size_t arr_docs = 0;
        if (floor_walk) {
            /* the array form of the corpus must hold the same documents */
            corpus A;
            char path[4096];
            snprintf(path, sizeof path, "%s/tasks.json", dir);
            A.data = read_file(path, &A.size);
            if (bm_simdjson_array_checksum(A.data, A.size, A.size + BM_PADDING, &extra, &arr_docs))
                die("tasks.json does not decode");
            free(A.data);
        }
        printf("RESULT impl=%s docs=%zu bytes=%zu dec_mbs=%.1f dec_min=%.1f dec_max=%.1f "
               "dec_allocs=%.2f rss_kb=%ld array_docs=%zu array_checksum=%016llx\n",
               name, C.ndocs, C.size, mb / d.median, mb / d.max, mb / d.min, a, ru.ru_maxrss,
               arr_docs, (unsigned long long)extra);
        return 0;
    }

    for (size_t k = 0; k < NIMPLS; k++)
        if (!strcmp(impls[k]->name, name))
            impl = impls[k];
    if (!impl) {
        fprintf(stderr, "bench: no implementation '%s' (see --list)\n", name);
        return 2;
    }
    ctx = impl->ctx_new();
    one = calloc(1, impl->obj_size);
    if (!ctx || !one)
        die("setup");

    uint64_t sum = 0;
    size_t rt_bad = 0;
    if (!cg && verify(&sum, &rt_bad))
        return 1;

    if (cg) {
        collected(loop_baseline, "baseline");
        collected(loop_decode, "decode");
    }
    double dec_allocs = 0, enc_allocs = 0, rt_allocs = 0;
    stat3 d = {0, 0, 0}, e = {0, 0, 0}, r = {0, 0, 0};
    if (!cg)
        d = timed(loop_decode, reps, &dec_allocs);

    /* retain: every document decoded and kept, the encoder's input */
    kept = calloc(C.ndocs, impl->obj_size);
    if (!kept)
        die("calloc");
    size_t enc_bytes = 0;
    for (size_t i = 0; i < C.ndocs; i++) {
        impl->init(kept + i * impl->obj_size);
        if (impl->decode(ctx, kept + i * impl->obj_size, C.data + C.off[i], C.len[i],
                         C.size + BM_PADDING - C.off[i]))
            die("retain");
        enc_bytes += C.len[i] + 1;
    }
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    long rss_retained = ru.ru_maxrss;

    if (impl->can_encode) {
        if (cg) {
            collected(loop_encode, "encode");
        } else {
            e = timed(loop_encode, reps, &enc_allocs);
        }
    }
    if (!impl->arena)
        for (size_t i = 0; i < C.ndocs; i++)
            impl->clear(ctx, kept + i * impl->obj_size);
    free(kept);
    kept = NULL;
    if (impl->arena) {
        /* the retained objects lived in the arena: start afresh */
        impl->ctx_free(ctx);
        ctx = impl->ctx_new();
    }
    if (impl->can_encode) {
        if (cg)
            collected(loop_roundtrip, "roundtrip");
        else
            r = timed(loop_roundtrip, reps, &rt_allocs);
    }
    if (cg) {
        printf("CALLGRIND impl=%s docs=%zu\n", name, C.ndocs);
        impl->ctx_free(ctx);
        return 0;
    }
    double emb = (double)enc_bytes / 1e6;
    printf("RESULT impl=%s docs=%zu bytes=%zu checksum=%016llx rt_bad=%zu "
           "dec_mbs=%.1f dec_min=%.1f dec_max=%.1f dec_allocs=%.2f ",
           name, C.ndocs, C.size, (unsigned long long)sum, rt_bad, mb / d.median, mb / d.max,
           mb / d.min, dec_allocs);
    if (impl->can_encode)
        printf("enc_mbs=%.1f enc_min=%.1f enc_max=%.1f enc_allocs=%.2f "
               "rt_mbs=%.1f rt_min=%.1f rt_max=%.1f rt_allocs=%.2f ",
               emb / e.median, emb / e.max, emb / e.min, enc_allocs, mb / r.median, mb / r.max,
               mb / r.min, rt_allocs);
    printf("rss_kb=%ld\n", rss_retained);
    impl->ctx_free(ctx);
    free(one);
    return rt_bad ? 1 : 0;
}
