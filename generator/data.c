/*
 * data.c - construction, lookup and JSON printing of the template data tree.
 *
 * Maps are small in practice (a handful of keys per IR node), so lookup is
 * a linear scan; insertion order is kept because --dump-ir prints it.
 */
#include "data.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static gen_data *data_new(gen_arena *a, gen_data_kind kind)
{
    gen_data *d = gen_arena_zalloc(a, sizeof *d);
    d->kind = kind;
    return d;
}

gen_data *gen_data_null(gen_arena *a) { return data_new(a, GEN_DATA_NULL); }

gen_data *gen_data_bool(gen_arena *a, bool v)
{
    gen_data *d = data_new(a, GEN_DATA_BOOL);
    d->u.boolean = v;
    return d;
}

gen_data *gen_data_number(gen_arena *a, double v)
{
    gen_data *d = data_new(a, GEN_DATA_NUMBER);
    d->u.number.value = v;
    return d;
}

gen_data *gen_data_string_ref(gen_arena *a, const char *s, size_t len)
{
    gen_data *d = data_new(a, GEN_DATA_STRING);
    d->u.string.ptr = s;
    d->u.string.len = len;
    return d;
}

gen_data *gen_data_string(gen_arena *a, const char *s, size_t len)
{
    return gen_data_string_ref(a, gen_arena_strndup(a, s, len), len);
}

gen_data *gen_data_cstr(gen_arena *a, const char *s)
{
    return gen_data_string(a, s, strlen(s));
}

gen_data *gen_data_list(gen_arena *a) { return data_new(a, GEN_DATA_LIST); }
gen_data *gen_data_map(gen_arena *a) { return data_new(a, GEN_DATA_MAP); }

/* Grows an arena array of n elements of size sz to hold one more. */
static void *grow(gen_arena *a, void *items, size_t count, size_t *cap, size_t sz)
{
    if (count < *cap)
        return items;
    size_t ncap = *cap ? *cap * 2 : 4;
    void *n = gen_arena_alloc(a, ncap * sz);
    if (count)
        memcpy(n, items, count * sz);
    *cap = ncap;
    return n;
}

void gen_data_push(gen_arena *a, gen_data *list, gen_data *item)
{
    list->u.list.items = grow(a, list->u.list.items, list->u.list.count, &list->u.list.cap,
                              sizeof(gen_data *));
    list->u.list.items[list->u.list.count++] = item;
}

gen_data *gen_data_get(const gen_data *map, const char *key, size_t key_len)
{
    if (!map || map->kind != GEN_DATA_MAP)
        return NULL;
    for (size_t i = 0; i < map->u.map.count; i++) {
        const gen_data_entry *e = &map->u.map.entries[i];
        if (e->key_len == key_len && memcmp(e->key, key, key_len) == 0)
            return e->value;
    }
    return NULL;
}

static gen_data *set_entry(gen_arena *a, gen_data *map, const char *key, size_t key_len,
                           gen_data *value, bool copy)
{
    for (size_t i = 0; i < map->u.map.count; i++) {
        gen_data_entry *e = &map->u.map.entries[i];
        if (e->key_len == key_len && memcmp(e->key, key, key_len) == 0) {
            e->value = value;
            return value;
        }
    }
    map->u.map.entries = grow(a, map->u.map.entries, map->u.map.count, &map->u.map.cap,
                              sizeof(gen_data_entry));
    gen_data_entry *e = &map->u.map.entries[map->u.map.count++];
    e->key = copy ? gen_arena_strndup(a, key, key_len) : key;
    e->key_len = key_len;
    e->value = value;
    return value;
}

gen_data *gen_data_setn(gen_arena *a, gen_data *map, const char *key, size_t key_len,
                        gen_data *value)
{
    return set_entry(a, map, key, key_len, value, true);
}

gen_data *gen_data_set_static(gen_arena *a, gen_data *map, const char *key, gen_data *value)
{
    return set_entry(a, map, key, strlen(key), value, false);
}

gen_data *gen_data_setn_static(gen_arena *a, gen_data *map, const char *key, size_t key_len,
                               gen_data *value)
{
    return set_entry(a, map, key, key_len, value, false);
}

void gen_data_reserve(gen_arena *a, gen_data *map, size_t n)
{
    if (n <= map->u.map.cap)
        return;
    gen_data_entry *e = gen_arena_alloc(a, n * sizeof *e);
    if (map->u.map.count)
        memcpy(e, map->u.map.entries, map->u.map.count * sizeof *e);
    map->u.map.entries = e;
    map->u.map.cap = n;
}

