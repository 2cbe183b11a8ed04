/*
 * perf_driver.c - a small driver for measuring the codec with callgrind (not a
 * test: it asserts nothing beyond success). Usage: perf_driver MODE N, MODE one
 * of decode (malloc), arena, encode; it runs the operation on the seed
 * CertificationTask document N times. Per-document cost is
 * (Ir(N = 1001) - Ir(N = 1)) / 1000, which cancels start-up:
 *   valgrind --tool=callgrind --callgrind-out-file=/dev/null ./perf_driver decode 1001
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "models.h"

#define SEED                                                                                               \
    "{\"id\":\"2c918086719eec070171a7e3355a360a\",\"type\":\"ADMIN_REASSIGN\",\"targetType\":\"CAMPAIGN\"," \
    "\"targetId\":\"2c918086719eec070171a7e3355a834c\",\"status\":\"QUEUED\",\"errors\":[{\"locale\":"    \
    "\"en-US\",\"localeOrigin\":\"DEFAULT\",\"text\":\"Error Message\"}],\"reassignmentTrailDTOs\":"       \
    "[{\"previousOwner\":\"ef38f94347e94562b5bb8424a56397d8\",\"newOwner\":"                                \
    "\"ef38f94347e94562b5bb8424a56397a3\",\"reassignmentType\":\"AUTOMATIC_REASSIGNMENT\"}],"               \
    "\"created\":\"2020-09-24T18:10:47.693Z\"}"

int main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "decode";
    long n = argc > 2 ? atol(argv[2]) : 1, i;
    size_t len = strlen(SEED);
    certification_task t;
    mc_arena arena;
    mc_allocator a;
    mc_decode_options opt = {NULL, 0, 0};
    mc_buf b;

    mc_arena_init(&arena, NULL, 0);
    a = mc_arena_allocator(&arena);
    mc_buf_init(&b, NULL);
    if (strcmp(mode, "arena") == 0)
        opt.allocator = &a;
    if (certification_task_from_json(&t, SEED, len, &opt, NULL) != MC_OK)
        return 1;
    for (i = 0; i < n; i++) {
        if (strcmp(mode, "encode") == 0) {
            b.len = 0;
            if (certification_task_to_json(&t, &b, NULL) != MC_OK)
                return 1;
        } else {
            if (opt.allocator == NULL)
                certification_task_clear(&t, NULL);
            else
                mc_arena_reset(&arena); /* arena users reset instead of clearing */
            if (certification_task_from_json(&t, SEED, len, &opt, NULL) != MC_OK)
                return 1;
        }
    }
    if (strcmp(mode, "encode") == 0 && (b.len != len || memcmp(b.data, SEED, len) != 0))
        return 2;
    printf("%s x%ld ok (%zu bytes)\n", mode, n, len);
    certification_task_clear(&t, opt.allocator);
    mc_arena_dispose(&arena);
    mc_buf_dispose(&b);
    return 0;
}
