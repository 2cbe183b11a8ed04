/*
 * mustache.c - compiler and renderer for mustache templates (see mustache.h).
 *
 * Compiling turns the source into a flat array of nodes in document order; a
 * node with children (section, inverted section, parent, block) records the
 * index just past its last child, so the renderer walks ranges of the array
 * and the parser needs no recursion: nesting is an explicit, bounded stack.
 * Standalone-line rules are applied once, while compiling: a standalone
 * tag's line (indentation and newline) never becomes text, and the
 * indentation of a standalone partial or parent is kept on its node.
 *
 * Rendering recurses once per open section, partial, parent or block, bounded
 * by MUSTACHE_MAX_DEPTH.  Partial indentation is applied to template text
 * only (not to interpolated data, as the spec requires): the renderer tracks
 * whether it stands at the beginning of a template line and writes the
 * current indentation lazily before the next output on that line, so a
 * partial's trailing newline never leaves stray indentation behind.
 * Output is appended to a growable buffer, so rendering is linear in the
 * output size.
 */
#include "mustache.h"

#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ---- errors ----------------------------------------------------------- */

const char *mustache_code_text(int code)
{
    switch (code) {
#define MUSTACHE_TEXT_(name, value, text) \
    case value:                           \
        return text;
        MUSTACHE_CODES(MUSTACHE_TEXT_)
#undef MUSTACHE_TEXT_
    default:
        return "unknown code";
    }
}

void mustache_error_clear(mustache_error *e)
{
    if (!e)
        return;
    e->code = MUSTACHE_OK;
    e->line = e->col = 0;
    e->file[0] = e->message[0] = e->source_line[0] = '\0';
}

static void copy_str(char *dst, size_t cap, const char *src)
{
    size_t n = src ? strlen(src) : 0;
    if (n >= cap)
        n = cap - 1;
    if (n)
        memcpy(dst, src, n);
    dst[n] = '\0';
}

int mustache_error_set(mustache_error *e, int code, const char *file, unsigned line,
                       unsigned col, const char *fmt, ...)
{
    if (!e)
        return code;
    e->code = code;
    e->line = line;
    e->col = col;
    copy_str(e->file, sizeof e->file, file);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->message, sizeof e->message, fmt, ap);
    va_end(ap);
    e->source_line[0] = '\0';
    return code;
}

void mustache_error_print(const mustache_error *e, FILE *out)
{
    if (e->line)
        fprintf(out, "%s:%u:%u: error: %s\n", e->file, e->line, e->col, e->message);
    else
        fprintf(out, "%s: error: %s\n", e->file, e->message);
    if (e->line && e->source_line[0]) {
        fprintf(out, " %s\n ", e->source_line);
        unsigned c = 1;
        for (const char *q = e->source_line; *q && c < e->col; q++) {
            if (((unsigned char)*q & 0xC0) == 0x80)
                continue;
            fputc(*q == '\t' ? '\t' : ' ', out);
            c++;
        }
        fputs("^\n", out);
    }
}

/* Finds the 1-based line and byte column of offset pos in src and copies
 * that line (without its newline, truncated) into the error record. */
static int error_at(mustache_error *e, int code, const char *file, const char *src, size_t len,
                    size_t pos, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 7, 8)))
#endif
    ;

static int error_at(mustache_error *e, int code, const char *file, const char *src, size_t len,
                    size_t pos, const char *fmt, ...)
{
    if (!e)
        return code;
    if (pos > len)
        pos = len;
    unsigned line = 1;
    size_t ls = 0;
    for (size_t i = 0; i < pos; i++) {
        if (src[i] == '\n') {
            line++;
            ls = i + 1;
        }
    }
    /* Columns count characters (UTF-8 code points), as the diagnostics do. */
    unsigned col = 1;
    for (size_t i = ls; i < pos; i++)
        if (((unsigned char)src[i] & 0xC0) != 0x80)
            col++;
    mustache_error_set(e, code, file, line, col, "%s", "");
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->message, sizeof e->message, fmt, ap);
    va_end(ap);
    size_t le = ls;
    while (le < len && src[le] != '\n' && src[le] != '\r' && le - ls < sizeof e->source_line - 1)
        le++;
    size_t n = le - ls;
    memcpy(e->source_line, src + ls, n);
    e->source_line[n] = '\0';
    for (size_t i = 0; i < n; i++)
        if (e->source_line[i] == '\0')
            e->source_line[i] = ' ';
    return code;
}

/* ---- buffer ----------------------------------------------------------- */

void mustache_buf_init(mustache_buf *b)
{
    b->data = NULL;
    b->len = b->cap = 0;
}

void mustache_buf_dispose(mustache_buf *b)
{
    free(b->data);
    mustache_buf_init(b);
}

