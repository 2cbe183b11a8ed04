/*
 * cmd_render.h - the template-facing commands of the modelc CLI.
 *
 *   modelc render TEMPLATE DATA [--partials DIR] [--escape html|none]
 *   modelc --list-templates
 *   modelc --print-template NAME
 *
 * main.c parses nothing of these beyond the command word and hands the rest
 * of argv over.  Each returns a process exit status: 0 ok, 1 template or
 * data errors (printed as file:line:col: error: ...), 2 usage errors.
 */
#ifndef MODELC_CMD_RENDER_H
#define MODELC_CMD_RENDER_H

/* argv[0] is "render"; argc counts it. */
int gen_cmd_render(int argc, char **argv);

/* Prints the names of the built-in templates, one per line. */
int gen_cmd_list_templates(void);

/* Prints one template: from dir (an override folder, may be NULL) when it
 * has NAME, else the built-in one. */
int gen_cmd_print_template(const char *name, const char *dir);

#endif
