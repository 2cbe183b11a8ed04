/*
 * bench/alloc_shim.c - counts heap allocations made anywhere in the bench
 * process (our code, libcjson, libjansson, libjson-c, libsimdjson, operator new).
 *
 * An executable's definitions of malloc and friends interpose on glibc's for every
 * shared library, so defining them here is enough. They forward to glibc's own
 * entry points (__libc_malloc and friends), which avoids the dlsym(RTLD_NEXT)
 * bootstrap problem (dlsym itself may call calloc). The counter is a plain
 * global: the harness is single-threaded.
 */
#include "bench.h"

#include <errno.h>
#include <stddef.h>
#include <stdint.h>

extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
extern void *__libc_memalign(size_t, size_t);
extern void __libc_free(void *);

static uint64_t allocs;

uint64_t bm_alloc_count(void) { return allocs; }

void *malloc(size_t n)
{
    allocs++;
    return __libc_malloc(n);
}

void *calloc(size_t n, size_t m)
{
    allocs++;
    return __libc_calloc(n, m);
}

void *realloc(void *p, size_t n)
{
    allocs++;
    return __libc_realloc(p, n);
}

void free(void *p) { __libc_free(p); }

void *memalign(size_t align, size_t n)
{
    allocs++;
    return __libc_memalign(align, n);
}

void *aligned_alloc(size_t align, size_t n)
{
    allocs++;
    return __libc_memalign(align, n);
}

int posix_memalign(void **out, size_t align, size_t n)
{
    if (align < sizeof(void *) || (align & (align - 1)) != 0)
        return EINVAL;
    allocs++;
    void *p = __libc_memalign(align, n);
    if (!p)
        return ENOMEM;
    *out = p;
    return 0;
}
