/*
 * openapi.c - reading Schema Objects: keyword kinds, shapes, unsupported parts.
 *
 * Keywords are looked up in one table that says, for each, what node kind it
 * needs and whether modelc supports it, ignores it (it does not change the
 * data shape) or rejects it (it would, and we cannot model it yet).  So a new
 * keyword is one table row, and the messages stay uniform.
 */
#include "openapi.h"

#include <string.h>

typedef enum kw_action {
    KW_USE,        /* handled below */
    KW_IGNORE,     /* accepted, does not change the data shape */
    KW_UNSUPPORTED /* changes the shape; not modelled yet */
} kw_action;

typedef struct kw {
    const char *name;
    kw_action action;
} kw;

static const kw keywords[] = {
    {"$ref", KW_USE}, {"type", KW_USE}, {"format", KW_USE}, {"title", KW_USE},
    {"description", KW_USE}, {"example", KW_USE}, {"default", KW_USE},
    {"nullable", KW_USE}, {"readOnly", KW_USE}, {"writeOnly", KW_USE},
    {"deprecated", KW_USE}, {"enum", KW_USE}, {"properties", KW_USE},
    {"required", KW_USE}, {"items", KW_USE}, {"additionalProperties", KW_USE},
    {"externalDocs", KW_IGNORE}, {"xml", KW_IGNORE}, {"examples", KW_IGNORE},
    {"minLength", KW_IGNORE}, {"maxLength", KW_IGNORE}, {"pattern", KW_IGNORE},
    {"minimum", KW_IGNORE}, {"maximum", KW_IGNORE}, {"exclusiveMinimum", KW_IGNORE},
    {"exclusiveMaximum", KW_IGNORE}, {"multipleOf", KW_IGNORE}, {"minItems", KW_IGNORE},
    {"maxItems", KW_IGNORE}, {"uniqueItems", KW_IGNORE}, {"minProperties", KW_IGNORE},
    {"maxProperties", KW_IGNORE}, {"$schema", KW_IGNORE}, {"$id", KW_IGNORE},
    {"$comment", KW_IGNORE}, {"$defs", KW_IGNORE}, {"definitions", KW_IGNORE},
    {"contentMediaType", KW_IGNORE}, {"contentEncoding", KW_IGNORE},
    {"allOf", KW_UNSUPPORTED}, {"oneOf", KW_UNSUPPORTED}, {"anyOf", KW_UNSUPPORTED},
    {"not", KW_UNSUPPORTED}, {"patternProperties", KW_UNSUPPORTED},
    {"discriminator", KW_UNSUPPORTED}, {"const", KW_UNSUPPORTED}, {"if", KW_UNSUPPORTED},
    {"then", KW_UNSUPPORTED}, {"else", KW_UNSUPPORTED}, {"prefixItems", KW_UNSUPPORTED},
    {"dependentSchemas", KW_UNSUPPORTED}, {"unevaluatedProperties", KW_UNSUPPORTED},
    {"propertyNames", KW_UNSUPPORTED}, {"contains", KW_UNSUPPORTED},
};

static const kw *kw_find(const char *name)
{
    for (size_t i = 0; i < sizeof keywords / sizeof keywords[0]; i++)
        if (!strcmp(keywords[i].name, name))
            return &keywords[i];
    return NULL;
}

static bool want_kind(gen_openapi *oa, gen_schema *s, const gen_node *key, const gen_node *v,
                      gen_node_kind kind)
{
    if (v->kind == kind)
        return true;
    gen_diag_error(oa->diag, &v->pos, "'%s' must be a %s, not a %s", key->text,
                   gen_node_kind_name(kind), gen_node_kind_name(v->kind));
    s->invalid = true;
    return false;
}

static const struct {
    const char *name;
    unsigned bit;
} type_names[] = {
    {"string", GEN_OA_STRING}, {"integer", GEN_OA_INTEGER}, {"number", GEN_OA_NUMBER},
    {"boolean", GEN_OA_BOOLEAN}, {"array", GEN_OA_ARRAY}, {"object", GEN_OA_OBJECT},
    {"null", GEN_OA_NULL},
};

