/*
 * fuzz_decode.c - libFuzzer target over the generated CertificationTask codec
 * (generated/ *.c, i.e. the runtime as users get it) and the array alias
 * ErrorMessageDtoList.
 *
 * For every input:
 *  - decode with default options, strict options (enums + date-time),
 *    MC_DECODE_KEEP_UNKNOWN, the deepest max_depth, and into an mc_arena;
 *  - every allocation goes through a counting allocator that also checks the
 *    runtime's "exact size" contract (old_size given back == size allocated)
 *    and that nothing is live after clear / arena dispose;
 *  - a failed decode must leave the output in init state (all zero) and fill
 *    mc_error consistently;
 *  - an accepted input must be RFC 8259 JSON per fuzz/json_check.c (an
 *    independent validator);
 *  - on success: encode compact and pretty (both must be valid JSON),
 *    decode each again, *_equal must hold and re-encoding must be
 *    byte-identical; to_json_string must match to_json; copy must be equal;
 *  - options must agree: strict OK => default OK and equal; KEEP_UNKNOWN OK
 *    <=> default OK and equal apart from json_extra; arena == libc result.
 * Any violation calls abort() with a message on stderr.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "models.h"
#include "json_check.h"

/* ---- counting allocator ------------------------------------------------ */

#define HDR 16u /* keeps the payload aligned for any object */

static size_t live_blocks, live_bytes;
static size_t alloc_calls; /* allocations and resizes since the last reset */
static size_t fail_at;     /* make call number fail_at fail (0: never) */

static void die(const char *what)
{
    fprintf(stderr, "\nfuzz_decode: INVARIANT VIOLATED: %s\n", what);
    abort();
}

static void *count_realloc(void *ctx, void *p, size_t old, size_t n)
{
    unsigned char *h;
    size_t had;
    (void)ctx;
    if (n != 0 && ++alloc_calls == fail_at)
        return NULL;
    if (p == NULL) {
        if (old != 0)
            die("allocator: NULL block with old_size != 0");
        if (n == 0)
            die("allocator: runtime asked for 0 bytes");
        if (n > SIZE_MAX - HDR)
            return NULL;
        h = malloc(n + HDR);
        if (h == NULL)
            return NULL;
        memcpy(h, &n, sizeof n);
        live_blocks++;
        live_bytes += n;
        return h + HDR;
    }
    h = (unsigned char *)p - HDR;
    memcpy(&had, h, sizeof had);
    if (had != old) {
        fprintf(stderr, "allocator: block of %zu bytes given back as %zu\n", had, old);
        die("allocator: old_size does not match the allocated size");
    }
    if (n == 0) {
        free(h);
        live_blocks--;
        live_bytes -= had;
        return NULL;
    }
    if (n > SIZE_MAX - HDR)
        return NULL;
    h = realloc(h, n + HDR);
    if (h == NULL)
        return NULL;
    memcpy(h, &n, sizeof n);
    live_bytes = live_bytes - had + n;
    return h + HDR;
}

static const mc_allocator counting = {count_realloc, NULL};

static size_t base_blocks, base_bytes; /* live values the caller still holds */

static void expect_nothing_live(const char *where)
{
    if (live_blocks != base_blocks || live_bytes != base_bytes) {
        fprintf(stderr, "%zu blocks / %zu bytes live after %s\n", live_blocks, live_bytes, where);
        die("leak through the mc_allocator");
    }
}

/* ---- helpers ------------------------------------------------------------ */

static int all_zero(const void *v, size_t n)
{
    const unsigned char *p = v;
    size_t i;
    for (i = 0; i < n; i++)
        if (p[i])
            return 0;
    return 1;
}

static void check_error(int rc, const mc_error *err, size_t len)
{
    if (err->code != rc)
        die("mc_error.code != returned status");
    if (rc == MC_OK)
        return;
    if (rc > 0 || rc <= MC_STATUS_END_)
        die("status out of range");
    if (err->offset > len)
        die("mc_error.offset beyond the input");
    if (err->line < 1 || err->column < 1)
        die("mc_error line/column not 1-based");
    if (memchr(err->pointer, '\0', sizeof err->pointer) == NULL)
        die("mc_error.pointer not NUL-terminated");
    if (memchr(err->message, '\0', sizeof err->message) == NULL)
        die("mc_error.message not NUL-terminated");
    if (err->pointer[0] != '\0' && err->pointer[0] != '/')
        die("mc_error.pointer is not a JSON Pointer");
}

