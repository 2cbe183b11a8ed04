/*
 * model_support.h - helpers shared by the model tests (tests/models/test_model_*.c):
 * the seed document, a leak-checking allocator that can fail its k-th call, and
 * decode/encode assertions that report the line of the test that called them.
 *
 * Everything here goes through the generated, typed API (certification_task_*,
 * error_message_dto_list_*, ...) exactly as a user of the models would; nothing
 * touches the runtime's descriptor tables.
 */
#ifndef MODEL_SUPPORT_H
#define MODEL_SUPPORT_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "models.h"

/* The CertificationTask example of SailPoint's v2024 API documentation. */
#define SEED_JSON                                                                                            \
    "{\"id\":\"2c918086719eec070171a7e3355a360a\",\"type\":\"ADMIN_REASSIGN\",\"targetType\":\"CAMPAIGN\","   \
    "\"targetId\":\"2c918086719eec070171a7e3355a834c\",\"status\":\"QUEUED\",\"errors\":[{\"locale\":"      \
    "\"en-US\",\"localeOrigin\":\"DEFAULT\",\"text\":\"Error Message\"}],\"reassignmentTrailDTOs\":"         \
    "[{\"previousOwner\":\"ef38f94347e94562b5bb8424a56397d8\",\"newOwner\":"                                  \
    "\"ef38f94347e94562b5bb8424a56397a3\",\"reassignmentType\":\"AUTOMATIC_REASSIGNMENT\"}],"                 \
    "\"created\":\"2020-09-24T18:10:47.693Z\"}"

/* ---- leak-checking, failure-injecting allocator ------------------------- */

/*
 * Every block carries a header with its size, so a free or resize with the
 * wrong old_size is counted in bad_sizes. calls counts allocations and
 * resizes (not frees); when fail_at != 0 the fail_at-th call returns NULL.
 */
typedef struct mt_alloc {
    size_t calls;
    size_t fail_at;
    size_t failures;   /* calls that returned NULL */
    long live;         /* blocks not freed yet */
    size_t live_bytes;
    size_t bad_sizes;
} mt_alloc;

/* Reset *c and return an allocator that counts into it. */
mc_allocator mt_alloc_init(mt_alloc *c);

/* live == 0, live_bytes == 0, bad_sizes == 0, reported at the caller's line. */
#define assert_no_leaks(c) mt_assert_no_leaks_((c), __FILE__, __LINE__)
void mt_assert_no_leaks_(const mt_alloc *c, const char *file, int line);

/* ---- failures at the caller's line -------------------------------------- */

void mt_fail_at(const char *file, int line, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* Assert an mc_string holds exactly the bytes of literal lit (may contain \0). */
#define assert_mc_string(s, lit) mt_assert_mc_string_(&(s), (lit), sizeof(lit) - 1, __FILE__, __LINE__)
void mt_assert_mc_string_(const mc_string *s, const char *want, size_t want_len, const char *file, int line);

/* Print bytes readably (non-printables as \xNN) into a static-free buffer. */
void mt_show(char *out, size_t cap, const char *s, size_t n);

/* ---- CertificationTask round trips --------------------------------------- */

/*
 * Decode json with decode flags (MC_DECODE_*) into *out (must succeed), encode
 * it compactly and compare with expect; NULL expect means "the input, byte for
 * byte". Then decode the output again: it must be equal() to *out and encode to
 * the same bytes. *out is left holding the decoded value (caller clears it).
 */
#define assert_task_round_trip(out, json, flags, expect) \
    mt_task_round_trip_((out), (json), sizeof(json) - 1, (flags), (expect), __FILE__, __LINE__)
void mt_task_round_trip_(certification_task *out, const char *json, size_t len, unsigned flags,
                         const char *expect, const char *file, int line);

/* Decode json (must succeed; flags MC_DECODE_*). */
#define task_decode_ok(out, json, flags) \
    mt_task_decode_ok_((out), (json), strlen(json), (flags), __FILE__, __LINE__)
void mt_task_decode_ok_(certification_task *out, const char *json, size_t len, unsigned flags, const char *file,
                        int line);

/* Encode v (must succeed; enc_flags MC_ENCODE_*) and compare with expect. */
#define assert_task_encodes_to(v, enc_flags, expect) \
    mt_task_encodes_to_((v), (enc_flags), (expect), sizeof(expect) - 1, __FILE__, __LINE__)
void mt_task_encodes_to_(const certification_task *v, unsigned enc_flags, const char *expect, size_t expect_len,
                         const char *file, int line);

/* Encode v with libc (must succeed); the caller free()s the result. */
char *mt_task_encode(const certification_task *v, unsigned enc_flags, size_t *len, const char *file, int line);

/* True if every presence, string, list and json_extra of v is in init state. */
bool mt_task_is_init(const certification_task *v);

#endif /* MODEL_SUPPORT_H */