void mustache_buf_append(mustache_buf *b, const char *s, size_t n)
{
    if (b->cap - b->len <= n) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap - b->len <= n) {
            if (cap > SIZE_MAX / 2)
                gen_oom();
            cap *= 2;
        }
        b->data = gen_xrealloc(b->data, cap);
        b->cap = cap;
    }
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void mustache_buf_puts(mustache_buf *b, const char *s)
{
    mustache_buf_append(b, s, strlen(s));
}

static void buf_truncate(mustache_buf *b, size_t len)
{
    b->len = len;
    if (b->data)
        b->data[len] = '\0';
}

/* ---- compiled form ------------------------------------------------------ */

enum node_kind {
    N_TEXT,
    N_VAR,      /* {{x}}: escaped per options */
    N_RAW,      /* {{{x}}} and {{&x}} */
    N_SECTION,  /* {{#x}} */
    N_INVERTED, /* {{^x}} */
    N_PARTIAL,  /* {{>x}} */
    N_PARENT,   /* {{<x}} */
    N_BLOCK     /* {{$x}} */
};

typedef struct mnode {
    unsigned char kind;
    bool dynamic;        /* partial/parent name is *dotted.name */
    size_t pos;          /* offset of the tag (or text) in the source */
    const char *str;     /* text, or the name (without '*') */
    size_t len;
    const char *indent;  /* standalone partial/parent/block: its indentation */
    size_t indent_len;
    size_t end;          /* nodes with children: index past the last child */
    bool standalone;     /* block: its open tag stood alone on its line */
    const char *site;    /* standalone block: indentation an override gets */
    size_t site_len;
} mnode;

typedef struct name_ref {
    const char *s;
    size_t len;
} name_ref;

struct mustache_template {
    const char *name;
    const char *src;
    size_t src_len;
    mnode *nodes;
    size_t count;
    name_ref *partials;
    size_t npartials;
};

const char *mustache_template_name(const mustache_template *t) { return t->name; }

size_t mustache_template_partial_count(const mustache_template *t) { return t->npartials; }

void mustache_template_partial(const mustache_template *t, size_t i, const char **name,
                               size_t *len)
{
    *name = t->partials[i].s;
    *len = t->partials[i].len;
}

/* ---- compiler --------------------------------------------------------- */

typedef struct open_tag {
    size_t node;         /* index of the section/parent/block node */
    const char *content; /* trimmed tag content, for matching the close tag */
    size_t content_len;
    char kind;           /* '#', '^', '<' or '$' */
} open_tag;

typedef struct cstate {
    const char *name;
    const char *src;
    size_t len;
    mnode *nodes;
    size_t count, cap;
    name_ref *partials;
    size_t npartials, pcap;
    open_tag open[MUSTACHE_MAX_NESTING];
    size_t nopen;
    mustache_error *err;
    gen_arena *arena;
} cstate;

static bool is_blank(char c) { return c == ' ' || c == '\t'; }
static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

/* First occurrence of needle (nl bytes) in src[from, len), or len. */
static size_t find(const char *src, size_t len, size_t from, const char *needle, size_t nl)
{
    if (nl == 0 || len < nl)
        return len;
    for (size_t i = from; i + nl <= len; i++) {
        const char *p = memchr(src + i, needle[0], len - nl + 1 - i);
        if (!p)
            return len;
        i = (size_t)(p - src);
        if (memcmp(p, needle, nl) == 0)
            return i;
    }
    return len;
}

static mnode *add_node(cstate *cs, int kind, size_t pos, const char *s, size_t n)
{
    if (cs->count == cs->cap) {
        cs->cap = cs->cap ? cs->cap * 2 : 32;
        cs->nodes = gen_xrealloc(cs->nodes, cs->cap * sizeof *cs->nodes);
    }
    mnode *nd = &cs->nodes[cs->count++];
    memset(nd, 0, sizeof *nd);
    nd->kind = (unsigned char)kind;
    nd->pos = pos;
    nd->str = s;
    nd->len = n;
    return nd;
}

static void add_partial_name(cstate *cs, const char *s, size_t n)
{
    for (size_t i = 0; i < cs->npartials; i++)
        if (cs->partials[i].len == n && memcmp(cs->partials[i].s, s, n) == 0)
            return;
    if (cs->npartials == cs->pcap) {
        cs->pcap = cs->pcap ? cs->pcap * 2 : 8;
        cs->partials = gen_xrealloc(cs->partials, cs->pcap * sizeof *cs->partials);
    }
    cs->partials[cs->npartials].s = s;
    cs->partials[cs->npartials].len = n;
    cs->npartials++;
}

