/*
 * ir.c - building the IR from parsed schemas and resolved references.
 *
 * Named types are created as soon as a reference reaches them ("shells" with
 * their kind already known, so a field can take its codec from the target
 * without building it first) and built later from a worklist: references
 * never recurse into other named types, so `$ref` cycles cannot loop or
 * overflow the stack.  Inline schemas are built at once, within the parent
 * (their nesting is bounded by the loader's depth limit).  A final
 * depth-first pass over the finished types marks the references that close
 * cycles and puts the types in dependency order.
 */
#include "ir.h"

#include <stdlib.h>
#include <string.h>

#include "openapi.h"
#include "resolve.h"

typedef struct build {
    gen_arena *arena;
    gen_diag *diag;
    gen_resolver res;
    gen_ir_type **types;       /* heap: every type, creation order */
    const gen_schema **schemas;/* heap: parsed schema per type (same index) */
    size_t count, cap;
} build;

const char *gen_ir_codec_name(gen_ir_codec codec)
{
    static const char *const names[GEN_CODEC_COUNT] = {
        "string", "bool", "int32", "int64", "float", "double",
        "date-time", "date", "uuid", "enum", "object", "array"};
    return (unsigned)codec < GEN_CODEC_COUNT ? names[codec] : "?";
}

const char *gen_ir_kind_name(gen_ir_kind kind)
{
    switch (kind) {
    case GEN_IR_OBJECT: return "object";
    case GEN_IR_ENUM: return "enum";
    case GEN_IR_ARRAY: return "array";
    case GEN_IR_SCALAR: return "scalar";
    }
    return "?";
}

gen_ir_type *gen_ir_find(const gen_ir *ir, const char *name)
{
    for (size_t i = 0; i < ir->type_count; i++)
        if (!strcmp(ir->types[i]->name, name))
            return ir->types[i];
    return NULL;
}

/* The scalar codec of a string/integer/number/boolean schema. */
static gen_ir_codec scalar_codec(build *b, const gen_schema *s)
{
    const char *f = s->format;
    unsigned t = s->types & (unsigned)~GEN_OA_NULL;
    if (t == GEN_OA_BOOLEAN)
        return GEN_CODEC_BOOL;
    if (t == GEN_OA_INTEGER) {
        if (f && !strcmp(f, "int32"))
            return GEN_CODEC_INT32;
        if (f && strcmp(f, "int64"))
            gen_diag_warning(b->diag, &s->format_node->pos,
                             "integer format '%s' is not known; using int64", f);
        return GEN_CODEC_INT64;
    }
    if (t == GEN_OA_NUMBER) {
        if (f && !strcmp(f, "float"))
            return GEN_CODEC_FLOAT;
        return GEN_CODEC_DOUBLE;
    }
    if (f && !strcmp(f, "date-time"))
        return GEN_CODEC_DATETIME;
    if (f && !strcmp(f, "date"))
        return GEN_CODEC_DATE;
    if (f && !strcmp(f, "uuid"))
        return GEN_CODEC_UUID;
    return GEN_CODEC_STRING;
}

/* Decides what kind of type s describes.  Returns false after reporting
 * when s cannot be modelled (scalar schemas give *scalar). */
static bool classify(build *b, const gen_schema *s, gen_ir_kind *kind, gen_ir_codec *scalar)
{
    unsigned t = s->types & (unsigned)~GEN_OA_NULL;
    if (s->invalid && !t)
        return false;
    if (s->enum_node) {
        if (t && t != GEN_OA_STRING) {
            gen_diag_error(b->diag, &s->enum_node->pos,
                           "only string enums are supported yet; this enum's type is '%s'",
                           s->type_node && s->type_node->kind == GEN_NODE_STRING
                               ? s->type_node->text
                               : "not string");
            return false;
        }
        *kind = GEN_IR_ENUM;
        return true;
    }
    if (t == GEN_OA_OBJECT) {
        if (!s->has_properties) {
            gen_diag_error(b->diag, &s->node->pos,
                           "an object without 'properties' (a free-form object) is not "
                           "supported yet; list its properties");
            return false;
        }
        *kind = GEN_IR_OBJECT;
        return true;
    }
    if (t == GEN_OA_ARRAY) {
        if (!s->items) {
            if (!s->invalid)
                gen_diag_error(b->diag, &s->node->pos,
                               "an array schema needs 'items' (the schema of its elements)");
            return false;
        }
        *kind = GEN_IR_ARRAY;
        return true;
    }
    if (t == GEN_OA_STRING || t == GEN_OA_INTEGER || t == GEN_OA_NUMBER ||
        t == GEN_OA_BOOLEAN) {
        *kind = GEN_IR_SCALAR;
        *scalar = scalar_codec(b, s);
        return true;
    }
    if (s->invalid)
        return false;
    if (s->types == GEN_OA_NULL)
        gen_diag_error(b->diag, &s->node->pos,
                       "a schema whose only type is 'null' is not supported; give it a type");
    else
        gen_diag_error(b->diag, &s->node->pos,
                       "this schema has no 'type'; add one (string, integer, number, boolean, "
                       "array or object)");
    return false;
}

