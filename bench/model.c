/*
 * bench/model.c - helpers shared by every peer: init/clear of the plain struct,
 * enum lookup, RFC 3339 date-time parse and format, and the checksum.
 * Everything here is plain and unspecialised on purpose: all peers call the
 * same code, so it adds the same cost to each of them.
 */
#include "model.h"

#include <stdlib.h>
#include <string.h>

const char *const bm_type_names[BM_TYPE_COUNT] = {
    "REASSIGN", "ADMIN_REASSIGN", "COMPLETE_CERTIFICATION", "FINISH_CERTIFICATION",
    "COMPLETE_CAMPAIGN", "ACTIVATE_CAMPAIGN", "CAMPAIGN_CREATE", "CAMPAIGN_DELETE",
};
const char *const bm_target_names[BM_TARGET_COUNT] = {"CERTIFICATION", "CAMPAIGN"};
const char *const bm_status_names[BM_STATUS_COUNT] = {"QUEUED", "IN_PROGRESS", "SUCCESS",
                                                      "ERROR"};
const char *const bm_origin_names[BM_ORIGIN_COUNT] = {"DEFAULT", "REQUEST"};

void bm_task_init(bm_task *t) { memset(t, 0, sizeof *t); }

void bm_task_clear(bm_task *t)
{
    free(t->id.data);
    free(t->type_unknown.data);
    free(t->target_type_unknown.data);
    free(t->target_id.data);
    free(t->status_unknown.data);
    for (size_t i = 0; i < t->errors_count; i++) {
        free(t->errors[i].locale.data);
        free(t->errors[i].locale_origin_unknown.data);
        free(t->errors[i].text.data);
    }
    free(t->errors);
    for (size_t i = 0; i < t->trails_count; i++) {
        free(t->trails[i].previous_owner.data);
        free(t->trails[i].new_owner.data);
        free(t->trails[i].reassignment_type.data);
    }
    free(t->trails);
    memset(t, 0, sizeof *t);
}

int bm_str_set(bm_str *out, const char *s, size_t len)
{
    char *p = malloc(len + 1);
    if (!p)
        return -1;
    memcpy(p, s, len);
    p[len] = '\0';
    out->data = p;
    out->len = len;
    return 0;
}

int bm_enum_lookup(const char *const *names, int n, const char *s, size_t len)
{
    for (int i = 0; i < n; i++)
        if (strlen(names[i]) == len && memcmp(names[i], s, len) == 0)
            return i;
    return BM_ENUM_UNKNOWN;
}

/* n decimal digits at s, or -1. */
static int digits(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        unsigned d = (unsigned char)s[i] - '0';
        if (d > 9)
            return -1;
        v = v * 10 + (int)d;
    }
    return v;
}

int bm_datetime_parse(bm_datetime *out, const char *s, size_t len)
{
    static const uint8_t mdays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (len < 20 || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != 't') ||
        s[13] != ':' || s[16] != ':')
        return -1;
    int y = digits(s, 4), mo = digits(s + 5, 2), d = digits(s + 8, 2);
    int h = digits(s + 11, 2), mi = digits(s + 14, 2), se = digits(s + 17, 2);
    if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > mdays[mo - 1] || h < 0 || h > 23 ||
        mi < 0 || mi > 59 || se < 0 || se > 60)
        return -1;
    if (mo == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return -1;
    size_t i = 19;
    uint32_t nanos = 0;
    if (s[i] == '.') {
        i++;
        size_t start = i;
        uint32_t scale = 100000000;
        while (i < len && (unsigned)(s[i] - '0') <= 9) {
            nanos += (uint32_t)(s[i] - '0') * scale; /* digits past the 9th are dropped */
            scale /= 10;
            i++;
        }
        if (i == start)
            return -1;
    }
    int off;
    if (i < len && (s[i] == 'Z' || s[i] == 'z')) {
        off = 0;
        i++;
    } else if (i + 6 == len && (s[i] == '+' || s[i] == '-') && s[i + 3] == ':') {
        int oh = digits(s + i + 1, 2), om = digits(s + i + 4, 2);
        if (oh < 0 || oh > 23 || om < 0 || om > 59)
            return -1;
        off = oh * 60 + om;
        if (s[i] == '-')
            off = -off;
        i += 6;
    } else {
        return -1;
    }
    if (i != len)
        return -1;
    out->year = y;
    out->month = (uint8_t)mo;
    out->day = (uint8_t)d;
    out->hour = (uint8_t)h;
    out->minute = (uint8_t)mi;
    out->second = (uint8_t)se;
    out->nanos = nanos;
    out->offset_min = (int16_t)off;
    return 0;
}

static char *put2(char *p, unsigned v)
{
    p[0] = (char)('0' + v / 10);
    p[1] = (char)('0' + v % 10);
    return p + 2;
}

