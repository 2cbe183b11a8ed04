/*
 * test_mustache.c - the template engine, area by area, as a spec: each test
 * renders a template against data written inline as JSON and compares the
 * output byte for byte; error tests compare code, line and column exactly.
 * The spec's own files are run by tests/conformance/run-mustache-spec.sh;
 * this file must not need ../shared.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "data.h"
#include "diag.h"
#include "load.h"
#include "mustache.h"

static gen_arena arena;

static int setup(void **state)
{
    (void)state;
    gen_arena_init(&arena);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    gen_arena_dispose(&arena);
    return 0;
}

/* JSON text to a data tree, through the loader (as `modelc render` does). */
static gen_data *json(const char *text)
{
    char path[] = "/tmp/modelc-mustache-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    size_t n = strlen(text);
    assert_int_equal(write(fd, text, n), (ssize_t)n);
    close(fd);
    gen_diag diag;
    gen_diag_init(&diag, stderr);
    gen_data *d = gen_load_data(&arena, &diag, path);
    gen_diag_dispose(&diag);
    unlink(path);
    assert_non_null(d);
    return d;
}

/* Partials for a test: "name", "source" pairs, NULL-terminated. */
typedef struct partials {
    const char *const *pairs;
    mustache_template *compiled[16];
} partials;

static const mustache_template *find_partial(void *ctx, const char *name, size_t len,
                                             mustache_error *err)
{
    partials *p = ctx;
    for (size_t i = 0; p->pairs && p->pairs[i]; i += 2) {
        if (strlen(p->pairs[i]) == len && memcmp(p->pairs[i], name, len) == 0) {
            if (!p->compiled[i / 2]) {
                char *file = gen_arena_printf(&arena, "%s.mustache", p->pairs[i]);
                if (mustache_compile(&p->compiled[i / 2], &arena, file, p->pairs[i + 1],
                                     strlen(p->pairs[i + 1]), err) != 0)
                    return NULL;
            }
            return p->compiled[i / 2];
        }
    }
    return NULL;
}

/* Renders template against data with opt (partials from pairs); returns the
 * output in the arena, or NULL with *err filled. */
static const char *render_full(const char *template, const char *data_json,
                               mustache_options opt, const char *const *pairs,
                               mustache_error *err)
{
    mustache_template *t;
    if (mustache_compile(&t, &arena, "t.mustache", template, strlen(template), err) != 0) {
        assert_null(t);
        return NULL;
    }
    partials p = {pairs, {0}};
    opt.partial = find_partial;
    opt.partial_ctx = &p;
    mustache_buf out;
    mustache_buf_init(&out);
    mustache_buf_puts(&out, "KEEP");
    int rc = mustache_render(t, data_json ? json(data_json) : NULL, &opt, &out, err);
    const char *s = NULL;
    if (rc == 0) {
        assert_memory_equal(out.data, "KEEP", 4);
        s = gen_arena_strndup(&arena, out.data + 4, out.len - 4);
    } else {
        assert_int_equal(rc, err->code);
        assert_string_equal(out.data, "KEEP"); /* restored on error */
    }
    mustache_buf_dispose(&out);
    return s;
}

static const mustache_options spec_opts = MUSTACHE_OPTIONS_SPEC;
static const mustache_options c_opts = MUSTACHE_OPTIONS_C;

#define RENDER(tpl, data, expected)                                              \
    do {                                                                         \
        mustache_error e_;                                                       \
        const char *got_ = render_full(tpl, data, spec_opts, NULL, &e_);         \
        if (!got_)                                                               \
            fail_msg("%s:%u:%u: %s", e_.file, e_.line, e_.col, e_.message);      \
        assert_string_equal(got_, expected);                                     \
    } while (0)

#define RENDER_P(tpl, data, pairs, expected)                                     \
    do {                                                                         \
        mustache_error e_;                                                       \
        const char *got_ = render_full(tpl, data, spec_opts, pairs, &e_);        \
        if (!got_)                                                               \
            fail_msg("%s:%u:%u: %s", e_.file, e_.line, e_.col, e_.message);      \
        assert_string_equal(got_, expected);                                     \
    } while (0)

