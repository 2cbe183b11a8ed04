/*
 * naming.c - turning schema names into C names, and checking they are unique.
 *
 * One word splitter serves types, fields and enum members, so the three can
 * never disagree on where words break.  Uniqueness is checked with one small
 * hash table per scope (the global scope of a run, one per struct), so a
 * schema with very many names stays linear.
 */
#include "naming.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data.h"
#include "strmap.h"

/* ---- words -------------------------------------------------------------- */

static bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
static bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
static bool is_digit(char c) { return c >= '0' && c <= '9'; }
static bool is_alnum(char c) { return is_upper(c) || is_lower(c) || is_digit(c); }

/* Decodes one UTF-8 sequence (the loader validated it). */
static uint32_t utf8_next(const unsigned char *s, size_t len, size_t *i)
{
    unsigned c = s[*i];
    size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    uint32_t cp = n == 1 ? c : c & (0x3Fu >> (n - 1));
    for (size_t k = 1; k < n && *i + k < len; k++)
        cp = (cp << 6) | (s[*i + k] & 0x3F);
    *i += n;
    return cp;
}

/* Words of name joined by '_' in the given case, with no leading, trailing
 * or doubled '_'.  Heap string. */
static char *split_words(const char *name, size_t len, bool upper)
{
    /* Worst case: each byte a "_u10FFFF_" word. */
    char *out = gen_xmalloc(len * 10 + 2);
    size_t o = 0;
    const unsigned char *s = (const unsigned char *)name;
    size_t i = 0;
    while (i < len) {
        char c = (char)s[i];
        if (s[i] >= 0x80) {
            uint32_t cp = utf8_next(s, len, &i);
            if (o && out[o - 1] != '_')
                out[o++] = '_';
            o += (size_t)sprintf(out + o, upper ? "U%04X" : "u%04x", (unsigned)cp);
            out[o++] = '_';
            continue;
        }
        if (!is_alnum(c)) {
            if (o && out[o - 1] != '_')
                out[o++] = '_';
            i++;
            continue;
        }
        if (o && out[o - 1] != '_' && is_upper(c) && i > 0) {
            char p = name[i - 1];
            bool boundary = is_lower(p) || is_digit(p);
            if (!boundary && is_upper(p) && i + 2 < len + 0 && is_lower(name[i + 1]) &&
                is_lower(name[i + 2]))
                boundary = true;
            if (boundary)
                out[o++] = '_';
        }
        out[o++] = upper ? (is_lower(c) ? (char)(c - 32) : c) : (is_upper(c) ? (char)(c + 32) : c);
        i++;
    }
    while (o && out[o - 1] == '_')
        o--;
    out[o] = '\0';
    return out;
}

static const char *const reserved[] = {
    /* C89..C23 */
    "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else",
    "enum", "extern", "float", "for", "goto", "if", "inline", "int", "long", "register",
    "restrict", "return", "short", "signed", "sizeof", "static", "struct", "switch", "typedef",
    "union", "unsigned", "void", "volatile", "while", "alignas", "alignof", "bool", "constexpr",
    "false", "nullptr", "static_assert", "thread_local", "true", "typeof", "typeof_unqual",
    /* C++ */
    "and", "and_eq", "asm", "bitand", "bitor", "catch", "char8_t", "char16_t", "char32_t",
    "class", "compl", "concept", "consteval", "constinit", "const_cast", "co_await",
    "co_return", "co_yield", "decltype", "delete", "dynamic_cast", "explicit", "export",
    "friend", "mutable", "namespace", "new", "noexcept", "not", "not_eq", "operator", "or",
    "or_eq", "private", "protected", "public", "reinterpret_cast", "requires", "static_cast",
    "template", "this", "throw", "try", "typeid", "typename", "using", "virtual", "wchar_t",
    "xor", "xor_eq", "final", "override", "import", "module",
    /* library and compiler macros that would break a member name */
    "errno", "assert", "offsetof", "complex", "imaginary", "noreturn", "unix", "linux",
    "i386", "stdin", "stdout", "stderr", "setjmp", "va_arg", "va_start", "va_end",
    "va_copy", "unreachable",
};