static int cerr(cstate *cs, int code, size_t pos, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

static int cerr(cstate *cs, int code, size_t pos, const char *fmt, ...)
{
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return error_at(cs->err, code, cs->name, cs->src, cs->len, pos, "%s", msg);
}

/* Length of s shown in messages (names can be long or hold odd bytes). */
static int shown(size_t n) { return n > 80 ? 80 : (int)n; }

static bool has_space(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (is_space(s[i]))
            return true;
    return false;
}

static bool has_double_dot(const char *s, size_t n)
{
    for (size_t i = 0; i + 1 < n; i++)
        if (s[i] == '.' && s[i + 1] == '.')
            return true;
    return false;
}

/* A variable or section name: "." or dot-separated non-empty parts, no
 * whitespace. */
static int check_name(cstate *cs, size_t pos, const char *s, size_t n)
{
    if (n == 0)
        return cerr(cs, MUSTACHE_E_BAD_NAME, pos, "empty tag name");
    if (has_space(s, n))
        return cerr(cs, MUSTACHE_E_BAD_NAME, pos, "bad tag name '%.*s': contains whitespace",
                    shown(n), s);
    if (n == 1 && s[0] == '.')
        return 0;
    if (s[0] == '.' || s[n - 1] == '.' || has_double_dot(s, n))
        return cerr(cs, MUSTACHE_E_BAD_NAME, pos, "bad tag name '%.*s': empty part in dotted name",
                    shown(n), s);
    return 0;
}

/* A partial, parent or block name: non-empty, no whitespace.  A leading '*'
 * (partials and parents) makes it dynamic: the rest is a dotted name looked
 * up in the context at render time. */
static int check_ref(cstate *cs, size_t pos, const char **s, size_t *n, bool allow_dynamic,
                     bool *dynamic)
{
    *dynamic = false;
    if (allow_dynamic && *n > 0 && (*s)[0] == '*') {
        *dynamic = true;
        (*s)++;
        (*n)--;
        while (*n && is_space((*s)[0])) {
            (*s)++;
            (*n)--;
        }
        return check_name(cs, pos, *s, *n);
    }
    if (*n == 0)
        return cerr(cs, MUSTACHE_E_BAD_NAME, pos, "empty tag name");
    if (has_space(*s, *n))
        return cerr(cs, MUSTACHE_E_BAD_NAME, pos, "bad tag name '%.*s': contains whitespace",
                    shown(*n), *s);
    return 0;
}

/* {{=open close=}}: two whitespace-separated delimiters, neither holding '='
 * nor whitespace. */
static int set_delimiters(cstate *cs, size_t pos, const char *s, size_t n, const char **ot,
                          size_t *otl, const char **ct, size_t *ctl)
{
    size_t i = 0;
    while (i < n && !is_space(s[i]))
        i++;
    size_t a_len = i;
    while (i < n && is_space(s[i]))
        i++;
    size_t b = i;
    while (i < n && !is_space(s[i]))
        i++;
    size_t b_len = i - b;
    if (a_len == 0 || b_len == 0 || i != n)
        return cerr(cs, MUSTACHE_E_BAD_DELIMITER, pos,
                    "bad delimiter change: expected {{=OPEN CLOSE=}} with two delimiters");
    if (memchr(s, '=', a_len) || memchr(s + b, '=', b_len))
        return cerr(cs, MUSTACHE_E_BAD_DELIMITER, pos,
                    "bad delimiter change: a delimiter may not contain '='");
    *ot = s;
    *otl = a_len;
    *ct = s + b;
    *ctl = b_len;
    return 0;
}

static bool in_parent(const cstate *cs)
{
    return cs->nopen > 0 && cs->nodes[cs->open[cs->nopen - 1].node].kind == N_PARENT;
}

static void add_text(cstate *cs, size_t from, size_t to)
{
    /* Text directly inside {{<parent}} ... {{/parent}} is ignored (spec). */
    if (to > from && !in_parent(cs))
        add_node(cs, N_TEXT, from, cs->src + from, to - from);
}

static bool sigil(char c)
{
    return c == '&' || c == '#' || c == '^' || c == '/' || c == '!' || c == '>' || c == '<' ||
           c == '$';
}

/* Whether a tag of this kind may stand alone on a line (it prints nothing
 * itself). */
static bool standalone_kind(char c)
{
    return c == '#' || c == '^' || c == '/' || c == '!' || c == '>' || c == '<' || c == '$' ||
           c == '=';
}

static const char *sigil_name(char c)
{
    switch (c) {
    case '#': return "section";
    case '^': return "inverted section";
    case '<': return "parent";
    default: return "block";
    }
}

/* Inheritance lets several tags share a standalone line ("{{<p}}{{$b}}",
 * "{{/b}}{{/p}}", "  {{<p}}{{/p}}"): when the tag at t starts a line (only
 * blanks before it) and the line holds nothing but blanks and at least two
 * parent, block, close or comment tags, one of them a parent or block tag,
 * the whole line is standalone.  Sets *eol to the offset of its newline (or
 * the end) and *next to where text resumes: after the newline, except for a
 * line that is just one empty block ("  {{$b}}{{/b}}"), whose newline stays
 * so the block's content can fill the line in. */
static bool multi_line(const cstate *cs, size_t t, size_t pos, const char *ot, size_t otl,
                       const char *ct, size_t ctl, size_t *eol, size_t *next)
{
    const char *src = cs->src;
    size_t len = cs->len;
    size_t ls = t;
    while (ls > pos && is_blank(src[ls - 1]))
        ls--;
    if (!(ls == 0 || src[ls - 1] == '\n'))
        return false;
    size_t q = t, count = 0, closes = 0;
    char kinds[2] = {0, 0};
    bool inherit = false;
    for (;;) {
        if (q + otl >= len || memcmp(src + q, ot, otl) != 0)
            return false;
        char k = src[q + otl];
        if (k != '<' && k != '$' && k != '/' && k != '!')
            return false;
        inherit |= k == '<' || k == '$';
        if (k == '/' && closes < cs->nopen) {
            /* (approximately) what the close tag closes */
            char open = cs->open[cs->nopen - 1 - closes].kind;
            inherit |= open == '<' || open == '$';
            closes++;
        }
        size_t c = find(src, len, q + otl, ct, ctl);
        if (c == len)
            return false;
        if (count < 2)
            kinds[count] = k;
        count++;
        q = c + ctl;
        while (q < len && is_blank(src[q]))
            q++;
        if (q == len || src[q] == '\n' || (src[q] == '\r' && q + 1 < len && src[q + 1] == '\n'))
            break;
    }
    if (count < 2 || !inherit)
        return false;
    *eol = q;
    if (count == 2 && kinds[0] == '$' && kinds[1] == '/')
        *next = q;
    else
        *next = q == len ? len : q + (src[q] == '\r' ? 2 : 1);
    return true;
}

/* Leading blanks of the text node at i when it starts a line, else 0. */
static size_t line_lead(const cstate *cs, size_t i)
{
    if (i >= cs->count || cs->nodes[i].kind != N_TEXT)
        return 0;
    const mnode *n = &cs->nodes[i];
    if (n->pos != 0 && cs->src[n->pos - 1] != '\n')
        return 0;
    size_t k = 0;
    while (k < n->len && is_blank(n->str[k]))
        k++;
    return k;
}

/* Removes up to k leading blanks from an indentation field. */
static void strip_field(const char **s, size_t *n, size_t k)
{
    while (k-- && *n && is_blank((*s)[0])) {
        (*s)++;
        (*n)--;
    }
}

/* A block just closed.  Its site indentation (what an override gets when
 * the block tag stands alone) is that of its default content's first line,
 * else that of the tag.  When it is an override (directly inside a parent)
 * and stands alone, the indentation of its first line is removed from every
 * line it holds, so the site's indentation replaces it. */
static void close_block(cstate *cs, size_t b)
{
    mnode *blk = &cs->nodes[b];
    if (!blk->standalone)
        return;
    size_t lead = line_lead(cs, b + 1);
    if (lead && lead < cs->nodes[b + 1].len) {
        blk->site = cs->nodes[b + 1].str;
        blk->site_len = lead;
    } else {
        blk->site = blk->indent;
        blk->site_len = blk->indent_len;
    }
    if (!in_parent(cs) || lead == 0)
        return;
    for (size_t i = b + 1; i < cs->count; i++) {
        mnode *n = &cs->nodes[i];
        strip_field(&n->indent, &n->indent_len, lead);
        strip_field(&n->site, &n->site_len, lead);
        if (n->kind != N_TEXT)
            continue;
        /* copy the text without the indentation at each line start */
        char *copy = gen_arena_alloc(cs->arena, n->len + 1);
        size_t w = 0;
        bool bol = n->pos == 0 || cs->src[n->pos - 1] == '\n';
        for (size_t r = 0; r < n->len;) {
            if (bol) {
                size_t k = 0;
                while (k < lead && r < n->len && is_blank(n->str[r])) {
                    r++;
                    k++;
                }
                bol = false;
                continue;
            }
            copy[w++] = n->str[r];
            bol = n->str[r] == '\n';
            r++;
        }
        copy[w] = '\0';
        n->str = copy;
        n->len = w;
    }
}

/* The scanner: finds each tag with the current delimiters, applies the
 * standalone rules, and appends nodes.  Returns 0 or an error code. */
static int parse(cstate *cs)
{
    const char *src = cs->src;
    size_t len = cs->len;
    const char *ot = "{{", *ct = "}}";
    size_t otl = 2, ctl = 2;
    size_t pos = 0;
    size_t multi_eol = SIZE_MAX, multi_next = 0; /* see multi_line() */

    while (pos < len) {
        size_t t = find(src, len, pos, ot, otl);
        if (t == len) {
            add_text(cs, pos, len);
            break;
        }
        size_t p = t + otl;
        char kind = p < len ? src[p] : '\0';
        size_t cs_begin, cs_end, after;
        if (kind == '{' || kind == '=') {
            /* ends with "}" or "=" right before the close delimiter */
            size_t q = p + 1;
            for (;;) {
                q = find(src, len, q, ct, ctl);
                if (q == len || (q >= p + 2 && src[q - 1] == (kind == '{' ? '}' : '=')))
                    break;
                q++;
            }
            if (q == len)
                return cerr(cs, MUSTACHE_E_UNCLOSED_TAG, t, "unclosed tag: no '%c%.*s' after '%.*s%c'",
                            kind == '{' ? '}' : '=', shown(ctl), ct, shown(otl), ot, kind);
            cs_begin = p + 1;
            cs_end = q - 1;
            after = q + ctl;
        } else {
            size_t q = find(src, len, p, ct, ctl);
            if (q == len)
                return cerr(cs, MUSTACHE_E_UNCLOSED_TAG, t, "unclosed tag: no '%.*s' after '%.*s'",
                            shown(ctl), ct, shown(otl), ot);
            cs_begin = sigil(kind) ? p + 1 : p;
            cs_end = q;
            after = q + ctl;
            if (!sigil(kind))
                kind = '\0';
        }
        while (cs_begin < cs_end && is_space(src[cs_begin]))
            cs_begin++;
        while (cs_end > cs_begin && is_space(src[cs_end - 1]))
            cs_end--;
        const char *c = src + cs_begin;
        size_t cn = cs_end - cs_begin;

        /* Standalone: only blanks before the tag on its line (and no other
         * tag), only blanks and then a newline or the end after it. */
        size_t text_end = t, next = after;
        const char *indent = NULL;
        size_t indent_len = 0;
        bool alone = false;
        if (multi_eol != SIZE_MAX && t < multi_eol) {
            /* a later tag of a standalone line of parent/block tags */
            text_end = pos;
            alone = true;
            size_t e = after;
            while (e < len && is_blank(src[e]))
                e++;
            if (e >= multi_eol) {
                next = multi_next;
                multi_eol = SIZE_MAX;
            }
        } else if (standalone_kind(kind) &&
                   multi_line(cs, t, pos, ot, otl, ct, ctl, &multi_eol, &multi_next)) {
            size_t ls = t;
            while (ls > pos && is_blank(src[ls - 1]))
                ls--;
            text_end = ls;
            indent = src + ls;
            indent_len = t - ls;
            alone = true;
        } else if (standalone_kind(kind)) {
            size_t ls = t;
            while (ls > pos && is_blank(src[ls - 1]))
                ls--;
            size_t e = after;
            while (e < len && is_blank(src[e]))
                e++;
            bool pre = ls == 0 || src[ls - 1] == '\n';
            bool post = e == len || src[e] == '\n' || (src[e] == '\r' && e + 1 < len && src[e + 1] == '\n');
            if (pre && post) {
                alone = true;
                text_end = ls;
                indent = src + ls;
                indent_len = t - ls;
                next = e == len ? len : e + (src[e] == '\r' ? 2 : 1);
            }
        }
        add_text(cs, pos, text_end);
        pos = next;

        int rc = 0;
        bool dyn = false;
        mnode *nd;
        switch (kind) {
        case '!':
            break;
        case '=':
            rc = set_delimiters(cs, t, c, cn, &ot, &otl, &ct, &ctl);
            break;
        case '\0':
        case '&':
        case '{':
            rc = check_name(cs, t, c, cn);
            if (rc == 0)
                add_node(cs, kind == '\0' ? N_VAR : N_RAW, t, c, cn);
            break;
        case '>':
            rc = check_ref(cs, t, &c, &cn, true, &dyn);
            if (rc == 0) {
                nd = add_node(cs, N_PARTIAL, t, c, cn);
                nd->dynamic = dyn;
                nd->indent = indent;
                nd->indent_len = indent_len;
                if (!dyn)
                    add_partial_name(cs, c, cn);
            }
            break;
        case '#':
        case '^':
        case '<':
        case '$': {
            const char *raw = c;
            size_t raw_len = cn;
            if (kind == '#' || kind == '^')
                rc = check_name(cs, t, c, cn);
            else
                rc = check_ref(cs, t, &c, &cn, kind == '<', &dyn);
            if (rc)
                break;
            if (cs->nopen == MUSTACHE_MAX_NESTING) {
                rc = cerr(cs, MUSTACHE_E_TOO_DEEP, t, "sections nested too deeply (limit %d)",
                          MUSTACHE_MAX_NESTING);
                break;
            }
            int nk = kind == '#' ? N_SECTION : kind == '^' ? N_INVERTED : kind == '<' ? N_PARENT : N_BLOCK;
            nd = add_node(cs, nk, t, c, cn);
            nd->dynamic = dyn;
            nd->indent = indent;
            nd->indent_len = indent_len;
            nd->standalone = alone;
            if (nk == N_PARENT && !dyn)
                add_partial_name(cs, c, cn);
            open_tag *o = &cs->open[cs->nopen++];
            o->node = cs->count - 1;
            o->content = raw;
            o->content_len = raw_len;
            o->kind = kind;
            break;
        }
        case '/': {
            if (cs->nopen == 0) {
                rc = cerr(cs, MUSTACHE_E_UNEXPECTED_CLOSE, t,
                          "close tag '%.*s' without an open section", shown(cn), c);
                break;
            }
            open_tag *o = &cs->open[cs->nopen - 1];
            if (o->content_len != cn || memcmp(o->content, c, cn) != 0) {
                rc = cerr(cs, MUSTACHE_E_MISMATCHED_CLOSE, t,
                          "mismatched close tag '%.*s': the open %s is '%.*s'", shown(cn), c,
                          sigil_name(o->kind), shown(o->content_len), o->content);
                break;
            }
            cs->nodes[o->node].end = cs->count;
            cs->nopen--;
            if (cs->nodes[o->node].kind == N_BLOCK)
                close_block(cs, o->node);
            break;
        }
        default:
            break;
        }
        if (rc)
            return rc;
    }
    if (cs->nopen) {
        const open_tag *o = &cs->open[cs->nopen - 1];
        return cerr(cs, MUSTACHE_E_UNCLOSED_SECTION, cs->nodes[o->node].pos,
                    "unclosed section '%.*s': no close tag before the end of the template",
                    shown(o->content_len), o->content);
    }
    return 0;
}

int mustache_compile(mustache_template **out, gen_arena *arena, const char *name,
                     const char *src, size_t len, mustache_error *err)
{
    *out = NULL;
    mustache_error_clear(err);
    cstate *cs = gen_xmalloc(sizeof *cs);
    memset(cs, 0, sizeof *cs);
    cs->name = name ? name : "<template>";
    /* Nodes point into the arena copy of the source. */
    char *copy = gen_arena_alloc(arena, len + 1);
    if (len)
        memcpy(copy, src, len);
    copy[len] = '\0';
    cs->src = copy;
    cs->len = len;
    cs->err = err;
    cs->arena = arena;
    int rc = parse(cs);
    if (rc == 0) {
        mustache_template *t = gen_arena_zalloc(arena, sizeof *t);
        t->name = gen_arena_strdup(arena, cs->name);
        t->src = copy;
        t->src_len = len;
        t->count = cs->count;
        if (cs->count) {
            t->nodes = gen_arena_alloc(arena, cs->count * sizeof *t->nodes);
            memcpy(t->nodes, cs->nodes, cs->count * sizeof *t->nodes);
        }
        t->npartials = cs->npartials;
        if (cs->npartials) {
            t->partials = gen_arena_alloc(arena, cs->npartials * sizeof *t->partials);
            memcpy(t->partials, cs->partials, cs->npartials * sizeof *t->partials);
        }
        *out = t;
    }
    free(cs->nodes);
    free(cs->partials);
    free(cs);
    return rc;
}

/* ---- renderer --------------------------------------------------------- */

/* A {{<parent}} being rendered: its direct {{$block}} children override the
 * blocks of the templates it pulls in.  The outermost parent wins. */
typedef struct parent_frame {
    const mustache_template *t;
    size_t node;
} parent_frame;

typedef struct rstate {
    const mustache_options *opt;
    mustache_buf *out;
    mustache_error *err;
    const gen_data *ctx[MUSTACHE_MAX_DEPTH + 2];
    size_t nctx;
    size_t depth;
    parent_frame parents[MUSTACHE_MAX_DEPTH + 1];
    size_t nparents;
    mustache_buf indent; /* current partial indentation */
    bool bol;            /* at the beginning of a template line */
} rstate;

static int rerr(rstate *st, const mustache_template *t, int code, size_t pos, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

static int rerr(rstate *st, const mustache_template *t, int code, size_t pos, const char *fmt, ...)
{
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return error_at(st->err, code, t->name, t->src, t->src_len, pos, "%s", msg);
}

/* Template text: indentation goes before every non-empty line. */
static void emit_text(rstate *st, const char *s, size_t n)
{
    if (n == 0)
        return;
    if (st->indent.len == 0) {
        mustache_buf_append(st->out, s, n);
        st->bol = s[n - 1] == '\n';
        return;
    }
    while (n) {
        const char *nl = memchr(s, '\n', n);
        size_t line = nl ? (size_t)(nl - s) + 1 : n;
        bool blank = s[0] == '\n' || (line == 2 && s[0] == '\r');
        if (st->bol && !blank)
            mustache_buf_append(st->out, st->indent.data, st->indent.len);
        mustache_buf_append(st->out, s, line);
        st->bol = nl != NULL;
        s += line;
        n -= line;
    }
}

/* Data: indented only when it starts a line; its own newlines are not. */
static void emit_data_start(rstate *st)
{
    if (st->bol && st->indent.len)
        mustache_buf_append(st->out, st->indent.data, st->indent.len);
    st->bol = false;
}

static void emit_escaped(rstate *st, const char *s, size_t n)
{
    if (n == 0)
        return;
    emit_data_start(st);
    if (st->opt->escape == MUSTACHE_ESCAPE_NONE) {
        mustache_buf_append(st->out, s, n);
        return;
    }
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        const char *rep;
        switch (s[i]) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        default: continue;
        }
        mustache_buf_append(st->out, s + run, i - run);
        mustache_buf_puts(st->out, rep);
        run = i + 1;
    }
    mustache_buf_append(st->out, s + run, n - run);
}

