/*
 * mc_runtime.h - the runtime shared by every model modelc generates.
 *
 * One header, one source file, libc only, C99/C11/C++ compatible. modelc copies
 * these two files into its output and replaces the prefix: every identifier that
 * starts with `mc_` or `MC_` becomes `P_` / `P_` for the user's prefix P.
 *
 * The generated code is a set of `static const` descriptor tables (built with the
 * MC_FIELD_* / MC_TYPE_* / MC_ENUM_* macros below) plus one-line typed wrappers
 * around the generic codec here (mc_decode, mc_encode, mc_clear, mc_copy,
 * mc_equal). The layout of the tables is private to this file: generated code
 * only uses the macros.
 *
 * OWNERSHIP RULES (they hold for every function below)
 *
 *  - Allocation goes through an mc_allocator. A NULL `const mc_allocator *`
 *    always means libc (malloc/realloc/free). The runtime never keeps a pointer
 *    to an allocator passed to it, except mc_buf, which copies it by value.
 *  - A model value (a generated struct or list) owns every block it points to:
 *    mc_string data, list items, json_extra. Those blocks were allocated with the
 *    allocator that later has to be passed to mc_clear / <type>_clear.
 *    Blocks are always allocated with their exact size: an mc_string with
 *    length n owns n + 1 bytes, a list with count n owns n * sizeof(item) bytes
 *    (nothing when n == 0: items is NULL). Values you build by hand must follow
 *    the same rule if your allocator cares about sizes (libc and mc_arena don't).
 *  - "init" state is all-zero bytes: every presence is MC_ABSENT, every string
 *    {NULL, 0}, every list {NULL, 0}. mc_init / <type>_init produce it; so does
 *    `= {0}` or memset. mc_clear frees everything and returns to it, and is safe
 *    on an init value and on the output of a failed call.
 *  - Functions that fill an output (mc_decode, mc_copy) overwrite it without
 *    freeing what it held: clear a value before reusing it. On failure the
 *    output is left in init state and nothing is leaked.
 *  - Input pointers are never stored. Input JSON need not be NUL-terminated.
 *  - NULL `mc_error *` means "no details wanted"; NULL options mean defaults.
 *  - Nothing here uses globals, static mutable data, locale-dependent
 *    formatting, exit() or abort(): every function is re-entrant and may be
 *    called from any number of threads on distinct values.
 *
 * SECURITY: JSON input is untrusted. The reader is strict RFC 8259, bounds
 * nesting depth (recursion is bounded by mc_decode_options.max_depth) and never
 * reads outside [json, json + len). Descriptor tables are trusted.
 */
