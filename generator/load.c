/*
 * load.c - reading YAML/JSON with libyaml into position-carrying node trees.
 *
 * The event API is used rather than yaml_parser_load(): it gives us every
 * node's start mark, lets us stop at once on excessive depth or alias
 * expansion (a hostile file must fail fast, not after building a huge
 * document), and keeps anchors as shared nodes instead of copies.  Temporary
 * parse state (the container stack, anchors) lives on the heap and is freed on
 * every path; the finished tree is copied into the arena.
 */
#include "load.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <yaml.h>

void gen_loader_init(gen_loader *ld, gen_arena *arena, gen_diag *diag)
{
    memset(ld, 0, sizeof *ld);
    ld->arena = arena;
    ld->diag = diag;
    ld->tail = &ld->files;
    gen_strmap_init(&ld->by_path, arena);
    gen_strmap_init(&ld->by_id, arena);
}

const char *gen_node_kind_name(gen_node_kind kind)
{
    switch (kind) {
    case GEN_NODE_NULL: return "null";
    case GEN_NODE_BOOL: return "boolean";
    case GEN_NODE_INT: return "integer";
    case GEN_NODE_FLOAT: return "number";
    case GEN_NODE_STRING: return "string";
    case GEN_NODE_SEQ: return "sequence";
    case GEN_NODE_MAP: return "mapping";
    }
    return "node";
}

gen_node *gen_node_getn(const gen_node *map, const char *key, size_t klen)
{
    if (!map || map->kind != GEN_NODE_MAP)
        return NULL;
    if (map->u.map.index)
        return gen_strmap_get(map->u.map.index, key, klen);
    for (size_t i = 0; i < map->u.map.count; i++) {
        const gen_node *k = map->u.map.pairs[i].key;
        if (k->len == klen && memcmp(k->text, key, klen) == 0)
            return map->u.map.pairs[i].value;
    }
    return NULL;
}

gen_node *gen_node_get(const gen_node *map, const char *key)
{
    return gen_node_getn(map, key, strlen(key));
}

/* ---- paths ------------------------------------------------------------- */

char *gen_load_join_path(gen_arena *arena, const char *dir, const char *ref)
{
    size_t dl = ref[0] == '/' ? 0 : strlen(dir), rl = strlen(ref);
    char *tmp = gen_xmalloc(dl + rl + 1);
    memcpy(tmp, dir, dl);
    memcpy(tmp + dl, ref, rl + 1);
    bool absolute = tmp[0] == '/';
    /* Segments are kept as (start, len) in out; ".." pops a real segment. */
    char *out = gen_xmalloc(dl + rl + 2);
    size_t olen = 0;
    size_t *starts = gen_xmalloc((dl + rl + 1) * sizeof *starts);
    size_t nseg = 0;
    if (absolute)
        out[olen++] = '/';
    size_t base = olen;
    char *p = tmp;
    while (*p) {
        char *e = strchr(p, '/');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        if (n == 0 || (n == 1 && p[0] == '.')) {
            /* skip */
        } else if (n == 2 && p[0] == '.' && p[1] == '.' && nseg > 0 &&
                   !(olen - starts[nseg - 1] == 2 && out[starts[nseg - 1]] == '.' &&
                     out[starts[nseg - 1] + 1] == '.')) {
            olen = starts[--nseg];
            if (olen > base)
                olen--; /* the '/' before it */
        } else if (n == 2 && p[0] == '.' && p[1] == '.' && absolute) {
            /* "/.." is "/" */
        } else {
            if (olen > base)
                out[olen++] = '/';
            starts[nseg++] = olen;
            memcpy(out + olen, p, n);
            olen += n;
        }
        p += n;
        if (*p == '/')
            p++;
    }
    if (olen == 0)
        out[olen++] = '.';
    char *res = gen_arena_strndup(arena, out, olen);
    free(tmp);
    free(out);
    free(starts);
    return res;
}

static const char *dir_of(gen_arena *arena, const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return "";
    return gen_arena_strndup(arena, path, (size_t)(slash - path) + 1);
}