/* The reserved words in a fixed open-addressing table, filled on first use
 * (every type and field name is checked, so a scan of the list per name
 * showed in profiles).  Static storage: nothing to free. */
#define RESERVED_SLOTS 512
static const char *reserved_table[RESERVED_SLOTS];
static bool reserved_ready;
_Static_assert(sizeof reserved / sizeof reserved[0] * 2 <= RESERVED_SLOTS,
               "RESERVED_SLOTS must stay at least twice the number of reserved words");

bool gen_naming_is_reserved(const char *s)
{
    if (!reserved_ready) {
        for (size_t i = 0; i < sizeof reserved / sizeof reserved[0]; i++) {
            size_t j = gen_strmap_hash(reserved[i], strlen(reserved[i])) & (RESERVED_SLOTS - 1);
            while (reserved_table[j] && strcmp(reserved_table[j], reserved[i]) != 0)
                j = (j + 1) & (RESERVED_SLOTS - 1);
            reserved_table[j] = reserved[i];
        }
        reserved_ready = true;
    }
    size_t j = gen_strmap_hash(s, strlen(s)) & (RESERVED_SLOTS - 1);
    for (; reserved_table[j]; j = (j + 1) & (RESERVED_SLOTS - 1))
        if (!strcmp(reserved_table[j], s))
            return true;
    return false;
}

char *gen_naming_snake(gen_arena *arena, const char *name, size_t len)
{
    char *w = split_words(name, len, false);
    char *r;
    if (!*w)
        r = gen_arena_strdup(arena, "empty_");
    else if (is_digit(w[0]))
        r = gen_arena_printf(arena, "x_%s", w);
    else if (gen_naming_is_reserved(w))
        r = gen_arena_printf(arena, "%s_", w);
    else
        r = gen_arena_strdup(arena, w);
    free(w);
    return r;
}

char *gen_naming_member(gen_arena *arena, const char *value, size_t len)
{
    char *w = split_words(value, len, true);
    char *r;
    if (*w) {
        r = gen_arena_strdup(arena, w);
    } else if (len == 0) {
        r = gen_arena_strdup(arena, "EMPTY");
    } else {
        r = gen_arena_alloc(arena, len * 3 + 2);
        size_t o = 0;
        r[o++] = 'X';
        for (size_t i = 0; i < len; i++)
            o += (size_t)sprintf(r + o, "%02X", (unsigned char)value[i]);
    }
    free(w);
    return r;
}

char *gen_naming_upper(gen_arena *arena, const char *s)
{
    char *r = gen_arena_strdup(arena, s);
    for (char *p = r; *p; p++)
        if (is_lower(*p))
            *p = (char)(*p - 32);
    return r;
}

bool gen_naming_prefix_ok(const char *p)
{
    if (!p || !*p || !(is_lower(*p) || is_upper(*p)))
        return false;
    size_t n = strlen(p);
    if (p[n - 1] == '_')
        return false;
    for (size_t i = 0; i < n; i++) {
        if (!(is_alnum(p[i]) || p[i] == '_'))
            return false;
        if (p[i] == '_' && p[i + 1] == '_')
            return false;
    }
    return true;
}

/* ---- literals ------------------------------------------------------------ */