/* Expects an error: code, line, column. */
static void expect_error(const char *tpl, const char *data, mustache_options opt,
                         const char *const *pairs, int code, unsigned line, unsigned col,
                         const char *file)
{
    mustache_error e;
    const char *got = render_full(tpl, data, opt, pairs, &e);
    if (got)
        fail_msg("expected error %d, rendered '%s'", code, got);
    if (e.code != code || e.line != line || e.col != col)
        fail_msg("expected %d at %u:%u, got %d at %u:%u: %s", code, line, col, e.code, e.line,
                 e.col, e.message);
    assert_string_equal(e.file, file);
}

/* ---- interpolation ---------------------------------------------------- */

static void test_mustache_interpolation(void **state)
{
    (void)state;
    RENDER("Hello, {{name}}!", "{\"name\": \"World\"}", "Hello, World!");
    RENDER("{{x}}|{{{x}}}|{{&x}}", "{\"x\": \"& \\\" < >\"}",
           "&amp; &quot; &lt; &gt;|& \" < >|& \" < >");
    RENDER("{{ x }}|{{{ x }}}|{{& x }}", "{\"x\": 1}", "1|1|1");
    RENDER("{{a.b.c}}", "{\"a\": {\"b\": {\"c\": \"deep\"}}}", "deep");
    RENDER("{{a.b.c}}", "{\"a\": {\"b\": {}}, \"c\": \"no\"}", "");
    RENDER("{{#a}}{{b.c}}{{/a}}", "{\"a\": {\"b\": {}}, \"b\": {\"c\": \"ERROR\"}}", "");
    RENDER("{{.}}", "\"root\"", "root");
    RENDER("{{n}} {{f}} {{neg}} {{big}} {{t}} {{no}} [{{nil}}]",
           "{\"n\": 85, \"f\": 1.210, \"neg\": -3, \"big\": 1e20, \"t\": true, \"no\": false, "
           "\"nil\": null}",
           "85 1.21 -3 1e+20 true false []");
    RENDER("[{{missing}}] [{{a.missing}}]", "{\"a\": {}}", "[] []");
}

static void test_mustache_escape_choice(void **state)
{
    (void)state;
    mustache_error e;
    mustache_options none = spec_opts;
    none.escape = MUSTACHE_ESCAPE_NONE;
    assert_string_equal(render_full("{{x}}", "{\"x\": \"a<b && c>\\\"d\\\"\"}", none, NULL, &e),
                        "a<b && c>\"d\"");
    assert_string_equal(render_full("{{x}}", "{\"x\": \"a<b\"}", spec_opts, NULL, &e), "a&lt;b");
}

static void test_mustache_missing_variable_policy(void **state)
{
    (void)state;
    mustache_error e;
    /* spec: empty */
    assert_string_equal(render_full("a{{x}}b", "{}", spec_opts, NULL, &e), "ab");
    /* C templates: an error at the tag */
    expect_error("int f(void);\n  return {{ value }};\n", "{}", c_opts, NULL,
                 MUSTACHE_E_MISSING_VARIABLE, 2, 10, "t.mustache");
    expect_error("{{#a}}\n{{a.b}}{{/a}}", "{\"a\": {}}", c_opts, NULL,
                 MUSTACHE_E_MISSING_VARIABLE, 2, 1, "t.mustache");
    /* lists and maps cannot be printed in C templates */
    expect_error("x {{l}}", "{\"l\": [1]}", c_opts, NULL, MUSTACHE_E_NOT_A_VALUE, 1, 3,
                 "t.mustache");
    /* a section over a missing name is just false, even in strict mode */
    assert_string_equal(render_full("[{{#x}}y{{/x}}{{^x}}n{{/x}}]", "{}", c_opts, NULL, &e),
                        "[n]");
    /* null is present: empty */
    assert_string_equal(render_full("[{{x}}]", "{\"x\": null}", c_opts, NULL, &e), "[]");
}

/* ---- sections --------------------------------------------------------- */

