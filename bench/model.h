/*
 * bench/model.h - the plain C struct every benchmark peer decodes into.
 *
 * One CertificationTask (sailpoint v2024 schema) as plain data, so that cJSON,
 * jansson, json-c and simdjson all fill exactly the same thing and one checksum
 * function can compare them with modelc. The layout follows the schema order:
 *
 *   presence   every field has a bm_presence: absent, null, or a value.
 *   strings    bm_str {data, len}; data is malloc'd, NUL-terminated, owned by
 *              the struct. bm_task_clear() frees it.
 *   enums      int: 0..n-1 for a listed value, BM_ENUM_UNKNOWN (-1) for text
 *              the schema does not list; that text is kept in *_unknown.
 *   arrays     pointer + count, items malloc'd as one block.
 *   date-time  parsed into bm_datetime (the value, not the spelling: "Z" and
 *              "+00:00" compare equal, trailing fraction zeros do not count).
 *
 * bm_datetime_parse()/bm_datetime_format() and bm_enum_lookup() are shared by
 * all peers so that none of them is slowed or sped by its own helper.
 */
#ifndef BENCH_MODEL_H
#define BENCH_MODEL_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum bm_presence { BM_ABSENT = 0, BM_NULL = 1, BM_PRESENT = 2 } bm_presence;

#define BM_ENUM_UNKNOWN (-1)

typedef struct bm_str {
    char *data; /* NUL-terminated, malloc'd; NULL when not present */
    size_t len;
} bm_str;

typedef struct bm_datetime {
    int32_t year;
    uint8_t month, day, hour, minute, second;
    uint32_t nanos;      /* 0..999999999 */
    int16_t offset_min;  /* minutes east of UTC; "Z" is 0 */
} bm_datetime;

/* CertificationTask.type */
enum { BM_TYPE_REASSIGN, BM_TYPE_ADMIN_REASSIGN, BM_TYPE_COMPLETE_CERTIFICATION,
       BM_TYPE_FINISH_CERTIFICATION, BM_TYPE_COMPLETE_CAMPAIGN, BM_TYPE_ACTIVATE_CAMPAIGN,
       BM_TYPE_CAMPAIGN_CREATE, BM_TYPE_CAMPAIGN_DELETE, BM_TYPE_COUNT };
/* CertificationTask.targetType */
enum { BM_TARGET_CERTIFICATION, BM_TARGET_CAMPAIGN, BM_TARGET_COUNT };
/* CertificationTask.status */
enum { BM_STATUS_QUEUED, BM_STATUS_IN_PROGRESS, BM_STATUS_SUCCESS, BM_STATUS_ERROR,
       BM_STATUS_COUNT };
/* LocaleOrigin (its `null` member is has_locale_origin == BM_NULL) */
enum { BM_ORIGIN_DEFAULT, BM_ORIGIN_REQUEST, BM_ORIGIN_COUNT };

extern const char *const bm_type_names[BM_TYPE_COUNT];
extern const char *const bm_target_names[BM_TARGET_COUNT];
extern const char *const bm_status_names[BM_STATUS_COUNT];
extern const char *const bm_origin_names[BM_ORIGIN_COUNT];

typedef struct bm_error_message {
    bm_presence has_locale;        /* nullable */
    bm_str locale;
    bm_presence has_locale_origin; /* nullable */
    int locale_origin;
    bm_str locale_origin_unknown;
    bm_presence has_text;
    bm_str text;
} bm_error_message;

typedef struct bm_trail {
    bm_presence has_previous_owner;
    bm_str previous_owner;
    bm_presence has_new_owner;
    bm_str new_owner;
    bm_presence has_reassignment_type;
    bm_str reassignment_type;
} bm_trail;

typedef struct bm_task {
    bm_presence has_id;
    bm_str id;
    bm_presence has_type;
    int type;
    bm_str type_unknown;
    bm_presence has_target_type;
    int target_type;
    bm_str target_type_unknown;
    bm_presence has_target_id;
    bm_str target_id;
    bm_presence has_status;
    int status;
    bm_str status_unknown;
    bm_presence has_errors;
    bm_error_message *errors;
    size_t errors_count;
    bm_presence has_trails;        /* reassignmentTrailDTOs */
    bm_trail *trails;
    size_t trails_count;
    bm_presence has_created;
    bm_datetime created;
} bm_task;

/* Zero everything: all fields absent. */
void bm_task_init(bm_task *t);
/* Free what t points to and re-init it. */
void bm_task_clear(bm_task *t);

/* Copy s[0..len) into a fresh NUL-terminated malloc'd string. 0 ok, -1 no memory. */
int bm_str_set(bm_str *out, const char *s, size_t len);

/* Index of s in names[0..n) or BM_ENUM_UNKNOWN. */
int bm_enum_lookup(const char *const *names, int n, const char *s, size_t len);

/* RFC 3339 date-time ("2020-09-24T18:10:47.693Z", "...47+02:00"). 0 ok, -1 bad. */
int bm_datetime_parse(bm_datetime *out, const char *s, size_t len);
/* Writes the canonical spelling (fraction in 3, 6 or 9 digits only when non-zero,
   "Z" for offset 0) plus NUL into buf (at least BM_DATETIME_MAX bytes); returns length. */
#define BM_DATETIME_MAX 40
size_t bm_datetime_format(const bm_datetime *dt, char *buf);

/* The checksum. A 64-bit FNV-1a style hash fed field by field in schema order:
   presence, then the value (string: length and bytes; enum: number and, when
   unknown, its text; array: count then items; date-time: its instant and offset).
   Exposed as primitives so that an adapter can walk its own struct (modelc) in
   the same order without converting it first. */
typedef struct bm_hash { uint64_t h; } bm_hash;
void bm_hash_init(bm_hash *h);
void bm_hash_u64(bm_hash *h, uint64_t v);
void bm_hash_bytes(bm_hash *h, const void *p, size_t n);
void bm_hash_str(bm_hash *h, int presence, const char *s, size_t len);
void bm_hash_enum(bm_hash *h, int presence, int value, const char *unknown, size_t unknown_len);
/* A date-time is hashed as its instant and written offset: UTC seconds since
   1970, nanoseconds, offset minutes (the spelling of the fraction is not). */
void bm_hash_datetime(bm_hash *h, int presence, int64_t utc_seconds, uint32_t nanos,
                      int offset_min);
/* Seconds since 1970-01-01T00:00:00Z of dt (its local fields minus its offset). */
int64_t bm_datetime_epoch(const bm_datetime *dt);
uint64_t bm_task_checksum(const bm_task *t);

#ifdef __cplusplus
}
#endif
#endif