/* ---- UTF-8 ------------------------------------------------------------- */

/* Returns the byte offset of the first invalid UTF-8 sequence, or len. */
static size_t utf8_check(const unsigned char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        unsigned c = s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t n;
        uint32_t cp;
        if (c >= 0xC2 && c <= 0xDF) {
            n = 2;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 3;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 4;
            cp = c & 0x07;
        } else {
            return i;
        }
        if (len - i < n)
            return i;
        for (size_t k = 1; k < n; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return i;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) || cp > 0x10FFFF ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += n;
    }
    return len;
}

/* Line and character column (1-based) of byte offset off. */
static void offset_pos(const char *s, size_t off, unsigned *line, unsigned *col)
{
    unsigned l = 1, c = 1;
    for (size_t i = 0; i < off; i++) {
        if (s[i] == '\n') {
            l++;
            c = 1;
        } else if (((unsigned char)s[i] & 0xC0) != 0x80) {
            c++;
        }
    }
    *line = l;
    *col = c;
}

/* ---- scalar resolution (YAML 1.2 core schema) --------------------------- */

static bool all_in(const char *s, const char *set)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (!strchr(set, *s))
            return false;
    return true;
}

/* [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)? */
static bool is_core_float(const char *s)
{
    if (*s == '-' || *s == '+')
        s++;
    size_t digits = 0;
    while (*s >= '0' && *s <= '9')
        s++, digits++;
    if (*s == '.') {
        s++;
        size_t frac = 0;
        while (*s >= '0' && *s <= '9')
            s++, frac++;
        if (!digits && !frac)
            return false;
    } else if (!digits) {
        return false;
    }
    if (*s == 'e' || *s == 'E') {
        s++;
        if (*s == '-' || *s == '+')
            s++;
        if (!(*s >= '0' && *s <= '9'))
            return false;
        while (*s >= '0' && *s <= '9')
            s++;
    }
    return *s == '\0';
}

static void resolve_plain(gen_node *n)
{
    const char *t = n->text;
    if (!strcmp(t, "") || !strcmp(t, "~") || !strcmp(t, "null") || !strcmp(t, "Null") ||
        !strcmp(t, "NULL")) {
        n->kind = GEN_NODE_NULL;
        return;
    }
    if (!strcmp(t, "true") || !strcmp(t, "True") || !strcmp(t, "TRUE")) {
        n->kind = GEN_NODE_BOOL;
        n->boolean = true;
        return;
    }
    if (!strcmp(t, "false") || !strcmp(t, "False") || !strcmp(t, "FALSE")) {
        n->kind = GEN_NODE_BOOL;
        n->boolean = false;
        return;
    }
    const char *d = t + (t[0] == '-' || t[0] == '+');
    int base = 0;
    const char *digits = NULL;
    if (all_in(d, "0123456789")) {
        base = 10;
        digits = t;
    } else if (t[0] == '0' && t[1] == 'o' && all_in(t + 2, "01234567")) {
        base = 8;
        digits = t + 2;
    } else if (t[0] == '0' && t[1] == 'x' && all_in(t + 2, "0123456789abcdefABCDEF")) {
        base = 16;
        digits = t + 2;
    }
    if (base) {
        n->kind = GEN_NODE_INT;
        errno = 0;
        if (base == 10) {
            long long v = strtoll(digits, NULL, 10);
            n->i = v;
            n->big = errno == ERANGE;
            n->f = n->big ? strtod(t, NULL) : (double)v;
        } else {
            unsigned long long v = strtoull(digits, NULL, base);
            n->big = errno == ERANGE || v > (unsigned long long)INT64_MAX;
            n->i = n->big ? 0 : (int64_t)v;
            n->f = (double)v;
        }
        return;
    }
    if (is_core_float(t)) {
        n->kind = GEN_NODE_FLOAT;
        n->f = strtod(t, NULL);
        return;
    }
    const char *inf = t + (t[0] == '-' || t[0] == '+');
    if (!strcmp(inf, ".inf") || !strcmp(inf, ".Inf") || !strcmp(inf, ".INF")) {
        n->kind = GEN_NODE_FLOAT;
        n->f = t[0] == '-' ? -HUGE_VAL : HUGE_VAL;
        return;
    }
    if (!strcmp(t, ".nan") || !strcmp(t, ".NaN") || !strcmp(t, ".NAN")) {
        n->kind = GEN_NODE_FLOAT;
        n->f = NAN;
        return;
    }
    n->kind = GEN_NODE_STRING;
}