static gen_ir_type *type_new(build *b, gen_ir_kind kind, const char *name, gen_ir_type *owner,
                             const gen_schema *s)
{
    gen_ir_type *t = gen_arena_zalloc(b->arena, sizeof *t);
    t->kind = kind;
    t->name = name;
    t->owner = owner;
    t->title = s->title;
    t->description = s->description;
    t->example = s->example;
    t->default_value = s->default_value;
    t->deprecated = s->deprecated;
    t->nullable = s->nullable;
    t->pos = s->node->pos;
    t->file = s->node->file;
    if (b->count == b->cap) {
        b->cap = b->cap ? b->cap * 2 : 16;
        b->types = gen_xrealloc(b->types, b->cap * sizeof *b->types);
        b->schemas = gen_xrealloc(b->schemas, b->cap * sizeof *b->schemas);
    }
    t->index = b->count;
    b->types[b->count] = t;
    b->schemas[b->count] = s;
    b->count++;
    return t;
}

/* The type of a named entry, created (not built) on first use. */
static gen_ir_type *entry_type(build *b, gen_resolve_entry *e)
{
    if (e->user)
        return e->user;
    if (e->failed || e->alias_of)
        return NULL;
    gen_schema *s = gen_openapi_parse(&b->res.oa, e->node, "a schema");
    gen_ir_kind kind;
    gen_ir_codec codec = GEN_CODEC_STRING;
    if (!s || !classify(b, s, &kind, &codec)) {
        e->failed = true;
        return NULL;
    }
    gen_ir_type *t = type_new(b, kind, e->name, NULL, s);
    t->state = 1; /* created, not built */
    if (kind == GEN_IR_SCALAR) {
        t->items.codec = codec;
        t->items.format = s->format;
    }
    e->user = t;
    return t;
}

static bool build_type(build *b, gen_ir_type *t, const gen_schema *s);

/* "targetType" -> "TargetType": a type-name part from a JSON name. */
static const char *pascal(gen_arena *a, const char *json)
{
    size_t n = strlen(json);
    char *out = gen_arena_alloc(a, n + 1);
    size_t o = 0;
    bool up = true;
    for (size_t i = 0; i < n; i++) {
        char c = json[i];
        bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                     (unsigned char)c >= 0x80;
        if (!alnum) {
            up = true;
            continue;
        }
        out[o++] = up && c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c;
        up = false;
    }
    out[o] = '\0';
    return out;
}

/* What schema p holds, as a field or array element of parent: follows a
 * `$ref`, or builds an inline enum/object/array as a new type named
 * inline_name.  Returns false after reporting. */
static bool make_tref(build *b, const gen_schema *p, gen_ir_type *parent, const char *inline_name,
                      gen_ir_tref *out, bool *target_nullable)
{
    memset(out, 0, sizeof *out);
    *target_nullable = false;
    if (p->ref) {
        gen_resolve_entry *e = gen_resolve_ref(&b->res, p->ref);
        if (!e)
            return false;
        gen_ir_type *t = entry_type(b, e);
        if (!t)
            return false;
        out->type = t;
        *target_nullable = t->nullable;
        switch (t->kind) {
        case GEN_IR_OBJECT: out->codec = GEN_CODEC_OBJECT; break;
        case GEN_IR_ENUM: out->codec = GEN_CODEC_ENUM; break;
        case GEN_IR_ARRAY: out->codec = GEN_CODEC_ARRAY; break;
        case GEN_IR_SCALAR:
            out->codec = t->items.codec;
            out->format = t->items.format;
            break;
        }
        return true;
    }
    gen_ir_kind kind;
    gen_ir_codec codec = GEN_CODEC_STRING;
    if (!classify(b, p, &kind, &codec))
        return false;
    if (kind == GEN_IR_SCALAR) {
        out->codec = codec;
        out->format = p->format;
        return true;
    }
    gen_ir_type *owner = parent->owner ? parent->owner : parent;
    gen_ir_type *t = type_new(b, kind, inline_name, owner, p);
    t->state = 2;
    out->type = t;
    out->codec = kind == GEN_IR_OBJECT ? GEN_CODEC_OBJECT
                 : kind == GEN_IR_ENUM ? GEN_CODEC_ENUM
                                       : GEN_CODEC_ARRAY;
    bool ok = build_type(b, t, p);
    *target_nullable = t->nullable;
    return ok;
}