char *gen_naming_c_literal(gen_arena *arena, const char *s, size_t len)
{
    char *out = gen_xmalloc(len * 4 + 3);
    size_t o = 0;
    out[o++] = '"';
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\') {
            out[o++] = '\\';
            out[o++] = (char)c;
        } else if (c == '\n') {
            out[o++] = '\\';
            out[o++] = 'n';
        } else if (c == '\t') {
            out[o++] = '\\';
            out[o++] = 't';
        } else if (c == '\r') {
            out[o++] = '\\';
            out[o++] = 'r';
        } else if (c == '?' && i > 0 && s[i - 1] == '?') {
            out[o++] = '\\';
            out[o++] = '?';
        } else if (c < 0x20 || c >= 0x7F) {
            /* Three octal digits always: a following digit cannot extend it. */
            o += (size_t)sprintf(out + o, "\\%03o", c);
        } else {
            out[o++] = (char)c;
        }
    }
    out[o++] = '"';
    char *r = gen_arena_strndup(arena, out, o);
    free(out);
    return r;
}

char *gen_naming_json_string(gen_arena *arena, const char *s, size_t len, size_t *out_len)
{
    char *out = gen_xmalloc(len * 6 + 3);
    char buf[8];
    size_t o = 0;
    out[o++] = '"';
    for (size_t i = 0; i < len; i++) {
        const char *e = gen_data_json_escape((unsigned char)s[i], buf);
        if (e) {
            size_t el = strlen(e);
            memcpy(out + o, e, el);
            o += el;
        } else {
            out[o++] = s[i];
        }
    }
    out[o++] = '"';
    char *r = gen_arena_strndup(arena, out, o);
    if (out_len)
        *out_len = o;
    free(out);
    return r;
}

/* ---- scopes ---------------------------------------------------------------- */

typedef struct slot {
    const char *name;
    const char *what;   /* "type 'X'", "descriptor of type 'X'", ... */
    gen_pos pos;
} slot;

typedef struct scope {
    slot *slots;
    size_t cap, count;
} scope;

/* FNV-1a with a final mix (strmap's hash): plain FNV-1a's low bits, which
 * pick the slot, cluster for names that differ in one digit. */
static uint64_t hash_str(const char *s) { return gen_strmap_hash(s, strlen(s)); }

static void scope_init(scope *sc, size_t hint)
{
    sc->cap = 16;
    while (sc->cap < hint * 2)
        sc->cap *= 2;
    sc->count = 0;
    sc->slots = gen_xmalloc(sc->cap * sizeof *sc->slots);
    memset(sc->slots, 0, sc->cap * sizeof *sc->slots);
}

static void scope_dispose(scope *sc) { free(sc->slots); }

/* Adds name; on a clash reports it (with a note at the other) and returns
 * false. */
static bool scope_add(scope *sc, gen_diag *diag, const char *name, const char *what,
                      gen_pos pos)
{
    if ((sc->count + 1) * 2 > sc->cap) {
        scope bigger;
        scope_init(&bigger, sc->cap);
        for (size_t i = 0; i < sc->cap; i++) {
            if (!sc->slots[i].name)
                continue;
            size_t j = hash_str(sc->slots[i].name) & (bigger.cap - 1);
            while (bigger.slots[j].name)
                j = (j + 1) & (bigger.cap - 1);
            bigger.slots[j] = sc->slots[i];
        }
        bigger.count = sc->count;
        free(sc->slots);
        *sc = bigger;
    }
    size_t j = hash_str(name) & (sc->cap - 1);
    while (sc->slots[j].name) {
        if (!strcmp(sc->slots[j].name, name)) {
            gen_diag_error(diag, &pos, "the C name '%s' of %s is already used by %s; rename one "
                                       "of them in the schema",
                           name, what, sc->slots[j].what);
            gen_diag_note(diag, &sc->slots[j].pos, "%s is here", sc->slots[j].what);
            return false;
        }
        j = (j + 1) & (sc->cap - 1);
    }
    sc->slots[j].name = name;
    sc->slots[j].what = what;
    sc->slots[j].pos = pos;
    sc->count++;
    return true;
}

