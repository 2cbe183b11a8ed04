/*
 * member_names.c - a type whose member names need JSON escapes (built by
 * member_names.sh). The tables hold each name as JSON string text, so the
 * fast path, the table loop, error pointers and the encoder all agree:
 * decode in schema order and out of order, with keys spelled plainly or with
 * \u escapes, then encode back to exactly the canonical text.
 * Prints one "ok:" line per check; exits 1 at the first failure.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/check.h"

#include "out/models.h"


/* The canonical encoding: schema order, the shortest escapes. */
static const char canonical[] =
    "{\"plain\":\"1\",\"a\\\"b\":\"2\",\"back\\\\slash\":\"3\",\"tab\\there\":\"4\",\"caf\xc3\xa9\":\"5\"}";

static void expect_all(const odd *o, const char *what)
{
    CHECK(o->has_plain == MC_PRESENT && strcmp(o->plain.data, "1") == 0, what);
    CHECK(o->has_a_b == MC_PRESENT && strcmp(o->a_b.data, "2") == 0, what);
    CHECK(o->has_back_slash == MC_PRESENT && strcmp(o->back_slash.data, "3") == 0, what);
    CHECK(o->has_tab_here == MC_PRESENT && strcmp(o->tab_here.data, "4") == 0, what);
    CHECK(o->has_caf_u00e9 == MC_PRESENT && strcmp(o->caf_u00e9.data, "5") == 0, what);
}

static void round_trip(const char *json, const char *what)
{
    odd o;
    mc_error err;
    char *out = NULL;
    size_t n = 0;
    int rc = odd_from_json(&o, json, strlen(json), NULL, &err);
    if (rc != MC_OK)
        fprintf(stderr, "%s: %s at %zu %s\n", what, err.message, err.offset, err.pointer);
    CHECK(rc == MC_OK, what);
    CHECK(o.json_extra.len == 0, what); /* every member was known */
    expect_all(&o, what);
    CHECK(odd_to_json_string(&o, &out, &n, NULL) == MC_OK, what);
    CHECK(n == strlen(canonical) && strcmp(out, canonical) == 0, what);
    free(out);
    odd_clear(&o, NULL);
    printf("ok: %s\n", what);
}

int main(void)
{
    odd o;
    mc_error err;
    round_trip(canonical, "schema order (the generated fast path)");
    round_trip("{\"caf\xc3\xa9\":\"5\",\"tab\\there\":\"4\",\"back\\\\slash\":\"3\",\"a\\\"b\":\"2\",\"plain\":\"1\"}",
               "reverse order (the table loop)");
    round_trip("{\"plain\":\"1\",\"a\\u0022b\":\"2\",\"back\\u005Cslash\":\"3\",\"tab\\u0009here\":\"4\",\"caf\\u00e9\":\"5\"}",
               "keys spelled with \\u escapes");
    round_trip("{\"a\\\"b\":\"2\",\"plain\":\"1\",\"caf\\u00E9\":\"5\",\"back\\\\slash\":\"3\",\"tab\\there\":\"4\"}",
               "mixed order and spelling");

    /* a wrong value under an escaped name: the pointer holds the real name */
    CHECK(odd_from_json(&o, "{\"plain\":\"1\",\"a\\\"b\":7}", 22, NULL, &err) == MC_ERR_TYPE, "type error");
    CHECK(strcmp(err.pointer, "/a\"b") == 0, "pointer of a\"b");
    CHECK(odd_from_json(&o, "{\"tab\\there\":false}", 19, NULL, &err) == MC_ERR_TYPE, "type error");
    CHECK(strcmp(err.pointer, "/tab\there") == 0, "pointer of tab\\there");
    printf("ok: error pointers carry the unescaped names\n");

    /* the same name twice, spelled two ways, is a duplicate */
    CHECK(odd_from_json(&o, "{\"back\\\\slash\":\"3\",\"back\\u005cslash\":\"3\"}", 39, NULL, &err) ==
              MC_ERR_DUPLICATE_KEY,
          "duplicate");
    printf("ok: a name spelled two ways is a duplicate\n");
    return 0;
}
