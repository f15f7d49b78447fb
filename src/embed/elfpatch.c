/* elfpatch.c: renames DT_SONAME / DT_NEEDED strings of a 64-bit
 * little-endian ELF shared object in place (see elfpatch.h).
 *
 * The dynamic loader recognises a library it already mapped by its
 * SONAME; a private copy of a native module and of the libraries it ships
 * with therefore needs new names (runtime/extload.c, embed/isolation.c).
 * New names are never longer than the old ones, so the dynamic string
 * table keeps its size and no section or segment has to move.
 *
 * Fields are read byte by byte in little-endian order, never through
 * casts of the buffer, so the code is immune to alignment and does not
 * depend on the host's byte order.  Every offset is checked against the
 * buffer before use. */
#include "internal.h"
#include "embed/elfpatch.h"
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

enum {
    EHDR_SIZE = 64, PHDR_MIN = 56, DYN_SIZE = 16,
    PT_LOAD_ = 1, PT_DYNAMIC_ = 2, ET_DYN_ = 3,
    DT_NULL_ = 0, DT_NEEDED_ = 1, DT_STRTAB_ = 5, DT_STRSZ_ = 10, DT_SONAME_ = 14,
    VERNEED_SIZE = 16,
};
#define DT_VERNEED_ 0x6ffffffeu
#define DT_VERNEEDNUM_ 0x6fffffffu

/* Files larger than this are not shared objects anyone would load as a
 * module; the limit also keeps size arithmetic far from overflow. */
#define KR_ELF_MAX_FILE ((size_t)1 << 31)

static uint64_t rd(const unsigned char *p, int n)
{
    uint64_t v = 0;
    for (int i = n - 1; i >= 0; i--)
        v = (v << 8) | p[i];
    return v;
}

static int fail(char *err, size_t errlen, const char *msg)
{
    if (err != NULL && errlen > 0)
        snprintf(err, errlen, "%s", msg);
    return -1;
}

/* True when [off, off+size) lies inside a buffer of `len` bytes. */
static int in_bounds(uint64_t off, uint64_t size, size_t len)
{
    return off <= len && size <= len - off;
}

/* The parsed dynamic section: where its entries and string table are. */
typedef struct {
    size_t dyn_off, dyn_count;
    size_t str_off, str_size;
    uint64_t phoff, phentsize, phnum;
    uint64_t verneed, verneednum;   /* DT_VERNEED address and count, or 0 */
} kr_elf_dynamic;

/* The file offset of `size` bytes at address `addr`, found through the
 * loadable segment that maps them; -1 when none does. */
static int64_t addr_to_offset(const unsigned char *buf, size_t len, const kr_elf_dynamic *d,
                              uint64_t addr, uint64_t size)
{
    for (uint64_t i = 0; i < d->phnum; i++) {
        const unsigned char *ph = buf + d->phoff + i * d->phentsize;
        if (rd(ph, 4) != PT_LOAD_)
            continue;
        uint64_t off = rd(ph + 8, 8), vaddr = rd(ph + 16, 8), filesz = rd(ph + 32, 8);
        if (addr >= vaddr && addr - vaddr <= filesz && size <= filesz - (addr - vaddr)) {
            uint64_t foff = off + (addr - vaddr);
            if (foff < off || !in_bounds(foff, size, len) || foff > INT64_MAX)
                return -1;
            return (int64_t)foff;
        }
    }
    return -1;
}