static void test_mustache_sections(void **state)
{
    (void)state;
    RENDER("{{#b}}yes{{/b}}{{^b}}no{{/b}}", "{\"b\": true}", "yes");
    RENDER("{{#b}}yes{{/b}}{{^b}}no{{/b}}", "{\"b\": false}", "no");
    RENDER("{{#l}}{{n}},{{/l}}", "{\"l\": [{\"n\": 1}, {\"n\": 2}, {\"n\": 3}]}", "1,2,3,");
    RENDER("{{#l}}{{.}};{{/l}}", "{\"l\": [\"a\", 2, true]}", "a;2;true;");
    RENDER("{{#l}}x{{/l}}{{^l}}empty{{/l}}", "{\"l\": []}", "empty");
    RENDER("{{#s}}[{{.}}]{{/s}}", "{\"s\": \"\"}", "[]"); /* "" is truthy */
    RENDER("{{#m}}{{a}}{{b}}{{/m}}", "{\"m\": {\"a\": 1}, \"b\": 2}", "12");
    RENDER("{{#a}}{{#b}}{{#c}}{{x}}{{y}}{{z}}{{/c}}{{/b}}{{/a}}",
           "{\"a\": {\"x\": 1}, \"b\": {\"y\": 2}, \"c\": {\"z\": 3}}", "123");
    RENDER("{{#a.b}}{{c}}{{/a.b}}", "{\"a\": {\"b\": {\"c\": \"ok\"}}}", "ok");
    RENDER("{{#l}}{{#.}}{{.}}{{/.}}|{{/l}}", "{\"l\": [[1, 2], [3]]}", "12|3|");
}

static void test_mustache_comments(void **state)
{
    (void)state;
    RENDER("a{{! comment }}b", "{}", "ab");
    RENDER("a{{!\nmulti\nline\n}}b", "{}", "ab");
    RENDER("a\n  {{! standalone }}\nb", "{}", "a\nb");
    RENDER("a\n{{! }}", "{}", "a\n");
    RENDER("a {{! inline }}\n", "{}", "a \n");
}

/* ---- standalone lines ------------------------------------------------- */

static void test_mustache_standalone_lines(void **state)
{
    (void)state;
    RENDER("|\n  {{#b}}\n  x\n  {{/b}}\n|", "{\"b\": true}", "|\n  x\n|");
    RENDER("|\r\n{{#b}}\r\nx\r\n{{/b}}\r\n|", "{\"b\": true}", "|\r\nx\r\n|");
    RENDER("  {{#b}}\nx\n{{/b}}", "{\"b\": true}", "x\n"); /* no previous line, no newline */
    RENDER(" {{#b}}x{{/b}} \n", "{\"b\": true}", " x \n");  /* not standalone */
    RENDER("{{x}}\n{{#b}}\n{{/b}}\n", "{\"x\": \"v\", \"b\": false}", "v\n");
    RENDER("\t{{^b}}\t\nno\n\t{{/b}}\t\n", "{\"b\": false}", "no\n");
    RENDER("a {{x}}\n", "{\"x\": \"\"}", "a \n"); /* interpolation is never standalone */
}

/* ---- partials --------------------------------------------------------- */

static void test_mustache_partials(void **state)
{
    (void)state;
    static const char *const p1[] = {"p", "[{{x}}]", NULL};
    RENDER_P("a{{>p}}b", "{\"x\": 1}", p1, "a[1]b");
    RENDER_P("a{{> p }}b{{>nope}}c", "{\"x\": 1}", p1, "a[1]bc");
    static const char *const p2[] = {"p", "|\n{{{c}}}\n|\n", NULL};
    RENDER_P("\\\n {{>p}}\n/\n", "{\"c\": \"<\\n->\"}", p2, "\\\n |\n <\n->\n |\n/\n");
    /* indentation accumulates through nested standalone partials */
    static const char *const p3[] = {"outer", "o1\n  {{>inner}}\no2\n", "inner", "i1\ni2\n",
                                     NULL};
    RENDER_P("  {{>outer}}\nend", "{}", p3, "  o1\n    i1\n    i2\n  o2\nend");
    /* inline partials are not indented, later lines keep the outer indentation */
    static const char *const p4[] = {"p", ">\n>", NULL};
    RENDER_P("  {{x}}  {{>p}}\n", "{\"x\": \"|\"}", p4, "  |  >\n>\n");
    /* blank lines of an indented partial stay blank */
    static const char *const p5[] = {"p", "a\n\nb\n", NULL};
    RENDER_P("  {{>p}}", "{}", p5, "  a\n\n  b\n");
    /* recursion over data stops by itself */
    static const char *const p6[] = {"node", "{{v}}({{#kids}}{{>node}}{{/kids}})", NULL};
    RENDER_P("{{>node}}", "{\"v\": 1, \"kids\": [{\"v\": 2, \"kids\": [{\"v\": 3, \"kids\": []}]}]}",
             p6, "1(2(3()))");
}