#ifndef MC_RUNTIME_H
#define MC_RUNTIME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#ifdef __cplusplus
extern "C" {
#endif

#define MC_RUNTIME_VERSION "0.1.0"

/* MC_MUST_CHECK marks functions whose status must not be ignored. */
#if defined(__GNUC__) || defined(__clang__)
#define MC_MUST_CHECK __attribute__((warn_unused_result))
#else
#define MC_MUST_CHECK
#endif

/* ------------------------------------------------------------------------ */
/* Status codes                                                             */
/* ------------------------------------------------------------------------ */

/* One list gives the codes and their texts; mc_status_text reads the same list. */
#define MC_STATUS_LIST(X)                                                        \
    X(MC_OK, 0, "ok")                                                            \
    X(MC_ERR_NO_MEMORY, -1, "out of memory")                                     \
    X(MC_ERR_SYNTAX, -2, "invalid JSON syntax")                                  \
    X(MC_ERR_TYPE, -3, "type mismatch")                                          \
    X(MC_ERR_MISSING_REQUIRED, -4, "missing required member")                    \
    X(MC_ERR_NULL, -5, "null not allowed")                                       \
    X(MC_ERR_UNKNOWN_ENUM, -6, "unknown enum value")                             \
    X(MC_ERR_DATETIME, -7, "invalid date or date-time")                          \
    X(MC_ERR_DEPTH, -8, "nesting too deep")                                      \
    X(MC_ERR_UTF8, -9, "invalid UTF-8")                                          \
    X(MC_ERR_ESCAPE, -10, "invalid escape sequence")                             \
    X(MC_ERR_TRAILING, -11, "trailing characters after the JSON value")          \
    X(MC_ERR_DUPLICATE_KEY, -12, "duplicate member name")                        \
    X(MC_ERR_RANGE, -13, "number out of range")                                  \
    X(MC_ERR_UUID, -14, "invalid uuid")                                          \
    X(MC_ERR_INVALID_ARG, -15, "invalid argument or value")

#define MC_STATUS_ENUM_(name, value, text) name = value,
/* Status codes: MC_OK (0) or a negative MC_ERR_*. Functions return them as int. */
typedef enum mc_status { MC_STATUS_LIST(MC_STATUS_ENUM_) MC_STATUS_END_ = -16 } mc_status;

/* The text for a status code ("out of memory"); never NULL ("unknown status"). */
const char *mc_status_text(int code);

#define MC_ERROR_POINTER_MAX 128
#define MC_ERROR_MESSAGE_MAX 96

/*
 * Details of a failed decode. Only the first error is recorded.
 *  code     the status also returned by the call.
 *  offset   byte offset in the input where the error was detected (the start of
 *           the offending value or token; for a missing required member, the
 *           closing '}' of its object).
 *  line, column  1-based; column counts bytes from the start of the line.
 *  pointer  RFC 6901 JSON Pointer of the failing value ("" is the document,
 *           "/errors/1/localeOrigin"). If longer than MC_ERROR_POINTER_MAX - 1
 *           it is cut and ends with "...".
 *  message  human text, e.g. "expected string or null, got number".
 */
typedef struct mc_error {
    int code;
    size_t offset;
    uint32_t line;
    uint32_t column;
    char pointer[MC_ERROR_POINTER_MAX];
    char message[MC_ERROR_MESSAGE_MAX];
} mc_error;

/* ------------------------------------------------------------------------ */
/* Allocator and arena                                                      */
/* ------------------------------------------------------------------------ */

/*
 * One realloc-shaped hook. realloc(ctx, NULL, 0, n) allocates n bytes;
 * realloc(ctx, p, old, n) resizes the block p of size old; realloc(ctx, p, old, 0)
 * frees p and returns NULL. A failed allocation or resize returns NULL and leaves
 * p untouched. Blocks must be aligned for any object type. The runtime never
 * asks for 0 bytes to allocate.
 */
typedef struct mc_allocator {
    void *(*realloc)(void *ctx, void *ptr, size_t old_size, size_t new_size);
    void *ctx;
} mc_allocator;

/* Allocate n > 0 bytes with a (NULL = libc). Returns NULL on failure. */
void *mc_malloc(const mc_allocator *a, size_t n);
/* Free block p of size n allocated with a. NULL p is a no-op. */
void mc_free(const mc_allocator *a, void *p, size_t n);

/*
 * A bump arena. Memory handed out by mc_arena_allocator(arena) lives until
 * mc_arena_reset or mc_arena_dispose; freeing through it is a no-op (except
 * that the most recent block can be shrunk or grown in place).
 * Decode a document into an arena, use it, reset the arena: after the first
 * documents the arena holds one block big enough for the largest document seen,
 * so each further document costs no allocation at all.
 * The struct is public only so it can live on the stack; its members are private.
 */
typedef struct mc_arena_block_ mc_arena_block_;
typedef struct mc_arena {
    mc_allocator parent_;
    mc_arena_block_ *blocks_;  /* newest first */
    size_t used_;              /* bytes used in blocks_ */
    size_t last_;              /* offset of the most recent allocation in blocks_ */
    size_t block_size_;
} mc_arena;

/* Prepare an arena taking blocks from parent (NULL = libc). first_block is the
 * size of the first block (0 = 4096). Allocates nothing yet. */
void mc_arena_init(mc_arena *arena, const mc_allocator *parent, size_t first_block);
/* An allocator handing out arena memory. Valid while arena is. */
mc_allocator mc_arena_allocator(mc_arena *arena);
/* Forget every allocation. Keeps one block for reuse: if more than one block
 * was in use, they are replaced by a single block as large as all of them
 * (the only allocation a reset makes; if it fails, the arena is just empty). */
void mc_arena_reset(mc_arena *arena);
/* Free every block. The arena may be initialised again afterwards. */
void mc_arena_dispose(mc_arena *arena);

/* ------------------------------------------------------------------------ */
/* Strings, presence, buffers                                               */
/* ------------------------------------------------------------------------ */

/* Presence of a member: absent from the JSON, JSON null, or a value. */
typedef uint8_t mc_presence;
#define MC_ABSENT ((mc_presence)0)
#define MC_NULL ((mc_presence)1)
#define MC_PRESENT ((mc_presence)2)

/*
 * A string with explicit length. When data != NULL it holds len + 1 bytes and
 * data[len] == '\0'; the bytes before may contain '\0' too. {NULL, 0} is "no
 * string" (init state); a present empty string has data != NULL and len 0.
 */
typedef struct mc_string {
    char *data;
    size_t len;
} mc_string;

/* Set s to a copy of data[0..len) (data may be NULL when len == 0), allocated with
 * a. Frees nothing: s is overwritten. On failure s is {NULL, 0}.
 * Returns MC_OK or MC_ERR_NO_MEMORY. */
MC_MUST_CHECK int mc_string_set(mc_string *s, const char *data, size_t len, const mc_allocator *a);
/* Free s->data (allocated with a) and set s to {NULL, 0}. */
void mc_string_dispose(mc_string *s, const mc_allocator *a);

/*
 * A growable output buffer. data is NULL until something is reserved; after any
 * successful append data[len] == '\0'. The allocator is copied into the buffer.
 */
typedef struct mc_buf {
    char *data;
    size_t len;
    size_t cap;
    mc_allocator alloc;
} mc_buf;

/* Start an empty buffer allocating with a (NULL = libc). Allocates nothing. */
void mc_buf_init(mc_buf *b, const mc_allocator *a);
/* Make room for `extra` more bytes plus a terminating NUL.
 * Returns MC_OK or MC_ERR_NO_MEMORY (the buffer is unchanged then). */
MC_MUST_CHECK int mc_buf_reserve(mc_buf *b, size_t extra);
/* Append n bytes (p may be NULL if n == 0). MC_OK or MC_ERR_NO_MEMORY (unchanged). */
MC_MUST_CHECK int mc_buf_append(mc_buf *b, const void *p, size_t n);
/* Free the buffer's memory; it is empty (and reusable) afterwards. */
void mc_buf_dispose(mc_buf *b);
/*
 * Hand the contents over as a NUL-terminated string of exactly *out_len + 1
 * bytes allocated with the buffer's allocator (with libc: free() it). An empty
 * buffer yields an allocated "". The buffer is empty afterwards.
 * out_len may be NULL. MC_OK, or MC_ERR_NO_MEMORY (buffer unchanged, *out NULL).
 */
MC_MUST_CHECK int mc_buf_detach(mc_buf *b, char **out, size_t *out_len);

/* ------------------------------------------------------------------------ */
/* UTF-8                                                                    */
/* ------------------------------------------------------------------------ */

/* True if s[0..len) is valid UTF-8 (no overlongs, no surrogates, nothing above
 * U+10FFFF). If not and bad_offset != NULL, *bad_offset is the offset of the
 * first byte of the first invalid sequence. */
bool mc_utf8_valid(const char *s, size_t len, size_t *bad_offset);
/* Encode code point cp into out (up to 4 bytes). Returns the byte count, or 0
 * if cp is a surrogate or above U+10FFFF (nothing written). */
size_t mc_utf8_encode(uint32_t cp, char out[4]);

/* ------------------------------------------------------------------------ */
/* Date-time (RFC 3339) and date                                            */
/* ------------------------------------------------------------------------ */

/*
 * An instant plus the form it was written in, so that encoding writes back
 * exactly the text that was decoded.
 *  seconds         seconds since 1970-01-01T00:00:00Z (UTC), years 0000..9999.
 *  nanos           0..999999999; a leap second (hh:mm:60) is stored as second
 *                  :59 with nanos + 1000000000 (so 1e9..1999999999), and written
 *                  back as :60. mc_datetime_to_time_t reports it as :59.
 *  offset_minutes  the local offset written in the text (-1439..1439); the
 *                  fields above are still UTC.
 *  form            MC_DT_* flags: fraction digits (0-9), seconds omitted,
 *                  zone designator. Encoding never drops information: if the
 *                  value needs more digits (or seconds, or an offset) than the
 *                  form says, they are written.
 */
typedef struct mc_datetime {
    int64_t seconds;
    int32_t nanos;
    int16_t offset_minutes;
    uint8_t form;
} mc_datetime;

#define MC_DT_FRAC_MASK 0x0Fu    /* number of fraction digits written, 0..9 */
#define MC_DT_NO_SECONDS 0x10u   /* "18:10Z" (lenient) */
#define MC_DT_ZONE_MASK 0x60u
#define MC_DT_ZONE_Z 0x00u       /* "Z" */
#define MC_DT_ZONE_LOWER_Z 0x20u /* "z" */
#define MC_DT_ZONE_OFFSET 0x40u  /* "+hh:mm" / "-hh:mm" */
#define MC_DT_ZONE_NONE 0x60u    /* no zone (lenient; read as UTC) */
#define MC_DT_NEG_ZERO 0x80u     /* "-00:00": UTC, local offset unknown */

/* Longest text mc_datetime_format writes, plus NUL. */
#define MC_DATETIME_MAX 40

/* Flags for mc_datetime_parse. */
#define MC_DATETIME_STRICT 1u    /* RFC 3339 only: seconds and zone required */

/*
 * Parse s[0..len) as RFC 3339 date-time: YYYY-MM-DD"T"hh:mm:ss[.f{1,9}](Z|z|±hh:mm).
 * 'T' may be 't' (it is written back as 'T'). Validates every range, leap
 * years and days per month; :60 is accepted as a leap second (see above).
 * Unless MC_DATETIME_STRICT, also accepts ":ss" missing and the zone missing
 * (read as UTC), recording the form. Returns MC_OK or MC_ERR_DATETIME; on
 * error *out is zeroed.
 */
MC_MUST_CHECK int mc_datetime_parse(mc_datetime *out, const char *s, size_t len, unsigned flags);
/* Internal, for tests: mc_datetime_parse without its fast path for the common
 * shapes; the results are the same, bit for bit. */
MC_MUST_CHECK int mc_datetime_parse_full_(mc_datetime *out, const char *s, size_t len, unsigned flags);
/*
 * Write dt into buf (capacity cap, MC_DATETIME_MAX is always enough) followed
 * by a NUL. Returns the length written (without NUL), or 0 if dt is out of range
 * (year outside 0000..9999, nanos or offset invalid) or cap is too small.
 */
size_t mc_datetime_format(const mc_datetime *dt, char *buf, size_t cap);
/* The instant as time_t (whole seconds, truncated toward the past).
 * MC_OK or MC_ERR_RANGE (time_t too narrow). */
MC_MUST_CHECK int mc_datetime_to_time_t(const mc_datetime *dt, time_t *out);
/* A UTC date-time ("...Z", no fraction) for t. MC_OK or MC_ERR_RANGE (year
 * outside 0000..9999). */
MC_MUST_CHECK int mc_datetime_from_time_t(mc_datetime *out, time_t t);

/* struct timespec exists in C11 and POSIX but not plain C99: define
 * MC_HAVE_TIMESPEC yourself to force a choice (it must match how
 * mc_runtime.c is compiled). */
#ifndef MC_HAVE_TIMESPEC
#if defined(TIME_UTC) || (defined(_POSIX_C_SOURCE) && _POSIX_C_SOURCE >= 199309L) || \
    defined(_XOPEN_SOURCE) || defined(_GNU_SOURCE) || defined(_DEFAULT_SOURCE) ||  \
    defined(_BSD_SOURCE)
#define MC_HAVE_TIMESPEC 1
#else
#define MC_HAVE_TIMESPEC 0
#endif
#endif
#if MC_HAVE_TIMESPEC
/* timespec conversions; tv_nsec is 0..999999999 (a leap second reads as :59.999999999). */
MC_MUST_CHECK int mc_datetime_to_timespec(const mc_datetime *dt, struct timespec *out);
/* A UTC date-time with 9 fraction digits if ts->tv_nsec != 0, else none.
 * MC_OK or MC_ERR_RANGE (year out of range or tv_nsec invalid). */
MC_MUST_CHECK int mc_datetime_from_timespec(mc_datetime *out, const struct timespec *ts);
#endif

/* A full-date (OpenAPI `format: date`), "YYYY-MM-DD". */
typedef struct mc_date {
    int16_t year; /* 0..9999 */
    uint8_t month; /* 1..12 */
    uint8_t day;   /* 1..31, valid for the month */
} mc_date;

#define MC_DATE_MAX 11
/* Parse "YYYY-MM-DD" exactly. MC_OK or MC_ERR_DATETIME (*out zeroed). */
MC_MUST_CHECK int mc_date_parse(mc_date *out, const char *s, size_t len);
/* Write d plus NUL into buf; returns 10, or 0 if d is invalid or cap < 11. */
size_t mc_date_format(const mc_date *d, char *buf, size_t cap);

/* ------------------------------------------------------------------------ */
/* Descriptors (written by generated code through the macros below)        */
/* ------------------------------------------------------------------------ */

/* Codec kinds. */
typedef enum mc_kind {
    MC_KIND_OBJECT = 1,
    MC_KIND_ARRAY,
    MC_KIND_ENUM,
    MC_KIND_STRING,   /* mc_string */
    MC_KIND_BOOL,     /* bool */
    MC_KIND_INT32,    /* int32_t */
    MC_KIND_INT64,    /* int64_t */
    MC_KIND_FLOAT,    /* float */
    MC_KIND_DOUBLE,   /* double */
    MC_KIND_DATETIME, /* mc_datetime */
    MC_KIND_DATE,     /* mc_date */
    MC_KIND_UUID      /* mc_string, validated 8-4-4-4-12 hex */
} mc_kind;

/* Field flags. */
#define MC_OPTIONAL 0u
#define MC_REQUIRED 1u /* missing on decode, or absent on encode: error */
#define MC_NULLABLE 2u /* JSON null accepted (presence MC_NULL) */

#define MC_NO_OFFSET UINT32_MAX

struct mc_type;
struct mc_enum_desc;

struct mc_field;
/* Internal, for generated code only (names end in `_`): the decoder's cursor,
 * the first member of its state. p is the next input byte, end the end of the
 * input, obj the '{' of the object whose fast path began last; depth the
 * arrays and objects entered, at most max_depth (here so that the generated
 * fast decoders enter and leave objects inline); safe is end - MC_FAST_SLACK_
 * (the start of the input when it is shorter): from below it, MC_FAST_SLACK_
 * bytes are input (see mc_fast_has_). */
typedef struct mc_cursor_ {
    const char *p;
    const char *end;
    const char *obj;
    unsigned depth, max_depth;
    const char *safe;
    /* what the fast decoders call for a string member: mc_fast_string_, or
     * with libc allocation one that calls malloc without an arena test
     * (chosen once per decode) */
    int (*string_)(struct mc_cursor_ *c, const struct mc_field *f, void *out);
} mc_cursor_;
#define MC_FAST_SLACK_ 32
/* Internal: a generated fast decoder of one object type (see mc_fast_open_). */
typedef int (*mc_fast_fn_)(mc_cursor_ *c, void *out);
/* Internal: a generated release of one object type: frees what the struct at v
 * owns (allocated with a, NULL = libc) without resetting it (see mc_clear). */
typedef void (*mc_release_fn_)(void *v, const struct mc_allocator *a);

/* One member of an object (or the item of an array). Private layout: use the
 * MC_FIELD_* and MC_ITEM_* macros. */
typedef struct mc_field {
    const char *key;       /* `,"name":` exactly as written (JSON-escaped) */
    uint16_t key_len;      /* bytes in key */
    uint8_t kind;          /* mc_kind */
    uint8_t flags;         /* MC_REQUIRED | MC_NULLABLE */
    uint32_t offset;       /* of the value */
    uint32_t presence;     /* of the mc_presence, or MC_NO_OFFSET */
    uint32_t unknown;      /* of the enum's unknown-text mc_string, or MC_NO_OFFSET */
    const struct mc_type *type;           /* MC_KIND_OBJECT / MC_KIND_ARRAY */
    const struct mc_enum_desc *enum_desc; /* MC_KIND_ENUM */
} mc_field;

/* An object or array type. Private layout: use MC_TYPE_OBJECT / MC_TYPE_ARRAY. */
typedef struct mc_type {
    uint8_t kind;           /* MC_KIND_OBJECT or MC_KIND_ARRAY */
    const char *name;       /* schema name, for messages */
    size_t size;            /* sizeof the struct / list struct */
    const mc_field *fields; /* object: members in schema order */
    size_t field_count;
    uint32_t extra;         /* object: offset of mc_string json_extra */
    mc_field item;          /* array: codec of one item (offset 0 in the item) */
    size_t item_size;       /* array: sizeof one item */
    uint32_t items_offset;  /* array: offset of `T *items` */
    uint32_t count_offset;  /* array: offset of `size_t count` */
    uint32_t required;      /* object: number of MC_REQUIRED fields (0: no check at '}') */
    mc_fast_fn_ fast;       /* object: generated fast path, or NULL (see mc_decode) */
    mc_release_fn_ release; /* object: generated release, or NULL (see mc_clear) */
    /* object: generated: the index of the field whose name, as the table
     * writes it, is exactly s[0..n), or field_count; only for tables where no
     * name holds a backslash, so that for a key without escapes it is the
     * whole lookup. NULL: table search */
    size_t (*find)(const char *s, size_t n);
} mc_type;

/* One enum member. */
typedef struct mc_enum_value {
    const char *wire;   /* the JSON string value (unescaped, UTF-8) */
    size_t wire_len;
    const char *c_name; /* the C enumerator, for diagnostics */
    bool plain;         /* printable ASCII without '"' or '\\': written without a check */
} mc_enum_value;

/* An enum: member i has C value i; -1 is "unknown" (text kept aside). */
typedef struct mc_enum_desc {
    const char *name;
    size_t count;
    const mc_enum_value *values;
    bool has_null; /* `null` is listed: JSON null is accepted (presence MC_NULL) */
    /* generated: the member whose wire text, then the closing '"', begins
     * s[0..n), or -1; it lists only texts without '"', '\\', control or
     * non-ASCII bytes (see MC_ENUM_MATCH_). NULL: table search */
    int (*match)(const char *s, size_t n);
} mc_enum_desc;

/* Value -1 of every generated enum: text not listed in the schema. */
#define MC_ENUM_UNKNOWN (-1)

/*
 * Macros for generated tables. Arguments:
 *  T        the struct type; m its value member; p its mc_presence member;
 *  u        the enum's mc_string member for unknown text;
 *  name     the JSON member name as a string literal, JSON-escaped (as it
 *           appears between the quotes in JSON text; plain names need nothing);
 *  flags    MC_OPTIONAL, MC_REQUIRED, MC_NULLABLE, or REQUIRED|NULLABLE;
 *  desc     address of the nested mc_type / mc_enum_desc.
 * Generated enums are stored as C enums that include the value -1, i.e. ints.
 */
#define MC_FIELD_(kind, T, m, p, unknown_off, name, flags, type, edesc)                   \
    { ",\"" name "\":", (uint16_t)(sizeof(",\"" name "\":") - 1), (uint8_t)(kind),        \
      (uint8_t)(flags), (uint32_t)offsetof(T, m), (uint32_t)offsetof(T, p), unknown_off, \
      type, edesc }

#define MC_FIELD_STRING(T, m, p, name, flags) MC_FIELD_(MC_KIND_STRING, T, m, p, MC_NO_OFFSET, name, flags, NULL, NULL)
#define MC_FIELD_UUID(T, m, p, name, flags) MC_FIELD_(MC_KIND_UUID, T, m, p, MC_NO_OFFSET, name, flags, NULL, NULL)
#define MC_FIELD_BOOL(T, m, p, name, flags) MC_FIELD_(MC_KIND_BOOL, T, m, p, MC_NO_OFFSET, name, flags, NULL, NULL)
#define MC_FIELD_INT32(T, m, p, name, flags) MC_FIELD_(MC_KIND_INT32, T, m, p, MC_NO_OFFSET, name, flags, NULL, NULL)
#define MC_FIELD_INT64(T, m, p, name, flags) MC_FIELD_(MC_KIND_INT64, T, m, p, MC_NO_OFFSET, name, flags, NULL, NULL)
#define MC_FIELD_FLOAT(T, m, p, name, flags) MC_FIELD_(MC_KIND_FLOAT, T, m, p, MC_NO_OFFSET, name, flags, NULL, NULL)
#define MC_FIELD_DOUBLE(T, m, p, name, flags) MC_FIELD_(MC_KIND_DOUBLE, T, m, p, MC_NO_OFFSET, name, flags, NULL, NULL)
#define MC_FIELD_DATETIME(T, m, p, name, flags) MC_FIELD_(MC_KIND_DATETIME, T, m, p, MC_NO_OFFSET, name, flags, NULL, NULL)
#define MC_FIELD_DATE(T, m, p, name, flags) MC_FIELD_(MC_KIND_DATE, T, m, p, MC_NO_OFFSET, name, flags, NULL, NULL)
#define MC_FIELD_ENUM(T, m, p, u, name, flags, desc) \
    MC_FIELD_(MC_KIND_ENUM, T, m, p, (uint32_t)offsetof(T, u), name, flags, NULL, desc)
#define MC_FIELD_OBJECT(T, m, p, name, flags, desc) MC_FIELD_(MC_KIND_OBJECT, T, m, p, MC_NO_OFFSET, name, flags, desc, NULL)
#define MC_FIELD_ARRAY(T, m, p, name, flags, desc) MC_FIELD_(MC_KIND_ARRAY, T, m, p, MC_NO_OFFSET, name, flags, desc, NULL)

/* The item codec of an array type (items are never null; enum items have no
 * unknown-text slot, so an unknown value is an error). */
#define MC_ITEM_(kind, type, edesc) \
    { NULL, 0, (uint8_t)(kind), 0, 0, MC_NO_OFFSET, MC_NO_OFFSET, type, edesc }
#define MC_ITEM_OBJECT(desc) MC_ITEM_(MC_KIND_OBJECT, desc, NULL)
#define MC_ITEM_ARRAY(desc) MC_ITEM_(MC_KIND_ARRAY, desc, NULL)
#define MC_ITEM_ENUM(desc) MC_ITEM_(MC_KIND_ENUM, NULL, desc)
#define MC_ITEM_SCALAR(kind) MC_ITEM_(kind, NULL, NULL) /* e.g. MC_ITEM_SCALAR(MC_KIND_STRING) */

/* An object type: T has a member `mc_string json_extra`; fields is an array;
 * required is the number of its fields flagged MC_REQUIRED (the decoder skips
 * the missing-member check when it is 0). */
#define MC_TYPE_OBJECT(T, name, fields, required)                                         \
    { MC_KIND_OBJECT, name, sizeof(T), fields, sizeof(fields) / sizeof((fields)[0]),      \
      (uint32_t)offsetof(T, json_extra), MC_ITEM_(0, NULL, NULL), 0, 0, 0, (uint32_t)(required), NULL, NULL, NULL }
/* The same with a generated fast decoder (mc_fast_fn_) that mc_decode uses, a
 * generated release (mc_release_fn_) that mc_clear uses and a generated key
 * lookup (see mc_type.find; NULL: none). */
#define MC_TYPE_OBJECT_FAST(T, name, fields, required, fast, release, find)               \
    { MC_KIND_OBJECT, name, sizeof(T), fields, sizeof(fields) / sizeof((fields)[0]),      \
      (uint32_t)offsetof(T, json_extra), MC_ITEM_(0, NULL, NULL), 0, 0, 0, (uint32_t)(required), fast, release, find }
/* An object type without properties (C has no empty arrays). */
#define MC_TYPE_OBJECT_EMPTY(T, name) \
    { MC_KIND_OBJECT, name, sizeof(T), NULL, 0, (uint32_t)offsetof(T, json_extra), MC_ITEM_(0, NULL, NULL), 0, 0, 0, 0, NULL, NULL, NULL }
/* An array type: T is `struct { item *items; size_t count; }`; item is MC_ITEM_*. */
#define MC_TYPE_ARRAY(T, name, item)                                                      \
    { MC_KIND_ARRAY, name, sizeof(T), NULL, 0, MC_NO_OFFSET, item,                        \
      sizeof(*((T *)0)->items), (uint32_t)offsetof(T, items), (uint32_t)offsetof(T, count), 0, NULL, NULL, NULL }

/* One enum member: MC_ENUM_VALUE("ADMIN_REASSIGN", CERTIFICATION_TASK_TYPE_ADMIN_REASSIGN). */
#define MC_ENUM_VALUE(wire, c_name) { wire, sizeof(wire) - 1, #c_name, false }
/* The same for a wire text known to be printable ASCII (0x20..0x7E) without
 * '"' or '\\' (modelc checks this when it writes the table): the encoder copies
 * it without scanning. A text that is not must use MC_ENUM_VALUE. */
#define MC_ENUM_VALUE_PLAIN(wire, c_name) { wire, sizeof(wire) - 1, #c_name, true }
/* An enum table; values is an array of MC_ENUM_VALUE in C value order. */
#define MC_ENUM_DESC(name, values, has_null) \
    { name, sizeof(values) / sizeof((values)[0]), values, has_null, NULL }
/* The same with a generated matcher `int match(const char *s, size_t n)` (see
 * mc_enum_desc.match). */
#define MC_ENUM_DESC_FAST(name, values, has_null, match) \
    { name, sizeof(values) / sizeof((values)[0]), values, has_null, match }
#define MC_ENUM_HAS_NULL true
#define MC_ENUM_NO_NULL false

/* ------------------------------------------------------------------------ */
/* The generic codec                                                        */
/* ------------------------------------------------------------------------ */

#define MC_DECODE_STRICT_ENUMS 1u   /* unknown enum text is an error, not UNKNOWN */
#define MC_DECODE_STRICT_DATETIME 2u /* RFC 3339 only (see MC_DATETIME_STRICT) */
#define MC_DECODE_KEEP_UNKNOWN 4u   /* keep unknown members in json_extra */

#define MC_DEFAULT_MAX_DEPTH 64u
#define MC_MAX_DEPTH_LIMIT 1024u

typedef struct mc_decode_options {
    const mc_allocator *allocator; /* NULL = libc; use mc_arena_allocator for arenas */
    unsigned max_depth;            /* 0 = MC_DEFAULT_MAX_DEPTH; clamped to MC_MAX_DEPTH_LIMIT */
    unsigned flags;                /* MC_DECODE_* */
} mc_decode_options;

#define MC_ENCODE_PRETTY 1u /* newlines and 2-space indent; json_extra is copied as is */

typedef struct mc_encode_options {
    unsigned flags;                /* MC_ENCODE_* */
    const mc_allocator *allocator; /* for mc_encode_string only; NULL = libc */
} mc_encode_options;

/* Set the value of type t at v to init state (all zero). */
void mc_init(const mc_type *t, void *v);

/*
 * Decode json[0..len) (one JSON value, surrounded by optional whitespace) into
 * out, a value of type t. out is overwritten, not freed. Strings, lists and
 * json_extra are allocated with opt->allocator. Semantics per member:
 * absent -> presence MC_ABSENT; null -> MC_NULL if the field is MC_NULLABLE (or
 * its enum lists null), else MC_ERR_NULL; value -> MC_PRESENT. A MC_REQUIRED
 * member that is missing is MC_ERR_MISSING_REQUIRED (null counts as present).
 * Unknown enum text gives value -1 with the text in the unknown member (or
 * MC_ERR_UNKNOWN_ENUM with MC_DECODE_STRICT_ENUMS). Unknown members are checked
 * and skipped, or kept with MC_DECODE_KEEP_UNKNOWN. Repeated member names are
 * MC_ERR_DUPLICATE_KEY (within modelled objects; inside skipped values names are
 * not compared).
 * Returns MC_OK or an MC_ERR_*; on error out is in init state, nothing leaked,
 * and err (if not NULL) describes the first error.
 */
MC_MUST_CHECK int mc_decode(const mc_type *t, void *out, const char *json, size_t len,
                            const mc_decode_options *opt, mc_error *err);

/*
 * Append the JSON for v (type t) to out: members in schema order, absent ones
 * omitted, MC_NULL written as null, then json_extra. Compact unless
 * MC_ENCODE_PRETTY. Errors: MC_ERR_MISSING_REQUIRED (required member absent),
 * MC_ERR_NULL (MC_NULL on a non-nullable member), MC_ERR_INVALID_ARG (enum value
 * out of range, or -1 without unknown text), MC_ERR_UTF8 (string not UTF-8),
 * MC_ERR_RANGE (NaN/infinity), MC_ERR_DATETIME, MC_ERR_UUID, MC_ERR_NO_MEMORY.
 * On error out->len is back to what it was.
 */
MC_MUST_CHECK int mc_encode(const mc_type *t, const void *v, mc_buf *out, const mc_encode_options *opt);
/* mc_encode into a new NUL-terminated string allocated with opt->allocator
 * (NULL = libc: free() it) of *out_len + 1 bytes. out_len may be NULL.
 * On error *out is NULL. */
MC_MUST_CHECK int mc_encode_string(const mc_type *t, const void *v, char **out, size_t *out_len,
                                   const mc_encode_options *opt);

/* Free everything v owns (allocated with a, NULL = libc) and set it to init state. */
void mc_clear(const mc_type *t, void *v, const mc_allocator *a);
/* Deep copy src to out (overwritten), allocating with a. MC_OK or
 * MC_ERR_NO_MEMORY (out in init state). */
MC_MUST_CHECK int mc_copy(const mc_type *t, void *out, const void *src, const mc_allocator *a);
/* Deep equality: same presences, values, unknown texts, json_extra and date-time
 * forms. Doubles compare with ==, except that NaN equals NaN. */
bool mc_equal(const mc_type *t, const void *a, const void *b);

/* ------------------------------------------------------------------------ */
/* Internal: the pieces of generated fast decoders                          */
/* ------------------------------------------------------------------------ */

/*
 * Not an API: generated code calls these, nothing else should. A type whose
 * descriptor has a fast decoder (MC_TYPE_OBJECT_FAST) is decoded by mc_decode
 * with it (and so are its items and members of its type while it runs). The
 * fast decoder matches members in schema order by their `,"name":` text
 * (absent ones skipped) and decodes each with the primitive of its kind; at
 * the first member it does not match (whitespace, another order, unknown
 * members) it hands the rest of the object to the table-driven loop, in the
 * state that loop would have reached itself. Results, errors, allocations and
 * their order are those of the table-driven decoder. All return MC_OK or an
 * MC_ERR_*; c is the cursor the decoder passed to the fast decoder.
 */
/* mc_fast_open_ past the depth bound: the error. */
MC_MUST_CHECK int mc_fast_deep_(mc_cursor_ *c);
/* A fast decoder for members spaced as in `, "name": value`, from member
 * at (> 0) on (tables.mustache). */
typedef int (*mc_fast_spaced_fn_)(mc_cursor_ *c, void *out, size_t at);
/* mc_fast_close_ for anything but the '}' of an object without required
 * members: the rest of the object by the table, or by spaced (if not NULL)
 * when the next member is written `, "name"` (the fast decoder then matched
 * none after fields[0..next), next > 0). */
MC_MUST_CHECK int mc_fast_rest_(mc_cursor_ *c, const mc_type *t, void *out, size_t next, mc_fast_spaced_fn_ spaced);
/* c->p is at '{': enters the object (depth bound), leaving c->p there. Inline:
 * a call here costs more than the work. */
MC_MUST_CHECK static inline int mc_fast_open_(mc_cursor_ *c)
{
    c->obj = c->p;
    if (++c->depth > c->max_depth)
        return mc_fast_deep_(c);
    return MC_OK;
}
/* After the members the fast decoder matched, the first `next` fields of t
 * (out is the struct): the '}', or the rest of the object by the table.
 * Inline, so that with t the generated descriptor its required count is a
 * constant. */
MC_MUST_CHECK static inline int mc_fast_close_(mc_cursor_ *c, const mc_type *t, void *out, size_t next,
                                               mc_fast_spaced_fn_ spaced)
{
    const char *p = c->p + (next == 0); /* at the '{' when nothing matched: "{}" */
    if (t->required == 0 && p < c->end && *p == '}') {
        c->p = p + 1;
        c->depth--;
        return MC_OK;
    }
    return mc_fast_rest_(c, t, out, next, spaced);
}
/* After member f failed: adds its name to the error's JSON Pointer; returns
 * the status. */
int mc_fast_fail_(mc_cursor_ *c, const mc_field *f);
/* The value of member f of the struct at out, after its key; by kind. */
MC_MUST_CHECK int mc_fast_string_(mc_cursor_ *c, const mc_field *f, void *out);
/* mc_fast_enum_ (below, inline) for anything but a listed plain text. */
MC_MUST_CHECK int mc_fast_enum_rest_(mc_cursor_ *c, const mc_field *f, void *out);
MC_MUST_CHECK int mc_fast_datetime_(mc_cursor_ *c, const mc_field *f, void *out);
/* mc_fast_array_ (below, inline) for anything but "[]". */
MC_MUST_CHECK int mc_fast_array_rest_(mc_cursor_ *c, const mc_field *f, void *out);
MC_MUST_CHECK int mc_fast_object_(mc_cursor_ *c, const mc_field *f, void *out);
MC_MUST_CHECK int mc_fast_value_(mc_cursor_ *c, const mc_field *f, void *out); /* any kind */

/* Internal: n bytes from p (at most c->end) are input. For a constant n up
 * to MC_FAST_SLACK_ that is one compare, but near the end of the input. */
static inline bool mc_fast_has_(const mc_cursor_ *c, const char *p, size_t n)
{
    return (n <= MC_FAST_SLACK_ && p < c->safe) || (size_t)(c->end - p) >= n;
}
/* Internal: p[0..n) == lit[0..n) (the caller checked that p has n bytes).
 * Inline, so that with a constant literal it is a few word compares against
 * immediates. */
static inline bool mc_fast_eq_(const char *p, const char *lit, size_t n)
{
    size_t i;
    for (i = 0; i + 8 <= n; i += 8) {
        uint64_t x, y;
        memcpy(&x, p + i, 8);
        memcpy(&y, lit + i, 8);
        if (x != y)
            return false;
    }
    if (i < n) {
        if (n >= 8) { /* the last 8 bytes, overlapping ones already compared */
            uint64_t x, y;
            memcpy(&x, p + n - 8, 8);
            memcpy(&y, lit + n - 8, 8);
            return x == y;
        } else if (n >= 4) {
            uint32_t x, y, z, w;
            memcpy(&x, p, 4);
            memcpy(&y, lit, 4);
            memcpy(&z, p + n - 4, 4);
            memcpy(&w, lit + n - 4, 4);
            return x == y && z == w;
        }
        for (; i < n; i++)
            if (p[i] != lit[i])
                return false;
    }
    return true;
}
/* True (and c->p moved past it) when the input at c->p is lit[0..n), the
 * `,"name":` of a member (n >= 4), where the ',' may also be the '{' that
 * opened the object when no member came before. The comma is compared with
 * the name (the usual case: one fewer test); only the object's first member
 * takes the second compare. */
static inline bool mc_fast_key_(mc_cursor_ *c, const char *lit, size_t n)
{
    const char *p = c->p;
    if (!mc_fast_has_(c, p, n) ||
        (!mc_fast_eq_(p, lit, n) && (p != c->obj || !mc_fast_eq_(p + 1, lit + 1, n - 1))))
        return false;
    c->p = p + n;
    return true;
}
/* The value of enum member f: a listed text without escapes is matched with
 * its closing quote by the generated matcher, without a scan and without
 * allocating; anything else (unknown text, escapes, null, errors) goes to
 * mc_fast_enum_rest_. Inline, so that with f an entry of the generated table
 * the offsets are constants and a matcher in the same file is called
 * directly. */
MC_MUST_CHECK static inline int mc_fast_enum_(mc_cursor_ *c, const mc_field *f, void *out)
{
    const char *p = c->p;
    const mc_enum_desc *ed = f->enum_desc;
    if (p < c->end && *p == '"' && ed->match != NULL) {
        int v = ed->match(p + 1, (size_t)(c->end - p - 1));
        if (v != MC_ENUM_UNKNOWN) {
            memcpy((char *)out + f->offset, &v, sizeof v);
            *(mc_presence *)(void *)((char *)out + f->presence) = MC_PRESENT;
            c->p = p + ed->values[v].wire_len + 2;
            return MC_OK;
        }
    }
    return mc_fast_enum_rest_(c, f, out);
}
/* The value of array member f: "[]" (a third of all lists, in bounds of
 * depth) inline, as the table-driven decoder leaves it; anything else by
 * mc_fast_array_rest_. */
MC_MUST_CHECK static inline int mc_fast_array_(mc_cursor_ *c, const mc_field *f, void *out)
{
    const char *p = c->p;
    if (mc_fast_has_(c, p, 2) && p[0] == '[' && p[1] == ']' && c->depth < c->max_depth) {
        char *list = (char *)out + f->offset;
        void *items = NULL;
        size_t count = 0;
        memcpy(list + f->type->items_offset, &items, sizeof items);
        memcpy(list + f->type->count_offset, &count, sizeof count);
        *(mc_presence *)(void *)((char *)out + f->presence) = MC_PRESENT;
        c->p = p + 2;
        return MC_OK;
    }
    return mc_fast_array_rest_(c, f, out);
}
/* True (and c->p moved past it) when the input at c->p is lit[0..n). */
static inline bool mc_fast_lit_(mc_cursor_ *c, const char *lit, size_t n)
{
    const char *p = c->p;
    if (!mc_fast_has_(c, p, n) || !mc_fast_eq_(p, lit, n))
        return false;
    c->p = p + n;
    return true;
}
/* mc_fast_key_ for the JSON-escaped member name literal name ("targetId"). */
#define MC_FAST_KEY_(c, name) mc_fast_key_(c, ",\"" name "\":", sizeof(",\"" name "\":") - 1)
/* The same for the type's first member, matched first: c->p is still at the
 * '{' (mc_fast_open_), so its `{"name":` is compared in one go. */
#define MC_FAST_FIRST_KEY_(c, name) mc_fast_lit_(c, "{\"" name "\":", sizeof("{\"" name "\":") - 1)
/* The `, "name": ` of a member in spaced JSON (mc_fast_spaced_fn_). */
#define MC_FAST_SPACED_KEY_(c, name) mc_fast_lit_(c, ", \"" name "\": ", sizeof(", \"" name "\": ") - 1)
/* Internal, for generated key lookups (mc_type.find): s[0..n) is the text of
 * the member name literal name. */
#define MC_KEY_MATCH_(s, n, name) ((n) == sizeof(name) - 1 && mc_fast_eq_(s, name, sizeof(name) - 1))
/* Internal, for generated enum matchers: s[0..n) begins with the text of the
 * wire string literal w and the '"' that closes it, so the JSON string at
 * s - 1 is exactly w without a scan. Only for texts of bytes 0x20..0x7F other
 * than '"' and '\\' (raw input equal to them is valid JSON string content). */
#define MC_ENUM_MATCH_(s, n, w) ((n) >= sizeof(w) && mc_fast_eq_(s, w "\"", sizeof(w)))

/* Internal, for generated releases: free s->data (allocated with a, NULL =
 * libc) if any, leaving s as it is. */
static inline void mc_release_string_(mc_string *s, const mc_allocator *a)
{
    if (s->data != NULL) {
        if (a == NULL)
            free(s->data);
        else
            mc_free(a, s->data, s->len + 1);
    }
}
/* Internal: free block p of n bytes (NULL: nothing), as release does. */
static inline void mc_release_block_(void *p, size_t n, const mc_allocator *a)
{
    if (a == NULL)
        free(p);
    else
        mc_free(a, p, n);
}
/* Internal: what mc_clear frees for the value of type t at v, without the reset. */
void mc_release_(const mc_type *t, void *v, const mc_allocator *a);

/* The wire text of enum member v (NUL-terminated; its length is
 * d->values[v].wire_len), or NULL if v is not a member. */
const char *mc_enum_to_string(const mc_enum_desc *d, int v);
/* The member whose wire text is exactly s[0..len), or MC_ENUM_UNKNOWN (-1). */
int mc_enum_from_string(const mc_enum_desc *d, const char *s, size_t len);

#ifdef __cplusplus
}
#endif
#endif /* MC_RUNTIME_H */
