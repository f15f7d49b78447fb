/* test_elfpatch.c: the ELF name patcher of src/embed/elfpatch.c.
 *
 * Builds two small shared objects with the C compiler into a temporary
 * folder (a module-like library with a C global that needs a helper
 * versioned library with another), renames their SONAME/DT_NEEDED entries into
 * copies, checks the result with the patcher's own reader and with
 * `readelf -d` when present, and loads original and copies in one
 * process to see that each has its own globals.  Malformed inputs must be
 * rejected with a message, never crash. */
#include "internal.h"
#include "embed/elfpatch.h"
#include <dlfcn.h>
#include <sys/stat.h>
#include <unistd.h>

static int failures, ntest;

static void check(int cond, const char *what)
{
    ntest++;
    printf("%s %d - %s\n", cond ? "ok" : "not ok", ntest, what);
    if (!cond)
        failures++;
    fflush(stdout);
}

static char dir[256];

static int write_file(const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    if (f == NULL)
        return -1;
    fputs(text, f);
    return fclose(f);
}

static int run(const char *fmt, const char *a, const char *b)
{
    char cmd[2048];
    snprintf(cmd, sizeof cmd, fmt, a, b, a, b, a, b);
    return system(cmd);
}

/* Does the name table of `path` (as read by the patcher) hold `name` as
 * SONAME (which == 0) or as a DT_NEEDED entry (which == 1)? */
static int has_name(const char *path, const char *name, int which)
{
    char err[256];
    size_t len;
    unsigned char *buf = kr_elf_read_file(path, &len, err, sizeof err);
    if (buf == NULL)
        return 0;
    kr_elf_names n;
    int found = 0;
    if (kr_elf_read_names(buf, len, &n, err, sizeof err) == 0) {
        if (which == 0)
            found = n.soname != 0 && strcmp((char *)buf + n.soname, name) == 0;
        for (int i = 0; which == 1 && i < n.nneeded; i++)
            found |= strcmp((char *)buf + n.needed[i], name) == 0;
    }
    free(buf);
    return found;
}

static int readelf_shows(const char *path, const char *name)
{
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "readelf -d '%s' 2>/dev/null | grep -q '\\[%s\\]'", path, name);
    return system(cmd) == 0;
}

static int call(void *h, const char *sym)
{
    int (*f)(void);
    *(void **)&f = h ? dlsym(h, sym) : NULL;
    return f ? f() : -1;
}

/* Malformed images: every entry point must refuse them cleanly. */
static int rejects(const unsigned char *buf, size_t len)
{
    char err[256] = "";
    kr_elf_names n;
    unsigned char *copy = malloc(len ? len : 1);
    memcpy(copy, buf, len);
    kr_elf_rename r = {"libisodep.so", "libis0001.so"};
    int a = kr_elf_read_names(copy, len, &n, err, sizeof err);
    int b = kr_elf_rename_names(copy, len, &r, 1, err, sizeof err);
    free(copy);
    return a == -1 && b == -1 && err[0] != '\0';
}

