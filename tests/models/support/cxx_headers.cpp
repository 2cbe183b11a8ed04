// cxx_headers.cpp - the generated headers are usable from C++: compiled by
// tests/models/compile-check.sh with g++/clang++ -std=c++11 -fsyntax-only.
// (A .cpp file, so the Makefile's support/*.c wildcard never links it.)
#include "models.h"
#include "mc_runtime.h"

// Every type and function is reachable with C linkage, and the enums and
// structs behave as plain C++ aggregates.
int cxx_headers_use(const char *json, size_t len);
int cxx_headers_use(const char *json, size_t len)
{
    certification_task t;
    certification_task_init(&t);
    mc_error err;
    int rc = certification_task_from_json(&t, json, len, nullptr, &err);
    if (rc != MC_OK)
        return rc;
    certification_task copy;
    rc = certification_task_copy(&copy, &t, nullptr);
    bool same = rc == MC_OK && certification_task_equal(&copy, &t);
    char *out = nullptr;
    size_t out_len = 0;
    if (rc == MC_OK)
        rc = certification_task_to_json_string(&copy, &out, &out_len, nullptr);
    mc_free(nullptr, out, out_len + 1);
    certification_task_clear(&copy, nullptr);
    certification_task_clear(&t, nullptr);
    error_message_dto_list l = {nullptr, 0};
    error_message_dto_list_clear(&l, nullptr);
    reassignment_trail_dto_list r = {nullptr, 0};
    reassignment_trail_dto_list_clear(&r, nullptr);
    locale_origin lo = locale_origin_from_string("DEFAULT", 7);
    certification_task_type ty = CERTIFICATION_TASK_TYPE_ADMIN_REASSIGN;
    certification_task_target_type tt = certification_task_target_type_from_string("CAMPAIGN", 8);
    certification_task_status st = CERTIFICATION_TASK_STATUS_QUEUED;
    const char *names[] = {locale_origin_to_string(lo), certification_task_type_to_string(ty),
                           certification_task_target_type_to_string(tt), certification_task_status_to_string(st)};
    (void)names;
    return same ? rc : -1;
}
