/*
 * main.c - modelc's command line: arguments only, GNU conventions.
 *
 * Parses options (anywhere among the operands; `--opt=value` or `--opt value`,
 * `-oDIR` or `-o DIR`, `--` ends options), dispatches the template commands to
 * cmd_render.c, and otherwise runs the pipeline: schemas -> IR -> names ->
 * view -> (--dump-ir prints it | gen_generate renders and writes).
 * Exit status: 0 success, 1 schema or generation errors, 2 usage errors,
 * 70 out of memory.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "cmd_render.h"
#include "data.h"
#include "diag.h"
#include "diff.h"
#include "generate.h"
#include "ir.h"
#include "naming.h"
#include "view.h"

static const char usage_text[] =
    "Usage: modelc [OPTION]... SCHEMA...\n"
    "       modelc render TEMPLATE DATA [--partials DIR] [--escape html|none]\n"
    "       modelc diff OLD NEW\n"
    "       modelc --list-templates\n"
    "       modelc --print-template NAME [--templates DIR]\n"
    "\n"
    "Compile OpenAPI 3 schemas into C model code: one struct, enum table and JSON\n"
    "codec per schema type, plus the small runtime they share.\n"
    "\n"
    "Each SCHEMA is either a standalone schema file holding one type, named after\n"
    "the file (CertificationTask.yaml defines CertificationTask), or a whole\n"
    "OpenAPI 3.0/3.1 document whose components/schemas are the types.  YAML and\n"
    "JSON are both read.  Relative $refs ('./Other.yaml', '../x/Y.yaml',\n"
    "'Y.yaml#/pointer', '#/components/schemas/X') are followed; every file is\n"
    "read once, and referenced types are generated too.\n"
    "\n"
    "Options:\n"
    "  -o, --output DIR        write the generated files into DIR (default: generated)\n"
    "      --prefix P          put P_ before every generated name and P_ (upper case)\n"
    "                          before macros and enum members; the runtime's mc_\n"
    "                          becomes P_ too (default: no prefix, runtime mc_)\n"
    "      --templates DIR     use DIR/NAME.mustache instead of a built-in template\n"
    "                          when it exists\n"
    "      --dump-ir           print the resolved model as JSON on standard output:\n"
    "                          exactly the data the templates see; write no files\n"
    "      --check             write nothing; exit 1 when a generated file is stale,\n"
    "                          missing or extra (for CI)\n"
    "      --list-outputs      print the path of every file that would be written\n"
    "      --depfile FILE      also write a make dependency file listing every schema\n"
    "                          and template read\n"
    "      --depfile-target T  the target named in the dependency file\n"
    "                          (default: every output)\n"
    "      --single-file       generate one .h/.c pair for all types\n"
    "      --list-templates    print the names of the built-in templates\n"
    "      --time-report       print how long each stage took to standard error\n"
    "      --print-template NAME\n"
    "                          print one template (from --templates DIR if it has it)\n"
    "  -h, --help              print this help and exit\n"
    "      --version           print the version and exit\n"
    "\n"
    "Commands:\n"
    "  render TEMPLATE DATA    render a mustache template with a YAML/JSON data file\n"
    "                          (see 'modelc render --help')\n"
    "  diff OLD NEW            compare two schema sets (folders or files): each change\n"
    "                          is breaking or compatible; exit 1 if any is breaking\n"
    "\n"
    "Names: types and fields become snake_case (ReassignmentTrailDTO ->\n"
    "reassignment_trail_dto, targetId -> target_id), enum members\n"
    "TYPE_MEMBER (CERTIFICATION_TASK_TYPE_ADMIN_REASSIGN); C and C++ keywords\n"
    "get a trailing underscore; names that would collide are reported.\n"
    "\n"
    "Diagnostics are printed gcc-style as FILE:LINE:COLUMN: error: MESSAGE with\n"
    "the source line and a caret; all independent errors are reported, and\n"
    "nothing is written when there is any.\n"
    "\n"
    "Exit status: 0 success, 1 schema or generation errors (or stale files with\n"
    "--check), 2 usage errors.\n"
    "\n"
    "Examples:\n"
    "  modelc -o generated schema/*.yaml\n"
    "  modelc --prefix sp --dump-ir schema/CertificationTask.yaml\n"
    "  modelc --check -o generated api.yaml\n";

typedef struct cli {
    const char *output;
    const char *prefix;
    const char *templates;
    const char *depfile;
    const char *depfile_target;
    const char *print_template;
    bool dump_ir, check, list_outputs, single_file, list_templates, time_report;
    const char **schemas;
    size_t n_schemas;
} cli;

static int usage_error(const char *fmt, const char *arg)
{
    fputs("modelc: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs("\nTry 'modelc --help' for more information.\n", stderr);
    return 2;
}

/* Options that take a value: long name, short letter (0 for none), slot. */
typedef struct valopt {
    const char *name;
    char short_name;
    size_t off;
} valopt;

static const valopt valopts[] = {
    {"output", 'o', offsetof(cli, output)},
    {"prefix", 0, offsetof(cli, prefix)},
    {"templates", 0, offsetof(cli, templates)},
    {"depfile", 0, offsetof(cli, depfile)},
    {"depfile-target", 0, offsetof(cli, depfile_target)},
    {"print-template", 0, offsetof(cli, print_template)},
};

typedef struct flagopt {
    const char *name;
    size_t off;
} flagopt;

