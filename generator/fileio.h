/*
 * fileio.h - reading a whole file, the one way the generator does it.
 *
 * Ownership: gen_file_read returns a malloc'd buffer the caller frees; it is
 * NUL-terminated after its len bytes (which may themselves hold NULs).  On
 * failure nothing is allocated and errno says why.
 */
#ifndef MODELC_FILEIO_H
#define MODELC_FILEIO_H

#include <stddef.h>

/*
 * Reads the file at path into *out (malloc'd) and its size into *out_len.
 * max: the largest size accepted (0 for no limit); a larger file fails with
 * errno EFBIG.  Returns 0, or -1 with errno set (ENOENT when it does not
 * exist, EISDIR for a folder, EIO for a read error).  Out of memory exits.
 */
int gen_file_read(const char *path, size_t max, char **out, size_t *out_len);

#endif