size_t bm_datetime_format(const bm_datetime *dt, char *buf)
{
    char *p = buf;
    unsigned y = (unsigned)dt->year % 10000;
    p = put2(p, y / 100);
    p = put2(p, y % 100);
    *p++ = '-';
    p = put2(p, dt->month);
    *p++ = '-';
    p = put2(p, dt->day);
    *p++ = 'T';
    p = put2(p, dt->hour);
    *p++ = ':';
    p = put2(p, dt->minute);
    *p++ = ':';
    p = put2(p, dt->second);
    if (dt->nanos) {
        int nd = dt->nanos % 1000000 == 0 ? 3 : dt->nanos % 1000 == 0 ? 6 : 9;
        uint32_t v = dt->nanos;
        char tmp[9];
        for (int k = 8; k >= 0; k--) {
            tmp[k] = (char)('0' + v % 10);
            v /= 10;
        }
        *p++ = '.';
        memcpy(p, tmp, (size_t)nd);
        p += nd;
    }
    if (dt->offset_min == 0) {
        *p++ = 'Z';
    } else {
        int off = dt->offset_min;
        *p++ = off < 0 ? '-' : '+';
        if (off < 0)
            off = -off;
        p = put2(p, (unsigned)off / 60);
        *p++ = ':';
        p = put2(p, (unsigned)off % 60);
    }
    *p = '\0';
    return (size_t)(p - buf);
}

#define FNV_PRIME 0x100000001b3ull

void bm_hash_init(bm_hash *h) { h->h = 0xcbf29ce484222325ull; }

void bm_hash_u64(bm_hash *h, uint64_t v)
{
    h->h = (h->h ^ v) * FNV_PRIME;
    h->h ^= h->h >> 29;
}

void bm_hash_bytes(bm_hash *h, const void *p, size_t n)
{
    const unsigned char *b = p;
    uint64_t x = h->h;
    for (size_t i = 0; i < n; i++)
        x = (x ^ b[i]) * FNV_PRIME;
    h->h = x;
}

void bm_hash_str(bm_hash *h, int presence, const char *s, size_t len)
{
    bm_hash_u64(h, (uint64_t)presence);
    if (presence == BM_PRESENT) {
        bm_hash_u64(h, len);
        bm_hash_bytes(h, s, len);
    }
}

void bm_hash_enum(bm_hash *h, int presence, int value, const char *unknown, size_t unknown_len)
{
    bm_hash_u64(h, (uint64_t)presence);
    if (presence == BM_PRESENT) {
        bm_hash_u64(h, (uint64_t)(int64_t)value);
        if (value == BM_ENUM_UNKNOWN) {
            bm_hash_u64(h, unknown_len);
            bm_hash_bytes(h, unknown, unknown_len);
        }
    }
}

void bm_hash_datetime(bm_hash *h, int presence, int64_t utc_seconds, uint32_t nanos,
                      int offset_min)
{
    bm_hash_u64(h, (uint64_t)presence);
    if (presence == BM_PRESENT) {
        bm_hash_u64(h, (uint64_t)utc_seconds);
        bm_hash_u64(h, nanos);
        bm_hash_u64(h, (uint64_t)(int64_t)offset_min);
    }
}

int64_t bm_datetime_epoch(const bm_datetime *dt)
{
    /* days from civil date (proleptic Gregorian), the usual era arithmetic */
    int64_t y = dt->year - (dt->month <= 2);
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t mp = (dt->month + 9) % 12;
    int64_t doy = (153 * mp + 2) / 5 + dt->day - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    int64_t days = era * 146097 + doe - 719468;
    return days * 86400 + dt->hour * 3600 + dt->minute * 60 + dt->second -
           (int64_t)dt->offset_min * 60;
}

uint64_t bm_task_checksum(const bm_task *t)
{
    bm_hash h;
    bm_hash_init(&h);
    bm_hash_str(&h, t->has_id, t->id.data, t->id.len);
    bm_hash_enum(&h, t->has_type, t->type, t->type_unknown.data, t->type_unknown.len);
    bm_hash_enum(&h, t->has_target_type, t->target_type, t->target_type_unknown.data,
                 t->target_type_unknown.len);
    bm_hash_str(&h, t->has_target_id, t->target_id.data, t->target_id.len);
    bm_hash_enum(&h, t->has_status, t->status, t->status_unknown.data, t->status_unknown.len);
    bm_hash_u64(&h, (uint64_t)t->has_errors);
    if (t->has_errors == BM_PRESENT) {
        bm_hash_u64(&h, t->errors_count);
        for (size_t i = 0; i < t->errors_count; i++) {
            const bm_error_message *e = &t->errors[i];
            bm_hash_str(&h, e->has_locale, e->locale.data, e->locale.len);
            bm_hash_enum(&h, e->has_locale_origin, e->locale_origin,
                         e->locale_origin_unknown.data, e->locale_origin_unknown.len);
            bm_hash_str(&h, e->has_text, e->text.data, e->text.len);
        }
    }
    bm_hash_u64(&h, (uint64_t)t->has_trails);
    if (t->has_trails == BM_PRESENT) {
        bm_hash_u64(&h, t->trails_count);
        for (size_t i = 0; i < t->trails_count; i++) {
            const bm_trail *r = &t->trails[i];
            bm_hash_str(&h, r->has_previous_owner, r->previous_owner.data, r->previous_owner.len);
            bm_hash_str(&h, r->has_new_owner, r->new_owner.data, r->new_owner.len);
            bm_hash_str(&h, r->has_reassignment_type, r->reassignment_type.data,
                        r->reassignment_type.len);
        }
    }
    bm_hash_datetime(&h, t->has_created, bm_datetime_epoch(&t->created), t->created.nanos,
                     t->created.offset_min);
    return h.h;
}