static void test_mustache_partial_errors(void **state)
{
    (void)state;
    static const char *const none[] = {NULL};
    expect_error("line one\n  {{> missing}}\n", "{}", c_opts, none, MUSTACHE_E_UNKNOWN_PARTIAL,
                 2, 3, "t.mustache");
    /* an error inside a partial is reported in the partial's file */
    static const char *const bad[] = {"p", "ok\n{{#open}}\n", NULL};
    expect_error("{{>p}}", "{}", spec_opts, bad, MUSTACHE_E_UNCLOSED_SECTION, 2, 1, "p.mustache");
    static const char *const strict[] = {"p", "x\n  {{v}}", NULL};
    expect_error("{{>p}}", "{}", c_opts, strict, MUSTACHE_E_MISSING_VARIABLE, 2, 3, "p.mustache");
    /* unbounded recursion is an error, not a stack overflow */
    static const char *const rec[] = {"r", "x{{>r}}", NULL};
    expect_error("{{>r}}", "{}", spec_opts, rec, MUSTACHE_E_TOO_DEEP, 1, 2, "r.mustache");
    static const char *const rec2[] = {"a", "{{#l}}{{>b}}{{/l}}", "b", "{{>a}}", NULL};
    expect_error("{{>a}}", "{\"l\": [1]}", spec_opts, rec2, MUSTACHE_E_TOO_DEEP, 1, 1,
                 "a.mustache");
}

/* ---- delimiters ------------------------------------------------------- */

static void test_mustache_delimiters(void **state)
{
    (void)state;
    RENDER("{{=<% %>=}}(<%x%>) {{x}}", "{\"x\": 1}", "(1) {{x}}");
    RENDER("{{= | | =}}|#b|[|x|]|/b|", "{\"b\": true, \"x\": 2}", "[2]");
    RENDER("{{=[ ]=}}[#l][.][/l][={{ }}=]{{x}}", "{\"l\": [1, 2], \"x\": 3}", "123");
    RENDER("a\n  {{=@ @=}}\nb @x@\n", "{\"x\": 1}", "a\nb 1\n");
    RENDER("{{=<% %>=}}<%{x}%> <%&x%>", "{\"x\": \"<\"}", "< <");
    static const char *const p[] = {"p", "{{x}}", NULL}; /* partials keep the default */
    RENDER_P("{{=| |=}}|>p|", "{\"x\": 5}", p, "5");
}

/* ---- errors ----------------------------------------------------------- */

static void test_mustache_compile_errors(void **state)
{
    (void)state;
    static const struct {
        const char *tpl;
        int code;
        unsigned line, col;
    } cases[] = {
        {"a\nb {{#sec}}\nc\n", MUSTACHE_E_UNCLOSED_SECTION, 2, 3},
        {"{{#a}}{{#b}}\n{{/a}}", MUSTACHE_E_MISMATCHED_CLOSE, 2, 1},
        {"x\n  {{/a}}", MUSTACHE_E_UNEXPECTED_CLOSE, 2, 3},
        {"ok {{name", MUSTACHE_E_UNCLOSED_TAG, 1, 4},
        {"ok {{{name}}", MUSTACHE_E_UNCLOSED_TAG, 1, 4},
        {"\n\n   {{=<% %>=}}\n<% x", MUSTACHE_E_UNCLOSED_TAG, 4, 1},
        {"{{= x =}}", MUSTACHE_E_BAD_DELIMITER, 1, 1},
        {"a {{=a b c=}}", MUSTACHE_E_BAD_DELIMITER, 1, 3},
        {"{{=a= b=}}", MUSTACHE_E_BAD_DELIMITER, 1, 1},
        {"{{}}", MUSTACHE_E_BAD_NAME, 1, 1},
        {"{{a b}}", MUSTACHE_E_BAD_NAME, 1, 1},
        {"{{a..b}}", MUSTACHE_E_BAD_NAME, 1, 1},
        {"{{#.a}}{{/.a}}", MUSTACHE_E_BAD_NAME, 1, 1},
        {"{{>}}", MUSTACHE_E_BAD_NAME, 1, 1},
        {"h\xc3\xa9h\xc3\xa9 {{/x}}", MUSTACHE_E_UNEXPECTED_CLOSE, 1, 6}, /* columns are characters */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        mustache_template *t = (mustache_template *)1;
        mustache_error e;
        int rc = mustache_compile(&t, &arena, "bad.mustache", cases[i].tpl, strlen(cases[i].tpl), &e);
        if (rc != cases[i].code || e.line != cases[i].line || e.col != cases[i].col)
            fail_msg("case %zu '%s': expected %d at %u:%u, got %d at %u:%u: %s", i, cases[i].tpl,
                     cases[i].code, cases[i].line, cases[i].col, rc, e.line, e.col, e.message);
        assert_null(t);
        assert_string_equal(e.file, "bad.mustache");
    }
}

