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

typedef struct vctx {
    gen_arena *a;
    const char *rt, *rt_upper;
} vctx;

static void set_opt_str(gen_arena *a, gen_data *m, const char *k, const char *v)
{
    gen_data_set(a, m, k, v ? gen_data_cstr(a, v) : gen_data_null(a));
}

static void set_node(gen_arena *a, gen_data *m, const char *k, const gen_node *n)
{
    gen_data_set(a, m, k, n ? gen_node_to_data(a, n) : gen_data_null(a));
}

static const char *codec_flag[GEN_CODEC_COUNT] = {
    "is_string", "is_bool", "is_int32", "is_int64", "is_float", "is_double",
    "is_date_time", "is_date", "is_uuid", "is_enum", "is_object", "is_array"};

static const char *codec_macro[GEN_CODEC_COUNT] = {
    "STRING", "BOOL", "INT32", "INT64", "FLOAT", "DOUBLE",
    "DATETIME", "DATE", "UUID", "ENUM", "OBJECT", "ARRAY"};

static const char *c_type(vctx *v, const gen_ir_tref *r)
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
    "enum_to_string", "enum_from_string"};
static const char *const runtime_macros[] = {
    "ABSENT", "NULL", "PRESENT", "OK", "MUST_CHECK", "OPTIONAL", "REQUIRED", "NULLABLE",
    "ENUM_VALUE", "ENUM_DESC", "ENUM_HAS_NULL", "ENUM_NO_NULL", "TYPE_OBJECT",
    "TYPE_OBJECT_EMPTY", "TYPE_ARRAY", "ITEM_OBJECT", "ITEM_ARRAY", "ITEM_ENUM", "ITEM_SCALAR",
    "DECODE_KEEP_UNKNOWN", "DECODE_STRICT_ENUMS", "DECODE_STRICT_DATETIME", "ENCODE_PRETTY"};

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

static void put_tref(vctx *v, gen_data *m, const gen_ir_tref *r)
{
    gen_arena *a = v->a;
    gen_data_set_str(a, m, "codec", gen_ir_codec_name(r->codec));
    for (int c = 0; c < GEN_CODEC_COUNT; c++)
        gen_data_set_bool(a, m, codec_flag[c], (int)r->codec == c);
    gen_data_set_str(a, m, "c_type", c_type(v, r));
    gen_data_set(a, m, "kind_macro",
                 gen_data_cstr(a, gen_arena_printf(a, "%sKIND_%s", v->rt_upper,
                                                    codec_macro[r->codec])));
    gen_data_set(a, m, "field_macro",
                 gen_data_cstr(a, gen_arena_printf(a, "%sFIELD_%s", v->rt_upper,
                                                    codec_macro[r->codec])));
    set_opt_str(a, m, "type", r->type ? r->type->name : NULL);
    set_opt_str(a, m, "type_c_name", r->type ? r->type->names.c_name : NULL);
    set_opt_str(a, m, "type_desc", r->type ? r->type->names.desc : NULL);
    set_opt_str(a, m, "format", r->format);
    gen_data_set_bool(a, m, "recursive", r->recursive);
}

static gen_data *field_view(vctx *v, const gen_ir_type *t, const gen_ir_field *f, size_t i,
                            size_t n)
{
    gen_arena *a = v->a;
    gen_data *m = gen_data_map(a);
    gen_data_set_str(a, m, "owner", t->names.c_name);
    gen_data_set(a, m, "json_name", gen_data_string(a, f->json_name, f->json_len));
    gen_data_set_str(a, m, "c_name", f->names.c_name);
    gen_data_set_str(a, m, "has", f->names.has);
    set_opt_str(a, m, "unknown", f->names.unknown);
    gen_data_set_str(a, m, "name_literal", f->names.name_literal);
    gen_data_set_str(a, m, "key_literal", f->names.key_literal);
    gen_data_set_str(a, m, "member_literal", f->names.member_literal);
    put_tref(v, m, &f->ref);
    gen_data_set_bool(a, m, "required", f->required);
    gen_data_set_bool(a, m, "nullable", f->nullable);
    gen_data_set_bool(a, m, "read_only", f->read_only);
    gen_data_set_bool(a, m, "write_only", f->write_only);
    gen_data_set_bool(a, m, "deprecated", f->deprecated);
    set_opt_str(a, m, "title", f->title);
    set_opt_str(a, m, "description", f->description);
    set_node(a, m, "example", f->example);
    set_node(a, m, "default", f->default_value);
    gen_data_set_num(a, m, "line", f->pos.line);
    gen_data_set_num(a, m, "col", f->pos.col);
    gen_data_set_num(a, m, "index", (double)i);
    gen_data_set_bool(a, m, "first", i == 0);
    gen_data_set_bool(a, m, "last", i + 1 == n);
    /* What the templates print into comments and tables. */
    gen_data *doc = comment_lines(a, f->title);
    gen_data *more = comment_lines(a, f->description);
    for (size_t k = 0; k < more->u.list.count; k++)
        gen_data_push(a, doc, more->u.list.items[k]);
    gen_data_set(a, m, "doc_lines", doc);
    gen_data *disp = comment_lines(a, f->json_name);
    gen_data_set(a, m, "json_display",
                 disp->u.list.count ? disp->u.list.items[0] : gen_data_cstr(a, ""));
    gen_data_set(a, m, "example_text", example_text(a, f->example));
    const char *flags = f->required && f->nullable
                            ? gen_arena_printf(a, "%sREQUIRED | %sNULLABLE", v->rt_upper, v->rt_upper)
                        : f->required ? gen_arena_printf(a, "%sREQUIRED", v->rt_upper)
                        : f->nullable ? gen_arena_printf(a, "%sNULLABLE", v->rt_upper)
                                      : gen_arena_printf(a, "%sOPTIONAL", v->rt_upper);
    gen_data_set_str(a, m, "flags", flags);
    bool nested = f->ref.codec == GEN_CODEC_ENUM || f->ref.codec == GEN_CODEC_OBJECT ||
                  f->ref.codec == GEN_CODEC_ARRAY;
    set_opt_str(a, m, "desc_ref", nested ? f->ref.type->names.desc : NULL);
    set_opt_str(a, m, "enum_unknown",
                f->ref.codec == GEN_CODEC_ENUM ? f->ref.type->names.unknown : NULL);
    return m;
}