static size_t format_number(char *buf, size_t cap, double v)
{
    int n;
    if (isfinite(v) && v == floor(v) && fabs(v) < 1e17) {
        n = snprintf(buf, cap, "%.0f", v);
    } else {
        n = 0;
        for (int prec = 15; prec <= 17; prec++) {
            n = snprintf(buf, cap, "%.*g", prec, v);
            if (!isfinite(v) || strtod(buf, NULL) == v)
                break;
        }
    }
    return n < 0 ? 0 : (size_t)n;
}

/* Resolves a (dotted) name against the context stack: the first part is
 * looked up from the top frame down, the rest inside what it found.
 * NULL: missing. */
static const gen_data *lookup(const rstate *st, const char *name, size_t len)
{
    if (len == 1 && name[0] == '.')
        return st->ctx[st->nctx - 1];
    const char *dot = memchr(name, '.', len);
    size_t first = dot ? (size_t)(dot - name) : len;
    const gen_data *d = NULL;
    for (size_t k = st->nctx; k-- > 0;) {
        d = gen_data_get(st->ctx[k], name, first);
        if (d)
            break;
    }
    size_t i = first;
    while (d && i < len) {
        i++; /* the dot */
        const char *part = name + i;
        const char *nd = memchr(part, '.', len - i);
        size_t plen = nd ? (size_t)(nd - part) : len - i;
        d = gen_data_get(d, part, plen);
        i += plen;
    }
    return d;
}

