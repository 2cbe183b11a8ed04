/*
 * view.c - building the template data tree from the named IR.
 *
 * Everything a template prints is computed here or in naming.c; templates
 * only choose between ready-made strings by the one codec tag.
 */
#include "view.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "naming.h"

#ifndef MODELC_VERSION
#define MODELC_VERSION "0.0.0"
#endif

/*
 * Memory: a type's view is built once per type and field, so it is kept
 * small.  Keys are the string literals below (gen_data_set_static, not
 * copied), strings point into the IR or into the arena (the view already
 * points into the IR), maps are sized once, and the values every field
 * repeats (true, false, null, the per-codec macros and types, the flags)
 * are one shared node each.  Nothing changes a node after it is built.
 */
typedef struct vctx {
    gen_arena *a;
    const char *rt, *rt_upper;
    gen_data *yes, *no, *null;
    gen_data *codec_name[GEN_CODEC_COUNT];
    gen_data *kind_macro[GEN_CODEC_COUNT];
    gen_data *field_macro[GEN_CODEC_COUNT];
    gen_data *fast_call[GEN_CODEC_COUNT];        /* the fast decoder's primitive */
    gen_data *scalar_c_type[GEN_CODEC_COUNT]; /* NULL for enum, object, array */
    gen_data *flags[4];                         /* [required * 2 + nullable] */
} vctx;

/* Map sizes, so that building a node allocates its entry array once. */
#define FIELD_KEYS 60
#define TYPE_KEYS 55
#define TREF_KEYS 24

static void put(vctx *v, gen_data *m, const char *k, gen_data *d)
{
    gen_data_set_static(v->a, m, k, d);
}

/* A string that outlives the view (IR, arena or literal); null when NULL. */
static void put_str(vctx *v, gen_data *m, const char *k, const char *s)
{
    put(v, m, k, s ? gen_data_string_ref(v->a, s, strlen(s)) : v->null);
}

static void put_bool(vctx *v, gen_data *m, const char *k, bool b)
{
    put(v, m, k, b ? v->yes : v->no);
}

static void put_num(vctx *v, gen_data *m, const char *k, double x)
{
    put(v, m, k, gen_data_number(v->a, x));
}

static void put_node(vctx *v, gen_data *m, const char *k, const gen_node *n)
{
    put(v, m, k, n ? gen_node_to_data(v->a, n) : v->null);
}

static const char *codec_flag[GEN_CODEC_COUNT] = {
    "is_string", "is_bool", "is_int32", "is_int64", "is_float", "is_double",
    "is_date_time", "is_date", "is_uuid", "is_enum", "is_object", "is_array"};

static const char *codec_macro[GEN_CODEC_COUNT] = {
    "STRING", "BOOL", "INT32", "INT64", "FLOAT", "DOUBLE",
    "DATETIME", "DATE", "UUID", "ENUM", "OBJECT", "ARRAY"};

/* The runtime primitive a generated fast decoder calls for a member of each
 * codec (mc_fast_*_); codecs without one of their own share mc_fast_value_. */
static const char *fast_primitive[GEN_CODEC_COUNT] = {
    "fast_string_", "fast_value_", "fast_value_", "fast_value_", "fast_value_", "fast_value_",
    "fast_datetime_", "fast_value_", "fast_value_", "fast_enum_", "fast_object_", "fast_array_"};

static const char *c_type_text(vctx *v, const gen_ir_tref *r)
{
    switch (r->codec) {
    case GEN_CODEC_STRING:
    case GEN_CODEC_UUID: return gen_arena_printf(v->a, "%sstring", v->rt);
    case GEN_CODEC_BOOL: return "bool";
    case GEN_CODEC_INT32: return "int32_t";
    case GEN_CODEC_INT64: return "int64_t";
    case GEN_CODEC_FLOAT: return "float";
    case GEN_CODEC_DOUBLE: return "double";
    case GEN_CODEC_DATETIME: return gen_arena_printf(v->a, "%sdatetime", v->rt);
    case GEN_CODEC_DATE: return gen_arena_printf(v->a, "%sdate", v->rt);
    case GEN_CODEC_ENUM:
        /* Elaborated names: C++ forbids a member to reuse its type's name. */
        return gen_arena_printf(v->a, "enum %s", r->type->names.c_name);
    case GEN_CODEC_OBJECT:
    case GEN_CODEC_ARRAY: return gen_arena_printf(v->a, "struct %s", r->type->names.c_name);
    }
    return "?";
}

