/*
 * generate.c - stub until the templates/emit engineer implements rendering.
 *
 * It prints nothing and writes nothing, so `modelc SCHEMA...` succeeds once
 * the schemas are valid.
 */
#include "generate.h"

int gen_generate(const gen_ir *ir, gen_data *view, const gen_generate_options *opt)
{
    (void)ir;
    (void)view;
    (void)opt;
    return 0;
}
