/*
 * certtask.c - read CertificationTask JSON, check it, write it back.
 *
 * This is the example program for the models modelc generates from schema/
 * (see generated/certification_task.h). It shows the whole API a typical
 * program needs: decode options (strict modes, keeping unknown members, an
 * arena allocator), the mc_error a failed decode fills in, encoding compact or
 * pretty into an mc_buf, and clearing values so that nothing leaks.
 *
 *   certtask [--pretty] [--strict] [--keep-unknown] [--arena] [FILE | -]
 *
 * The input (FILE, or stdin when FILE is absent or "-") holds one of:
 *   - one document:  {"id":"...",...}   (pretty-printed over many lines is fine)
 *   - a JSON array:  [{...},{...}]      (each element is one document)
 *   - NDJSON:        one document per line; blank lines are skipped
 * Each document is written to stdout: compact on one line, or pretty-printed
 * with --pretty. Input with no document at all (empty, or []) writes nothing.
 *
 * The first bad document stops the program (documents before it have been
 * written) with a compiler-style message on stderr and exit status 1:
 *   FILE:LINE:COLUMN: JSON-POINTER: MESSAGE
 * LINE and COLUMN (1-based, columns count bytes) are positions in the whole
 * input. The JSON Pointer locates the bad value in the input, so in an array
 * it starts with the element's index ("/2/status"). The pointer of a whole
 * document (or of the array around the documents) is the empty string; it is
 * left out, giving "FILE:LINE:COLUMN: MESSAGE". A pointer that is printed
 * always starts with '/', so the two forms cannot be confused.
 * Exit status: 0 success, 1 bad input or I/O error, 2 bad usage.
 *
 * Build: compile this file with every .c file in generated/ and -Igenerated
 * (the Makefile links it with build/libmodels.a as build/certtask). It is
 * ISO C (C99 or later) with libc only, like the generated code.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "models.h" /* every generated model, and the runtime (mc_*) */

#define PROGRAM "certtask"

/* No index: the document is not an array element. */
#define NO_INDEX SIZE_MAX

static const char usage_text[] =
    "usage: " PROGRAM " [OPTION]... [FILE]\n"
    "Read CertificationTask JSON from FILE (or stdin when FILE is absent or -):\n"
    "one document, a JSON array of documents, or one document per line (NDJSON).\n"
    "Write each document back as compact JSON, one per line.\n"
    "\n"
    "  --pretty        pretty-print (newlines, 2-space indent)\n"
    "  --strict        reject enum values the schema does not list and\n"
    "                  date-times that are not strict RFC 3339\n"
    "  --keep-unknown  keep members the schema does not define and write them back\n"
    "  --arena         decode each document into an arena, reset after each one\n"
    "  -h, --help      show this help and exit\n"
    "  --version       show the modelc runtime version and exit\n"
    "\n"
    "Errors are reported as FILE:LINE:COLUMN: JSON-POINTER: MESSAGE\n"
    "(JSON-POINTER is left out when it is empty: the whole document).\n"
    "Exit status: 0 ok, 1 bad input or I/O error, 2 bad usage.\n";

/* What the command line asked for. */
typedef struct options {
    bool pretty;
    bool strict;
    bool keep_unknown;
    bool arena;
    const char *path; /* NULL: stdin */
} options;

/*
 * The state of one run: the whole input, the codec options and the memory
 * reused from one document to the next.
 */
typedef struct run {
    const char *name; /* input name for messages: the path or "<stdin>" */
    const char *data; /* the whole input; documents are slices of it */
    size_t len;
    mc_decode_options decode;
    mc_encode_options encode;
    mc_arena arena;         /* used with --arena */
    mc_allocator arena_mem; /* mc_arena_allocator(&arena); decode.allocator points here */
    mc_buf out;             /* encoded text of the current document */
} run;

/* ------------------------------------------------------------------------ */
/* Messages                                                                 */
/* ------------------------------------------------------------------------ */