/* ---- the parser ---------------------------------------------------------- */

typedef struct frame {
    gen_node *node;
    char *anchor;          /* heap; registered when the container ends */
    gen_node **kids;       /* heap; keys and values alternate in a mapping */
    size_t count, cap;
    size_t weight;         /* nodes in this subtree, aliases expanded */
} frame;

typedef struct anchor {
    char *name;
    gen_node *node;
    size_t weight;
} anchor;

typedef struct parse {
    gen_loader *ld;
    gen_load_file *file;
    frame *stack;
    size_t depth, cap;
    anchor *anchors;
    size_t nanchors, acap;
    gen_node *root;
    size_t root_weight;
    bool failed;
} parse;

static gen_pos mark_pos(const gen_load_file *f, yaml_mark_t m)
{
    gen_pos p = {f->path, (unsigned)m.line + 1, (unsigned)m.column + 1};
    return p;
}

static gen_node *node_new(parse *ps, gen_node_kind kind, yaml_mark_t m)
{
    gen_node *n = gen_arena_zalloc(ps->ld->arena, sizeof *n);
    n->kind = kind;
    n->pos = mark_pos(ps->file, m);
    n->file = ps->file;
    return n;
}

static char *xstrdup(const char *s)
{
    size_t n = strlen(s);
    char *d = gen_xmalloc(n + 1);
    memcpy(d, s, n + 1);
    return d;
}

static void anchor_set(parse *ps, char *name, gen_node *node, size_t weight)
{
    for (size_t i = 0; i < ps->nanchors; i++) {
        if (!strcmp(ps->anchors[i].name, name)) {
            free(ps->anchors[i].name);
            ps->anchors[i].name = name;
            ps->anchors[i].node = node;
            ps->anchors[i].weight = weight;
            return;
        }
    }
    if (ps->nanchors == ps->acap) {
        ps->acap = ps->acap ? ps->acap * 2 : 8;
        ps->anchors = gen_xrealloc(ps->anchors, ps->acap * sizeof *ps->anchors);
    }
    ps->anchors[ps->nanchors].name = name;
    ps->anchors[ps->nanchors].node = node;
    ps->anchors[ps->nanchors].weight = weight;
    ps->nanchors++;
}

/* Adds a finished node to the open container (or makes it the root). */
static bool add_node(parse *ps, gen_node *n, size_t weight)
{
    if (ps->depth == 0) {
        ps->root = n;
        ps->root_weight = weight;
        return true;
    }
    frame *f = &ps->stack[ps->depth - 1];
    if (f->count == f->cap) {
        f->cap = f->cap ? f->cap * 2 : 8;
        f->kids = gen_xrealloc(f->kids, f->cap * sizeof *f->kids);
    }
    f->kids[f->count++] = n;
    f->weight += weight;
    if (f->weight > GEN_LOAD_MAX_EXPANSION) {
        gen_diag_error(ps->ld->diag, &n->pos,
                       "document too large with its aliases expanded (more than %u nodes); "
                       "use fewer aliases",
                       GEN_LOAD_MAX_EXPANSION);
        return false;
    }
    return true;
}

typedef struct key_ref {
    const gen_node *key;
    size_t index;
} key_ref;

static int key_cmp(const void *a, const void *b)
{
    const key_ref *x = a, *y = b;
    size_t n = x->key->len < y->key->len ? x->key->len : y->key->len;
    int c = memcmp(x->key->text, y->key->text, n);
    if (c)
        return c;
    if (x->key->len != y->key->len)
        return x->key->len < y->key->len ? -1 : 1;
    return x->index < y->index ? -1 : x->index > y->index;
}