/* Pushes one comment line, broken at spaces so no piece is longer than
 * COMMENT_WIDTH (a longer word stays whole). */
#define COMMENT_WIDTH 76
static void push_wrapped(gen_arena *a, gen_data *lines, const char *s, size_t len)
{
    while (len > COMMENT_WIDTH) {
        size_t cut = COMMENT_WIDTH;
        while (cut > 0 && s[cut] != ' ')
            cut--;
        if (cut == 0) {
            cut = COMMENT_WIDTH;
            while (cut < len && s[cut] != ' ')
                cut++;
            if (cut == len)
                break;
        }
        gen_data_push(a, lines, gen_data_string(a, s, cut));
        s += cut + 1;
        len -= cut + 1;
    }
    gen_data_push(a, lines, gen_data_string(a, s, len));
}

/* Makes text safe inside a C block comment: no comment end, no trigraph-ish
 * surprises, no control characters; one entry per line, empty lines kept
 * (leading and trailing empty lines dropped). */
static gen_data *comment_lines(gen_arena *a, const char *text)
{
    gen_data *lines = gen_data_list(a);
    if (!text)
        return lines;
    size_t len = strlen(text);
    while (len && (text[len - 1] == '\n' || text[len - 1] == ' '))
        len--;
    char *buf = gen_arena_alloc(a, len * 2 + 1);
    size_t start = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i < len && text[i] != '\n')
            continue;
        size_t o = 0;
        for (size_t k = start; k < i; k++) {
            unsigned char c = (unsigned char)text[k];
            if (c == '/' && o && buf[o - 1] == '*')
                buf[o++] = ' ';
            buf[o++] = c < 0x20 || c == 0x7f ? ' ' : (char)c;
        }
        while (o && buf[o - 1] == ' ')
            o--;
        if (o || lines->u.list.count)
            push_wrapped(a, lines, buf, o);
        start = i + 1;
    }
    return lines;
}

/* The example as one line of compact JSON for a comment, or null. */
static gen_data *example_text(gen_arena *a, const gen_node *n)
{
    if (!n)
        return gen_data_null(a);
    gen_data *d = gen_node_to_data(a, n);
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    if (!f)
        gen_oom();
    if (d->kind == GEN_DATA_STRING)
        fwrite(d->u.string.ptr, 1, d->u.string.len, f);
    else
        gen_data_write_json(f, d, -1);
    fclose(f);
    gen_data *lines = comment_lines(a, text);
    free(text);
    /* Several lines (a folded YAML example) read fine joined by spaces. */
    size_t total = 0;
    for (size_t i = 0; i < lines->u.list.count; i++)
        total += lines->u.list.items[i]->u.string.len + 1;
    char *out = gen_arena_alloc(a, total + 1);
    size_t o = 0;
    for (size_t i = 0; i < lines->u.list.count; i++) {
        const gen_data *l = lines->u.list.items[i];
        if (o)
            out[o++] = ' ';
        memcpy(out + o, l->u.string.ptr, l->u.string.len);
        o += l->u.string.len;
    }
    out[o] = '\0';
    return gen_data_string_ref(a, out, o);
}

/* The doc block of a type: title and description as comment lines, or null. */
static gen_data *doc_view(gen_arena *a, const char *title, const char *description)
{
    if (!title && !description)
        return gen_data_null(a);
    gen_data *doc = gen_data_map(a);
    gen_data *lines = comment_lines(a, title);
    gen_data *more = comment_lines(a, description);
    if (lines->u.list.count && more->u.list.count)
        gen_data_push(a, lines, gen_data_cstr(a, ""));
    for (size_t i = 0; i < more->u.list.count; i++)
        gen_data_push(a, lines, more->u.list.items[i]);
    gen_data_set(a, doc, "lines", lines);
    return doc;
}

/* The runtime identifiers templates print, under the output's prefix. */
static const char *const runtime_names[] = {
    "string", "presence", "datetime", "date", "allocator", "buf", "error",
    "decode_options", "encode_options", "type", "field", "enum_desc", "enum_value",
    "init", "clear", "copy", "equal", "decode", "encode", "encode_string",
    "enum_to_string", "enum_from_string", "cursor_", "fast_open_", "fast_close_",
    "fast_fail_", "release_", "release_string_", "release_block_"};