/*
 * Report a bad document. `offset` is a byte offset in the whole input (the
 * runtime's mc_error.offset is relative to the slice it was given, so callers
 * add the slice's start); LINE:COL are recomputed from it the way the runtime
 * computes them: lines end at '\n', columns count bytes. `index` is the array
 * element the pointer is relative to, or NO_INDEX.
 */
static void report(const run *r, size_t offset, size_t index, const char *pointer, const char *message)
{
    size_t line = 1, col = 1, i;
    for (i = 0; i < offset && i < r->len; i++) {
        if (r->data[i] == '\n') {
            line++;
            col = 1;
        } else {
            col++;
        }
    }
    fprintf(stderr, "%s:%zu:%zu: ", r->name, line, col);
    if (index != NO_INDEX)
        fprintf(stderr, "/%zu%s: ", index, pointer);
    else if (pointer[0] != '\0')
        fprintf(stderr, "%s: ", pointer);
    fprintf(stderr, "%s\n", message);
}

/* "certtask: WHAT: why" for I/O and memory errors. */
static void report_system(const char *what, const char *why)
{
    fprintf(stderr, "%s: %s: %s\n", PROGRAM, what, why);
}

/* ------------------------------------------------------------------------ */
/* Input                                                                    */
/* ------------------------------------------------------------------------ */

/*
 * Read all of f into buf (an mc_buf, initialised by the caller, which grows as
 * needed: there is no size limit but memory). Returns 0, or an errno value
 * (ENOMEM when the buffer cannot grow). On error buf may hold part of the input;
 * the caller disposes of it either way.
 */
