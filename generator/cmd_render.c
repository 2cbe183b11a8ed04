/*
 * cmd_render.c - placeholder until the template engine lands.
 */
#include "cmd_render.h"

#include <stdio.h>

int gen_cmd_render(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fputs("modelc: render: not implemented yet\n", stderr);
    return 2;
}

int gen_cmd_list_templates(void)
{
    fputs("modelc: --list-templates: not implemented yet\n", stderr);
    return 2;
}

int gen_cmd_print_template(const char *name, const char *dir)
{
    (void)name;
    (void)dir;
    fputs("modelc: --print-template: not implemented yet\n", stderr);
    return 2;
}