static int dup_cmp(const void *a, const void *b)
{
    const key_ref *x = a, *y = b; /* pairs: [first, later] ordered by later */
    return x[1].index < y[1].index ? -1 : x[1].index > y[1].index;
}

/* Sorts the keys (O(n log n), safe for huge maps) and reports every
 * repeated key at its later position with a note at the first. */
static void check_duplicates(parse *ps, gen_node *map)
{
    size_t n = map->u.map.count;
    if (n < 2)
        return;
    key_ref *refs = gen_xmalloc(n * sizeof *refs);
    for (size_t i = 0; i < n; i++) {
        refs[i].key = map->u.map.pairs[i].key;
        refs[i].index = i;
    }
    qsort(refs, n, sizeof *refs, key_cmp);
    key_ref *dups = NULL;
    size_t ndup = 0;
    size_t first = 0;
    for (size_t i = 1; i < n; i++) {
        if (refs[i].key->len == refs[first].key->len &&
            memcmp(refs[i].key->text, refs[first].key->text, refs[i].key->len) == 0) {
            dups = gen_xrealloc(dups, (ndup + 1) * 2 * sizeof *dups);
            dups[ndup * 2] = refs[first];
            dups[ndup * 2 + 1] = refs[i];
            ndup++;
        } else {
            first = i;
        }
    }
    if (ndup) {
        qsort(dups, ndup, 2 * sizeof *dups, dup_cmp);
        for (size_t i = 0; i < ndup; i++) {
            const gen_node *k1 = dups[i * 2].key, *k2 = dups[i * 2 + 1].key;
            gen_diag_error(ps->ld->diag, &k2->pos,
                           "duplicate key '%s' in mapping; remove one of them", k2->text);
            gen_diag_note(ps->ld->diag, &k1->pos, "'%s' first appears here", k1->text);
        }
        ps->failed = true;
    }
    free(dups);
    free(refs);
}

/* Closes the innermost container: copies its children into the arena. */
static bool close_container(parse *ps)
{
    frame *f = &ps->stack[--ps->depth];
    gen_node *n = f->node;
    gen_arena *a = ps->ld->arena;
    bool ok = true;
    if (n->kind == GEN_NODE_SEQ) {
        n->u.seq.count = f->count;
        n->u.seq.items = gen_arena_alloc(a, (f->count ? f->count : 1) * sizeof(gen_node *));
        if (f->count)
            memcpy(n->u.seq.items, f->kids, f->count * sizeof(gen_node *));
    } else {
        size_t np = f->count / 2;
        n->u.map.count = np;
        n->u.map.pairs = gen_arena_alloc(a, (np ? np : 1) * sizeof(gen_node_pair));
        for (size_t i = 0; i < np; i++) {
            n->u.map.pairs[i].key = f->kids[2 * i];
            n->u.map.pairs[i].value = f->kids[2 * i + 1];
        }
        check_duplicates(ps, n);
        if (np > GEN_NODE_INDEX_MIN) {
            /* First occurrence wins; a repeated key is already an error. */
            n->u.map.index = gen_arena_alloc(a, sizeof *n->u.map.index);
            gen_strmap_init(n->u.map.index, a);
            for (size_t i = 0; i < np; i++) {
                const gen_node *k = n->u.map.pairs[i].key;
                gen_strmap_add(n->u.map.index, k->text, k->len, n->u.map.pairs[i].value);
            }
        }
    }
    size_t weight = f->weight;
    free(f->kids);
    f->kids = NULL;
    if (f->anchor) {
        anchor_set(ps, f->anchor, n, weight);
        f->anchor = NULL;
    }
    ok = add_node(ps, n, weight);
    return ok;
}

/* A mapping key must be a scalar: checked when it is added. */
static bool expecting_key(const parse *ps)
{
    if (ps->depth == 0)
        return false;
    const frame *f = &ps->stack[ps->depth - 1];
    return f->node->kind == GEN_NODE_MAP && f->count % 2 == 0;
}

