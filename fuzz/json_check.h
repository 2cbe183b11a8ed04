/* json_check.h - independent strict RFC 8259 validator (fuzz/ differential check). */
#ifndef FUZZ_JSON_CHECK_H
#define FUZZ_JSON_CHECK_H

#include <stddef.h>

#define JC_VALID 0
#define JC_INVALID 1
#define JC_TOO_DEEP 2 /* nesting beyond JC_MAX_DEPTH: no verdict */

#define JC_MAX_DEPTH 2048u

/* JC_VALID when text[0..len) is exactly one JSON text per RFC 8259. */
int json_check(const char *text, size_t len);

#endif