static void parse_type(gen_openapi *oa, gen_schema *s, const gen_node *v)
{
    s->type_node = v;
    const gen_node *one = v;
    size_t n = 1;
    if (v->kind == GEN_NODE_SEQ) {
        n = v->u.seq.count;
        if (n == 0) {
            gen_diag_error(oa->diag, &v->pos, "'type' lists no types");
            s->invalid = true;
            return;
        }
    }
    for (size_t i = 0; i < n; i++) {
        one = v->kind == GEN_NODE_SEQ ? v->u.seq.items[i] : v;
        /* `type: [string, null]` with a plain null is a YAML null, which a
         * 3.1 author means as 'null'. */
        if (v->kind == GEN_NODE_SEQ && one->kind == GEN_NODE_NULL && !one->quoted) {
            s->types |= GEN_OA_NULL;
            continue;
        }
        if (one->kind != GEN_NODE_STRING) {
            gen_diag_error(oa->diag, &one->pos,
                           "'type' must be a string or a list of strings, not a %s",
                           gen_node_kind_name(one->kind));
            s->invalid = true;
            continue;
        }
        unsigned bit = 0;
        for (size_t k = 0; k < sizeof type_names / sizeof type_names[0]; k++)
            if (!strcmp(type_names[k].name, one->text))
                bit = type_names[k].bit;
        if (!bit) {
            gen_diag_error(oa->diag, &one->pos,
                           "unknown type '%s'; use string, integer, number, boolean, array, "
                           "object or null",
                           one->text);
            s->invalid = true;
            continue;
        }
        if (s->types & bit) {
            gen_diag_error(oa->diag, &one->pos, "type '%s' is listed twice", one->text);
            s->invalid = true;
        }
        s->types |= bit;
    }
    unsigned data = s->types & (unsigned)~GEN_OA_NULL;
    if (data & (data - 1)) {
        gen_diag_error(oa->diag, &v->pos,
                       "a schema with several types (other than X and 'null') is not "
                       "supported yet; use one type");
        s->invalid = true;
    }
    if (s->types & GEN_OA_NULL)
        s->nullable = true;
}

static const char *str_value(gen_openapi *oa, gen_schema *s, const gen_node *k,
                             const gen_node *v)
{
    if (v->kind == GEN_NODE_STRING)
        return v->text;
    /* A plain scalar that resolved to a number or bool is still fine text
     * for a description or title. */
    if (v->kind != GEN_NODE_SEQ && v->kind != GEN_NODE_MAP && v->kind != GEN_NODE_NULL)
        return v->text;
    want_kind(oa, s, k, v, GEN_NODE_STRING);
    return NULL;
}

static bool bool_value(gen_openapi *oa, gen_schema *s, const gen_node *k, const gen_node *v)
{
    if (want_kind(oa, s, k, v, GEN_NODE_BOOL))
        return v->boolean;
    return false;
}

static void parse_properties(gen_openapi *oa, gen_schema *s, const gen_node *v)
{
    s->has_properties = true;
    size_t n = v->u.map.count;
    s->props = gen_arena_zalloc(oa->arena, (n ? n : 1) * sizeof *s->props);
    s->prop_count = n;
    for (size_t i = 0; i < n; i++) {
        const gen_node_pair *p = &v->u.map.pairs[i];
        s->props[i].name = p->key;
        if (p->value->kind != GEN_NODE_MAP) {
            gen_diag_error(oa->diag, &p->value->pos,
                           "property '%s' must be a schema (a mapping), not a %s", p->key->text,
                           gen_node_kind_name(p->value->kind));
            s->invalid = true;
            continue;
        }
        char *what = gen_arena_printf(oa->arena, "property '%s'", p->key->text);
        s->props[i].schema = gen_openapi_parse(oa, p->value, what);
    }
}

static void parse_required(gen_openapi *oa, gen_schema *s, const gen_node *v)
{
    for (size_t i = 0; i < v->u.seq.count; i++) {
        const gen_node *r = v->u.seq.items[i];
        if (r->kind != GEN_NODE_STRING) {
            gen_diag_error(oa->diag, &r->pos, "'required' must list property names, not a %s",
                           gen_node_kind_name(r->kind));
            s->invalid = true;
            continue;
        }
        bool found = false;
        for (size_t k = 0; k < s->prop_count; k++) {
            if (s->props[k].name->len == r->len &&
                !memcmp(s->props[k].name->text, r->text, r->len)) {
                s->props[k].required = true;
                found = true;
            }
        }
        if (!found) {
            gen_diag_error(oa->diag, &r->pos,
                           "required property '%s' is not listed in 'properties'", r->text);
            s->invalid = true;
        }
    }
}