static int read_all(FILE *f, mc_buf *buf)
{
    size_t chunk = 64 * 1024;
    for (;;) {
        size_t room, got;
        /* Reserve leaves room for a NUL after cap - 1 bytes; read into the rest. */
        if (mc_buf_reserve(buf, chunk) != MC_OK)
            return ENOMEM;
        room = buf->cap - buf->len - 1;
        got = fread(buf->data + buf->len, 1, room, f);
        buf->len += got;
        if (got < room) {
            if (ferror(f))
                return errno != 0 ? errno : EIO;
            return 0; /* end of file */
        }
        if (chunk < 16u * 1024 * 1024)
            chunk *= 2;
    }
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static size_t skip_space(const run *r, size_t i)
{
    while (i < r->len && is_space(r->data[i]))
        i++;
    return i;
}

/*
 * Find the end of the JSON value that starts at data[i]: strings and nesting
 * are followed, nothing else is checked (the runtime validates the value when
 * it decodes it). Returns the offset just past the value, or r->len when the
 * input ends first (an unterminated string or container).
 *
 * The runtime decodes exactly one JSON value per call and has no way to stop
 * after one element of an enclosing array, so an array is split here and each
 * element decoded on its own. Brackets are only counted, not matched: in
 * "[{]" the element is cut at the "]" and the runtime then reports the
 * mismatch at the exact spot, because it sees the same bytes.
 */
static size_t value_end(const run *r, size_t i)
{
    const char *s = r->data;
    size_t depth = 0;
    while (i < r->len) {
        char c = s[i];
        if (c == '"') { /* a string: skip to its closing quote */
            for (i++; i < r->len && s[i] != '"'; i++)
                if (s[i] == '\\')
                    i++; /* an escaped byte cannot end it */
            if (i >= r->len)
                return r->len;
            i++;
        } else if (c == '{' || c == '[') {
            depth++;
            i++;
            continue;
        } else if (c == '}' || c == ']') {
            if (depth == 0)
                return i; /* the array's ']' (or a stray '}') ends a scalar */
            depth--;
            i++;
        } else if (depth == 0 && (c == ',' || c == ':' || is_space(c))) {
            return i; /* the end of a scalar */
        } else {
            i++; /* inside a scalar or a container */
            continue;
        }
        if (depth == 0)
            return i; /* a top-level string or container just ended */
    }
    return r->len;
}

/* ------------------------------------------------------------------------ */
/* One document                                                             */
/* ------------------------------------------------------------------------ */

/*
 * Decode data[start, stop) as one CertificationTask, write it to stdout, free
 * it. `index` is its position in an enclosing array (NO_INDEX if none), used
 * in messages. Returns 0, or 1 after reporting an error.
 */
static int process(run *r, size_t start, size_t stop, size_t index)
{
    certification_task task;
    mc_error err;
    int rc;

    /*
     * On failure the decoder leaves `task` empty (nothing to free) and fills
     * err: the status, a message, the JSON Pointer of the bad value and its
     * offset, line and column within the bytes it was given.
     */
    rc = certification_task_from_json(&task, r->data + start, stop - start, &r->decode, &err);
    if (rc != MC_OK) {
        report(r, start + err.offset, index, err.pointer, err.message);
        return 1;
    }

    /*
     * Here the program would use the model; for instance:
     *   if (task.has_status == MC_PRESENT && task.status == CERTIFICATION_TASK_STATUS_ERROR)
     * An enum value the schema does not list decodes (without --strict) as
     * ..._UNKNOWN with its text in task.status_unknown, and is written back.
     */

    /* Encode into the buffer reused for every document. Its members are
     * public: len = 0 empties it and keeps its memory for this document. */
    r->out.len = 0;
    rc = certification_task_to_json(&task, &r->out, &r->encode);

    /* Free what the document owns, with the allocator it was decoded with.
     * With --arena this frees nothing; resetting the arena frees it all at once
     * and keeps the memory for the next document. */
    certification_task_clear(&task, r->decode.allocator);
    if (r->decode.allocator != NULL)
        mc_arena_reset(&r->arena);

    if (rc != MC_OK) {
        /* Only running out of memory can fail here: the value was just decoded. */
        report_system("<stdout>", mc_status_text(rc));
        return 1;
    }
    fwrite(r->out.data, 1, r->out.len, stdout);
    putchar('\n');
    return 0; /* write errors are checked once, at the end */
}

/* ------------------------------------------------------------------------ */
/* The three input forms                                                    */
/* ------------------------------------------------------------------------ */

/* A JSON array: each element is a document. `i` is the offset of the '['. */
static int process_array(run *r, size_t i)
{
    size_t index = 0;
    i = skip_space(r, i + 1);
    if (i < r->len && r->data[i] == ']')
        i = skip_space(r, i + 1); /* [] - no documents */
    else {
        for (;;) {
            size_t end;
            if (i >= r->len) {
                report(r, i, NO_INDEX, "", "unexpected end of input");
                return 1;
            }
            if (r->data[i] == ',' || r->data[i] == ']') {
                char msg[32];
                sprintf(msg, "unexpected character '%c'", r->data[i]);
                report(r, i, NO_INDEX, "", msg);
                return 1;
            }
            end = value_end(r, i);
            if (process(r, i, end, index) != 0)
                return 1;
            i = skip_space(r, end);
            if (i < r->len && r->data[i] == ',') {
                i = skip_space(r, i + 1);
                index++;
            } else if (i < r->len && r->data[i] == ']') {
                i = skip_space(r, i + 1);
                break;
            } else {
                report(r, i, NO_INDEX, "",
                       i < r->len ? "expected ',' or ']'" : "unexpected end of input");
                return 1;
            }
        }
    }
    if (i < r->len) {
        report(r, i, NO_INDEX, "", "unexpected data after the JSON value");
        return 1;
    }
    return 0;
}

/* NDJSON: each line that is not blank is one document. */
static int process_lines(run *r)
{
    size_t start = 0;
    while (start < r->len) {
        const char *nl = memchr(r->data + start, '\n', r->len - start);
        size_t stop = nl != NULL ? (size_t)(nl - r->data) : r->len;
        if (skip_space(r, start) < stop && process(r, start, stop, NO_INDEX) != 0)
            return 1;
        start = stop + 1;
    }
    return 0;
}

/*
 * Pick the input form and process every document in it:
 *  - first non-space byte '[': an array of documents;
 *  - the first document ends on its first line and another line follows:
 *    NDJSON (a pretty-printed document spans lines, so it is not taken for one);
 *  - otherwise one document, passed whole to the decoder, which also rejects
 *    anything after it.
 */
static int process_input(run *r)
{
    size_t first = skip_space(r, 0), end, next;
    if (first == r->len)
        return 0; /* nothing but white space: no documents */
    if (r->data[first] == '[')
        return process_array(r, first);
    end = value_end(r, first);
    next = skip_space(r, end);
    if (next < r->len && memchr(r->data + first, '\n', next - first) != NULL &&
        memchr(r->data + first, '\n', end - first) == NULL)
        return process_lines(r);
    return process(r, 0, r->len, NO_INDEX);
}

/* ------------------------------------------------------------------------ */
/* Command line                                                             */
/* ------------------------------------------------------------------------ */

/* Parse argv into *opt. Returns -1 to go on, or an exit status (0 after
 * --help/--version, 2 after a usage error). */
static int parse_args(int argc, char **argv, options *opt)
{
    bool only_files = false;
    int i;
    memset(opt, 0, sizeof *opt);
    for (i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!only_files && a[0] == '-' && a[1] != '\0') {
            if (strcmp(a, "--") == 0)
                only_files = true;
            else if (strcmp(a, "--pretty") == 0)
                opt->pretty = true;
            else if (strcmp(a, "--strict") == 0)
                opt->strict = true;
            else if (strcmp(a, "--keep-unknown") == 0)
                opt->keep_unknown = true;
            else if (strcmp(a, "--arena") == 0)
                opt->arena = true;
            else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
                fputs(usage_text, stdout);
                return 0;
            } else if (strcmp(a, "--version") == 0) {
                printf("%s (modelc runtime %s)\n", PROGRAM, MC_RUNTIME_VERSION);
                return 0;
            } else {
                fprintf(stderr, "%s: unknown option '%s'\nTry '%s --help'.\n", PROGRAM, a, PROGRAM);
                return 2;
            }
        } else if (opt->path == NULL) {
            opt->path = a;
        } else {
            fprintf(stderr, "%s: only one input file is allowed ('%s')\nTry '%s --help'.\n", PROGRAM, a,
                    PROGRAM);
            return 2;
        }
    }
    if (opt->path != NULL && strcmp(opt->path, "-") == 0)
        opt->path = NULL;
    return -1;
}