static bool open_container(parse *ps, gen_node_kind kind, yaml_mark_t m, const yaml_char_t *anc)
{
    gen_node *n = node_new(ps, kind, m);
    if (expecting_key(ps)) {
        gen_diag_error(ps->ld->diag, &n->pos,
                       "a mapping key must be a scalar, not a %s", gen_node_kind_name(kind));
        return false;
    }
    if (ps->depth >= GEN_LOAD_MAX_DEPTH) {
        gen_diag_error(ps->ld->diag, &n->pos, "nesting deeper than %d levels",
                       GEN_LOAD_MAX_DEPTH);
        return false;
    }
    if (ps->depth == ps->cap) {
        ps->cap = ps->cap ? ps->cap * 2 : 16;
        ps->stack = gen_xrealloc(ps->stack, ps->cap * sizeof *ps->stack);
    }
    frame *f = &ps->stack[ps->depth++];
    memset(f, 0, sizeof *f);
    f->node = n;
    f->weight = 1;
    f->anchor = anc ? xstrdup((const char *)anc) : NULL;
    return true;
}

static void report_yaml_error(parse *ps, const yaml_parser_t *p)
{
    gen_diag *d = ps->ld->diag;
    const char *problem = p->problem ? p->problem : "invalid YAML";
    if (p->error == YAML_READER_ERROR) {
        unsigned line, col;
        offset_pos(ps->file->text, p->problem_offset < ps->file->len ? p->problem_offset
                                                                     : ps->file->len,
                   &line, &col);
        gen_pos pos = {ps->file->path, line, col};
        gen_diag_error(d, &pos, "invalid input: %s", problem);
        return;
    }
    gen_pos pos = mark_pos(ps->file, p->problem_mark);
    if (p->context) {
        gen_diag_error(d, &pos, "YAML syntax error: %s %s", p->context, problem);
        gen_pos cpos = mark_pos(ps->file, p->context_mark);
        if (cpos.line != pos.line || cpos.col != pos.col)
            gen_diag_note(d, &cpos, "the construct started here");
    } else {
        gen_diag_error(d, &pos, "YAML syntax error: %s", problem);
    }
}