int main(void)
{
    snprintf(dir, sizeof dir, "/tmp/krait-elftest-XXXXXX");
    if (mkdtemp(dir) == NULL) {
        printf("not ok 1 - mkdtemp\n");
        return 1;
    }
    write_file("dep.c", "int dep_counter;\nint dep_bump(void) { return ++dep_counter; }\n");
    write_file("dep.map", "DEP_1 { global: dep_bump; dep_counter; local: *; };\n");
    write_file("mod.c", "extern int dep_bump(void);\nstatic int counter;\n"
                        "int mod_bump(void) { return ++counter; }\n"
                        "int mod_dep_bump(void) { return dep_bump(); }\n");
    int built = run("cd %s && cc -shared -fPIC -Wl,-soname,libisodep.so -Wl,--version-script=dep.map "
                    "dep.c -o libisodep.so", dir, "") == 0 &&
                run("cd %s && cc -shared -fPIC -Wl,-soname,libisomod.so mod.c -o libisomod.so "
                    "-L. -lisodep '-Wl,-rpath,$ORIGIN'", dir, "") == 0;
    check(built, "test libraries build");
    if (!built)
        return 1;
    char orig_mod[512], orig_dep[512];
    snprintf(orig_mod, sizeof orig_mod, "%s/libisomod.so", dir);
    snprintf(orig_dep, sizeof orig_dep, "%s/libisodep.so", dir);
    check(has_name(orig_mod, "libisomod.so", 0), "reader finds DT_SONAME");
    check(has_name(orig_mod, "libisodep.so", 1), "reader finds DT_NEEDED");
    check(!has_name(orig_mod, "libisodep.so", 0), "reader keeps SONAME and NEEDED apart");

    /* new names: same length, different, suffix kept */
    char new_mod[64], new_dep[64], other[64];
    check(kr_elf_unique_name("libisomod.so", 7, new_mod, sizeof new_mod) == 0 &&
          kr_elf_unique_name("libisodep.so", 8, new_dep, sizeof new_dep) == 0, "unique names made");
    check(strlen(new_mod) == strlen("libisomod.so") && strcmp(new_mod, "libisomod.so") != 0 &&
          strncmp(new_mod, "lib", 3) == 0 && strcmp(new_mod + strlen(new_mod) - 3, ".so") == 0,
          "unique name keeps length, prefix and suffix");
    check(kr_elf_unique_name("libisomod.so", 9, other, sizeof other) == 0 && strcmp(other, new_mod) != 0,
          "different serials give different names");
    check(kr_elf_unique_name("x.so", 36 * 36, other, sizeof other) == -1, "too short a stem is refused");
    check(kr_elf_unique_name("libisomod.so", 1, other, 5) == -1, "too small an output buffer is refused");

    /* patched copies */
    char p_mod[512], p_dep[512], err[256];
    snprintf(p_mod, sizeof p_mod, "%s/%s", dir, new_mod);
    snprintf(p_dep, sizeof p_dep, "%s/%s", dir, new_dep);
    kr_elf_rename ren[2] = {{"libisomod.so", new_mod}, {"libisodep.so", new_dep}};
    int n1 = kr_elf_copy_renamed(orig_dep, p_dep, ren, 2, err, sizeof err);
    int n2 = kr_elf_copy_renamed(orig_mod, p_mod, ren, 2, err, sizeof err);
    check(n1 == 1 && n2 == 2, "copies renamed (dep: SONAME; module: SONAME and NEEDED)");
    check(has_name(p_dep, new_dep, 0), "dep copy's SONAME rewritten");
    check(kr_elf_copy_renamed(orig_mod, p_mod, ren, 2, err, sizeof err) == -1 && strstr(err, "exists"),
          "copy refuses to overwrite");
    check(has_name(p_mod, new_mod, 0) && !has_name(p_mod, "libisomod.so", 0), "SONAME rewritten");
    check(has_name(p_mod, new_dep, 1) && !has_name(p_mod, "libisodep.so", 1), "NEEDED rewritten");
    check(has_name(orig_mod, "libisomod.so", 0), "original untouched");
    if (system("command -v readelf >/dev/null 2>&1") == 0) {
        check(readelf_shows(p_mod, new_mod) && readelf_shows(p_mod, new_dep) &&
              !readelf_shows(p_mod, "libisodep.so"), "readelf -d agrees");
        check(readelf_shows(orig_mod, "libisodep.so"), "readelf -d reads the original");
        char cmd[1024];
        snprintf(cmd, sizeof cmd, "readelf -V '%s' | grep -q 'File: %s'", p_mod, new_dep);
        int v_new = system(cmd) == 0;
        snprintf(cmd, sizeof cmd, "readelf -V '%s' | grep -q 'File: libisodep.so'", p_mod);
        int v_old = system(cmd) == 0;
        check(v_new && !v_old, "version requirement (vn_file) follows the rename");
    } else {
        for (int i = 0; i < 3; i++)
            check(1, "readelf not installed: skipped # SKIP");
    }
    kr_elf_rename longer = {"libisodep.so", "libisodep-longer.so"};
    size_t mlen;
    unsigned char *mbuf = kr_elf_read_file(orig_mod, &mlen, err, sizeof err);
    check(mbuf != NULL && kr_elf_rename_names(mbuf, mlen, &longer, 1, err, sizeof err) == -1,
          "a longer new name is refused");

    /* separate globals in one process */
    void *h1 = dlopen(orig_mod, RTLD_NOW | RTLD_LOCAL);
    void *h2 = dlopen(p_mod, RTLD_NOW | RTLD_LOCAL);
    check(h1 != NULL && h2 != NULL && h1 != h2, "original and copy both load");
    if (h1 == NULL || h2 == NULL)
        printf("# dlerror: %s\n", dlerror());
    int a1 = call(h1, "mod_bump"), a2 = call(h1, "mod_bump"), b1 = call(h2, "mod_bump");
    check(a1 == 1 && a2 == 2 && b1 == 1, "module globals are separate");
    int d1 = call(h1, "mod_dep_bump"), d2 = call(h1, "mod_dep_bump"), e1 = call(h2, "mod_dep_bump");
    check(d1 == 1 && d2 == 2 && e1 == 1, "needed library's globals are separate");
    if (h1)
        dlclose(h1);
    if (h2)
        dlclose(h2);

    /* malformed inputs */
    if (mbuf != NULL) {
        check(rejects(mbuf, 0), "empty input rejected");
        check(rejects(mbuf, 40), "truncated header rejected");
        check(rejects(mbuf, 200), "truncated file rejected");
        unsigned char *bad = malloc(mlen);
        memcpy(bad, mbuf, mlen);
        bad[1] = 'X';
        check(rejects(bad, mlen), "wrong magic rejected");
        memcpy(bad, mbuf, mlen);
        bad[4] = 1;
        check(rejects(bad, mlen), "32-bit class rejected");
        memcpy(bad, mbuf, mlen);
        bad[5] = 2;
        check(rejects(bad, mlen), "big-endian rejected");
        memcpy(bad, mbuf, mlen);
        memset(bad + 32, 0xff, 8);
        check(rejects(bad, mlen), "program headers out of bounds rejected");
        memcpy(bad, mbuf, mlen);
        bad[16] = 2;
        check(rejects(bad, mlen), "executable (ET_EXEC) rejected");
        /* random bytes, and random corruption of a good file */
        unsigned long seed = 12345;
        int all_random = 1, no_crash = 1;
        for (int round = 0; round < 2000; round++) {
            size_t n = (size_t)(round * 7 % 4096);
            unsigned char *r = malloc(n + 1);
            for (size_t i = 0; i < n; i++) {
                seed = seed * 6364136223846793005UL + 1442695040888963407UL;
                r[i] = (unsigned char)(seed >> 56);
            }
            if (round % 2 && n >= 4)
                memcpy(r, "\177ELF", 4);
            all_random &= rejects(r, n);
            free(r);
            memcpy(bad, mbuf, mlen);
            for (int k = 0; k < 8; k++) {
                seed = seed * 6364136223846793005UL + 1442695040888963407UL;
                bad[(seed >> 20) % (round % 2 ? mlen : 512)] = (unsigned char)(seed >> 56);
            }
            kr_elf_names nm;
            kr_elf_rename r1 = {"libisodep.so", "libis0001.so"};
            (void)kr_elf_read_names(bad, mlen, &nm, err, sizeof err);
            (void)kr_elf_rename_names(bad, mlen, &r1, 1, err, sizeof err);
        }
        check(all_random, "random bytes rejected");
        check(no_crash, "corrupted headers handled without crashing");
        free(bad);
    }
    check(kr_elf_read_file("/nonexistent/krait/x.so", &mlen, err, sizeof err) == NULL &&
          strstr(err, "cannot open") != NULL, "missing file reported");
    check(kr_elf_read_file("/tmp", &mlen, err, sizeof err) == NULL, "a folder is not read");
    free(mbuf);

    run("rm -rf '%s'", dir, "");
    printf("%d tests, %d failures\n", ntest, failures);
    return failures != 0;
}