static gen_data *type_view(vctx *v, const gen_ir_type *t)
{
    gen_arena *a = v->a;
    const gen_ir_type_names *n = &t->names;
    gen_data *m = gen_data_map(a);
    gen_data_set_str(a, m, "name", t->name);
    gen_data_set_str(a, m, "kind", gen_ir_kind_name(t->kind));
    gen_data_set_bool(a, m, "is_object", t->kind == GEN_IR_OBJECT);
    gen_data_set_bool(a, m, "is_enum", t->kind == GEN_IR_ENUM);
    gen_data_set_bool(a, m, "is_array", t->kind == GEN_IR_ARRAY);
    gen_data_set_bool(a, m, "is_scalar", t->kind == GEN_IR_SCALAR);
    gen_data_set_bool(a, m, "inline", t->owner != NULL);
    set_opt_str(a, m, "owner", t->owner ? t->owner->name : NULL);
    gen_data_set_str(a, m, "c_name", n->c_name);
    gen_data_set_str(a, m, "upper", n->upper);
    gen_data_set_str(a, m, "desc", n->desc);
    gen_data_set_str(a, m, "init", n->init);
    gen_data_set_str(a, m, "clear", n->clear);
    gen_data_set_str(a, m, "copy", n->copy);
    gen_data_set_str(a, m, "equal", n->equal);
    gen_data_set_str(a, m, "from_json", n->from_json);
    gen_data_set_str(a, m, "to_json", n->to_json);
    gen_data_set_str(a, m, "to_json_string", n->to_json_string);
    set_opt_str(a, m, "to_string", n->to_string);
    set_opt_str(a, m, "from_string", n->from_string);
    set_opt_str(a, m, "unknown", n->unknown);
    gen_data_set_str(a, m, "guard", n->guard);
    gen_data_set_str(a, m, "header", n->header);
    gen_data_set_str(a, m, "source", n->source);
    gen_data_set_str(a, m, "name_literal", n->name_literal);
    set_opt_str(a, m, "title", t->title);
    set_opt_str(a, m, "description", t->description);
    set_node(a, m, "example", t->example);
    set_node(a, m, "default", t->default_value);
    gen_data_set_bool(a, m, "deprecated", t->deprecated);
    gen_data_set_bool(a, m, "nullable", t->nullable);
    gen_data_set_bool(a, m, "recursive", t->recursive);
    gen_data_set_str(a, m, "file", t->pos.file);
    gen_data_set_num(a, m, "line", t->pos.line);
    gen_data_set_num(a, m, "col", t->pos.col);
    gen_data *fields = gen_data_list(a);
    for (size_t i = 0; i < t->field_count; i++)
        gen_data_push(a, fields, field_view(v, t, &t->fields[i], i, t->field_count));
    gen_data_set(a, m, "fields", fields);
    gen_data_set_bool(a, m, "has_fields", t->field_count > 0);
    gen_data *members = gen_data_list(a);
    for (size_t i = 0; i < t->member_count; i++) {
        const gen_ir_member *mb = &t->members[i];
        gen_data *e = gen_data_map(a);
        gen_data_set(a, e, "wire", gen_data_string(a, mb->wire, mb->wire_len));
        gen_data_set_str(a, e, "c_name", mb->c_name);
        gen_data_set_str(a, e, "wire_literal", mb->wire_literal);
        gen_data_set_num(a, e, "value", mb->value);
        gen_data_set_bool(a, e, "first", i == 0);
        gen_data_set_bool(a, e, "last", i + 1 == t->member_count);
        gen_data_push(a, members, e);
    }
    gen_data_set(a, m, "members", members);
    gen_data_set_bool(a, m, "has_null", t->has_null);
    if (t->kind == GEN_IR_ARRAY || t->kind == GEN_IR_SCALAR) {
        gen_data *it = gen_data_map(a);
        put_tref(v, it, &t->items);
        gen_data_set_str(a, it, "item_macro", item_macro(v, &t->items));
        gen_data_set(a, m, "items", it);
    } else {
        gen_data_set(a, m, "items", gen_data_null(a));
    }
    gen_data_set(a, m, "doc", doc_view(a, t->title, t->description));
    /* File-local tables: "__" keeps them apart from every generated type name. */
    gen_data_set(a, m, "fields_table",
                 gen_data_cstr(a, gen_arena_printf(a, "%s__fields", n->c_name)));
    gen_data_set(a, m, "values_table",
                 gen_data_cstr(a, gen_arena_printf(a, "%s__values", n->c_name)));
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
    gen_data_set_str(a, e, "header", h);
    gen_data_push(a, incs, e);
}

