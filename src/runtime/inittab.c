/* inittab.c: PyImport_AppendInittab / PyImport_ExtendInittab, the C API
 * by which an embedding application adds its own built-in modules.
 *
 * This is process configuration, not run-time state: CPython requires
 * these calls before Py_Initialize, and so does Krait.  The table is
 * written only before the first context exists (checked), and read-only
 * after that, so contexts never race on it.  It is the one process-wide
 * table an application may change, and only during start-up. */
#include "internal.h"
#include "runtime/import.h"

static struct _inittab *extra_table;       /* NULL-terminated, or NULL */
static size_t extra_count;
static pthread_mutex_t extra_lock = PTHREAD_MUTEX_INITIALIZER;

/* CPython exports PyImport_Inittab; Krait's own modules are not in it
 * (they are in kr_builtin_modules), so it holds only the embedder's. */
struct _inittab *PyImport_Inittab = NULL;

int PyImport_ExtendInittab(struct _inittab *newtab)
{
    if (Py_IsInitialized()) {
        Py_FatalError("PyImport_ExtendInittab() may not be called after Py_Initialize()");
    }
    size_t n = 0;
    while (newtab[n].name != NULL)
        n++;
    if (n == 0)
        return 0;
    pthread_mutex_lock(&extra_lock);
    struct _inittab *t = realloc(extra_table, (extra_count + n + 1) * sizeof *t);
    if (t == NULL) {
        pthread_mutex_unlock(&extra_lock);
        return -1;
    }
    memcpy(t + extra_count, newtab, n * sizeof *t);
    extra_count += n;
    t[extra_count].name = NULL;
    t[extra_count].initfunc = NULL;
    extra_table = t;
    PyImport_Inittab = t;
    pthread_mutex_unlock(&extra_lock);
    return 0;
}

int PyImport_AppendInittab(const char *name, PyObject *(*initfunc)(void))
{
    struct _inittab entry[2] = {{name, initfunc}, {NULL, NULL}};
    return PyImport_ExtendInittab(entry);
}

const struct _inittab *kr_inittab_extra(void)
{
    return extra_table;
}
