/* elfpatch.h: reading and renaming the dynamic-linking names of a 64-bit
 * little-endian ELF shared object (DT_SONAME, DT_NEEDED), used to give a
 * private copy of a native module a fresh identity for the dynamic loader
 * (docs/isolation.md).  Pure C on byte buffers: no PyObjects, no global
 * state.  Every function validates its input and reports malformed files
 * through a message in `err` instead of crashing. */
#ifndef KR_ELFPATCH_H
#define KR_ELFPATCH_H
#include <stddef.h>

#define KR_ELF_MAX_NEEDED 64

/* The names a shared object declares, as offsets into the buffer it was
 * read from (each a NUL-terminated string inside the dynamic string
 * table).  soname is 0 when there is no DT_SONAME. */
typedef struct kr_elf_names {
    size_t soname;
    size_t needed[KR_ELF_MAX_NEEDED];
    int nneeded;
} kr_elf_names;

/* One rename: `from` becomes `to`; `to` must not be longer than `from`. */
typedef struct kr_elf_rename {
    const char *from;
    const char *to;
} kr_elf_rename;

/* Reads the names of the ELF image buf[0:len].  0 on success; -1 with a
 * message in err[0:errlen] when the image is not a well-formed 64-bit
 * little-endian ELF file with a dynamic section. */
int kr_elf_read_names(const unsigned char *buf, size_t len, kr_elf_names *out,
                      char *err, size_t errlen);

/* Rewrites, in place, every DT_SONAME and DT_NEEDED string of buf equal
 * to some renames[i].from into renames[i].to (padded with NULs).  Returns
 * the number of strings rewritten, or -1 with a message in err. */
int kr_elf_rename_names(unsigned char *buf, size_t len, const kr_elf_rename *renames,
                        size_t nrenames, char *err, size_t errlen);

/* Copies the file `src` to `dst` (created with mode 0700, must not exist)
 * applying kr_elf_rename_names on the way.  The number of names rewritten,
 * or -1 with a message in err. */
int kr_elf_copy_renamed(const char *src, const char *dst, const kr_elf_rename *renames,
                        size_t nrenames, char *err, size_t errlen);

/* Reads a whole file into a malloc'ed buffer (NULL with a message in err). */
unsigned char *kr_elf_read_file(const char *path, size_t *len, char *err, size_t errlen);

/* Makes a name of the same length as `name` that is unique for `serial`:
 * the last characters of its stem (the part before the first '.' after
 * any leading "lib") become `serial` in base 36.  0 on success; -1 when
 * the stem is too short to hold the serial. */
int kr_elf_unique_name(const char *name, unsigned long serial, char *out, size_t outlen);

#endif