gen_data *gen_view_build(gen_arena *a, const gen_ir *ir, const gen_view_options *opt)
{
    bool pre = opt && opt->prefix && *opt->prefix;
    vctx v = {a, pre ? gen_arena_printf(a, "%s_", opt->prefix) : "mc_", NULL};
    v.rt_upper = gen_naming_upper(a, v.rt);
    gen_data *root = gen_data_map(a);
    gen_data_set_str(a, root, "modelc_version", MODELC_VERSION);
    gen_data_set_str(a, root, "prefix", pre ? gen_arena_printf(a, "%s_", opt->prefix) : "");
    gen_data_set_str(a, root, "prefix_upper",
                     pre ? gen_naming_upper(a, gen_arena_printf(a, "%s_", opt->prefix)) : "");
    gen_data_set_str(a, root, "rt", v.rt);
    gen_data_set_str(a, root, "rt_upper", v.rt_upper);
    set_opt_str(a, root, "prefix_option", pre ? opt->prefix : NULL);
    gen_data_set(a, root, "mc", runtime_view(&v));
    gen_data_set_str(a, root, "runtime_header", gen_arena_printf(a, "%sruntime.h", v.rt));
    gen_data_set_str(a, root, "runtime_source", gen_arena_printf(a, "%sruntime.c", v.rt));
    /* models.h includes everything; with --single-file it is everything. */
    const char *pfx = pre ? gen_arena_printf(a, "%s_", opt->prefix) : "";
    gen_data_set_str(a, root, "umbrella_header", gen_arena_printf(a, "%smodels.h", pfx));
    gen_data_set_str(a, root, "umbrella_source", gen_arena_printf(a, "%smodels.c", pfx));
    gen_data_set_str(a, root, "umbrella_guard", gen_arena_printf(a, "%sMODELS_H", v.rt_upper));
    gen_data *inputs = gen_data_list(a);
    size_t text_len = 0;
    for (size_t i = 0; i < ir->input_count; i++) {
        gen_data_push(a, inputs, gen_data_cstr(a, ir->inputs[i]));
        text_len += strlen(ir->inputs[i]) + 2;
    }
    gen_data_set(a, root, "inputs", inputs);
    char *inputs_text = gen_arena_alloc(a, text_len + 1);
    inputs_text[0] = '\0';
    for (size_t i = 0; i < ir->input_count; i++) {
        if (i)
            strcat(inputs_text, ", ");
        strcat(inputs_text, ir->inputs[i]);
    }
    gen_data_set_str(a, root, "inputs_text", inputs_text);
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
        gen_data_set_str(a, f, "name", top->name);
        gen_data_set_str(a, f, "header", top->names.header);
        gen_data_set_str(a, f, "source", top->names.source);
        gen_data_set_str(a, f, "guard", top->names.guard);
        ftypes[top->index] = gen_data_set(a, f, "types", gen_data_list(a));
        fincs[top->index] = gen_data_set(a, f, "includes", gen_data_list(a));
        /* A type file's banner names the schema file that defines it, not
         * every input: that keeps output size linear in the number of types. */
        gen_data *fin = gen_data_list(a);
        gen_data_push(a, fin, gen_data_cstr(a, top->pos.file));
        gen_data_set(a, f, "inputs", fin);
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
