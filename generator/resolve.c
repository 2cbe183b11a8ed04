/*
 * resolve.c - finding named schemas and following `$ref`s to them.
 *
 * Entries are identified by their schema node, so one schema reached by two
 * spellings (`./A.yaml`, `../dir/A.yaml`, `#/components/schemas/A` from
 * inside the document) is one type.  Alias chains are followed with a hop
 * bound instead of recursion, so a `$ref` cycle cannot overflow the stack.
 */
#include "resolve.h"

#include <stdlib.h>
#include <string.h>

#define ALIAS_HOPS_MAX 64

void gen_resolver_init(gen_resolver *r, gen_arena *arena, gen_diag *diag)
{
    memset(r, 0, sizeof *r);
    r->arena = arena;
    r->diag = diag;
    gen_loader_init(&r->loader, arena, diag);
    r->oa.arena = arena;
    r->oa.diag = diag;
    gen_strmap_init(&r->by_node, NULL);
    gen_strmap_init(&r->by_name, NULL);
}

void gen_resolver_dispose(gen_resolver *r)
{
    free(r->entries);
    r->entries = NULL;
    r->count = r->cap = 0;
    gen_strmap_dispose(&r->by_node);
    gen_strmap_dispose(&r->by_name);
}

static gen_resolve_entry *find_by_node(gen_resolver *r, const gen_node *node)
{
    return gen_strmap_get(&r->by_node, &node, sizeof node);
}

static gen_resolve_entry *register_entry(gen_resolver *r, const char *name, const gen_node *node,
                                         gen_pos pos, bool from_input)
{
    gen_resolve_entry *e = find_by_node(r, node);
    if (e) {
        e->from_input |= from_input;
        return e;
    }
    e = gen_arena_zalloc(r->arena, sizeof *e);
    e->name = name;
    e->node = node;
    e->pos = pos;
    e->from_input = from_input;
    gen_resolve_entry *other = gen_strmap_add(&r->by_name, e->name, strlen(e->name), e);
    if (other != e) {
        gen_diag_error(r->diag, &pos, "two different schemas are named '%s'; rename one of them",
                       name);
        gen_diag_note(r->diag, &other->pos, "the other '%s' is here", name);
        e->failed = true;
    }
    gen_strmap_add(&r->by_node, &e->node, sizeof e->node, e);
    if (r->count == r->cap) {
        r->cap = r->cap ? r->cap * 2 : 16;
        r->entries = gen_xrealloc(r->entries, r->cap * sizeof *r->entries);
    }
    r->entries[r->count++] = e;
    return e;
}