static int parse_dynamic(const unsigned char *buf, size_t len, kr_elf_dynamic *d,
                         char *err, size_t errlen)
{
    if (buf == NULL || len < EHDR_SIZE)
        return fail(err, errlen, "not an ELF file: too short for an ELF header");
    if (memcmp(buf, "\177ELF", 4) != 0)
        return fail(err, errlen, "not an ELF file: bad magic number");
    if (buf[4] != 2)
        return fail(err, errlen, "unsupported ELF file: not 64-bit (ELFCLASS64)");
    if (buf[5] != 1)
        return fail(err, errlen, "unsupported ELF file: not little-endian (ELFDATA2LSB)");
    if (buf[6] != 1)
        return fail(err, errlen, "unsupported ELF file: unknown ELF version");
    if (rd(buf + 16, 2) != ET_DYN_)
        return fail(err, errlen, "not a shared object (ELF type is not ET_DYN)");
    uint64_t phoff = rd(buf + 32, 8);
    uint64_t phentsize = rd(buf + 54, 2), phnum = rd(buf + 56, 2);
    if (phnum == 0)
        return fail(err, errlen, "malformed ELF file: no program headers");
    if (phentsize < PHDR_MIN)
        return fail(err, errlen, "malformed ELF file: program header entries too small");
    if (!in_bounds(phoff, phentsize * phnum, len))
        return fail(err, errlen, "malformed ELF file: program headers outside the file");
    const unsigned char *dyn_ph = NULL;
    for (uint64_t i = 0; i < phnum; i++) {
        const unsigned char *ph = buf + phoff + i * phentsize;
        if (rd(ph, 4) == PT_DYNAMIC_) {
            if (dyn_ph != NULL)
                return fail(err, errlen, "malformed ELF file: more than one PT_DYNAMIC segment");
            dyn_ph = ph;
        }
    }
    if (dyn_ph == NULL)
        return fail(err, errlen, "ELF file has no dynamic section (PT_DYNAMIC)");
    uint64_t dyn_off = rd(dyn_ph + 8, 8), dyn_size = rd(dyn_ph + 32, 8);
    if (!in_bounds(dyn_off, dyn_size, len))
        return fail(err, errlen, "malformed ELF file: dynamic section outside the file");
    d->dyn_off = (size_t)dyn_off;
    d->dyn_count = 0;
    d->phoff = phoff;
    d->phentsize = phentsize;
    d->phnum = phnum;
    d->verneed = d->verneednum = 0;
    uint64_t strtab = 0, strsz = 0;
    int have_strtab = 0, have_strsz = 0, terminated = 0;
    for (uint64_t i = 0; i < dyn_size / DYN_SIZE; i++) {
        const unsigned char *e = buf + dyn_off + i * DYN_SIZE;
        uint64_t tag = rd(e, 8);
        if (tag == DT_NULL_) {
            terminated = 1;
            break;
        }
        d->dyn_count++;
        if (tag == DT_STRTAB_) {
            strtab = rd(e + 8, 8);
            have_strtab = 1;
        } else if (tag == DT_STRSZ_) {
            strsz = rd(e + 8, 8);
            have_strsz = 1;
        } else if (tag == DT_VERNEED_) {
            d->verneed = rd(e + 8, 8);
        } else if (tag == DT_VERNEEDNUM_) {
            d->verneednum = rd(e + 8, 8);
        }
    }
    if (!terminated)
        return fail(err, errlen, "malformed ELF file: dynamic section has no DT_NULL terminator");
    if (!have_strtab || !have_strsz)
        return fail(err, errlen, "malformed ELF file: dynamic section lacks DT_STRTAB or DT_STRSZ");
    int64_t foff = addr_to_offset(buf, len, d, strtab, strsz);
    if (foff < 0)
        return fail(err, errlen, "malformed ELF file: no loadable segment holds the string table");
    d->str_off = (size_t)foff;
    d->str_size = (size_t)strsz;
    if (d->str_size == 0 || buf[d->str_off + d->str_size - 1] != '\0')
        return fail(err, errlen, "malformed ELF file: string table is not NUL-terminated");
    return 0;
}

/* The file offset of the string a dynamic entry names, after checking
 * that it lies in the string table (which ends with a NUL, so the string
 * is terminated). */
static int dyn_string(const kr_elf_dynamic *d, uint64_t val, size_t *off, char *err, size_t errlen)
{
    if (val >= d->str_size)
        return fail(err, errlen, "malformed ELF file: name offset outside the string table");
    *off = d->str_off + (size_t)val;
    return 0;
}

int kr_elf_read_names(const unsigned char *buf, size_t len, kr_elf_names *out,
                      char *err, size_t errlen)
{
    kr_elf_dynamic d;
    memset(out, 0, sizeof(*out));
    if (parse_dynamic(buf, len, &d, err, errlen) < 0)
        return -1;
    for (size_t i = 0; i < d.dyn_count; i++) {
        const unsigned char *e = buf + d.dyn_off + i * DYN_SIZE;
        uint64_t tag = rd(e, 8);
        if (tag != DT_SONAME_ && tag != DT_NEEDED_)
            continue;
        size_t off = 0;
        if (dyn_string(&d, rd(e + 8, 8), &off, err, errlen) < 0)
            return -1;
        if (tag == DT_SONAME_) {
            out->soname = off;
        } else {
            if (out->nneeded == KR_ELF_MAX_NEEDED)
                return fail(err, errlen, "ELF file needs too many libraries (DT_NEEDED)");
            out->needed[out->nneeded++] = off;
        }
    }
    return 0;
}

/* Rewrites the string at buf+off if it is one of the old names: 1 if it
 * was, else 0.  The string is known to be NUL-terminated in the table. */
static int rename_string(unsigned char *buf, size_t off, const kr_elf_rename *renames,
                         size_t nrenames)
{
    char *s = (char *)buf + off;
    size_t old_len = strlen(s);
    for (size_t r = 0; r < nrenames; r++) {
        if (strcmp(s, renames[r].from) != 0)
            continue;
        size_t new_len = strlen(renames[r].to);
        memcpy(s, renames[r].to, new_len);
        memset(s + new_len, 0, old_len - new_len);
        return 1;
    }
    return 0;
}