static const char *const runtime_macros[] = {
    "ABSENT", "NULL", "PRESENT", "OK", "MUST_CHECK", "OPTIONAL", "REQUIRED", "NULLABLE",
    "ENUM_VALUE", "ENUM_VALUE_PLAIN", "ENUM_DESC", "ENUM_DESC_FAST", "ENUM_MATCH_", "KEY_MATCH_", "ENUM_HAS_NULL", "ENUM_NO_NULL", "TYPE_OBJECT",
    "TYPE_OBJECT_FAST", "FAST_KEY_", "FAST_FIRST_KEY_", "FAST_SPACED_KEY_", "TYPE_OBJECT_EMPTY", "TYPE_ARRAY", "ITEM_OBJECT", "ITEM_ARRAY", "ITEM_ENUM", "ITEM_SCALAR",
    "DECODE_KEEP_UNKNOWN", "DECODE_STRICT_ENUMS", "DECODE_STRICT_DATETIME", "ENCODE_PRETTY"};

/* A wire text the generated matcher compares as raw input (MC_ENUM_MATCH_):
 * bytes 0x20..0x7F other than a quote and a backslash, the bytes a scanned
 * plain JSON string holds. */
static bool wire_is_matchable(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c > 0x7F || c == '"' || c == '\\')
            return false;
    }
    return true;
}

/* A wire text the runtime may copy into JSON unchecked (MC_ENUM_VALUE_PLAIN):
 * printable ASCII without a quote or a backslash. */
static bool wire_is_plain(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c > 0x7E || c == '"' || c == '\\')
            return false;
    }
    return true;
}

static gen_data *runtime_view(vctx *v)
{
    gen_data *m = gen_data_map(v->a);
    for (size_t i = 0; i < sizeof runtime_names / sizeof runtime_names[0]; i++)
        gen_data_set(v->a, m, runtime_names[i],
                     gen_data_cstr(v->a, gen_arena_printf(v->a, "%s%s", v->rt, runtime_names[i])));
    for (size_t i = 0; i < sizeof runtime_macros / sizeof runtime_macros[0]; i++)
        gen_data_set(v->a, m, runtime_macros[i],
                     gen_data_cstr(v->a,
                                   gen_arena_printf(v->a, "%s%s", v->rt_upper, runtime_macros[i])));
    return m;
}

/* The MC_ITEM_* initializer of an array's element. */
static const char *item_macro(vctx *v, const gen_ir_tref *r)
{
    switch (r->codec) {
    case GEN_CODEC_OBJECT:
        return gen_arena_printf(v->a, "%sITEM_OBJECT(&%s)", v->rt_upper, r->type->names.desc);
    case GEN_CODEC_ARRAY:
        return gen_arena_printf(v->a, "%sITEM_ARRAY(&%s)", v->rt_upper, r->type->names.desc);
    case GEN_CODEC_ENUM:
        return gen_arena_printf(v->a, "%sITEM_ENUM(&%s)", v->rt_upper, r->type->names.desc);
    default:
        return gen_arena_printf(v->a, "%sITEM_SCALAR(%sKIND_%s)", v->rt_upper, v->rt_upper,
                                codec_macro[r->codec]);
    }
}