gen_data *gen_data_set(gen_arena *a, gen_data *map, const char *key, gen_data *value)
{
    return gen_data_setn(a, map, key, strlen(key), value);
}

void gen_data_set_str(gen_arena *a, gen_data *map, const char *key, const char *value)
{
    gen_data_set(a, map, key, value ? gen_data_cstr(a, value) : gen_data_null(a));
}

void gen_data_set_bool(gen_arena *a, gen_data *map, const char *key, bool value)
{
    gen_data_set(a, map, key, gen_data_bool(a, value));
}

void gen_data_set_num(gen_arena *a, gen_data *map, const char *key, double value)
{
    gen_data_set(a, map, key, gen_data_number(a, value));
}

bool gen_data_truthy(const gen_data *d)
{
    if (!d)
        return false;
    switch (d->kind) {
    case GEN_DATA_NULL:
        return false;
    case GEN_DATA_BOOL:
        return d->u.boolean;
    case GEN_DATA_LIST:
        return d->u.list.count > 0;
    default:
        return true;
    }
}

const char *gen_data_json_escape(unsigned char c, char buf[8])
{
    switch (c) {
    case '"': return "\\\"";
    case '\\': return "\\\\";
    case '\n': return "\\n";
    case '\r': return "\\r";
    case '\t': return "\\t";
    case '\b': return "\\b";
    case '\f': return "\\f";
    default:
        if (c >= 0x20)
            return NULL;
        snprintf(buf, 8, "\\u%04x", c);
        return buf;
    }
}

static int write_string(FILE *out, const char *s, size_t len)
{
    char buf[8];
    if (fputc('"', out) == EOF)
        return -1;
    for (size_t i = 0; i < len; i++) {
        const char *e = gen_data_json_escape((unsigned char)s[i], buf);
        if (e)
            fputs(e, out);
        else
            fputc(s[i], out);
    }
    return fputc('"', out) == EOF ? -1 : 0;
}

static void write_number(FILE *out, const gen_data *d)
{
    double v = d->u.number.value;
    if (d->u.number.text) {
        fputs(d->u.number.text, out);
    } else if (!isfinite(v)) {
        fputs("null", out);
    } else if (v == floor(v) && fabs(v) < 9007199254740992.0) {
        fprintf(out, "%.0f", v);
    } else {
        char buf[40];
        for (int prec = 15; prec <= 17; prec++) {
            snprintf(buf, sizeof buf, "%.*g", prec, v);
            if (strtod(buf, NULL) == v)
                break;
        }
        fputs(buf, out);
    }
}

static void newline(FILE *out, int indent, int depth)
{
    if (indent < 0)
        return;
    fputc('\n', out);
    for (int i = 0; i < indent * depth; i++)
        fputc(' ', out);
}

static void write_json(FILE *out, const gen_data *d, int indent, int depth)
{
    switch (d->kind) {
    case GEN_DATA_NULL:
        fputs("null", out);
        break;
    case GEN_DATA_BOOL:
        fputs(d->u.boolean ? "true" : "false", out);
        break;
    case GEN_DATA_NUMBER:
        write_number(out, d);
        break;
    case GEN_DATA_STRING:
        write_string(out, d->u.string.ptr, d->u.string.len);
        break;
    case GEN_DATA_LIST:
        fputc('[', out);
        for (size_t i = 0; i < d->u.list.count; i++) {
            if (i)
                fputc(',', out);
            newline(out, indent, depth + 1);
            write_json(out, d->u.list.items[i], indent, depth + 1);
        }
        if (d->u.list.count)
            newline(out, indent, depth);
        fputc(']', out);
        break;
    case GEN_DATA_MAP:
        fputc('{', out);
        for (size_t i = 0; i < d->u.map.count; i++) {
            const gen_data_entry *e = &d->u.map.entries[i];
            if (i)
                fputc(',', out);
            newline(out, indent, depth + 1);
            write_string(out, e->key, e->key_len);
            fputs(indent < 0 ? ":" : ": ", out);
            write_json(out, e->value, indent, depth + 1);
        }
        if (d->u.map.count)
            newline(out, indent, depth);
        fputc('}', out);
        break;
    }
}

int gen_data_write_json(FILE *out, const gen_data *d, int indent)
{
    write_json(out, d, indent, 0);
    return ferror(out) ? -1 : 0;
}