int main(int argc, char **argv)
{
    options opt;
    run r;
    mc_buf input;
    FILE *f = stdin;
    int status = parse_args(argc, argv, &opt), e;

    if (status >= 0)
        return status;

    /* Read the whole input. Documents are decoded from slices of it, so error
     * positions can be given in the whole file. */
    memset(&r, 0, sizeof r);
    r.name = opt.path != NULL ? opt.path : "<stdin>";
    if (opt.path != NULL && (f = fopen(opt.path, "rb")) == NULL) {
        report_system(r.name, strerror(errno));
        return 1;
    }
    mc_buf_init(&input, NULL);
    errno = 0;
    e = read_all(f, &input);
    if (f != stdin)
        fclose(f);
    if (e != 0) {
        report_system(r.name, strerror(e));
        mc_buf_dispose(&input);
        return 1;
    }
    r.data = input.data;
    r.len = input.len;

    /* Options for every decode and encode. NULL allocators mean libc. */
    r.decode.flags = 0;
    if (opt.strict)
        r.decode.flags |= MC_DECODE_STRICT_ENUMS | MC_DECODE_STRICT_DATETIME;
    if (opt.keep_unknown)
        r.decode.flags |= MC_DECODE_KEEP_UNKNOWN;
    if (opt.arena) {
        mc_arena_init(&r.arena, NULL, 0);
        r.arena_mem = mc_arena_allocator(&r.arena);
        r.decode.allocator = &r.arena_mem;
    }
    r.encode.flags = opt.pretty ? MC_ENCODE_PRETTY : 0;
    mc_buf_init(&r.out, NULL);

    status = process_input(&r);

    mc_buf_dispose(&r.out);
    if (opt.arena)
        mc_arena_dispose(&r.arena);
    mc_buf_dispose(&input);

    /* stdout is buffered: a full disk or closed pipe shows up here. */
    if (fflush(stdout) != 0 || ferror(stdout)) {
        report_system("<stdout>", strerror(errno));
        status = 1;
    }
    return status;
}