static void parse_file(gen_loader *ld, gen_load_file *file)
{
    parse ps;
    memset(&ps, 0, sizeof ps);
    ps.ld = ld;
    ps.file = file;
    yaml_parser_t p;
    if (!yaml_parser_initialize(&p))
        gen_oom();
    yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
    yaml_parser_set_input_string(&p, (const unsigned char *)file->text, file->len);
    int docs = 0;
    bool done = false;
    while (!done) {
        yaml_event_t ev;
        if (!yaml_parser_parse(&p, &ev)) {
            report_yaml_error(&ps, &p);
            ps.failed = true;
            break;
        }
        bool ok = true;
        switch (ev.type) {
        case YAML_STREAM_END_EVENT:
            done = true;
            break;
        case YAML_DOCUMENT_START_EVENT:
            if (++docs > 1) {
                gen_pos pos = mark_pos(file, ev.start_mark);
                gen_diag_error(ld->diag, &pos,
                               "more than one YAML document in the file; keep one per file");
                ok = false;
            }
            break;
        case YAML_SCALAR_EVENT: {
            gen_node *n = node_new(&ps, GEN_NODE_STRING, ev.start_mark);
            n->text = gen_arena_strndup(ld->arena, (const char *)ev.data.scalar.value,
                                        ev.data.scalar.length);
            n->len = ev.data.scalar.length;
            const char *tag = (const char *)ev.data.scalar.tag;
            n->quoted = ev.data.scalar.style != YAML_PLAIN_SCALAR_STYLE &&
                        ev.data.scalar.style != YAML_ANY_SCALAR_STYLE;
            bool force_str = tag && (!strcmp(tag, YAML_STR_TAG) || !strcmp(tag, "!"));
            bool is_key = expecting_key(&ps);
            if (!n->quoted && !force_str && !is_key)
                resolve_plain(n);
            if (ev.data.scalar.anchor)
                anchor_set(&ps, xstrdup((const char *)ev.data.scalar.anchor), n, 1);
            ok = add_node(&ps, n, 1);
            break;
        }
        case YAML_ALIAS_EVENT: {
            const char *name = (const char *)ev.data.alias.anchor;
            anchor *found = NULL;
            for (size_t i = 0; i < ps.nanchors; i++)
                if (!strcmp(ps.anchors[i].name, name))
                    found = &ps.anchors[i];
            if (!found) {
                gen_pos pos = mark_pos(file, ev.start_mark);
                gen_diag_error(ld->diag, &pos, "alias '*%s' names no anchor defined before it",
                               name);
                ok = false;
            } else if (expecting_key(&ps) && found->node->kind >= GEN_NODE_SEQ) {
                gen_pos pos = mark_pos(file, ev.start_mark);
                gen_diag_error(ld->diag, &pos, "a mapping key must be a scalar, not a %s",
                               gen_node_kind_name(found->node->kind));
                ok = false;
            } else {
                ok = add_node(&ps, found->node, found->weight);
            }
            break;
        }
        case YAML_SEQUENCE_START_EVENT:
            ok = open_container(&ps, GEN_NODE_SEQ, ev.start_mark, ev.data.sequence_start.anchor);
            break;
        case YAML_MAPPING_START_EVENT:
            ok = open_container(&ps, GEN_NODE_MAP, ev.start_mark, ev.data.mapping_start.anchor);
            break;
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT:
            ok = close_container(&ps);
            break;
        default:
            break;
        }
        yaml_event_delete(&ev);
        if (!ok) {
            ps.failed = true;
            break;
        }
    }
    yaml_parser_delete(&p);
    for (size_t i = 0; i < ps.depth; i++) {
        free(ps.stack[i].kids);
        free(ps.stack[i].anchor);
    }
    free(ps.stack);
    for (size_t i = 0; i < ps.nanchors; i++)
        free(ps.anchors[i].name);
    free(ps.anchors);
    if (ps.failed) {
        file->failed = true;
        file->root = NULL;
        return;
    }
    if (!ps.root) {
        yaml_mark_t m = {0, 0, 0};
        ps.root = node_new(&ps, GEN_NODE_NULL, m);
        ps.root->text = "";
    }
    file->root = ps.root;
}

/* ---- files ---------------------------------------------------------------- */

static gen_load_file *file_new(gen_loader *ld, const char *path)
{
    gen_load_file *f = gen_arena_zalloc(ld->arena, sizeof *f);
    f->path = gen_arena_strdup(ld->arena, path);
    f->dir = dir_of(ld->arena, f->path);
    *ld->tail = f;
    ld->tail = &f->next;
    ld->file_count++;
    gen_strmap_add(&ld->by_path, f->path, strlen(f->path), f);
    return f;
}

static void open_error(gen_loader *ld, const char *path, const gen_node *from, const char *why)
{
    if (from)
        gen_diag_error(ld->diag, &from->pos, "cannot open '%s' (referenced here): %s", path,
                       why);
    else
        gen_diag_error(ld->diag, NULL, "cannot open '%s': %s", path, why);
}