static int enter(rstate *st, const mustache_template *t, const mnode *n)
{
    if (st->depth >= MUSTACHE_MAX_DEPTH)
        return rerr(st, t, MUSTACHE_E_TOO_DEEP, n->pos,
                    "templates nested too deeply while rendering '%.*s' (limit %d; recursive partial?)",
                    shown(n->len), n->str, MUSTACHE_MAX_DEPTH);
    st->depth++;
    return 0;
}

static int render_range(rstate *st, const mustache_template *t, size_t i, size_t end);

static int interpolate(rstate *st, const mustache_template *t, const mnode *n)
{
    const gen_data *d = lookup(st, n->str, n->len);
    if (!d) {
        if (st->opt->strict_variables)
            return rerr(st, t, MUSTACHE_E_MISSING_VARIABLE, n->pos, "missing variable '%.*s'",
                        shown(n->len), n->str);
        return 0;
    }
    char num[64];
    switch (d->kind) {
    case GEN_DATA_NULL:
        return 0;
    case GEN_DATA_BOOL:
        emit_escaped(st, d->u.boolean ? "true" : "false", d->u.boolean ? 4 : 5);
        return 0;
    case GEN_DATA_NUMBER:
        emit_escaped(st, num, format_number(num, sizeof num, d->u.number.value));
        return 0;
    case GEN_DATA_STRING:
        if (n->kind == N_RAW) {
            if (d->u.string.len) {
                emit_data_start(st);
                mustache_buf_append(st->out, d->u.string.ptr, d->u.string.len);
            }
        } else {
            emit_escaped(st, d->u.string.ptr, d->u.string.len);
        }
        return 0;
    default:
        if (st->opt->strict_variables)
            return rerr(st, t, MUSTACHE_E_NOT_A_VALUE, n->pos,
                        "cannot interpolate '%.*s': it is a %s", shown(n->len), n->str,
                        d->kind == GEN_DATA_LIST ? "list" : "map");
        return 0;
    }
}