static bool build_object(build *b, gen_ir_type *t, const gen_schema *s)
{
    bool ok = true;
    t->fields = gen_arena_zalloc(b->arena, (s->prop_count ? s->prop_count : 1) *
                                               sizeof *t->fields);
    size_t n = 0;
    for (size_t i = 0; i < s->prop_count; i++) {
        const gen_schema_prop *pr = &s->props[i];
        if (!pr->schema) {
            ok = false;
            continue;
        }
        const gen_schema *p = pr->schema;
        gen_ir_field *f = &t->fields[n];
        f->json_name = pr->name->text;
        f->json_len = pr->name->len;
        f->pos = pr->name->pos;
        f->required = pr->required;
        f->read_only = p->read_only;
        f->write_only = p->write_only;
        f->deprecated = p->deprecated;
        f->title = p->title;
        f->description = p->description;
        f->example = p->example;
        f->default_value = p->default_value;
        const char *iname =
            gen_arena_printf(b->arena, "%s%s", t->name, pascal(b->arena, f->json_name));
        bool tn = false;
        if (!make_tref(b, p, t, iname, &f->ref, &tn)) {
            ok = false;
            continue;
        }
        f->nullable = p->nullable || tn;
        if (p->ref && f->ref.type) {
            /* A `$ref` sibling description wins; else the target's. */
            if (!f->description)
                f->description = f->ref.type->description;
            if (!f->title)
                f->title = f->ref.type->title;
        }
        n++;
    }
    t->field_count = n;
    return ok;
}

static bool build_enum(build *b, gen_ir_type *t, const gen_schema *s)
{
    const gen_node *en = s->enum_node;
    bool ok = true;
    if (en->u.seq.count == 0) {
        gen_diag_error(b->diag, &en->pos, "'enum' lists no values");
        return false;
    }
    t->members = gen_arena_zalloc(b->arena, en->u.seq.count * sizeof *t->members);
    size_t n = 0;
    const gen_node *null_node = NULL;
    for (size_t i = 0; i < en->u.seq.count; i++) {
        const gen_node *m = en->u.seq.items[i];
        if (m->kind == GEN_NODE_NULL) {
            if (null_node) {
                gen_diag_error(b->diag, &m->pos, "null is listed twice in 'enum'");
                gen_diag_note(b->diag, &null_node->pos, "first listed here");
                ok = false;
            }
            null_node = m;
            t->has_null = true;
            continue;
        }
        if (m->kind != GEN_NODE_STRING) {
            if (m->kind == GEN_NODE_SEQ || m->kind == GEN_NODE_MAP)
                gen_diag_error(b->diag, &m->pos,
                               "enum value is a %s; a string enum lists strings",
                               gen_node_kind_name(m->kind));
            else
                gen_diag_error(b->diag, &m->pos,
                               "enum value %s is %s %s, not a string; quote it ('%s') if it is "
                               "meant as text",
                               m->text, m->kind == GEN_NODE_INT ? "an" : "a",
                               gen_node_kind_name(m->kind), m->text);
            ok = false;
            continue;
        }
        bool dup = false;
        for (size_t k = 0; k < n; k++) {
            if (t->members[k].wire_len == m->len && !memcmp(t->members[k].wire, m->text, m->len)) {
                gen_diag_error(b->diag, &m->pos, "enum value '%s' is listed twice", m->text);
                gen_diag_note(b->diag, &t->members[k].pos, "first listed here");
                dup = true;
                ok = false;
            }
        }
        if (dup)
            continue;
        gen_ir_member *mb = &t->members[n];
        mb->wire = m->text;
        mb->wire_len = m->len;
        mb->value = (int)n;
        mb->pos = m->pos;
        n++;
    }
    t->member_count = n;
    if (t->has_null && !s->nullable) {
        gen_diag_warning(b->diag, &null_node->pos,
                         "enum lists null but the schema does not say 'nullable: true'; "
                         "null is accepted anyway");
    }
    if (t->has_null)
        t->nullable = true;
    if (n == 0 && ok) {
        gen_diag_error(b->diag, &en->pos, "'enum' lists no string values");
        ok = false;
    }
    return ok;
}