/* Encode v (type t) with flags into a fresh string (counting allocator). */
static char *encode(const mc_type *t, const void *v, unsigned eflags, size_t *len)
{
    mc_buf b;
    char *s = NULL;
    mc_encode_options eo = {eflags, &counting};
    int rc;
    mc_buf_init(&b, &counting);
    rc = mc_encode(t, v, &b, &eo);
    if (rc != MC_OK) {
        fprintf(stderr, "encode status %d (%s)\n", rc, mc_status_text(rc));
        die("a decoded value does not encode");
    }
    if (b.data == NULL || b.data[b.len] != '\0')
        die("mc_buf not NUL-terminated after encode");
    if (mc_buf_detach(&b, &s, len) != MC_OK)
        die("mc_buf_detach failed");
    if (json_check(s, *len) != JC_VALID) {
        fprintf(stderr, "encoder wrote: %.*s\n", (int)*len, s);
        die("encoder output is not RFC 8259 JSON");
    }
    return s;
}

static void free_str(char *s, size_t len) { mc_free(&counting, s, len + 1); }

/* v was decoded from some input with options *od: check the round trips. */
static void round_trip(const mc_type *t, const void *v, const mc_decode_options *od)
{
    mc_decode_options o = *od;
    unsigned char v2[512], v3[512], cp[512];
    size_t l1, l2, lp, l3, ls;
    char *e1, *e2, *p1, *e3, *es;
    mc_encode_options eo = {0, &counting};
    mc_error err;
    int rc;

    if (t->size > sizeof v2)
        die("fuzz harness: type larger than the scratch values");

    e1 = encode(t, v, 0, &l1);
    rc = mc_decode(t, v2, e1, l1, &o, &err);
    if (rc != MC_OK) {
        fprintf(stderr, "re-decode of %.*s: %s at %zu: %s\n", (int)l1, e1, mc_status_text(rc),
                err.offset, err.message);
        die("compact encoding does not decode");
    }
    if (!mc_equal(t, v, v2))
        die("decode(encode(v)) != v");
    e2 = encode(t, v2, 0, &l2);
    if (l1 != l2 || memcmp(e1, e2, l1) != 0) {
        fprintf(stderr, "first:  %.*s\nsecond: %.*s\n", (int)l1, e1, (int)l2, e2);
        die("re-encoding is not byte-identical");
    }

    p1 = encode(t, v, MC_ENCODE_PRETTY, &lp);
    rc = mc_decode(t, v3, p1, lp, &o, &err);
    if (rc != MC_OK) {
        fprintf(stderr, "re-decode of pretty %.*s: %s at %zu: %s\n", (int)lp, p1,
                mc_status_text(rc), err.offset, err.message);
        die("pretty encoding does not decode");
    }
    if (!mc_equal(t, v, v3))
        die("decode(encode_pretty(v)) != v");
    e3 = encode(t, v3, 0, &l3);
    if (l1 != l3 || memcmp(e1, e3, l1) != 0) {
        fprintf(stderr, "compact: %.*s\nvia pretty: %.*s\n", (int)l1, e1, (int)l3, e3);
        die("compact encoding after a pretty round trip differs");
    }

    rc = mc_encode_string(t, v, &es, &ls, &eo);
    if (rc != MC_OK || ls != l1 || memcmp(es, e1, l1) != 0 || es[ls] != '\0')
        die("mc_encode_string differs from mc_encode");
    free_str(es, ls);

    if (mc_copy(t, cp, v, &counting) != MC_OK)
        die("mc_copy failed");
    if (!mc_equal(t, v, cp) || !mc_equal(t, cp, v))
        die("copy not equal");
    mc_clear(t, cp, &counting);
    if (!all_zero(cp, t->size))
        die("mc_clear did not return to init state");

    mc_clear(t, v2, &counting);
    mc_clear(t, v3, &counting);
    free_str(e1, l1);
    free_str(e2, l2);
    free_str(p1, lp);
    free_str(e3, l3);
}

/* Decode with options o; checks error reporting and the init state on failure. */
static int decode(const mc_type *t, void *v, const char *json, size_t len, const mc_decode_options *o)
{
    mc_error err;
    int rc;
    memset(v, 0xA5, t->size); /* out is overwritten, whatever it held */
    rc = mc_decode(t, v, json, len, o, &err);
    check_error(rc, &err, len);
    if (rc != MC_OK && !all_zero(v, t->size))
        die("failed decode left the output not in init state");
    if (rc == MC_ERR_NO_MEMORY)
        die("MC_ERR_NO_MEMORY without an allocation failure");
    return rc;
}

static void accepted(const char *json, size_t len, int verdict, const char *how)
{
    if (verdict == JC_INVALID) {
        fprintf(stderr, "modelc accepted (%s) what RFC 8259 rejects: %.*s\n", how,
                (int)(len > 300 ? 300 : len), json);
        die("decoder accepts invalid JSON");
    }
}