/* Pushes d on the context stack and renders the children of node n. */
static int render_with(rstate *st, const mustache_template *t, size_t ni, const gen_data *d)
{
    const mnode *n = &t->nodes[ni];
    int rc = enter(st, t, n);
    if (rc)
        return rc;
    st->ctx[st->nctx++] = d;
    rc = render_range(st, t, ni + 1, n->end);
    st->nctx--;
    st->depth--;
    return rc;
}

/* The template a partial or parent tag names, or NULL (nothing to render,
 * or *rc set to an error). */
static const mustache_template *load_partial(rstate *st, const mustache_template *t,
                                             const mnode *n, int *rc)
{
    *rc = 0;
    const char *name = n->str;
    size_t len = n->len;
    if (n->dynamic) {
        const gen_data *d = lookup(st, n->str, n->len);
        if (!d || d->kind != GEN_DATA_STRING) {
            if (!d && st->opt->strict_variables)
                *rc = rerr(st, t, MUSTACHE_E_MISSING_VARIABLE, n->pos,
                           "missing variable '%.*s' (dynamic partial name)", shown(n->len), n->str);
            return NULL;
        }
        name = d->u.string.ptr;
        len = d->u.string.len;
    }
    const mustache_template *p = NULL;
    if (st->opt->partial) {
        mustache_error_clear(st->err);
        p = st->opt->partial(st->opt->partial_ctx, name, len, st->err);
        if (!p && st->err && st->err->code) {
            *rc = st->err->code;
            return NULL;
        }
    }
    if (!p && st->opt->strict_partials)
        *rc = rerr(st, t, MUSTACHE_E_UNKNOWN_PARTIAL, n->pos, "unknown partial '%.*s'",
                   shown(len), name);
    return p;
}

