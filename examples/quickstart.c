/*
 * quickstart.c - the example README shows: decode a CertificationTask, read
 * a field, handle an enum value this schema does not know, encode, clear.
 *
 * Built by `make` as build/quickstart and run by `make test`, so the README
 * cannot drift from the real API.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "models.h"

int main(void)
{
    const char *json = "{\"id\":\"2c918086719eec070171a7e3355a360a\",\"type\":\"REVOKE_ALL\","
                       "\"status\":\"QUEUED\",\"errors\":[{\"locale\":null,\"text\":\"Oops\"}],"
                       "\"created\":\"2020-09-24T18:10:47.693Z\"}";

    certification_task task;
    mc_error err;
    if (certification_task_from_json(&task, json, strlen(json), NULL, &err) != MC_OK) {
        /* e.g. "1:42: /errors/0/locale: expected string or null, got number" */
        fprintf(stderr, "%u:%u: %s: %s\n", (unsigned)err.line, (unsigned)err.column,
                err.pointer, err.message);
        return 1;
    }

    /* Absent, null and value are distinct: has_x is MC_ABSENT, MC_NULL or MC_PRESENT. */
    if (task.has_id == MC_PRESENT)
        printf("id: %s\n", task.id.data);

    /* A value the schema does not list decodes to ..._UNKNOWN, its text kept. */
    if (task.has_type == MC_PRESENT && task.type == CERTIFICATION_TASK_TYPE_UNKNOWN)
        printf("type: %s (not in this schema)\n", task.type_unknown.data);
    else if (task.has_type == MC_PRESENT)
        printf("type: %s\n", certification_task_type_to_string(task.type));

    for (size_t i = 0; i < task.errors.count; i++) {
        const error_message_dto *e = &task.errors.items[i];
        printf("error %zu: %s (locale %s)\n", i, e->text.data,
               e->has_locale == MC_NULL ? "null" : e->has_locale == MC_ABSENT ? "absent" : e->locale.data);
    }

    /* Encoding writes the unknown value back unchanged. */
    char *out;
    size_t len;
    if (certification_task_to_json_string(&task, &out, &len, NULL) != MC_OK) {
        certification_task_clear(&task, NULL);
        return 1;
    }
    printf("%s\n", out);
    free(out);
    certification_task_clear(&task, NULL);
    return 0;
}