/* The values every field of one codec shares, made once per view. */
static void vctx_init(vctx *v)
{
    gen_arena *a = v->a;
    v->yes = gen_data_bool(a, true);
    v->no = gen_data_bool(a, false);
    v->null = gen_data_null(a);
    for (int c = 0; c < GEN_CODEC_COUNT; c++) {
        gen_ir_tref r;
        memset(&r, 0, sizeof r);
        r.codec = (gen_ir_codec)c;
        v->codec_name[c] = gen_data_cstr(a, gen_ir_codec_name(r.codec));
        v->kind_macro[c] =
            gen_data_cstr(a, gen_arena_printf(a, "%sKIND_%s", v->rt_upper, codec_macro[c]));
        v->field_macro[c] =
            gen_data_cstr(a, gen_arena_printf(a, "%sFIELD_%s", v->rt_upper, codec_macro[c]));
        /* a string member through the cursor: the decode chose its allocation path */
        v->fast_call[c] = gen_data_cstr(a, c == GEN_CODEC_STRING ? "c->string_"
                                                                 : gen_arena_printf(a, "%s%s", v->rt, fast_primitive[c]));
        bool named = r.codec == GEN_CODEC_ENUM || r.codec == GEN_CODEC_OBJECT ||
                     r.codec == GEN_CODEC_ARRAY;
        v->scalar_c_type[c] = named ? NULL : gen_data_cstr(a, c_type_text(v, &r));
    }
    v->flags[0] = gen_data_cstr(a, gen_arena_printf(a, "%sOPTIONAL", v->rt_upper));
    v->flags[1] = gen_data_cstr(a, gen_arena_printf(a, "%sNULLABLE", v->rt_upper));
    v->flags[2] = gen_data_cstr(a, gen_arena_printf(a, "%sREQUIRED", v->rt_upper));
    v->flags[3] = gen_data_cstr(
        a, gen_arena_printf(a, "%sREQUIRED | %sNULLABLE", v->rt_upper, v->rt_upper));
}

static gen_data *c_type(vctx *v, const gen_ir_tref *r)
{
    gen_data *d = v->scalar_c_type[r->codec];
    return d ? d : gen_data_cstr(v->a, c_type_text(v, r));
}

static void put_tref(vctx *v, gen_data *m, const gen_ir_tref *r)
{
    put(v, m, "codec", v->codec_name[r->codec]);
    for (int c = 0; c < GEN_CODEC_COUNT; c++)
        put_bool(v, m, codec_flag[c], (int)r->codec == c);
    put(v, m, "c_type", c_type(v, r));
    put(v, m, "kind_macro", v->kind_macro[r->codec]);
    put(v, m, "field_macro", v->field_macro[r->codec]);
    put_str(v, m, "type", r->type ? r->type->name : NULL);
    put_str(v, m, "type_c_name", r->type ? r->type->names.c_name : NULL);
    put_str(v, m, "type_desc", r->type ? r->type->names.desc : NULL);
    put_str(v, m, "format", r->format);
    put_bool(v, m, "recursive", r->recursive);
}

static gen_data *field_view(vctx *v, const gen_ir_type *t, const gen_ir_field *f, size_t i,
                            size_t n)
{
    gen_arena *a = v->a;
    gen_data *m = gen_data_map(a);
    gen_data_reserve(a, m, FIELD_KEYS);
    put_str(v, m, "owner", t->names.c_name);
    put(v, m, "json_name", gen_data_string_ref(a, f->json_name, f->json_len));
    put_str(v, m, "c_name", f->names.c_name);
    put_str(v, m, "has", f->names.has);
    put_str(v, m, "unknown", f->names.unknown);
    put_str(v, m, "name_literal", f->names.name_literal);
    put_str(v, m, "key_literal", f->names.key_literal);
    put_str(v, m, "text_literal", f->names.text_literal);
    put_str(v, m, "member_literal", f->names.member_literal);
    put_tref(v, m, &f->ref);
    put_bool(v, m, "required", f->required);
    put_bool(v, m, "nullable", f->nullable);
    put_bool(v, m, "read_only", f->read_only);
    put_bool(v, m, "write_only", f->write_only);
    put_bool(v, m, "deprecated", f->deprecated);
    put_str(v, m, "title", f->title);
    put_str(v, m, "description", f->description);
    put_node(v, m, "example", f->example);
    put_node(v, m, "default", f->default_value);
    put_num(v, m, "line", f->pos.line);
    put_num(v, m, "col", f->pos.col);
    put_num(v, m, "index", (double)i);
    put_num(v, m, "after", (double)(i + 1)); /* fields decoded once this one is */
    put_bool(v, m, "first", i == 0);
    put_bool(v, m, "last", i + 1 == n);
    /* What the templates print into comments and tables. */
    gen_data *doc = comment_lines(a, f->title);
    gen_data *more = comment_lines(a, f->description);
    for (size_t k = 0; k < more->u.list.count; k++)
        gen_data_push(a, doc, more->u.list.items[k]);
    put(v, m, "doc_lines", doc);
    gen_data *disp = comment_lines(a, f->json_name);
    put(v, m, "json_display",
        disp->u.list.count ? disp->u.list.items[0] : gen_data_string_ref(a, "", 0));
    put(v, m, "example_text", example_text(a, f->example));
    put(v, m, "flags", v->flags[(f->required ? 2 : 0) + (f->nullable ? 1 : 0)]);
    put(v, m, "fast_call", v->fast_call[f->ref.codec]);
    /* what the generated release frees for this field */
    put_bool(v, m, "release_string", f->ref.codec == GEN_CODEC_STRING || f->ref.codec == GEN_CODEC_UUID);
    put_bool(v, m, "release_enum", f->ref.codec == GEN_CODEC_ENUM);
    /* a list of objects that have a generated release: its items go to the
     * item type's X__release_items, called directly (see tables.mustache) */
    const gen_ir_type *lt = f->ref.codec == GEN_CODEC_ARRAY ? f->ref.type : NULL;
    bool list = lt != NULL && lt->items.codec == GEN_CODEC_OBJECT && lt->items.type->field_count > 0;
    put_bool(v, m, "release_nested", (f->ref.codec == GEN_CODEC_OBJECT || f->ref.codec == GEN_CODEC_ARRAY) && !list);
    put_bool(v, m, "release_list", list);
    put_str(v, m, "release_list_fn", list ? gen_arena_printf(a, "%s__release_items", lt->items.type->names.c_name) : NULL);
    bool nested = f->ref.codec == GEN_CODEC_ENUM || f->ref.codec == GEN_CODEC_OBJECT ||
                  f->ref.codec == GEN_CODEC_ARRAY;
    put_str(v, m, "desc_ref", nested ? f->ref.type->names.desc : NULL);
    /* Comments name a format only where the codec does not already say it. */
    put_str(v, m, "format_note", f->ref.codec == GEN_CODEC_STRING ? f->ref.format : NULL);
    put_str(v, m, "enum_unknown",
            f->ref.codec == GEN_CODEC_ENUM ? f->ref.type->names.unknown : NULL);
    return m;
}