/* Renders a partial or parent template p with the tag's indentation added. */
static int render_included(rstate *st, const mustache_template *t, const mnode *n,
                           const mustache_template *p)
{
    int rc = enter(st, t, n);
    if (rc)
        return rc;
    size_t saved = st->indent.len;
    if (n->indent_len)
        mustache_buf_append(&st->indent, n->indent, n->indent_len);
    rc = render_range(st, p, 0, p->count);
    buf_truncate(&st->indent, saved);
    st->depth--;
    return rc;
}

/* Finds the override of block n: the first (outermost) parent frame with a
 * direct {{$name}} child wins. */
static bool find_override(const rstate *st, const mnode *n, const mustache_template **ot,
                          size_t *oi)
{
    for (size_t f = 0; f < st->nparents; f++) {
        const mustache_template *pt = st->parents[f].t;
        const mnode *pn = &pt->nodes[st->parents[f].node];
        size_t i = st->parents[f].node + 1;
        while (i < pn->end) {
            const mnode *c = &pt->nodes[i];
            if (c->kind == N_BLOCK && c->len == n->len && memcmp(c->str, n->str, n->len) == 0) {
                *ot = pt;
                *oi = i;
                return true;
            }
            i = c->end > i ? c->end : i + 1;
        }
    }
    return false;
}

