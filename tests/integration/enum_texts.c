/*
 * enum_texts.c - enum values of every kind of wire text, decoded by the
 * generated fast path (members in schema order) and by the table loop
 * (members reordered), from exact-size buffers (built by enum_texts.sh).
 *
 * The generated matcher compares plain texts together with their closing
 * quote; texts with a quote, a backslash, a control or a non-ASCII byte are
 * left to the general path. Checks that both paths agree on: prefixes and
 * extensions of members ("AB", "ABC", "ABCD"), the empty text, every text
 * the matcher leaves out (raw where JSON allows it, and escaped), unknown
 * texts (kept, or an error with MC_DECODE_STRICT_ENUMS), and errors inside
 * or at the end of the string (same code and offset either way).
 * Prints one "ok:" line per check; exits 1 at the first failure.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/check.h"

#include "out/models.h"


/* Decode json (copied into a buffer of exactly its length, so that a read
 * past the end is caught by the sanitizers) with flags; returns the status. */
static int decode(box *b, const char *json, unsigned flags, mc_error *err)
{
    size_t n = strlen(json);
    char *buf = (char *)malloc(n ? n : 1);
    mc_decode_options opt = {NULL, 0, flags};
    int rc;
    CHECK(buf != NULL, "malloc");
    memcpy(buf, json, n);
    box_init(b);
    rc = box_from_json(b, buf, n, &opt, err);
    free(buf);
    return rc;
}

/* The enum text t (as written in JSON, with its quotes) in schema order and
 * reordered: both decode to member want, or to BOX_KIND_UNKNOWN with the
 * unknown text kept (then equal to unknown). */
static void member(const char *t, int want, const char *unknown)
{
    char json[2][256], what[320];
    int i;
    snprintf(json[0], sizeof json[0], "{\"kind\":%s,\"note\":\"n\"}", t);
    snprintf(json[1], sizeof json[1], "{\"note\":\"n\",\"kind\":%s}", t);
    for (i = 0; i < 2; i++) {
        box b;
        mc_error err;
        snprintf(what, sizeof what, "%s decodes (%s)", json[i], i ? "table" : "fast path");
        CHECK(decode(&b, json[i], 0, &err) == MC_OK, what);
        CHECK(b.has_kind == MC_PRESENT && (int)b.kind == want, what);
        CHECK(b.has_note == MC_PRESENT && b.note.len == 1, what);
        if (want == BOX_KIND_UNKNOWN)
            CHECK(b.kind_unknown.data != NULL && strlen(unknown) == b.kind_unknown.len &&
                      memcmp(b.kind_unknown.data, unknown, b.kind_unknown.len) == 0,
                  what);
        else
            CHECK(b.kind_unknown.data == NULL, what);
        box_clear(&b, NULL);
        if (want == BOX_KIND_UNKNOWN) {
            snprintf(what, sizeof what, "%s is an unknown value with MC_DECODE_STRICT_ENUMS", json[i]);
            CHECK(decode(&b, json[i], MC_DECODE_STRICT_ENUMS, &err) == MC_ERR_UNKNOWN_ENUM, what);
            CHECK(err.offset == (size_t)(strstr(json[i], t) - json[i]), what);
            CHECK(strcmp(err.pointer, "/kind") == 0, what);
            box_clear(&b, NULL);
        }
    }
    printf("ok: %s\n", t);
}

/* json fails with code at offset off, pointer ptr, on both paths when the
 * enum comes first and when it comes after another member. */
static void error(const char *json, int code, size_t off, const char *ptr)
{
    box b;
    mc_error err;
    char what[320];
    snprintf(what, sizeof what, "%s fails with %d at %zu %s", json, code, off, ptr);
    CHECK(decode(&b, json, 0, &err) == code, what);
    CHECK(err.offset == off, what);
    CHECK(strcmp(err.pointer, ptr) == 0, what);
    box_clear(&b, NULL);
    printf("ok: %s fails at %zu\n", json, off);
}

int main(void)
{
    member("\"AB\"", BOX_KIND_AB, NULL);
    member("\"ABC\"", BOX_KIND_ABC, NULL);
    member("\"ABCD\"", BOX_KIND_UNKNOWN, "ABCD");
    member("\"A\"", BOX_KIND_UNKNOWN, "A");
    member("\"\"", BOX_KIND_EMPTY, NULL);
    member("\"\\u0041B\"", BOX_KIND_AB, NULL);
    member("\"A\\u0042\"", BOX_KIND_AB, NULL);
    member("\"a\\\"b\"", BOX_KIND_A_B, NULL);
    member("\"back\\\\slash\"", BOX_KIND_BACK_SLASH, NULL);
    member("\"tab\\there\"", BOX_KIND_TAB_HERE, NULL);
    member("\"caf\xc3\xa9\"", BOX_KIND_CAF_U00E9, NULL);
    member("\"caf\\u00e9\"", BOX_KIND_CAF_U00E9, NULL);
    member("\"caf\xc3\xa9s\"", BOX_KIND_UNKNOWN, "caf\xc3\xa9s");
    member("\"del\x7f\"", BOX_KIND_DEL, NULL);
    member("\"del\\u007f\"", BOX_KIND_DEL, NULL);
    member("\"del\x7f\x7f\"", BOX_KIND_UNKNOWN, "del\x7f\x7f");
    member("\"ABCDEFGHIJKLMNOPQRSTUVWXYZ\"", BOX_KIND_ABCDEFGHIJKLMNOPQRSTUVWXYZ, NULL);
    member("\"ABCDEFGHIJKLMNOPQRSTUVWXY\"", BOX_KIND_UNKNOWN, "ABCDEFGHIJKLMNOPQRSTUVWXY");
    member("\"ABCDEFGHIJKLMNOPQRSTUVWXYZ0\"", BOX_KIND_UNKNOWN, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0");

    /* the string or the input ends early; bad bytes after a member's text */
    error("{\"kind\":\"AB", MC_ERR_SYNTAX, 8, "/kind");
    error("{\"kind\":\"AB\"", MC_ERR_SYNTAX, 12, "");
    error("{\"kind\":\"ABCDEFGHIJKLMNOPQRSTUVWXYZ", MC_ERR_SYNTAX, 8, "/kind");
    error("{\"kind\":\"AB\tC\"}", MC_ERR_SYNTAX, 11, "/kind");
    error("{\"kind\":\"AB\xff\"}", MC_ERR_UTF8, 11, "/kind");
    error("{\"kind\":\"AB\\q\"}", MC_ERR_ESCAPE, 11, "/kind");
    error("{\"note\":\"n\",\"kind\":\"AB", MC_ERR_SYNTAX, 19, "/kind");
    error("{\"note\":\"n\",\"kind\":\"AB\\q\"}", MC_ERR_ESCAPE, 22, "/kind");
    error("{\"kind\":AB}", MC_ERR_SYNTAX, 8, "/kind");
    error("{\"kind\":null}", MC_ERR_NULL, 8, "/kind");
    return 0;
}