static gen_data *type_view(vctx *v, const gen_ir_type *t)
{
    gen_arena *a = v->a;
    const gen_ir_type_names *n = &t->names;
    gen_data *m = gen_data_map(a);
    gen_data_reserve(a, m, TYPE_KEYS);
    put_str(v, m, "name", t->name);
    put_str(v, m, "kind", gen_ir_kind_name(t->kind));
    put_bool(v, m, "is_object", t->kind == GEN_IR_OBJECT);
    put_bool(v, m, "is_enum", t->kind == GEN_IR_ENUM);
    put_bool(v, m, "is_array", t->kind == GEN_IR_ARRAY);
    put_bool(v, m, "is_scalar", t->kind == GEN_IR_SCALAR);
    put_bool(v, m, "inline", t->owner != NULL);
    put_str(v, m, "owner", t->owner ? t->owner->name : NULL);
    put_str(v, m, "c_name", n->c_name);
    put_str(v, m, "upper", n->upper);
    put_str(v, m, "desc", n->desc);
    put_str(v, m, "init", n->init);
    put_str(v, m, "clear", n->clear);
    put_str(v, m, "copy", n->copy);
    put_str(v, m, "equal", n->equal);
    put_str(v, m, "from_json", n->from_json);
    put_str(v, m, "to_json", n->to_json);
    put_str(v, m, "to_json_string", n->to_json_string);
    put_str(v, m, "to_string", n->to_string);
    put_str(v, m, "from_string", n->from_string);
    put_str(v, m, "unknown", n->unknown);
    put_str(v, m, "guard", n->guard);
    put_str(v, m, "header", n->header);
    put_str(v, m, "source", n->source);
    put_str(v, m, "name_literal", n->name_literal);
    put_str(v, m, "title", t->title);
    put_str(v, m, "description", t->description);
    put_node(v, m, "example", t->example);
    put_node(v, m, "default", t->default_value);
    put_bool(v, m, "deprecated", t->deprecated);
    put_bool(v, m, "nullable", t->nullable);
    put_bool(v, m, "recursive", t->recursive);
    put_str(v, m, "file", t->pos.file);
    put_num(v, m, "line", t->pos.line);
    put_num(v, m, "col", t->pos.col);
    gen_data *fields = gen_data_list(a);
    for (size_t i = 0; i < t->field_count; i++)
        gen_data_push(a, fields, field_view(v, t, &t->fields[i], i, t->field_count));
    put(v, m, "fields", fields);
    put_bool(v, m, "has_fields", t->field_count > 0);
    put_num(v, m, "field_count", (double)t->field_count);
    {
        size_t nreq = 0;
        for (size_t i = 0; i < t->field_count; i++)
            nreq += t->fields[i].required ? 1u : 0u;
        put_num(v, m, "required_count", (double)nreq);
    }
    gen_data *members = gen_data_list(a);
    for (size_t i = 0; i < t->member_count; i++) {
        const gen_ir_member *mb = &t->members[i];
        gen_data *e = gen_data_map(a);
        gen_data_reserve(a, e, 7);
        put(v, e, "wire", gen_data_string_ref(a, mb->wire, mb->wire_len));
        put_str(v, e, "c_name", mb->c_name);
        put_str(v, e, "wire_literal", mb->wire_literal);
        put_num(v, e, "value", mb->value);
        put_bool(v, e, "first", i == 0);
        put_bool(v, e, "last", i + 1 == t->member_count);
        put_bool(v, e, "plain", wire_is_plain(mb->wire, mb->wire_len));
        put_bool(v, e, "matchable", wire_is_matchable(mb->wire, mb->wire_len));
        gen_data_push(a, members, e);
    }
    put(v, m, "members", members);
    put_bool(v, m, "has_null", t->has_null);
    if (t->kind == GEN_IR_ARRAY || t->kind == GEN_IR_SCALAR) {
        gen_data *it = gen_data_map(a);
        gen_data_reserve(a, it, TREF_KEYS);
        put_tref(v, it, &t->items);
        put_str(v, it, "item_macro", item_macro(v, &t->items));
        put(v, m, "items", it);
    } else {
        put(v, m, "items", v->null);
    }
    put(v, m, "doc", doc_view(a, t->title, t->description));
    /* File-local tables: "__" keeps them apart from every generated type name. */
    put_str(v, m, "fields_table", gen_arena_printf(a, "%s__fields", n->c_name));
    put_str(v, m, "values_table", gen_arena_printf(a, "%s__values", n->c_name));
    put_str(v, m, "fast_decoder", gen_arena_printf(a, "%s__decode_fast", n->c_name));
    put_str(v, m, "fast_spaced", gen_arena_printf(a, "%s__decode_spaced", n->c_name));
    /* the spaced fast path takes over at a member after the first (see
     * mc_fast_rest_) */
    put_bool(v, m, "spaced", t->field_count >= 2);
    put_str(v, m, "release_fn", gen_arena_printf(a, "%s__release", n->c_name));
    put_str(v, m, "release_items_fn", gen_arena_printf(a, "%s__release_items", n->c_name));
    put_str(v, m, "match_fn", gen_arena_printf(a, "%s__match", n->c_name));
    put_str(v, m, "find_fn", gen_arena_printf(a, "%s__find", n->c_name));
    {
        /* The generated key lookup is the whole lookup only while no name
         * needs a JSON escape (see mc_type.find): keys on the wire are then
         * compared as they come, without unescaping. */
        bool plain = true;
        for (size_t i = 0; i < t->field_count; i++)
            if (strchr(t->fields[i].names.text_literal, '\\') != NULL)
                plain = false;
        put_bool(v, m, "has_find", plain);
    }
    return m;
}