static int render_range(rstate *st, const mustache_template *t, size_t i, size_t end)
{
    int rc = 0;
    while (i < end && rc == 0) {
        const mnode *n = &t->nodes[i];
        switch (n->kind) {
        case N_TEXT:
            emit_text(st, n->str, n->len);
            i++;
            break;
        case N_VAR:
        case N_RAW:
            rc = interpolate(st, t, n);
            i++;
            break;
        case N_SECTION: {
            const gen_data *d = lookup(st, n->str, n->len);
            if (d && d->kind == GEN_DATA_LIST) {
                for (size_t k = 0; k < d->u.list.count && rc == 0; k++)
                    rc = render_with(st, t, i, d->u.list.items[k]);
            } else if (gen_data_truthy(d)) {
                rc = render_with(st, t, i, d);
            }
            i = n->end;
            break;
        }
        case N_INVERTED:
            if (!gen_data_truthy(lookup(st, n->str, n->len))) {
                rc = enter(st, t, n);
                if (rc == 0) {
                    rc = render_range(st, t, i + 1, n->end);
                    st->depth--;
                }
            }
            i = n->end;
            break;
        case N_PARTIAL: {
            const mustache_template *p = load_partial(st, t, n, &rc);
            if (p)
                rc = render_included(st, t, n, p);
            i++;
            break;
        }
        case N_PARENT: {
            const mustache_template *p = load_partial(st, t, n, &rc);
            if (p) {
                st->parents[st->nparents].t = t;
                st->parents[st->nparents].node = i;
                st->nparents++;
                rc = render_included(st, t, n, p);
                st->nparents--;
            }
            i = n->end;
            break;
        }
        case N_BLOCK: {
            const mustache_template *ot = t;
            size_t oi = i;
            bool over = find_override(st, n, &ot, &oi);
            rc = enter(st, t, n);
            if (rc == 0) {
                size_t saved = st->indent.len;
                if (over && n->site_len)
                    mustache_buf_append(&st->indent, n->site, n->site_len);
                rc = render_range(st, ot, oi + 1, ot->nodes[oi].end);
                buf_truncate(&st->indent, saved);
                st->depth--;
            }
            i = n->end;
            break;
        }
        default:
            i++;
            break;
        }
    }
    return rc;
}

int mustache_render(const mustache_template *t, const gen_data *data,
                    const mustache_options *opt, mustache_buf *out, mustache_error *err)
{
    static const mustache_options spec = MUSTACHE_OPTIONS_SPEC;
    mustache_error_clear(err);
    rstate *st = gen_xmalloc(sizeof *st);
    st->opt = opt ? opt : &spec;
    st->out = out;
    st->err = err;
    st->nctx = 0;
    st->depth = 0;
    st->nparents = 0;
    st->bol = true;
    mustache_buf_init(&st->indent);
    st->ctx[st->nctx++] = data;
    size_t start = out->len;
    int rc = render_range(st, t, 0, t->count);
    if (rc)
        buf_truncate(out, start);
    else if (!out->data)
        mustache_buf_append(out, "", 0);
    mustache_buf_dispose(&st->indent);
    free(st);
    return rc;
}
