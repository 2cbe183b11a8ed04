/*
 * json_check.c - a tiny, independent, strict RFC 8259 validator for the
 * decode fuzzer's differential check.  Written from the RFC grammar, shares
 * no code with the runtime:
 *
 *   JSON-text = ws value ws
 *   value     = false / null / true / object / array / number / string
 *   number    = [ "-" ] int [ frac ] [ exp ]   (int = "0" / digit1-9 *DIGIT)
 *   string    = quotation-mark *char quotation-mark
 *               (unescaped = %x20-21 / %x23-5B / %x5D-10FFFF; escapes
 *                \" \\ \/ \b \f \n \r \t \uXXXX)
 *   ws        = *( %x20 / %x09 / %x0A / %x0D )
 *
 * plus section 8.1: the text must be UTF-8 (no overlongs, no surrogates
 * encoded directly, nothing above U+10FFFF).  Escaped lone surrogates
 * (\uD800) are allowed by the grammar, so they are accepted here.  No BOM.
 */
#include "json_check.h"

typedef struct jc {
    const unsigned char *p, *end;
    unsigned depth;
} jc;

static int jc_value(jc *c);

static void jc_ws(jc *c)
{
    while (c->p < c->end && (*c->p == ' ' || *c->p == '\t' || *c->p == '\n' || *c->p == '\r'))
        c->p++;
}

static int jc_lit(jc *c, const char *lit)
{
    while (*lit) {
        if (c->p >= c->end || *c->p != (unsigned char)*lit)
            return JC_INVALID;
        c->p++;
        lit++;
    }
    return JC_VALID;
}

static int is_digit(unsigned char ch) { return ch >= '0' && ch <= '9'; }
static int is_hex(unsigned char ch)
{
    return is_digit(ch) || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F');
}

static int jc_number(jc *c)
{
    if (c->p < c->end && *c->p == '-')
        c->p++;
    if (c->p >= c->end)
        return JC_INVALID;
    if (*c->p == '0') {
        c->p++;
    } else if (*c->p >= '1' && *c->p <= '9') {
        while (c->p < c->end && is_digit(*c->p))
            c->p++;
    } else {
        return JC_INVALID;
    }
    if (c->p < c->end && *c->p == '.') {
        c->p++;
        if (c->p >= c->end || !is_digit(*c->p))
            return JC_INVALID;
        while (c->p < c->end && is_digit(*c->p))
            c->p++;
    }
    if (c->p < c->end && (*c->p == 'e' || *c->p == 'E')) {
        c->p++;
        if (c->p < c->end && (*c->p == '+' || *c->p == '-'))
            c->p++;
        if (c->p >= c->end || !is_digit(*c->p))
            return JC_INVALID;
        while (c->p < c->end && is_digit(*c->p))
            c->p++;
    }
    return JC_VALID;
}

/* One UTF-8 sequence starting at c->p (first byte >= 0x80). */
static int jc_utf8(jc *c)
{
    unsigned char b0 = *c->p;
    unsigned need, cp, min, i;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        need = 1; cp = b0 & 0x1Fu; min = 0x80;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        need = 2; cp = b0 & 0x0Fu; min = 0x800;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        need = 3; cp = b0 & 0x07u; min = 0x10000;
    } else {
        return JC_INVALID;
    }
    if ((size_t)(c->end - c->p) < need + 1u)
        return JC_INVALID;
    for (i = 1; i <= need; i++) {
        if ((c->p[i] & 0xC0u) != 0x80u)
            return JC_INVALID;
        cp = (cp << 6) | (c->p[i] & 0x3Fu);
    }
    if (cp < min || cp > 0x10FFFFu || (cp >= 0xD800u && cp <= 0xDFFFu))
        return JC_INVALID;
    c->p += need + 1u;
    return JC_VALID;
}

static int jc_string(jc *c)
{
    c->p++; /* the opening quote */
    for (;;) {
        unsigned char ch;
        if (c->p >= c->end)
            return JC_INVALID;
        ch = *c->p;
        if (ch == '"') {
            c->p++;
            return JC_VALID;
        }
        if (ch < 0x20)
            return JC_INVALID;
        if (ch == '\\') {
            c->p++;
            if (c->p >= c->end)
                return JC_INVALID;
            ch = *c->p++;
            if (ch == 'u') {
                int i;
                if (c->end - c->p < 4)
                    return JC_INVALID;
                for (i = 0; i < 4; i++)
                    if (!is_hex(c->p[i]))
                        return JC_INVALID;
                c->p += 4;
            } else if (ch != '"' && ch != '\\' && ch != '/' && ch != 'b' && ch != 'f' &&
                       ch != 'n' && ch != 'r' && ch != 't') {
                return JC_INVALID;
            }
        } else if (ch >= 0x80) {
            if (jc_utf8(c) != JC_VALID)
                return JC_INVALID;
        } else {
            c->p++;
        }
    }
}

static int jc_container(jc *c, unsigned char close)
{
    int rc;
    if (++c->depth > JC_MAX_DEPTH)
        return JC_TOO_DEEP;
    c->p++; /* '{' or '[' */
    jc_ws(c);
    if (c->p < c->end && *c->p == close) {
        c->p++;
        c->depth--;
        return JC_VALID;
    }
    for (;;) {
        if (close == '}') {
            jc_ws(c);
            if (c->p >= c->end || *c->p != '"')
                return JC_INVALID;
            if ((rc = jc_string(c)) != JC_VALID)
                return rc;
            jc_ws(c);
            if (c->p >= c->end || *c->p != ':')
                return JC_INVALID;
            c->p++;
        }
        jc_ws(c);
        if ((rc = jc_value(c)) != JC_VALID)
            return rc;
        jc_ws(c);
        if (c->p >= c->end)
            return JC_INVALID;
        if (*c->p == close) {
            c->p++;
            c->depth--;
            return JC_VALID;
        }
        if (*c->p != ',')
            return JC_INVALID;
        c->p++;
    }
}

static int jc_value(jc *c)
{
    if (c->p >= c->end)
        return JC_INVALID;
    switch (*c->p) {
    case '{': return jc_container(c, '}');
    case '[': return jc_container(c, ']');
    case '"': return jc_string(c);
    case 't': return jc_lit(c, "true");
    case 'f': return jc_lit(c, "false");
    case 'n': return jc_lit(c, "null");
    default:  return jc_number(c);
    }
}

int json_check(const char *text, size_t len)
{
    jc c;
    int rc;
    c.p = (const unsigned char *)text;
    c.end = c.p + len;
    c.depth = 0;
    jc_ws(&c);
    rc = jc_value(&c);
    if (rc != JC_VALID)
        return rc;
    jc_ws(&c);
    return c.p == c.end ? JC_VALID : JC_INVALID;
}
