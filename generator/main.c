/* main.c - placeholder; the front end replaces it. */
#include <stdio.h>
int main(void)
{
    puts("modelc " MODELC_VERSION);
    return 0;
}
