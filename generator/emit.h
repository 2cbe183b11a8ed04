/*
 * emit.h - puts rendered files on disk, the last stage of the pipeline.
 *
 * The emitter is what makes modelc pleasant inside a build system:
 *   - a file is rewritten only when its bytes change, so unchanged outputs
 *     keep their timestamps and make rebuilds nothing;
 *   - every write goes to a temporary file in the output folder first; only
 *     when all of them succeeded are they renamed into place, so a failed
 *     run leaves the folder as it was;
 *   - the folder holds a manifest (.modelc-manifest) of the files modelc
 *     wrote there; a file listed in the old manifest and no longer produced
 *     is removed, and nothing else in the folder is ever touched;
 *   - check mode compares instead of writing, list mode only prints names,
 *     and a make-style dependency file can be written alongside.
 *
 * Ownership: gen_emit() reads the outputs and options and keeps nothing.
 * Errors go to stderr as "modelc: error: PATH: reason".
 */
#ifndef MODELC_EMIT_H
#define MODELC_EMIT_H

#include <stddef.h>
#include <stdio.h>

/* Name of the manifest file inside the output folder. */
#define GEN_EMIT_MANIFEST ".modelc-manifest"

typedef struct gen_output {
    const char *name;   /* plain file name inside the output folder (no '/') */
    const char *data;   /* the bytes to write */
    size_t len;
    const char *origin; /* what produced it, for messages (e.g. a schema path) */
} gen_output;

typedef enum gen_emit_mode {
    GEN_EMIT_WRITE, /* write changed files, remove stale ones, update the manifest */
    GEN_EMIT_CHECK, /* write nothing; report stale, missing and extra files */
    GEN_EMIT_LIST   /* write nothing; print the path of every output */
} gen_emit_mode;

typedef struct gen_emit_options {
    const char *dir;            /* output folder; created (one level) in write mode */
    gen_emit_mode mode;
    const char *depfile;        /* write make dependencies here; NULL for none */
    const char *depfile_target; /* the depfile's one target (like gcc -MT); NULL: every output */
    const char *const *inputs;  /* every file read (schemas, templates) for the depfile */
    size_t n_inputs;
    FILE *out;                  /* where check and list print; NULL means stdout */
} gen_emit_options;

/*
 * Emits n outputs.  Returns 0 when everything was written (or, in check
 * mode, when the folder matches exactly); 1 when check mode found a stale,
 * missing or extra file, or on any error (a message was printed).  On an
 * error in write mode no output file has been changed: two outputs with the
 * same name, a bad name, a manifest that lists a path outside the folder,
 * an unwritable folder.
 */
int gen_emit(const gen_output *outs, size_t n, const gen_emit_options *opt);

/*
 * Writes a make rule "target...: input..." to path, escaping spaces, '#'
 * and '$' the way GNU make reads them, plus an empty rule per input (like
 * gcc -MP) so a deleted input does not break the build.  Rewrites the file
 * only when its content changes.  Returns 0 or 1 after printing an error.
 */
int gen_emit_depfile(const char *path, const char *const *targets, size_t n_targets,
                     const char *const *inputs, size_t n_inputs);

#endif
