/* getpath.h: locating the executable, the prefix and the library folders
 * (modules/getpath.c).  Each writes into the caller's buffer and returns
 * it (kr_lib_dir returns NULL when there is no such folder). */
#ifndef KR_GETPATH_H
#define KR_GETPATH_H
#ifndef KR_BUILD_CORE
#error "internal header"
#endif

/* The CPython 3.11 standard library, as Debian's libpython3.11-stdlib installs it. */
#define KR_STDLIB_DIR "/usr/lib/python3.11"
#define KR_PATH_MAX 4096

const char *kr_executable_path(char *buf, size_t n);
const char *kr_prefix_dir(char *buf, size_t n);
const char *kr_lib_dir(char *buf, size_t n);

#endif