gen_schema *gen_openapi_parse(gen_openapi *oa, const gen_node *node, const char *what)
{
    if (!node || node->kind != GEN_NODE_MAP) {
        if (node)
            gen_diag_error(oa->diag, &node->pos, "%s must be a schema (a mapping), not a %s",
                           what, gen_node_kind_name(node->kind));
        return NULL;
    }
    gen_schema *s = gen_arena_zalloc(oa->arena, sizeof *s);
    s->node = node;
    const gen_node *required = NULL;
    for (size_t i = 0; i < node->u.map.count; i++) {
        const gen_node *k = node->u.map.pairs[i].key;
        const gen_node *v = node->u.map.pairs[i].value;
        const char *name = k->text;
        if (!strncmp(name, "x-", 2))
            continue;
        const kw *w = kw_find(name);
        if (!w) {
            gen_diag_warning(oa->diag, &k->pos, "unknown keyword '%s' ignored", name);
            continue;
        }
        if (w->action == KW_IGNORE)
            continue;
        if (w->action == KW_UNSUPPORTED) {
            gen_diag_error(oa->diag, &k->pos,
                           "'%s' is not supported yet; describe the data with one object, "
                           "array or scalar type",
                           name);
            s->invalid = true;
            continue;
        }
        if (!strcmp(name, "$ref")) {
            if (want_kind(oa, s, k, v, GEN_NODE_STRING))
                s->ref = v;
        } else if (!strcmp(name, "type")) {
            parse_type(oa, s, v);
        } else if (!strcmp(name, "format")) {
            if (want_kind(oa, s, k, v, GEN_NODE_STRING)) {
                s->format = v->text;
                s->format_node = v;
            }
        } else if (!strcmp(name, "title")) {
            s->title = str_value(oa, s, k, v);
        } else if (!strcmp(name, "description")) {
            s->description = str_value(oa, s, k, v);
        } else if (!strcmp(name, "example")) {
            s->example = v;
        } else if (!strcmp(name, "default")) {
            s->default_value = v;
        } else if (!strcmp(name, "nullable")) {
            if (bool_value(oa, s, k, v))
                s->nullable = true;
        } else if (!strcmp(name, "readOnly")) {
            s->read_only = bool_value(oa, s, k, v);
        } else if (!strcmp(name, "writeOnly")) {
            s->write_only = bool_value(oa, s, k, v);
        } else if (!strcmp(name, "deprecated")) {
            s->deprecated = bool_value(oa, s, k, v);
        } else if (!strcmp(name, "enum")) {
            if (want_kind(oa, s, k, v, GEN_NODE_SEQ))
                s->enum_node = v;
        } else if (!strcmp(name, "properties")) {
            s->has_properties = true; /* even when malformed: no follow-up error */
            if (want_kind(oa, s, k, v, GEN_NODE_MAP))
                parse_properties(oa, s, v);
        } else if (!strcmp(name, "required")) {
            if (want_kind(oa, s, k, v, GEN_NODE_SEQ))
                required = v;
        } else if (!strcmp(name, "items")) {
            if (v->kind == GEN_NODE_MAP)
                s->items = gen_openapi_parse(oa, v, "'items'");
            else
                want_kind(oa, s, k, v, GEN_NODE_MAP);
        } else if (!strcmp(name, "additionalProperties")) {
            if (!(v->kind == GEN_NODE_BOOL && !v->boolean)) {
                gen_diag_error(oa->diag, &k->pos,
                               "'additionalProperties' other than false is not supported yet; "
                               "list the properties instead");
                s->invalid = true;
            }
        }
    }
    if (required)
        parse_required(oa, s, required);
    /* Infer an absent type from the keywords that imply one. */
    if (!s->type_node && !s->ref) {
        if (s->has_properties)
            s->types |= GEN_OA_OBJECT;
        else if (s->items)
            s->types |= GEN_OA_ARRAY;
        else if (s->enum_node)
            s->types |= GEN_OA_STRING;
    }
    return s;
}

bool gen_openapi_is_document(const gen_node *root)
{
    return root && root->kind == GEN_NODE_MAP &&
           (gen_node_get(root, "openapi") || gen_node_get(root, "swagger"));
}

const gen_node *gen_openapi_document_schemas(gen_openapi *oa, const gen_node *root)
{
    const gen_node *sw = gen_node_get(root, "swagger");
    if (sw) {
        gen_diag_error(oa->diag, &sw->pos,
                       "Swagger 2.0 documents are not supported; convert to OpenAPI 3");
        return NULL;
    }
    const gen_node *v = gen_node_get(root, "openapi");
    if (v->kind != GEN_NODE_STRING || (strncmp(v->text, "3.0", 3) && strncmp(v->text, "3.1", 3))) {
        gen_diag_error(oa->diag, &v->pos,
                       "unsupported OpenAPI version '%s'; modelc reads 3.0 and 3.1 "
                       "(quote the version: openapi: '3.0.3')",
                       v->text ? v->text : gen_node_kind_name(v->kind));
        return NULL;
    }
    const gen_node *comp = gen_node_get(root, "components");
    if (!comp)
        return NULL;
    if (comp->kind != GEN_NODE_MAP) {
        gen_diag_error(oa->diag, &comp->pos, "'components' must be a mapping, not a %s",
                       gen_node_kind_name(comp->kind));
        return NULL;
    }
    const gen_node *schemas = gen_node_get(comp, "schemas");
    if (schemas && schemas->kind != GEN_NODE_MAP) {
        gen_diag_error(oa->diag, &schemas->pos, "'schemas' must be a mapping, not a %s",
                       gen_node_kind_name(schemas->kind));
        return NULL;
    }
    return schemas;
}