static bool scope_has(const scope *sc, const char *name)
{
    size_t j = hash_str(name) & (sc->cap - 1);
    while (sc->slots[j].name) {
        if (!strcmp(sc->slots[j].name, name))
            return true;
        j = (j + 1) & (sc->cap - 1);
    }
    return false;
}

/* ---- assigning ------------------------------------------------------------- */

static void name_enum_members(gen_arena *a, gen_diag *diag, gen_ir_type *t, scope *global,
                              unsigned *errors)
{
    scope local;
    scope_init(&local, t->member_count + 1);
    scope_add(&local, diag, t->names.unknown, "x", t->pos);
    for (size_t i = 0; i < t->member_count; i++) {
        gen_ir_member *m = &t->members[i];
        const char *part = gen_naming_member(a, m->wire, m->wire_len);
        char *full = gen_arena_printf(a, "%s_%s", t->names.upper, part);
        for (int n = 2; scope_has(&local, full); n++)
            full = gen_arena_printf(a, "%s_%s_%d", t->names.upper, part, n);
        scope_add(&local, diag, full, "x", m->pos);
        m->c_name = full;
        m->wire_literal = gen_naming_c_literal(a, m->wire, m->wire_len);
        const char *what = gen_arena_printf(a, "enum value '%s' of '%s'", m->wire, t->name);
        if (!scope_add(global, diag, full, what, m->pos))
            (*errors)++;
    }
    scope_dispose(&local);
}

static void name_fields(gen_arena *a, gen_diag *diag, gen_ir_type *t, unsigned *errors)
{
    scope sc;
    scope_init(&sc, t->field_count * 3 + 1);
    scope_add(&sc, diag, "json_extra", "the member 'json_extra' that every struct reserves",
              t->pos);
    for (size_t i = 0; i < t->field_count; i++) {
        gen_ir_field *f = &t->fields[i];
        gen_ir_field_names *n = &f->names;
        n->c_name = gen_naming_snake(a, f->json_name, f->json_len);
        /* has_ of a keyword-escaped name drops the escape: has_default. */
        const char *bare = n->c_name;
        size_t bl = strlen(bare);
        if (bl > 1 && bare[bl - 1] == '_')
            bare = gen_arena_strndup(a, bare, bl - 1);
        n->has = gen_arena_printf(a, "has_%s", bare);
        n->unknown = f->ref.codec == GEN_CODEC_ENUM ? gen_arena_printf(a, "%s_unknown", bare)
                                                    : NULL;
        n->name_literal = gen_naming_c_literal(a, f->json_name, f->json_len);
        size_t jl = 0;
        const char *js = gen_naming_json_string(a, f->json_name, f->json_len, &jl);
        n->key_literal = gen_naming_c_literal(a, js, jl);
        n->text_literal = gen_naming_c_literal(a, js + 1, jl - 2);
        char *mem = gen_arena_printf(a, ",%s:", js);
        n->member_literal = gen_naming_c_literal(a, mem, jl + 2);
        const char *fw = gen_arena_printf(a, "field '%s'", f->json_name);
        if (!scope_add(&sc, diag, n->c_name, fw, f->pos))
            (*errors)++;
        if (!scope_add(&sc, diag, n->has,
                       gen_arena_printf(a, "the presence flag of field '%s'", f->json_name),
                       f->pos))
            (*errors)++;
        if (n->unknown &&
            !scope_add(&sc, diag, n->unknown,
                       gen_arena_printf(a, "the unknown-text member of enum field '%s'",
                                        f->json_name),
                       f->pos))
            (*errors)++;
    }
    scope_dispose(&sc);
}