static void add_include(gen_arena *a, gen_data *incs, const gen_ir_type *self,
                        const gen_ir_tref *r)
{
    if (!r->type || r->recursive || !strcmp(r->type->names.header, self->names.header))
        return;
    const char *h = r->type->names.header;
    for (size_t i = 0; i < incs->u.list.count; i++) {
        const gen_data *e = gen_data_get(incs->u.list.items[i], "header", 6);
        if (e && !strcmp(e->u.string.ptr, h))
            return;
    }
    gen_data *e = gen_data_map(a);
    gen_data_set_static(a, e, "header", gen_data_string_ref(a, h, strlen(h)));
    gen_data_push(a, incs, e);
}

gen_data *gen_view_build(gen_arena *a, const gen_ir *ir, const gen_view_options *opt)
{
    bool pre = opt && opt->prefix && *opt->prefix;
    vctx v;
    memset(&v, 0, sizeof v);
    v.a = a;
    v.rt = pre ? gen_arena_printf(a, "%s_", opt->prefix) : "mc_";
    v.rt_upper = gen_naming_upper(a, v.rt);
    vctx_init(&v);
    gen_data *root = gen_data_map(a);
    gen_data_set_str(a, root, "modelc_version", MODELC_VERSION);
    gen_data_set_str(a, root, "prefix", pre ? gen_arena_printf(a, "%s_", opt->prefix) : "");
    gen_data_set_str(a, root, "prefix_upper",
                     pre ? gen_naming_upper(a, gen_arena_printf(a, "%s_", opt->prefix)) : "");
    gen_data_set_str(a, root, "rt", v.rt);
    gen_data_set_str(a, root, "rt_upper", v.rt_upper);
    put_str(&v, root, "prefix_option", pre ? opt->prefix : NULL);
    gen_data_set(a, root, "mc", runtime_view(&v));
    gen_data_set_str(a, root, "runtime_header", gen_arena_printf(a, "%sruntime.h", v.rt));
    gen_data_set_str(a, root, "runtime_source", gen_arena_printf(a, "%sruntime.c", v.rt));
    /* models.h includes everything; with --single-file it is everything. */
    const char *pfx = pre ? gen_arena_printf(a, "%s_", opt->prefix) : "";
    gen_data_set_str(a, root, "umbrella_header", gen_arena_printf(a, "%smodels.h", pfx));
    gen_data_set_str(a, root, "umbrella_source", gen_arena_printf(a, "%smodels.c", pfx));
    gen_data_set_str(a, root, "umbrella_guard", gen_arena_printf(a, "%sMODELS_H", v.rt_upper));
    gen_data *inputs = gen_data_list(a);
    for (size_t i = 0; i < ir->input_count; i++)
        gen_data_push(a, inputs, gen_data_cstr(a, ir->inputs[i]));
    gen_data_set(a, root, "inputs", inputs);
    gen_data *types = gen_data_list(a);
    gen_data **tv = gen_arena_alloc(a, (ir->type_count ? ir->type_count : 1) * sizeof *tv);
    for (size_t i = 0; i < ir->type_count; i++) {
        tv[i] = type_view(&v, ir->types[i]);
        gen_data_push(a, types, tv[i]);
    }
    gen_data_set(a, root, "types", types);
    /* One file per top-level type, holding it and its inline types in
     * dependency order; one pass over the types, so this stays linear. */
    gen_data *files = gen_data_list(a);
    gen_data **ftypes = gen_arena_zalloc(a, (ir->type_count ? ir->type_count : 1) * sizeof *ftypes);
    gen_data **fincs = gen_arena_zalloc(a, (ir->type_count ? ir->type_count : 1) * sizeof *fincs);
    for (size_t i = 0; i < ir->type_count; i++) {
        const gen_ir_type *top = ir->types[i];
        if (top->owner)
            continue;
        gen_data *f = gen_data_map(a);
        put_str(&v, f, "name", top->name);
        put_str(&v, f, "header", top->names.header);
        put_str(&v, f, "source", top->names.source);
        put_str(&v, f, "guard", top->names.guard);
        ftypes[top->index] = gen_data_set_static(a, f, "types", gen_data_list(a));
        fincs[top->index] = gen_data_set_static(a, f, "includes", gen_data_list(a));
        /* A type file's banner names the schema file that defines it, not
         * every input: that keeps output size linear in the number of types. */
        gen_data *fin = gen_data_list(a);
        gen_data_push(a, fin, gen_data_string_ref(a, top->pos.file, strlen(top->pos.file)));
        put(&v, f, "inputs", fin);
        gen_data_push(a, files, f);
    }
    for (size_t k = 0; k < ir->type_count; k++) {
        const gen_ir_type *t = ir->types[k];
        const gen_ir_type *top = t->owner ? t->owner : t;
        gen_data_push(a, ftypes[top->index], tv[k]);
        for (size_t j = 0; j < t->field_count; j++)
            add_include(a, fincs[top->index], top, &t->fields[j].ref);
        if (t->kind == GEN_IR_ARRAY)
            add_include(a, fincs[top->index], top, &t->items);
    }
    gen_data_set(a, root, "files", files);
    return root;
}