static const flagopt flagopts[] = {
    {"dump-ir", offsetof(cli, dump_ir)},
    {"check", offsetof(cli, check)},
    {"list-outputs", offsetof(cli, list_outputs)},
    {"single-file", offsetof(cli, single_file)},
    {"list-templates", offsetof(cli, list_templates)},
    {"time-report", offsetof(cli, time_report)},
};

/* Parses argv into c.  Returns -1 to go on, else an exit status. */
static int parse_args(cli *c, int argc, char **argv)
{
    c->schemas = gen_xmalloc((size_t)argc * sizeof *c->schemas);
    bool only_operands = false;
    for (int i = 1; i < argc; i++) {
        char *arg = argv[i];
        if (only_operands || arg[0] != '-' || arg[1] == '\0') {
            c->schemas[c->n_schemas++] = arg;
            continue;
        }
        if (!strcmp(arg, "--")) {
            only_operands = true;
            continue;
        }
        if (!strcmp(arg, "-h") || !strcmp(arg, "--help")) {
            fputs(usage_text, stdout);
            return 0;
        }
        if (!strcmp(arg, "--version")) {
            printf("modelc %s\n", MODELC_VERSION);
            return 0;
        }
        bool done = false;
        for (size_t k = 0; k < sizeof flagopts / sizeof flagopts[0] && !done; k++) {
            if (arg[1] == '-' && !strcmp(arg + 2, flagopts[k].name)) {
                *(bool *)((char *)c + flagopts[k].off) = true;
                done = true;
            }
        }
        for (size_t k = 0; k < sizeof valopts / sizeof valopts[0] && !done; k++) {
            const valopt *o = &valopts[k];
            const char *val = NULL;
            size_t nl = strlen(o->name);
            if (arg[1] == '-' && !strncmp(arg + 2, o->name, nl) &&
                (arg[2 + nl] == '\0' || arg[2 + nl] == '=')) {
                if (arg[2 + nl] == '=')
                    val = arg + 3 + nl;
                else if (i + 1 < argc)
                    val = argv[++i];
                else
                    return usage_error("option '--%s' requires an argument", o->name);
            } else if (o->short_name && arg[1] == o->short_name) {
                if (arg[2])
                    val = arg + 2;
                else if (i + 1 < argc)
                    val = argv[++i];
                else
                    return usage_error("option '-%s' requires an argument", arg + 1);
            } else {
                continue;
            }
            *(const char **)((char *)c + o->off) = val;
            done = true;
        }
        if (!done)
            return usage_error(arg[1] == '-' ? "unrecognized option '%s'"
                                             : "invalid option '%s'",
                               arg);
    }
    return -1;
}

static int run(cli *c)
{
    if (c->list_templates)
        return gen_cmd_list_templates();
    if (c->print_template)
        return gen_cmd_print_template(c->print_template, c->templates);
    if (c->n_schemas == 0)
        return usage_error("%sno schema files given", "");
    if (c->prefix && *c->prefix && !gen_naming_prefix_ok(c->prefix))
        return usage_error("invalid --prefix '%s': use letters, digits and single '_', "
                           "starting with a letter",
                           c->prefix);
    if (c->output && !*c->output)
        return usage_error("%s--output needs a folder name", "");
    gen_diag diag;
    gen_diag_init(&diag, stderr);
    gen_arena arena;
    gen_arena_init(&arena);
    int status = 0;
    double t0 = gen_seconds();
    gen_ir *ir = gen_ir_build(&arena, &diag, c->schemas, c->n_schemas);
    if (ir)
        gen_naming_assign(&arena, &diag, ir, c->prefix);
    double t1 = gen_seconds();
    if (!ir || diag.errors) {
        status = 1;
    } else {
        gen_view_options vo = {c->prefix};
        gen_data *view = gen_view_build(&arena, ir, &vo);
        if (c->time_report)
            fprintf(stderr,
                    "modelc: schemas  %8.3f s  (%zu files, %zu types: load, resolve, IR, names)\n"
                    "modelc: view     %8.3f s\n",
                    t1 - t0, ir->input_count, ir->type_count, gen_seconds() - t1);
        if (c->dump_ir) {
            if (gen_data_write_json(stdout, view, 2) != 0 || fputc('\n', stdout) == EOF ||
                fflush(stdout) != 0) {
                fputs("modelc: error: cannot write to standard output\n", stderr);
                status = 1;
            }
        } else {
            gen_generate_options go = {
                c->output ? c->output : "generated",
                c->prefix && *c->prefix ? c->prefix : NULL,
                c->templates,
                ir->inputs,
                ir->input_count,
                c->check,
                c->depfile,
                c->depfile_target,
                c->list_outputs,
                c->single_file,
                c->time_report,
            };
            status = gen_generate(ir, view, &go);
        }
    }
    if (diag.errors > 1)
        fprintf(stderr, "%u errors generated.\n", diag.errors);
    gen_arena_dispose(&arena);
    gen_diag_dispose(&diag);
    return status;
}

int main(int argc, char **argv)
{
    if (argc > 1 && !strcmp(argv[1], "render"))
        return gen_cmd_render(argc - 1, argv + 1);
    if (argc > 1 && !strcmp(argv[1], "diff"))
        return gen_cmd_diff(argc - 1, argv + 1);
    cli c;
    memset(&c, 0, sizeof c);
    int status = parse_args(&c, argc, argv);
    if (status < 0)
        status = run(&c);
    free(c.schemas);
    return status;
}