static void test_mustache_error_print(void **state)
{
    (void)state;
    mustache_template *t;
    mustache_error e;
    const char *src = "line\n\tx {{#a}}\n";
    assert_int_equal(mustache_compile(&t, &arena, "f.mustache", src, strlen(src), &e),
                     MUSTACHE_E_UNCLOSED_SECTION);
    char buf[512] = {0};
    FILE *f = fmemopen(buf, sizeof buf - 1, "w");
    assert_non_null(f);
    mustache_error_print(&e, f);
    fclose(f);
    assert_string_equal(buf, "f.mustache:2:4: error: unclosed section 'a': no close tag before "
                             "the end of the template\n \tx {{#a}}\n \t  ^\n");
    assert_string_equal(mustache_code_text(MUSTACHE_E_UNKNOWN_PARTIAL), "unknown partial");
    assert_string_equal(mustache_code_text(12345), "unknown code");
}

/* ---- bounds and malformed input ---------------------------------------- */

static void test_mustache_deep_nesting(void **state)
{
    (void)state;
    size_t depth = 10000;
    mustache_buf b;
    mustache_buf_init(&b);
    for (size_t i = 0; i < depth; i++)
        mustache_buf_puts(&b, "{{#a}}");
    for (size_t i = 0; i < depth; i++)
        mustache_buf_puts(&b, "{{/a}}");
    mustache_template *t;
    mustache_error e;
    assert_int_equal(mustache_compile(&t, &arena, "deep.mustache", b.data, b.len, &e),
                     MUSTACHE_E_TOO_DEEP);
    assert_int_equal(e.line, 1);
    assert_int_equal(e.col, MUSTACHE_MAX_NESTING * 6 + 1);
    /* exactly at the limit compiles and renders */
    b.len = 0;
    for (size_t i = 0; i < MUSTACHE_MAX_NESTING; i++)
        mustache_buf_puts(&b, "{{#a}}");
    mustache_buf_puts(&b, "x");
    for (size_t i = 0; i < MUSTACHE_MAX_NESTING; i++)
        mustache_buf_puts(&b, "{{/a}}");
    assert_int_equal(mustache_compile(&t, &arena, "deep.mustache", b.data, b.len, &e), 0);
    mustache_buf out;
    mustache_buf_init(&out);
    assert_int_equal(mustache_render(t, json("{\"a\": true}"), NULL, &out, &e), 0);
    assert_string_equal(out.data, "x");
    mustache_buf_dispose(&out);
    mustache_buf_dispose(&b);
}

/* Cuts and mutates a template at every position: compile and render must
 * return, never crash (run under ASan/valgrind by make sanitize/valgrind). */
