/*
 * generate.h - rendering the view through the templates and writing files.
 *
 * Ownership: declared by the front end (main.c calls it); implemented by the
 * templates/emit engineer in generate.c.  gen_generate() keeps nothing: the
 * IR and view belong to the caller's arena; the options' strings to argv.
 */
#ifndef MODELC_GENERATE_H
#define MODELC_GENERATE_H

#include <stdbool.h>
#include <stddef.h>

#include "data.h"
#include "ir.h"

typedef struct gen_generate_options {
    const char *output_dir;        /* -o/--output; "generated" by default */
    const char *prefix;            /* --prefix; NULL for none */
    const char *templates_dir;     /* --templates; NULL: the built-in templates only */
    const char *const *inputs;     /* every schema file read (command line + $ref), for the depfile */
    size_t n_inputs;
    bool check;                    /* --check: compare, write nothing; 1 when stale */
    const char *depfile;           /* --depfile FILE; NULL for none */
    const char *depfile_target;    /* --depfile-target T; NULL: every output */
    bool list_outputs;             /* --list-outputs: print output paths, write nothing */
    bool single_file;              /* --single-file: one .h/.c pair for all types */
    bool time_report;              /* --time-report: print render and write times to stderr */
} gen_generate_options;

/* Renders every output of view and writes (or checks or lists) them.
 * Returns the process exit status: 0 ok, 1 errors (printed) or stale files
 * in check mode. */
int gen_generate(const gen_ir *ir, gen_data *view, const gen_generate_options *opt);

/* A monotonic clock in seconds, for --time-report. */
double gen_seconds(void);

#endif
