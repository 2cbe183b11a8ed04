/*
 * fileio.c - whole-file reads for diag (source lines), emit (comparing with
 * what is on disk, the manifest) and tmpl (override templates).  The loader
 * reads schema files itself because it identifies them by device and inode
 * before reading.
 */
#include "fileio.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "arena.h"

int gen_file_read(const char *path, size_t max, char **out, size_t *out_len)
{
    *out = NULL;
    *out_len = 0;
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
        fclose(f);
        errno = EISDIR;
        return -1;
    }
    size_t cap = 4096, len = 0;
    char *buf = gen_xmalloc(cap);
    int err = 0;
    for (;;) {
        size_t got = fread(buf + len, 1, cap - len - 1, f);
        len += got;
        if (max && len > max) {
            err = EFBIG;
            break;
        }
        if (got == 0) {
            if (ferror(f))
                err = EIO;
            break;
        }
        if (len == cap - 1) {
            cap *= 2;
            buf = gen_xrealloc(buf, cap);
        }
    }
    fclose(f);
    if (err) {
        free(buf);
        errno = err;
        return -1;
    }
    buf[len] = '\0';
    *out = buf;
    *out_len = len;
    return 0;
}