static void test_mustache_malformed(void **state)
{
    (void)state;
    static const char *const seeds[] = {
        "{{#a}}\n  {{>p}}\n{{/a}}{{=<% %>=}}<%x%><%={{ }}=%>{{{y}}}{{^b}}{{! c }}{{/b}}",
        "{{<p}}{{$b}}x{{/b}}{{/p}}{{$c}}d{{/c}}{{>*dyn}}{{&z}}{{a.b.c}}",
    };
    static const char *const pp[] = {"p", "{{$b}}q{{/b}}{{>p}}", NULL};
    const char *bytes = "{}#^/!=<>$&*. \n\r";
    uint32_t seed = 12345;
    for (size_t s = 0; s < 2; s++) {
        size_t n = strlen(seeds[s]);
        char *buf = malloc(n + 1);
        for (size_t cut = 0; cut <= n; cut++) {
            for (int m = 0; m < 4; m++) {
                memcpy(buf, seeds[s], n + 1);
                seed = seed * 1103515245u + 12345u;
                if (m && cut < n)
                    buf[cut] = bytes[(seed >> 16) % strlen(bytes)];
                size_t len = m == 3 ? n : cut;
                mustache_template *t;
                mustache_error e;
                if (mustache_compile(&t, &arena, "fuzz.mustache", buf, len, &e) != 0) {
                    assert_true(e.code < 0);
                    assert_true(e.line >= 1);
                    continue;
                }
                partials p = {pp, {0}};
                mustache_options opt = spec_opts;
                opt.partial = find_partial;
                opt.partial_ctx = &p;
                mustache_buf out;
                mustache_buf_init(&out);
                int rc = mustache_render(t, NULL, &opt, &out, &e);
                assert_true(rc == 0 || rc == MUSTACHE_E_TOO_DEEP || rc < 0);
                mustache_buf_dispose(&out);
            }
        }
        free(buf);
    }
}

/* ---- reuse -------------------------------------------------------------- */

static void test_mustache_compile_once_render_many(void **state)
{
    (void)state;
    mustache_template *t;
    mustache_error e;
    const char *src = "typedef struct {{name}} {{name}};\n";
    assert_int_equal(mustache_compile(&t, &arena, "m.mustache", src, strlen(src), &e), 0);
    assert_string_equal(mustache_template_name(t), "m.mustache");
    mustache_buf out;
    mustache_buf_init(&out);
    mustache_options opt = MUSTACHE_OPTIONS_C;
    const char *names[] = {"a", "bb", "ccc"};
    for (int i = 0; i < 3; i++) {
        gen_data *d = gen_data_map(&arena);
        gen_data_set_str(&arena, d, "name", names[i]);
        assert_int_equal(mustache_render(t, d, &opt, &out, &e), 0);
    }
    assert_string_equal(out.data, "typedef struct a a;\ntypedef struct bb bb;\n"
                                  "typedef struct ccc ccc;\n");
    /* empty template, NULL data */
    out.len = 0;
    assert_int_equal(mustache_compile(&t, &arena, "e.mustache", "", 0, &e), 0);
    assert_int_equal(mustache_render(t, NULL, NULL, &out, &e), 0);
    assert_int_equal(out.len, 0);
    mustache_buf_dispose(&out);
    /* static partial names are listed once each, dynamic ones not */
    src = "{{>a}}{{>b}}{{>a}}{{<c}}{{/c}}{{>*d}}";
    assert_int_equal(mustache_compile(&t, &arena, "p.mustache", src, strlen(src), &e), 0);
    assert_int_equal(mustache_template_partial_count(t), 3);
    const char *pn;
    size_t pl;
    mustache_template_partial(t, 2, &pn, &pl);
    assert_int_equal(pl, 1);
    assert_memory_equal(pn, "c", 1);
}

/* ---- optional modules ------------------------------------------------- */

