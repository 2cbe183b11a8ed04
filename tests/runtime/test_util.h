/*
 * test_util.h - helpers shared by the runtime's CMocka tests: the seed document,
 * a leak-checking allocator that can fail its k-th allocation, and assertions
 * for decode/encode round trips that report the caller's line.
 */
#ifndef TEST_UTIL_H
#define TEST_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "models.h"

/* The CertificationTask example from SailPoint's v2024 SDK documentation. */
#define SEED_JSON                                                                                          \
    "{\"id\":\"2c918086719eec070171a7e3355a360a\",\"type\":\"ADMIN_REASSIGN\",\"targetType\":\"CAMPAIGN\"," \
    "\"targetId\":\"2c918086719eec070171a7e3355a834c\",\"status\":\"QUEUED\",\"errors\":[{\"locale\":"    \
    "\"en-US\",\"localeOrigin\":\"DEFAULT\",\"text\":\"Error Message\"}],\"reassignmentTrailDTOs\":"       \
    "[{\"previousOwner\":\"ef38f94347e94562b5bb8424a56397d8\",\"newOwner\":"                                \
    "\"ef38f94347e94562b5bb8424a56397a3\",\"reassignmentType\":\"AUTOMATIC_REASSIGNMENT\"}],"               \
    "\"created\":\"2020-09-24T18:10:47.693Z\"}"

/* ---- a counting allocator: checks sizes, counts live blocks, fails on demand */

typedef struct counting {
    size_t calls;      /* allocations and growths so far */
    size_t fail_at;    /* 0 = never; else fail the fail_at-th call */
    long live;         /* blocks not yet freed */
    size_t live_bytes;
    int bad_sizes;     /* frees/resizes whose old_size did not match */
} counting;

#define COUNTING_HDR 16

static inline void *counting_realloc(void *ctx, void *p, size_t old, size_t n)
{
    counting *c = (counting *)ctx;
    char *real = p ? (char *)p - COUNTING_HDR : NULL;
    size_t stored = 0;
    if (real)
        memcpy(&stored, real, sizeof stored);
    if (real && stored != old)
        c->bad_sizes++;
    if (n == 0) {
        if (real) {
            c->live--;
            c->live_bytes -= stored;
            free(real);
        }
        return NULL;
    }
    c->calls++;
    if (c->fail_at && c->calls == c->fail_at)
        return NULL;
    {
        char *q = (char *)realloc(real, n + COUNTING_HDR);
        if (!q)
            return NULL;
        if (!real)
            c->live++;
        c->live_bytes = c->live_bytes - stored + n;
        memcpy(q, &n, sizeof n);
        return q + COUNTING_HDR;
    }
}

static inline mc_allocator counting_allocator(counting *c)
{
    mc_allocator a;
    memset(c, 0, sizeof *c);
    a.realloc = counting_realloc;
    a.ctx = c;
    return a;
}

#define assert_no_leaks(c)                        \
    do {                                          \
        assert_int_equal((c)->live, 0);           \
        assert_int_equal((c)->live_bytes, 0);     \
        assert_int_equal((c)->bad_sizes, 0);      \
    } while (0)

/* ---- decode + encode helpers -------------------------------------------- */

static inline void fail_printf(const char *file, int line, const char *fmt, ...)
{
    char msg[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    print_error("%s:%d: %s\n", file, line, msg);
    _fail(file, line);
}


/* Decode json as type t into v (must succeed), then encode and compare with
 * expect (NULL: expect the input back byte for byte). */
static inline void check_roundtrip_(const mc_type *t, void *v, const char *json, const char *expect, unsigned flags,
                             const char *file, int line)
{
    mc_decode_options opt = {NULL, 0, flags};
    mc_error err;
    char *out = NULL;
    size_t n = 0;
    int rc = mc_decode(t, v, json, strlen(json), &opt, &err);
    if (rc != MC_OK)
        fail_printf(file, line, "decode of %s failed: %s (%s) at %zu %s", json, mc_status_text(rc), err.message,
                     err.offset, err.pointer);
    rc = mc_encode_string(t, v, &out, &n, NULL);
    if (rc != MC_OK)
        fail_printf(file, line, "encode failed: %s", mc_status_text(rc));
    if (strcmp(out, expect ? expect : json) != 0 || n != strlen(out))
        fail_printf(file, line, "round trip:\n  got    %s\n  wanted %s", out, expect ? expect : json);
    free(out);
}
#define check_roundtrip(t, v, json, expect, flags) check_roundtrip_(t, v, json, expect, flags, __FILE__, __LINE__)

#endif
