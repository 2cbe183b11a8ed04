/*
 * check.h - CHECK for the C programs of the workflow scripts: on a false
 * condition, print what failed and where, and exit 1 (the first failure ends
 * the program, so later checks never see a broken state).
 */
#ifndef INTEGRATION_CHECK_H
#define INTEGRATION_CHECK_H

#include <stdio.h>
#include <stdlib.h>

#define CHECK(cond, what)                                                                  \
    do {                                                                                   \
        if (!(cond)) {                                                                     \
            fprintf(stderr, "FAIL: %s (%s:%d: %s)\n", what, __FILE__, __LINE__, #cond);    \
            exit(1);                                                                       \
        }                                                                                  \
    } while (0)

#endif
