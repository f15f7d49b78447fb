/* getpath.c: where Krait finds itself and its libraries.
 *
 * Every function writes into a buffer the caller provides (no static
 * state).  The executable's path is read from /proc/self/exe; the prefix
 * is the folder above the executable's folder (PREFIX for PREFIX/bin/krait,
 * the source tree for SRC/build/krait).  The CPython 3.11 standard library
 * is used where Debian installs it (KR_STDLIB_DIR). */
#include "internal.h"
#include "modules/getpath.h"

const char *kr_executable_path(char *buf, size_t n)
{
    ssize_t len = readlink("/proc/self/exe", buf, n - 1);
    buf[len < 0 ? 0 : len] = '\0';
    return buf;
}

const char *kr_prefix_dir(char *buf, size_t n)
{
    kr_executable_path(buf, n);
    for (int i = 0; i < 2; i++) {
        char *slash = strrchr(buf, '/');
        if (slash == NULL) {
            snprintf(buf, n, "/usr/local");
            return buf;
        }
        *slash = '\0';
    }
    if (buf[0] == '\0')
        snprintf(buf, n, "/");
    return buf;
}

const char *kr_lib_dir(char *buf, size_t n)
{
    char prefix[KR_PATH_MAX], probe[KR_PATH_MAX + 32];
    kr_prefix_dir(prefix, sizeof prefix);
    snprintf(buf, n, "%s/lib/krait3.11", prefix);
    if (access(buf, F_OK) == 0)
        return buf;
    snprintf(buf, n, "%s/lib", prefix);
    snprintf(probe, sizeof probe, "%s/krait_site.py", buf);
    if (access(probe, F_OK) == 0)
        return buf;
    return NULL;
}