gen_load_file *gen_loader_load(gen_loader *ld, const char *path, const gen_node *from)
{
    gen_load_file *known = gen_strmap_gets(&ld->by_path, path);
    if (known)
        return known->text ? known : (open_error(ld, path, from, "cannot be read"), NULL);
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        open_error(ld, path, from, strerror(errno));
        return NULL;
    }
    struct stat st;
    if (fstat(fileno(fp), &st) != 0 || S_ISDIR(st.st_mode)) {
        open_error(ld, path, from, S_ISDIR(st.st_mode) ? "is a directory" : strerror(errno));
        fclose(fp);
        return NULL;
    }
    uint64_t id[2] = {(uint64_t)st.st_dev, (uint64_t)st.st_ino};
    known = gen_strmap_get(&ld->by_id, id, sizeof id);
    if (known) {
        fclose(fp);
        return known; /* the same file under another name */
    }
    if (st.st_size > (off_t)GEN_LOAD_MAX_FILE) {
        fclose(fp);
        open_error(ld, path, from, "file too large");
        return NULL;
    }
    size_t cap = (size_t)st.st_size + 1, len = 0;
    char *buf = gen_xmalloc(cap);
    for (;;) {
        size_t n = fread(buf + len, 1, cap - len, fp);
        len += n;
        if (len < cap || len > GEN_LOAD_MAX_FILE)
            break;
        cap *= 2;
        buf = gen_xrealloc(buf, cap);
    }
    bool bad = ferror(fp) != 0;
    fclose(fp);
    if (bad || len > GEN_LOAD_MAX_FILE) {
        free(buf);
        open_error(ld, path, from, bad ? "read error" : "file too large");
        return NULL;
    }
    gen_load_file *f = file_new(ld, path);
    f->dev = (uint64_t)st.st_dev;
    f->ino = (uint64_t)st.st_ino;
    f->text = gen_arena_strndup(ld->arena, buf, len);
    f->len = len;
    free(buf);
    uint64_t *key = gen_arena_alloc(ld->arena, sizeof id);
    memcpy(key, id, sizeof id);
    gen_strmap_add(&ld->by_id, key, sizeof id, f);
    gen_diag_add_source(ld->diag, f->path, f->text, f->len);
    ld->loads++;
    size_t bad_at = utf8_check((const unsigned char *)f->text, f->len);
    if (bad_at < f->len) {
        unsigned line, col;
        offset_pos(f->text, bad_at, &line, &col);
        gen_pos pos = {f->path, line, col};
        gen_diag_error(ld->diag, &pos, "invalid UTF-8 (byte 0x%02X); save the file as UTF-8",
                       (unsigned char)f->text[bad_at]);
        f->failed = true;
        return f;
    }
    parse_file(ld, f);
    return f;
}

/* ---- data trees ------------------------------------------------------------ */

gen_data *gen_node_to_data(gen_arena *arena, const gen_node *n)
{
    switch (n->kind) {
    case GEN_NODE_NULL:
        return gen_data_null(arena);
    case GEN_NODE_BOOL:
        return gen_data_bool(arena, n->boolean);
    case GEN_NODE_INT:
    case GEN_NODE_FLOAT: {
        gen_data *d = gen_data_number(arena, n->f);
        d->u.number.text = n->text;
        return d;
    }
    case GEN_NODE_STRING:
        return gen_data_string_ref(arena, n->text, n->len);
    case GEN_NODE_SEQ: {
        gen_data *l = gen_data_list(arena);
        l->u.list.items = gen_arena_alloc(arena, (n->u.seq.count ? n->u.seq.count : 1) *
                                                     sizeof(gen_data *));
        l->u.list.cap = n->u.seq.count;
        for (size_t i = 0; i < n->u.seq.count; i++)
            l->u.list.items[i] = gen_node_to_data(arena, n->u.seq.items[i]);
        l->u.list.count = n->u.seq.count;
        return l;
    }
    case GEN_NODE_MAP: {
        /* Keys are unique (the loader checked), so entries are filled
         * directly instead of through gen_data_set's linear lookup. */
        gen_data *m = gen_data_map(arena);
        size_t cnt = n->u.map.count;
        m->u.map.entries = gen_arena_alloc(arena, (cnt ? cnt : 1) * sizeof(gen_data_entry));
        m->u.map.cap = cnt;
        for (size_t i = 0; i < cnt; i++) {
            m->u.map.entries[i].key = n->u.map.pairs[i].key->text;
            m->u.map.entries[i].key_len = n->u.map.pairs[i].key->len;
            m->u.map.entries[i].value = gen_node_to_data(arena, n->u.map.pairs[i].value);
        }
        m->u.map.count = cnt;
        return m;
    }
    }
    return gen_data_null(arena);
}

gen_data *gen_load_data(gen_arena *arena, gen_diag *diag, const char *path)
{
    gen_loader ld;
    gen_loader_init(&ld, arena, diag);
    gen_load_file *f = gen_loader_load(&ld, path, NULL);
    if (!f || f->failed || !f->root)
        return NULL;
    return gen_node_to_data(arena, f->root);
}
