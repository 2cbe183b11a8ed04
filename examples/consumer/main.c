/*
 * main.c - a program that uses models generated at build time.
 *
 * Reads one Pet as JSON from the command line, prints its name and kind,
 * and writes it back as JSON.  An unknown kind is kept and written back; its
 * text is printed followed by " (unknown)".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pet.h"

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s JSON\n", argv[0]);
        return 2;
    }
    pet p;
    mc_error err;
    if (pet_from_json(&p, argv[1], strlen(argv[1]), NULL, &err) != MC_OK) {
        fprintf(stderr, "%s:%zu:%zu: %s: %s\n", "argv", (size_t)err.line, (size_t)err.column,
                err.pointer, err.message);
        return 1;
    }
    const char *kind = p.has_kind != MC_PRESENT ? "(none)"
                       : p.kind == PET_KIND_UNKNOWN ? p.kind_unknown.data
                                                    : pet_kind_to_string(p.kind);
    const char *unknown = p.has_kind == MC_PRESENT && p.kind == PET_KIND_UNKNOWN ? " (unknown)" : "";
    printf("name=%s kind=%s%s tags=%zu\n", p.name.data, kind, unknown, p.tags.count);
    char *json;
    size_t len;
    if (pet_to_json_string(&p, &json, &len, NULL) != MC_OK) {
        pet_clear(&p, NULL);
        return 1;
    }
    printf("%s\n", json);
    free(json);
    pet_clear(&p, NULL);
    return 0;
}
