/*
 * model_support.c - the helpers declared in model_support.h. Failures are
 * reported with cmocka's _fail(file, line) so they point at the test's line,
 * not at this file.
 */
#include "model_support.h"

#define MT_HDR 16 /* keeps payloads aligned for any object type */

static void *mt_realloc(void *ctx, void *p, size_t old, size_t n)
{
    mt_alloc *c = (mt_alloc *)ctx;
    char *real = p != NULL ? (char *)p - MT_HDR : NULL;
    size_t stored = 0;
    char *q;

    if (real != NULL) {
        memcpy(&stored, real, sizeof stored);
        if (stored != old)
            c->bad_sizes++;
    }
    if (n == 0) {
        if (real != NULL) {
            c->live--;
            c->live_bytes -= stored;
            free(real);
        }
        return NULL;
    }
    c->calls++;
    if (c->fail_at != 0 && c->calls == c->fail_at) {
        c->failures++;
        return NULL;
    }
    q = (char *)realloc(real, n + MT_HDR);
    if (q == NULL)
        return NULL;
    if (real == NULL)
        c->live++;
    c->live_bytes = c->live_bytes - stored + n;
    memcpy(q, &n, sizeof n);
    return q + MT_HDR;
}

mc_allocator mt_alloc_init(mt_alloc *c)
{
    mc_allocator a;
    memset(c, 0, sizeof *c);
    a.realloc = mt_realloc;
    a.ctx = c;
    return a;
}

void mt_fail_at(const char *file, int line, const char *fmt, ...)
{
    char msg[4096];
    va_list ap;
    va_start(ap, fmt);
    (void)vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    print_error("%s:%d: %s\n", file, line, msg);
    _fail(file, line);
}

void mt_assert_no_leaks_(const mt_alloc *c, const char *file, int line)
{
    if (c->live != 0 || c->live_bytes != 0 || c->bad_sizes != 0)
        mt_fail_at(file, line, "allocator: %ld live blocks, %zu live bytes, %zu frees with a wrong size", c->live,
                   c->live_bytes, c->bad_sizes);
}

void mt_show(char *out, size_t cap, const char *s, size_t n)
{
    size_t o = 0, i;
    if (cap == 0)
        return;
    for (i = 0; i < n && o + 5 < cap; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch >= 0x20 && ch < 0x7f)
            out[o++] = (char)ch;
        else
            o += (size_t)snprintf(out + o, cap - o, "\\x%02x", ch);
    }
    if (i < n && o + 4 < cap)
        o += (size_t)snprintf(out + o, cap - o, "...");
    out[o] = '\0';
}

void mt_assert_mc_string_(const mc_string *s, const char *want, size_t want_len, const char *file, int line)
{
    char a[512], b[512];
    if (s->data == NULL) {
        mt_show(b, sizeof b, want, want_len);
        mt_fail_at(file, line, "string is {NULL, %zu}, expected \"%s\"", s->len, b);
        return;
    }
    if (s->len != want_len || memcmp(s->data, want, want_len) != 0 || s->data[s->len] != '\0') {
        mt_show(a, sizeof a, s->data, s->len);
        mt_show(b, sizeof b, want, want_len);
        mt_fail_at(file, line, "string is \"%s\" (%zu bytes), expected \"%s\" (%zu bytes)", a, s->len, b, want_len);
    }
}

void mt_task_decode_ok_(certification_task *out, const char *json, size_t len, unsigned flags, const char *file,
                        int line)
{
    mc_decode_options opt;
    mc_error err;
    int rc;
    memset(&opt, 0, sizeof opt);
    opt.flags = flags;
    rc = certification_task_from_json(out, json, len, &opt, &err);
    if (rc != MC_OK) {
        char shown[1024];
        mt_show(shown, sizeof shown, json, len);
        mt_fail_at(file, line, "decode of %s failed: %s, \"%s\" at offset %zu (%u:%u), pointer \"%s\"", shown,
                   mc_status_text(rc), err.message, err.offset, err.line, err.column, err.pointer);
    }
}

char *mt_task_encode(const certification_task *v, unsigned enc_flags, size_t *len, const char *file, int line)
{
    mc_encode_options eo;
    char *out = NULL;
    size_t n = 0;
    int rc;
    memset(&eo, 0, sizeof eo);
    eo.flags = enc_flags;
    rc = certification_task_to_json_string(v, &out, &n, &eo);
    if (rc != MC_OK) {
        mt_fail_at(file, line, "encode failed: %s", mc_status_text(rc));
        return NULL;
    }
    if (out == NULL || strlen(out) > n || out[n] != '\0')
        mt_fail_at(file, line, "encode: bad output string (len %zu)", n);
    if (len != NULL)
        *len = n;
    return out;
}

static void expect_bytes(const char *got, size_t got_len, const char *want, size_t want_len, const char *what,
                         const char *file, int line)
{
    if (got_len != want_len || memcmp(got, want, want_len) != 0) {
        static char a[1 << 14], b[1 << 14];
        size_t i = 0;
        while (i < got_len && i < want_len && got[i] == want[i])
            i++;
        mt_show(a, sizeof a, got, got_len);
        mt_show(b, sizeof b, want, want_len);
        mt_fail_at(file, line, "%s differs at byte %zu\n  got:  %s\n  want: %s", what, i, a, b);
    }
}

void mt_task_encodes_to_(const certification_task *v, unsigned enc_flags, const char *expect, size_t expect_len,
                         const char *file, int line)
{
    size_t n = 0;
    char *out = mt_task_encode(v, enc_flags, &n, file, line);
    expect_bytes(out, n, expect, expect_len, "encoded text", file, line);
    free(out);
}

void mt_task_round_trip_(certification_task *out, const char *json, size_t len, unsigned flags, const char *expect,
                         const char *file, int line)
{
    certification_task again;
    size_t n = 0, n2 = 0;
    char *text, *text2;
    mt_task_decode_ok_(out, json, len, flags, file, line);
    text = mt_task_encode(out, 0, &n, file, line);
    if (expect == NULL)
        expect_bytes(text, n, json, len, "re-encoded text", file, line);
    else
        expect_bytes(text, n, expect, strlen(expect), "re-encoded text", file, line);
    mt_task_decode_ok_(&again, text, n, flags, file, line);
    if (!certification_task_equal(out, &again))
        mt_fail_at(file, line, "decoding the output again gives a value that is not equal()");
    text2 = mt_task_encode(&again, 0, &n2, file, line);
    expect_bytes(text2, n2, text, n, "second encoding", file, line);
    certification_task_clear(&again, NULL);
    free(text);
    free(text2);
}

static bool str_init(const mc_string *s)
{
    return s->data == NULL && s->len == 0;
}

bool mt_task_is_init(const certification_task *v)
{
    static const certification_task zero; /* init state is all-zero bytes */
    if (memcmp(v, &zero, sizeof zero) != 0)
        return false;
    return v->has_id == MC_ABSENT && str_init(&v->id) && v->has_type == MC_ABSENT && str_init(&v->type_unknown) &&
           v->has_target_type == MC_ABSENT && str_init(&v->target_type_unknown) && v->has_target_id == MC_ABSENT &&
           str_init(&v->target_id) && v->has_status == MC_ABSENT && str_init(&v->status_unknown) &&
           v->has_errors == MC_ABSENT && v->errors.items == NULL && v->errors.count == 0 &&
           v->has_reassignment_trail_dtos == MC_ABSENT && v->reassignment_trail_dtos.items == NULL &&
           v->reassignment_trail_dtos.count == 0 && v->has_created == MC_ABSENT && str_init(&v->json_extra);
}