static size_t input_hash(const char *s, size_t n)
{
    size_t h = 1469598103934665603u, i;
    for (i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211u;
    return h ^ n;
}

/* v decoded OK from json with *o: fail one allocation (chosen by the input's
 * hash) of the same decode, and of encoding v; each must fail cleanly
 * (MC_ERR_NO_MEMORY, init state / buffer unchanged, nothing leaked). */
static void inject_failures(const mc_type *t, const void *v, const char *json, size_t len,
                            const mc_decode_options *o)
{
    unsigned char w[512];
    size_t k, h = input_hash(json, len);
    mc_error err;
    mc_buf b;
    int rc;

    base_blocks = live_blocks;
    base_bytes = live_bytes;
    alloc_calls = 0;
    fail_at = 0;
    if (mc_decode(t, w, json, len, o, NULL) != MC_OK)
        die("decode not deterministic");
    k = alloc_calls;
    mc_clear(t, w, &counting);
    if (k > 0) {
        alloc_calls = 0;
        fail_at = 1 + h % k;
        memset(w, 0xA5, t->size);
        rc = mc_decode(t, w, json, len, o, &err);
        fail_at = 0;
        check_error(rc, &err, len);
        if (rc == MC_OK) {
            mc_clear(t, w, &counting);
        } else {
            if (rc != MC_ERR_NO_MEMORY) {
                fprintf(stderr, "allocation %zu of %zu failed: status %d (%s)\n", (size_t)(1 + h % k),
                        k, rc, mc_status_text(rc));
                die("a failed allocation is not reported as MC_ERR_NO_MEMORY");
            }
            if (!all_zero(w, t->size))
                die("decode failing on memory left the output not in init state");
        }
        expect_nothing_live("a decode that ran out of memory");
    }

    mc_buf_init(&b, &counting);
    if (mc_buf_append(&b, "[", 1) != MC_OK)
        die("mc_buf_append");
    alloc_calls = 0;
    if (mc_encode(t, v, &b, NULL) != MC_OK)
        die("encode after a prefix failed");
    k = alloc_calls;
    mc_buf_dispose(&b);
    if (k > 0) {
        mc_buf_init(&b, &counting);
        if (mc_buf_append(&b, "[", 1) != MC_OK)
            die("mc_buf_append");
        alloc_calls = 0;
        fail_at = 1 + (h >> 16) % k;
        rc = mc_encode(t, v, &b, NULL);
        fail_at = 0;
        if (rc != MC_OK && rc != MC_ERR_NO_MEMORY)
            die("encode failing on memory: wrong status");
        if (rc != MC_OK && (b.len != 1 || b.data[0] != '[' || b.data[1] != '\0'))
            die("encode failing on memory changed the buffer");
        mc_buf_dispose(&b);
    }
    expect_nothing_live("an encode that ran out of memory");
    base_blocks = base_bytes = 0;
}

/* The generic checks for one type. */
static void fuzz_type(const mc_type *t, const char *json, size_t len, int verdict)
{
    unsigned char vd[512], vs[512], vk[512], vx[512], va[512], vdeep[512];
    mc_decode_options od = {&counting, 0, 0};
    mc_decode_options os = {&counting, 0, MC_DECODE_STRICT_ENUMS | MC_DECODE_STRICT_DATETIME};
    mc_decode_options ok = {&counting, 0, MC_DECODE_KEEP_UNKNOWN};
    mc_decode_options odeep = {&counting, MC_MAX_DEPTH_LIMIT + 7u, MC_DECODE_KEEP_UNKNOWN};
    int rd, rs, rk, ra, rdeep;
    mc_arena arena;
    mc_allocator aa;
    mc_decode_options oa = {NULL, 0, 0};

    if (t->size > sizeof vd)
        die("fuzz harness: type larger than the scratch values");

    /* default */
    rd = decode(t, vd, json, len, &od);
    if (rd == MC_OK) {
        accepted(json, len, verdict, "default");
        round_trip(t, vd, &od);
        inject_failures(t, vd, json, len, &od);
    }

    /* strict: accepts a subset of default, with the same value */
    rs = decode(t, vs, json, len, &os);
    if (rs == MC_OK) {
        accepted(json, len, verdict, "strict");
        if (rd != MC_OK)
            die("strict decode accepts what default decode rejects");
        if (!mc_equal(t, vs, vd))
            die("strict and default decode disagree");
        round_trip(t, vs, &os);
        mc_clear(t, vs, &counting);
    }

    /* keep unknown: same acceptance; dropping the unknowns again (a default
     * decode of its encoding) gives the default value */
    rk = decode(t, vk, json, len, &ok);
    if ((rk == MC_OK) != (rd == MC_OK)) {
        fprintf(stderr, "default %d, keep-unknown %d\n", rd, rk);
        die("MC_DECODE_KEEP_UNKNOWN changes what is accepted");
    }
    if (rk == MC_OK) {
        size_t lk;
        char *ek;
        accepted(json, len, verdict, "keep-unknown");
        round_trip(t, vk, &ok);
        inject_failures(t, vk, json, len, &ok);
        ek = encode(t, vk, 0, &lk);
        if (decode(t, vx, ek, lk, &od) != MC_OK)
            die("encoding with kept unknowns does not decode");
        if (!mc_equal(t, vx, vd))
            die("kept unknowns change the modelled values");
        mc_clear(t, vx, &counting);
        free_str(ek, lk);
    }

    /* deepest nesting allowed (clamped to MC_MAX_DEPTH_LIMIT), keeping unknowns */
    rdeep = decode(t, vdeep, json, len, &odeep);
    if (rk == MC_OK && rdeep != MC_OK)
        die("a larger max_depth rejects what the default depth accepts");
    if (rdeep == MC_OK) {
        accepted(json, len, verdict, "max_depth");
        if (rk != MC_OK && rk != MC_ERR_DEPTH) {
            fprintf(stderr, "default depth: %d (%s)\n", rk, mc_status_text(rk));
            die("a larger max_depth accepts what the default rejects for another reason");
        }
        if (rk == MC_OK && !mc_equal(t, vk, vdeep))
            die("a larger max_depth changes the value");
        round_trip(t, vdeep, &odeep);
        mc_clear(t, vdeep, &counting);
    }
    if (rk == MC_OK)
        mc_clear(t, vk, &counting);

    /* arena over the counting allocator: same result as libc-style decode */
    mc_arena_init(&arena, &counting, (len & 1) ? 64 : 0);
    aa = mc_arena_allocator(&arena);
    oa.allocator = &aa;
    memset(va, 0x5A, t->size);
    ra = mc_decode(t, va, json, len, &oa, NULL);
    if (ra != rd) {
        fprintf(stderr, "default %d, arena %d\n", rd, ra);
        die("arena decode status differs");
    }
    if (ra == MC_OK) {
        if (!mc_equal(t, va, vd))
            die("arena decode value differs");
        mc_clear(t, va, &aa); /* frees into the arena: no-op */
    } else if (!all_zero(va, t->size)) {
        die("failed arena decode left the output not in init state");
    }
    mc_arena_reset(&arena);
    /* second document into the reused arena */
    ra = mc_decode(t, va, json, len, &oa, NULL);
    if (ra != rd)
        die("arena decode status differs after reset");
    if (ra == MC_OK && !mc_equal(t, va, vd))
        die("arena decode value differs after reset");
    mc_arena_dispose(&arena);

    if (rd == MC_OK)
        mc_clear(t, vd, &counting);
    expect_nothing_live("clear / arena dispose");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *json = (const char *)data;
    int verdict = json_check(json, size);
    certification_task t, u;
    error_message_dto_list l;
    mc_decode_options od = {&counting, 0, 0};

    fuzz_type(&certification_task_desc, json, size, verdict);
    fuzz_type(&error_message_dto_list_desc, json, size, verdict);

    /* the typed wrappers, as users call them */
    if (certification_task_from_json(&t, json, size, &od, NULL) == MC_OK) {
        char *s = NULL;
        size_t n = 0;
        mc_encode_options eo = {0, &counting};
        if (certification_task_to_json_string(&t, &s, &n, &eo) != MC_OK)
            die("certification_task_to_json_string failed");
        if (certification_task_from_json(&u, s, n, &od, NULL) != MC_OK)
            die("certification_task round trip does not decode");
        if (!certification_task_equal(&t, &u))
            die("certification_task_equal after round trip");
        certification_task_clear(&u, &counting);
        mc_free(&counting, s, n + 1);
        certification_task_clear(&t, &counting);
    }
    if (error_message_dto_list_from_json(&l, json, size, &od, NULL) == MC_OK) {
        error_message_dto_list c;
        if (error_message_dto_list_copy(&c, &l, &counting) != MC_OK)
            die("error_message_dto_list_copy failed");
        if (!error_message_dto_list_equal(&c, &l))
            die("error_message_dto_list_equal after copy");
        error_message_dto_list_clear(&c, &counting);
        error_message_dto_list_clear(&l, &counting);
    }
    /* libc allocator (NULL options): leaks show up in LeakSanitizer */
    if (certification_task_from_json(&t, json, size, NULL, NULL) == MC_OK)
        certification_task_clear(&t, NULL);
    expect_nothing_live("typed wrappers");
    return 0;
}