static bool build_type(build *b, gen_ir_type *t, const gen_schema *s)
{
    switch (t->kind) {
    case GEN_IR_OBJECT:
        return build_object(b, t, s);
    case GEN_IR_ENUM:
        return build_enum(b, t, s);
    case GEN_IR_ARRAY: {
        bool tn = false;
        const char *iname = gen_arena_printf(b->arena, "%sItem", t->name);
        return make_tref(b, s->items, t, iname, &t->items, &tn);
    }
    case GEN_IR_SCALAR:
        return true;
    }
    return false;
}

/* ---- cycles and order --------------------------------------------------- */

typedef struct order {
    gen_ir_type **out;
    size_t n;
    gen_ir_type **stack;
    size_t depth;
} order;

static void visit(order *o, gen_ir_type *t);

static void visit_ref(order *o, gen_ir_tref *r)
{
    gen_ir_type *u = r->type;
    if (!u)
        return;
    if (u->state == 3) {
        /* on the stack: this reference closes a cycle */
        r->recursive = true;
        for (size_t i = o->depth; i-- > 0;) {
            o->stack[i]->recursive = true;
            if (o->stack[i] == u)
                break;
        }
        return;
    }
    if (u->state != 4)
        visit(o, u);
}

static void visit(order *o, gen_ir_type *t)
{
    t->state = 3;
    o->stack[o->depth++] = t;
    if (t->kind == GEN_IR_OBJECT)
        for (size_t i = 0; i < t->field_count; i++)
            visit_ref(o, &t->fields[i].ref);
    else if (t->kind == GEN_IR_ARRAY)
        visit_ref(o, &t->items);
    o->depth--;
    t->state = 4;
    t->index = o->n;
    o->out[o->n++] = t;
}

gen_ir *gen_ir_build(gen_arena *arena, gen_diag *diag, const char *const *paths, size_t n)
{
    build b;
    memset(&b, 0, sizeof b);
    b.arena = arena;
    b.diag = diag;
    gen_resolver_init(&b.res, arena, diag);
    gen_resolve_inputs(&b.res, paths, n);
    /* The entry list grows while we build (references find new files). */
    for (size_t i = 0; i < b.res.count; i++) {
        gen_resolve_entry *e = b.res.entries[i];
        const gen_node *ref = gen_node_get(e->node, "$ref");
        if (ref && ref->kind == GEN_NODE_STRING) {
            (void)gen_resolve_ref(&b.res, ref); /* an alias: only check it */
            continue;
        }
        gen_ir_type *t = entry_type(&b, e);
        if (!t || t->state != 1)
            continue;
        t->state = 2;
        build_type(&b, t, b.schemas[t->index]);
    }
    gen_ir *ir = gen_arena_zalloc(arena, sizeof *ir);
    ir->input_count = b.res.loader.file_count;
    ir->inputs = gen_arena_alloc(arena, (ir->input_count ? ir->input_count : 1) * sizeof(char *));
    size_t k = 0;
    for (gen_load_file *f = b.res.loader.files; f; f = f->next)
        ir->inputs[k++] = f->path;
    ir->types = gen_arena_alloc(arena, (b.count ? b.count : 1) * sizeof *ir->types);
    order o = {ir->types, 0, gen_xmalloc((b.count ? b.count : 1) * sizeof(gen_ir_type *)), 0};
    for (size_t i = 0; i < b.count; i++)
        if (b.types[i]->state != 4)
            visit(&o, b.types[i]);
    ir->type_count = o.n;
    free(o.stack);
    free(b.types);
    free(b.schemas);
    gen_resolver_dispose(&b.res);
    return diag->errors ? NULL : ir;
}