unsigned gen_naming_assign(gen_arena *a, gen_diag *diag, gen_ir *ir, const char *prefix)
{
    unsigned errors = 0;
    bool pre = prefix && *prefix;
    const char *p = pre ? gen_arena_printf(a, "%s_", prefix) : "";
    const char *guard_pre = pre ? gen_naming_upper(a, prefix) : "MC";
    scope global;
    scope_init(&global, ir->type_count * 16 + 1);
    /* First the type names themselves, so a clash names both types. */
    for (size_t i = 0; i < ir->type_count; i++) {
        gen_ir_type *t = ir->types[i];
        gen_ir_type_names *n = &t->names;
        const char *snake = gen_naming_snake(a, t->name, strlen(t->name));
        n->c_name = gen_arena_printf(a, "%s%s", p, snake);
        n->upper = gen_naming_upper(a, n->c_name);
        n->name_literal = gen_naming_c_literal(a, t->name, strlen(t->name));
        if (!scope_add(&global, diag, n->c_name, gen_arena_printf(a, "type '%s'", t->name),
                       t->pos)) {
            errors++;
            t->state = -1; /* its derived names would only repeat the clash */
        }
    }
    static const struct {
        const char *suffix;
        size_t off;
        bool enum_only;
        const char *what;
    } funcs[] = {
        {"desc", offsetof(gen_ir_type_names, desc), false, "the descriptor"},
        {"init", offsetof(gen_ir_type_names, init), false, "the init function"},
        {"clear", offsetof(gen_ir_type_names, clear), false, "the clear function"},
        {"copy", offsetof(gen_ir_type_names, copy), false, "the copy function"},
        {"equal", offsetof(gen_ir_type_names, equal), false, "the equal function"},
        {"from_json", offsetof(gen_ir_type_names, from_json), false, "the decoder"},
        {"to_json", offsetof(gen_ir_type_names, to_json), false, "the encoder"},
        {"to_json_string", offsetof(gen_ir_type_names, to_json_string), false, "the encoder"},
        {"to_string", offsetof(gen_ir_type_names, to_string), true, "to_string"},
        {"from_string", offsetof(gen_ir_type_names, from_string), true, "from_string"},
    };
    for (size_t i = 0; i < ir->type_count; i++) {
        gen_ir_type *t = ir->types[i];
        gen_ir_type_names *n = &t->names;
        for (size_t k = 0; k < sizeof funcs / sizeof funcs[0]; k++) {
            if (funcs[k].enum_only && t->kind != GEN_IR_ENUM)
                continue;
            char *fn = gen_arena_printf(a, "%s_%s", n->c_name, funcs[k].suffix);
            *(const char **)((char *)n + funcs[k].off) = fn;
            const char *what =
                gen_arena_printf(a, "%s of type '%s'", funcs[k].what, t->name);
            if (t->state != -1 && !scope_add(&global, diag, fn, what, t->pos))
                errors++;
        }
        const gen_ir_type *owner = t->owner ? t->owner : t;
        const char *osnake = gen_naming_snake(a, owner->name, strlen(owner->name));
        n->guard = gen_arena_printf(a, "%s_%s_H", guard_pre, gen_naming_upper(a, osnake));
        n->header = gen_arena_printf(a, "%s.h", osnake);
        n->source = gen_arena_printf(a, "%s.c", osnake);
        if (!t->owner && t->state != -1) {
            const char *what = gen_arena_printf(a, "the header file of type '%s'", t->name);
            if (!scope_add(&global, diag, n->header, what, t->pos))
                errors++;
        }
        if (t->kind == GEN_IR_ENUM) {
            n->unknown = gen_arena_printf(a, "%s_UNKNOWN", n->upper);
            if (t->state != -1 && !scope_add(&global, diag, n->unknown,
                           gen_arena_printf(a, "the unknown value of enum '%s'", t->name), t->pos))
                errors++;
        }
    }
    for (size_t i = 0; i < ir->type_count; i++) {
        gen_ir_type *t = ir->types[i];
        if (t->kind == GEN_IR_ENUM)
            name_enum_members(a, diag, t, &global, &errors);
        else if (t->kind == GEN_IR_OBJECT)
            name_fields(a, diag, t, &errors);
    }
    scope_dispose(&global);
    return errors;
}