int kr_elf_rename_names(unsigned char *buf, size_t len, const kr_elf_rename *renames,
                        size_t nrenames, char *err, size_t errlen)
{
    for (size_t r = 0; r < nrenames; r++)
        if (strlen(renames[r].to) > strlen(renames[r].from))
            return fail(err, errlen, "a new library name may not be longer than the old one");
    kr_elf_dynamic d;
    if (parse_dynamic(buf, len, &d, err, errlen) < 0)
        return -1;
    int count = 0;
    for (size_t i = 0; i < d.dyn_count; i++) {
        const unsigned char *e = buf + d.dyn_off + i * DYN_SIZE;
        uint64_t tag = rd(e, 8);
        if (tag != DT_SONAME_ && tag != DT_NEEDED_)
            continue;
        size_t off = 0;
        if (dyn_string(&d, rd(e + 8, 8), &off, err, errlen) < 0)
            return -1;
        count += rename_string(buf, off, renames, nrenames);
    }
    /* Version requirements name the library they come from (vn_file);
     * the loader matches that name against loaded libraries, so it must
     * follow DT_NEEDED.  Linkers share the string with the DT_NEEDED
     * entry, in which case it is already renamed and does not match. */
    uint64_t at = d.verneed;
    for (uint64_t k = 0; at != 0 && k < d.verneednum; k++) {
        int64_t vo = addr_to_offset(buf, len, &d, at, VERNEED_SIZE);
        if (vo < 0)
            return fail(err, errlen, "malformed ELF file: version requirements outside the file");
        size_t off = 0;
        if (dyn_string(&d, rd(buf + vo + 4, 4), &off, err, errlen) < 0)
            return -1;
        rename_string(buf, off, renames, nrenames);
        uint64_t next = rd(buf + vo + 12, 4);
        if (next == 0)
            break;
        at += next;
    }
    return count;
}

unsigned char *kr_elf_read_file(const char *path, size_t *len, char *err, size_t errlen)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        snprintf(err, errlen, "cannot open %s: %s", path, strerror(errno));
        return NULL;
    }
    struct stat st;
    unsigned char *buf = NULL;
    if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) || (size_t)st.st_size > KR_ELF_MAX_FILE) {
        snprintf(err, errlen, "%s is not a regular file of a plausible size", path);
        goto out;
    }
    size_t n = (size_t)st.st_size;
    buf = malloc(n ? n : 1);
    if (buf == NULL) {
        snprintf(err, errlen, "out of memory reading %s", path);
        goto out;
    }
    size_t got = 0;
    while (got < n) {
        ssize_t k = read(fd, buf + got, n - got);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0) {
            snprintf(err, errlen, "cannot read %s: %s", path, k < 0 ? strerror(errno) : "file shrank");
            free(buf);
            buf = NULL;
            goto out;
        }
        got += (size_t)k;
    }
    *len = n;
out:
    close(fd);
    return buf;
}

int kr_elf_copy_renamed(const char *src, const char *dst, const kr_elf_rename *renames,
                        size_t nrenames, char *err, size_t errlen)
{
    size_t len;
    unsigned char *buf = kr_elf_read_file(src, &len, err, errlen);
    if (buf == NULL)
        return -1;
    int count = kr_elf_rename_names(buf, len, renames, nrenames, err, errlen);
    if (count < 0) {
        free(buf);
        return -1;
    }
    int fd = open(dst, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0700);
    if (fd < 0) {
        snprintf(err, errlen, "cannot create %s: %s", dst, strerror(errno));
        free(buf);
        return -1;
    }
    size_t done = 0;
    while (done < len) {
        ssize_t k = write(fd, buf + done, len - done);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0) {
            snprintf(err, errlen, "cannot write %s: %s", dst, k < 0 ? strerror(errno) : "short write");
            close(fd);
            unlink(dst);
            free(buf);
            return -1;
        }
        done += (size_t)k;
    }
    free(buf);
    if (close(fd) < 0) {
        snprintf(err, errlen, "cannot write %s: %s", dst, strerror(errno));
        unlink(dst);
        return -1;
    }
    return count;
}

int kr_elf_unique_name(const char *name, unsigned long serial, char *out, size_t outlen)
{
    static const char digits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    size_t len = strlen(name);
    if (len + 1 > outlen)
        return -1;
    memcpy(out, name, len + 1);
    const char *base = strrchr(name, '/');
    size_t start = base ? (size_t)(base - name) + 1 : 0;
    if (strncmp(name + start, "lib", 3) == 0 && name[start + 3] != '\0' && name[start + 3] != '.')
        start += 3;
    const char *dot = strchr(name + start, '.');
    size_t end = dot ? (size_t)(dot - name) : len;
    /* Width: room for the serial, at least 4 characters where the stem
     * allows, so serials of one process rarely collide with real names. */
    size_t need = 1;
    for (unsigned long v = serial / 36; v != 0; v /= 36)
        need++;
    size_t width = need < 4 ? 4 : need;
    if (width > end - start)
        width = end - start;
    if (need > width)
        return -1;
    unsigned long v = serial;
    for (size_t i = 0; i < width; i++) {
        out[end - 1 - i] = digits[v % 36];
        v /= 36;
    }
    return 0;
}