/* "dir/Foo.yaml" -> "Foo" */
static const char *name_from_path(gen_arena *a, const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    size_t n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
    return gen_arena_strndup(a, base, n);
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

const gen_node *gen_resolve_pointer(gen_arena *arena, const gen_node *root, const char *ptr,
                                    const char **seg_out)
{
    const gen_node *cur = root;
    if (seg_out)
        *seg_out = NULL;
    if (*ptr == '\0')
        return root;
    if (*ptr != '/')
        return NULL;
    size_t plen = strlen(ptr);
    char *seg = gen_arena_alloc(arena, plen + 1);
    const char *p = ptr + 1;
    for (;;) {
        size_t n = 0;
        while (*p && *p != '/') {
            char c = *p++;
            if (c == '~') {
                if (*p == '0')
                    c = '~';
                else if (*p == '1')
                    c = '/';
                else
                    return NULL;
                p++;
            } else if (c == '%' && hexval(p[0]) >= 0 && hexval(p[1]) >= 0) {
                c = (char)(hexval(p[0]) * 16 + hexval(p[1]));
                p += 2;
            }
            seg[n++] = c;
        }
        seg[n] = '\0';
        if (!cur)
            return NULL;
        if (cur->kind == GEN_NODE_MAP) {
            cur = gen_node_getn(cur, seg, n);
        } else if (cur->kind == GEN_NODE_SEQ) {
            size_t idx = 0;
            if (n == 0 || (n > 1 && seg[0] == '0') || n > 9)
                return NULL;
            for (size_t i = 0; i < n; i++) {
                if (seg[i] < '0' || seg[i] > '9')
                    return NULL;
                idx = idx * 10 + (size_t)(seg[i] - '0');
            }
            cur = idx < cur->u.seq.count ? cur->u.seq.items[idx] : NULL;
        } else {
            return NULL;
        }
        if (!cur)
            return NULL;
        if (*p != '/')
            break;
        p++;
        seg = gen_arena_alloc(arena, plen + 1);
    }
    if (seg_out)
        *seg_out = seg;
    return cur;
}

/* Resolves one `$ref` to its entry without following aliases. */
static gen_resolve_entry *lookup_ref(gen_resolver *r, const gen_node *ref)
{
    const char *text = ref->text;
    const gen_load_file *from = ref->file;
    if (strstr(text, "://")) {
        gen_diag_error(r->diag, &ref->pos,
                       "remote reference '%s' is not supported; download the schema and refer "
                       "to the local file",
                       text);
        return NULL;
    }
    const char *hash = strchr(text, '#');
    size_t flen = hash ? (size_t)(hash - text) : strlen(text);
    const char *frag = hash ? hash + 1 : "";
    const gen_load_file *f = from;
    if (flen > 0) {
        char *fpart = gen_arena_strndup(r->arena, text, flen);
        char *path = gen_load_join_path(r->arena, from->dir, fpart);
        f = gen_loader_load(&r->loader, path, ref);
        if (!f)
            return NULL;
        if (f->failed || !f->root)
            return NULL; /* its errors were reported when it was read */
    }
    const char *seg = NULL;
    const gen_node *target = gen_resolve_pointer(r->arena, f->root, frag, &seg);
    if (!target) {
        if (*frag != '/')
            gen_diag_error(r->diag, &ref->pos,
                           "'%s': the part after '#' must be a JSON Pointer such as "
                           "'#/components/schemas/Name'",
                           text);
        else
            gen_diag_error(r->diag, &ref->pos, "'%s' not found: '%s' has nothing at '%s'", text,
                           f->path, frag);
        return NULL;
    }
    if (!seg && gen_openapi_is_document(target)) {
        gen_diag_error(r->diag, &ref->pos,
                       "'%s' is a whole OpenAPI document, not a schema; point into it, e.g. "
                       "'%s#/components/schemas/Name'",
                       text, text);
        return NULL;
    }
    if (target->kind != GEN_NODE_MAP) {
        gen_diag_error(r->diag, &ref->pos,
                       "'%s' must point at a schema (a mapping), but it points at a %s", text,
                       gen_node_kind_name(target->kind));
        return NULL;
    }
    const char *name = seg ? seg : name_from_path(r->arena, f->path);
    if (!*name) {
        gen_diag_error(r->diag, &ref->pos, "'%s' does not give the type a name", text);
        return NULL;
    }
    return register_entry(r, name, target, target->pos, false);
}

/* The `$ref` of a schema that is nothing but a reference, else NULL. */
static const gen_node *alias_ref(const gen_node *node)
{
    const gen_node *ref = gen_node_get(node, "$ref");
    return ref && ref->kind == GEN_NODE_STRING ? ref : NULL;
}

/* Follows the alias chain from e to a real schema; NULL on a cycle. */
static gen_resolve_entry *follow_aliases(gen_resolver *r, gen_resolve_entry *e)
{
    gen_resolve_entry *start = e;
    for (int hops = 0; e; hops++) {
        if (hops > ALIAS_HOPS_MAX) {
            gen_diag_error(r->diag, &start->node->pos,
                           "'%s' is a chain of more than %d '$ref's or a cycle of them; "
                           "a reference cycle needs an object in between",
                           start->name, ALIAS_HOPS_MAX);
            start->failed = true;
            return NULL;
        }
        if (e->failed)
            return NULL;
        if (e->alias_of) {
            e = e->alias_of;
            continue;
        }
        const gen_node *ref = alias_ref(e->node);
        if (!ref)
            return e;
        gen_resolve_entry *next = lookup_ref(r, ref);
        if (!next) {
            e->failed = true;
            return NULL;
        }
        e->alias_of = next;
        e = next;
    }
    return NULL;
}

gen_resolve_entry *gen_resolve_ref(gen_resolver *r, const gen_node *ref)
{
    gen_resolve_entry *e = lookup_ref(r, ref);
    return e ? follow_aliases(r, e) : NULL;
}

size_t gen_resolve_inputs(gen_resolver *r, const char *const *paths, size_t n)
{
    size_t before = r->count;
    for (size_t i = 0; i < n; i++) {
        gen_load_file *f = gen_loader_load(&r->loader, paths[i], NULL);
        if (!f || f->failed || !f->root)
            continue;
        const gen_node *root = f->root;
        if (gen_openapi_is_document(root)) {
            unsigned errs = r->diag->errors;
            const gen_node *schemas = gen_openapi_document_schemas(&r->oa, root);
            if (!schemas) {
                if (r->diag->errors == errs)
                    gen_diag_warning(r->diag, &root->pos,
                                     "this OpenAPI document has no components/schemas");
                continue;
            }
            for (size_t k = 0; k < schemas->u.map.count; k++) {
                const gen_node *key = schemas->u.map.pairs[k].key;
                const gen_node *val = schemas->u.map.pairs[k].value;
                if (val->kind != GEN_NODE_MAP) {
                    gen_diag_error(r->diag, &val->pos,
                                   "schema '%s' must be a mapping, not a %s", key->text,
                                   gen_node_kind_name(val->kind));
                    continue;
                }
                register_entry(r, key->text, val, key->pos, true);
            }
        } else if (root->kind == GEN_NODE_NULL) {
            gen_diag_error(r->diag, &root->pos,
                           "the file is empty; a schema file holds one schema (a mapping)");
        } else if (root->kind != GEN_NODE_MAP) {
            gen_diag_error(r->diag, &root->pos,
                           "a schema file must hold one schema (a mapping), not a %s",
                           gen_node_kind_name(root->kind));
        } else {
            register_entry(r, name_from_path(r->arena, f->path), root, root->pos, true);
        }
    }
    return r->count - before;
}