static void test_mustache_inheritance(void **state)
{
    (void)state;
    RENDER("{{$t}}Default{{/t}}", "{}", "Default");
    static const char *const p1[] = {"super", "<{{$title}}Default{{/title}}|{{$x}}X{{/x}}>", NULL};
    RENDER_P("{{<super}}{{$title}}Mine{{/title}}{{/super}}", "{}", p1, "<Mine|X>");
    RENDER_P("{{<super}} ignored {{/super}}", "{}", p1, "<Default|X>");
    static const char *const p2[] = {"parent", "{{<older}}{{$a}}p{{/a}}{{/older}}", "older",
                                     "{{<grand}}{{$a}}o{{/a}}{{/grand}}", "grand", "{{$a}}g{{/a}}",
                                     NULL};
    RENDER_P("{{<parent}}{{$a}}c{{/a}}{{/parent}}", "{}", p2, "c");
    RENDER_P("{{<parent}}{{/parent}}", "{}", p2, "p");
    static const char *const p3[] = {"parent", "{{#nested}}{{$block}}You say {{fruit}}.{{/block}}{{/nested}}", NULL};
    RENDER_P("{{<parent}}{{$block}}I say {{fruit}}.{{/block}}{{/parent}}",
             "{\"fruit\": \"apples\", \"nested\": {\"fruit\": \"bananas\"}}", p3, "I say bananas.");
    /* the use the generator has: override one block of a built-in template */
    static const char *const p4[] = {"struct",
                                     "typedef struct {{name}} {\n"
                                     "    {{$fields}}int x;{{/fields}}\n"
                                     "} {{name}};\n", NULL};
    RENDER_P("{{<struct}}{{$fields}}long y;{{/fields}}{{/struct}}", "{\"name\": \"s\"}", p4,
             "typedef struct s {\n    long y;\n} s;\n");
    expect_error("{{<p}}{{$a}}{{/p}}", "{}", spec_opts, NULL, MUSTACHE_E_MISMATCHED_CLOSE, 1, 13,
                 "t.mustache");
    /* standalone parent and block lines, reindentation of overrides */
    static const char *const p5[] = {"parent", "Hi,\n  {{$block}}\n  {{/block}}\n", NULL};
    RENDER_P("{{<parent}}{{$block}}\n    one\n    two\n{{/block}}{{/parent}}\n", "{}", p5,
             "Hi,\n  one\n  two\n");
    static const char *const p6[] = {"parent", "one\ntwo\n", NULL};
    RENDER_P("Hi,\n  {{<parent}}{{/parent}}\n", "{}", p6, "Hi,\n  one\n  two\n");
    static const char *const p7[] = {"parent", "Hi,\n{{$block}}\n  default\n{{/block}}\n", NULL};
    RENDER_P("{{<parent}}{{$block}}\none\ntwo\n{{/block}}{{/parent}}\n", "{}", p7,
             "Hi,\n  one\n  two\n");
    RENDER_P("{{<parent}}{{/parent}}", "{}", p7, "Hi,\n  default\n");
}

static void test_mustache_dynamic_names(void **state)
{
    (void)state;
    static const char *const p[] = {"text", "T:{{content}}", "image", "I:{{url}}", NULL};
    RENDER_P("{{#items}}{{>*kind}};{{/items}}",
             "{\"items\": [{\"kind\": \"text\", \"content\": \"hi\"}, "
             "{\"kind\": \"image\", \"url\": \"u\"}, {\"kind\": \"nope\"}, {}]}",
             p, "T:hi;I:u;;;");
    RENDER_P("{{> * a.b }}", "{\"a\": {\"b\": \"text\"}, \"content\": 1}", p, "T:1");
    static const char *const none[] = {NULL};
    expect_error("\n {{>*kind}}", "{}", c_opts, none, MUSTACHE_E_MISSING_VARIABLE, 2, 2,
                 "t.mustache");
    /* names from data cannot be partial names that are not strings */
    RENDER_P("[{{>*n}}]", "{\"n\": 5}", p, "[]");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_mustache_interpolation, setup, teardown),
        cmocka_unit_test_setup_teardown(test_mustache_escape_choice, setup, teardown),
        cmocka_unit_test_setup_teardown(test_mustache_missing_variable_policy, setup, teardown),
        cmocka_unit_test_setup_teardown(test_mustache_sections, setup, teardown),
        cmocka_unit_test_setup_teardown(test_mustache_comments, setup, teardown),
        cmocka_unit_test_setup_teardown(test_mustache_standalone_lines, setup, teardown),
        cmocka_unit_test_setup_teardown(test_mustache_partials, setup, teardown),
        cmocka_unit_test_setup_teardown(test_mustache_partial_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_mustache_delimiters, setup, teardown),
        cmocka_unit_test_setup_teardown(test_mustache_compile_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_mustache_error_print, setup, teardown),
        cmocka_unit_test_setup_teardown(test_mustache_deep_nesting, setup, teardown),
        cmocka_unit_test_setup_teardown(test_mustache_malformed, setup, teardown),
        cmocka_unit_test_setup_teardown(test_mustache_compile_once_render_many, setup, teardown),
        cmocka_unit_test_setup_teardown(test_mustache_inheritance, setup, teardown),
        cmocka_unit_test_setup_teardown(test_mustache_dynamic_names, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
