/* isolation.c: the registry of native-module libraries and the policy
 * that decides which copy of a library a context uses (isolation.h,
 * docs/isolation.md, design section 5).
 *
 * This file holds the one piece of mutable process-wide state in the
 * runtime that is not immutable after start-up: the list of loaded
 * extension libraries.  It cannot live in a context because the thing it
 * describes, the dynamic loader's set of mapped libraries, is itself
 * process-wide: a library one context dlopens is the library every
 * context gets from dlopen.  `registry_lock` guards every field below; it
 * is never held while Python code or a module's PyInit runs, and never
 * taken by a thread that waits for a context lock while holding it.
 *
 * A library is identified by its file (device and inode), so two paths to
 * one file are one library.  Its kind is learnt from the first PyInit
 * call: a PyModuleDef (multi-phase) makes it shared by every context; a
 * module object (single-phase) means C globals, so the library belongs to
 * one context (`owner`) and other contexts use private copies made by
 * make_private_copy (file copy + ELF renames, embed/elfpatch.c). */
#include "internal.h"
#include "embed/isolation.h"
#include "embed/elfpatch.h"
#include <dlfcn.h>
#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>

#define KR_ISO_MAX_FILES 32   /* a module plus the libraries beside it */

typedef struct kr_iso_copy {
    struct kr_context *ctx;
    void *handle;
    struct kr_iso_copy *next;
} kr_iso_copy;

struct kr_iso_lib {
    dev_t dev;
    ino_t ino;
    char *path;                    /* as first imported (for reloading) */
    void *handle;                  /* the library as found; NULL when unloaded */
    kr_iso_kind kind;
    struct kr_context *owner;      /* single-phase: the context using `handle` */
    PyThreadState *deciding;       /* thread running the deciding PyInit */
    int stale;                     /* `handle` kept globals of a closed context */
    kr_iso_copy *copies;           /* private copies, one per other context */
    struct kr_iso_lib *next;
};

static pthread_mutex_t registry_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t registry_decided = PTHREAD_COND_INITIALIZER;
static struct kr_iso_lib *registry_libs;
static unsigned long registry_serial;   /* makes private names unique */

static void load_error(PyObject *name, const char *path, const char *fmt, ...)
{
    va_list va;
    va_start(va, fmt);
    PyObject *msg = PyUnicode_FromFormatV(fmt, va);
    va_end(va);
    PyObject *p = msg ? PyUnicode_DecodeFSDefault(path) : NULL;
    if (p != NULL)
        PyErr_SetImportError(msg, name, p);
    Py_XDECREF(p);
    Py_XDECREF(msg);
}

static int dl_flags(void)
{
    struct kr_context *ctx = kr_context_get();
    return (ctx ? ctx->mods.dlopen_flags : RTLD_NOW) | RTLD_LOCAL;
}

/* ---- private copies ---- */

typedef struct {
    char src[4096];     /* the file in the module's folder */
    char dest[256];     /* its name in the private folder */
    int preload;        /* a needed library: loaded before the module */
} kr_iso_file;

typedef struct {
    kr_iso_file files[KR_ISO_MAX_FILES];
    int nfiles;
    char names[2 * KR_ISO_MAX_FILES][2][256];   /* renames: old, new */
    int nnames;
    char dir[4096];
    char dest[KR_ISO_MAX_FILES][4400];   /* dir/files[i].dest */
    char err[512];
} kr_iso_plan;

static const char *plan_rename_of(kr_iso_plan *p, const char *old)
{
    for (int i = 0; i < p->nnames; i++)
        if (strcmp(p->names[i][0], old) == 0)
            return p->names[i][1];
    return NULL;
}

/* Adds a rename of `old` to a fresh name of the same length.  The new
 * name, or NULL (message in p->err). */
static const char *plan_rename(kr_iso_plan *p, const char *old)
{
    const char *have = plan_rename_of(p, old);
    if (have != NULL)
        return have;
    if (p->nnames == 2 * KR_ISO_MAX_FILES || strlen(old) >= sizeof p->names[0][0]) {
        snprintf(p->err, sizeof p->err, "too many or too long library names");
        return NULL;
    }
    char *dst = p->names[p->nnames][1];
    do {
        if (kr_elf_unique_name(old, registry_serial++, dst, sizeof p->names[0][1]) < 0) {
            snprintf(p->err, sizeof p->err,
                     "library name %s is too short to be given a unique private name", old);
            return NULL;
        }
    } while (strcmp(dst, old) == 0);
    snprintf(p->names[p->nnames][0], sizeof p->names[0][0], "%s", old);
    p->nnames++;
    return dst;
}

/* Lists the module file and, transitively, the libraries it needs that
 * sit in its folder, with the renames that give each a new identity. */
static int plan_files(kr_iso_plan *p, const char *path)
{
    const char *slash = strrchr(path, '/');
    size_t dirlen = slash ? (size_t)(slash - path) : 0;
    snprintf(p->files[0].src, sizeof p->files[0].src, "%s", path);
    snprintf(p->files[0].dest, sizeof p->files[0].dest, "%s", slash ? slash + 1 : path);
    p->nfiles = 1;
    for (int i = 0; i < p->nfiles; i++) {
        size_t len;
        unsigned char *buf = kr_elf_read_file(p->files[i].src, &len, p->err, sizeof p->err);
        if (buf == NULL)
            return -1;
        kr_elf_names names;
        if (kr_elf_read_names(buf, len, &names, p->err, sizeof p->err) < 0) {
            free(buf);
            return -1;
        }
        int ok = 1;
        if (names.soname != 0 && plan_rename(p, (const char *)buf + names.soname) == NULL)
            ok = 0;
        for (int k = 0; ok && k < names.nneeded; k++) {
            const char *need = (const char *)buf + names.needed[k];
            char dep[4096];
            struct stat st;
            if (strchr(need, '/') != NULL ||
                snprintf(dep, sizeof dep, "%.*s/%s", slash ? (int)dirlen : 1, slash ? path : ".",
                         need) >= (int)sizeof dep ||
                stat(dep, &st) < 0 || !S_ISREG(st.st_mode))
                continue;   /* not shipped beside the module: shared */
            if (plan_rename_of(p, need) != NULL)
                continue;   /* already planned */
            const char *new_name = plan_rename(p, need);
            if (new_name == NULL || p->nfiles == KR_ISO_MAX_FILES) {
                if (new_name != NULL)
                    snprintf(p->err, sizeof p->err, "the module needs too many libraries");
                ok = 0;
                break;
            }
            kr_iso_file *f = &p->files[p->nfiles++];
            snprintf(f->src, sizeof f->src, "%s", dep);
            snprintf(f->dest, sizeof f->dest, "%s", new_name);
            f->preload = 1;
        }
        free(buf);
        if (!ok)
            return -1;
    }
    return 0;
}

/* A new private folder (mode 0700) under the cache root:
 * $XDG_CACHE_HOME/krait, else $TMPDIR (or /tmp)/krait-UID. */
static int make_private_dir(kr_iso_plan *p)
{
    char root[3800];
    const char *xdg = getenv("XDG_CACHE_HOME");
    const char *tmp = getenv("TMPDIR");
    if (xdg != NULL && xdg[0] == '/') {
        if (mkdir(xdg, 0700) < 0 && errno != EEXIST) {
            snprintf(p->err, sizeof p->err, "cannot create %.300s: %s", xdg, strerror(errno));
            return -1;
        }
        snprintf(root, sizeof root, "%s/krait", xdg);
    } else {
        snprintf(root, sizeof root, "%s/krait-%lu", tmp && tmp[0] == '/' ? tmp : "/tmp",
                 (unsigned long)getuid());
    }
    if (mkdir(root, 0700) < 0 && errno != EEXIST) {
        snprintf(p->err, sizeof p->err, "cannot create %.300s: %s", root, strerror(errno));
        return -1;
    }
    /* The folder may predate us: it must be ours and private, or another
     * user could swap the libraries we are about to load. */
    struct stat st;
    if (lstat(root, &st) < 0 || !S_ISDIR(st.st_mode) || st.st_uid != getuid() ||
        (st.st_mode & 077) != 0) {
        snprintf(p->err, sizeof p->err,
                 "%.300s is not a private folder owned by this user", root);
        return -1;
    }
    snprintf(p->dir, sizeof p->dir, "%s/%ld-%lu-XXXXXX", root, (long)getpid(), registry_serial++);
    if (mkdtemp(p->dir) == NULL) {
        snprintf(p->err, sizeof p->err, "cannot create a folder in %.300s: %s", root, strerror(errno));
        return -1;
    }
    return 0;
}

static void remove_private_dir(kr_iso_plan *p)
{
    char f[4400];
    for (int i = 0; i < p->nfiles; i++) {
        snprintf(f, sizeof f, "%s/%s", p->dir, p->files[i].dest);
        unlink(f);
    }
    rmdir(p->dir);
}

/* Copies the module at `path` and its libraries into a new private folder
 * with new ELF names, and loads the copy.  The files are removed once
 * loaded (a mapped library needs no file), so nothing is left behind even
 * if the process is killed later.  The handle, or NULL with p->err set.
 * Called with registry_lock held (the serial counter is guarded by it). */
static void *make_private_copy(kr_iso_plan *p, const char *path)
{
    if (plan_files(p, path) < 0 || make_private_dir(p) < 0)
        return NULL;
    kr_elf_rename renames[2 * KR_ISO_MAX_FILES];
    for (int i = 0; i < p->nnames; i++) {
        renames[i].from = p->names[i][0];
        renames[i].to = p->names[i][1];
    }
    char (*dest)[4400] = p->dest;
    void *pre[KR_ISO_MAX_FILES] = {0};
    void *handle = NULL;
    int copied = 0;
    for (; copied < p->nfiles; copied++) {
        snprintf(dest[copied], sizeof dest[copied], "%s/%s", p->dir, p->files[copied].dest);
        if (kr_elf_copy_renamed(p->files[copied].src, dest[copied], renames, (size_t)p->nnames,
                                p->err, sizeof p->err) < 0)
            goto out;
    }
    /* Libraries beside the module are loaded first by path, so that the
     * module's renamed DT_NEEDED entries find them by their new SONAMEs
     * even without an $ORIGIN run path.  A library needing another one
     * not loaded yet fails and is retried in the next round. */
    int progress = 1;
    while (progress) {
        progress = 0;
        for (int i = 1; i < p->nfiles; i++) {
            if (pre[i] == NULL && (pre[i] = dlopen(dest[i], RTLD_NOW | RTLD_LOCAL)) != NULL)
                progress = 1;
        }
    }
    handle = dlopen(dest[0], dl_flags());
    if (handle == NULL) {
        const char *e = dlerror();
        snprintf(p->err, sizeof p->err, "%s", e ? e : "dlopen failed");
    }
out:
    /* The module holds its own references to the libraries it needs. */
    for (int i = 1; i < p->nfiles; i++)
        if (pre[i] != NULL)
            dlclose(pre[i]);
    remove_private_dir(p);
    return handle;
}

/* ---- the registry ---- */

static struct kr_iso_lib *find_lib(const struct stat *st)
{
    for (struct kr_iso_lib *l = registry_libs; l != NULL; l = l->next)
        if (l->dev == st->st_dev && l->ino == st->st_ino)
            return l;
    return NULL;
}

static kr_iso_copy *find_copy(struct kr_iso_lib *lib, struct kr_context *ctx)
{
    for (kr_iso_copy *c = lib->copies; c != NULL; c = c->next)
        if (c->ctx == ctx)
            return c;
    return NULL;
}

/* Opens the library as found unless it is open.  0, or -1 with the
 * loader's message in err. */
static int ensure_loaded(struct kr_iso_lib *lib, char *err, size_t errlen)
{
    if (lib->handle != NULL)
        return 0;
    lib->handle = dlopen(lib->path, dl_flags());
    if (lib->handle == NULL) {
        const char *e = dlerror();
        snprintf(err, errlen, "%s", e ? e : "dlopen failed");
        return -1;
    }
    return 0;
}

/* Waits, with the context lock released, until no other thread is
 * deciding lib's kind.  Called and returns with registry_lock held. */
static void wait_decided(struct kr_iso_lib *lib, PyThreadState *me)
{
    while (lib->deciding != NULL && lib->deciding != me) {
        pthread_mutex_unlock(&registry_lock);
        PyThreadState *ts = PyEval_SaveThread();
        pthread_mutex_lock(&registry_lock);
        while (lib->deciding != NULL && lib->deciding != me)
            pthread_cond_wait(&registry_decided, &registry_lock);
        pthread_mutex_unlock(&registry_lock);
        PyEval_RestoreThread(ts);
        pthread_mutex_lock(&registry_lock);
    }
}

int kr_isolation_acquire(PyObject *name, const char *path, kr_iso_load *load)
{
    struct kr_context *ctx = kr_context_get();
    PyThreadState *me = kr_tstate_get();
    memset(load, 0, sizeof(*load));
    struct stat st;
    if (stat(path, &st) < 0) {
        load_error(name, path, "cannot load native module %R from %s: %s", name, path,
                   strerror(errno));
        return -1;
    }
    char err[512] = "";
    kr_iso_plan *plan = NULL;
    pthread_mutex_lock(&registry_lock);
    struct kr_iso_lib *lib = find_lib(&st);
    if (lib == NULL) {
        lib = calloc(1, sizeof(*lib));
        char *p = lib ? strdup(path) : NULL;
        if (p == NULL) {
            free(lib);
            pthread_mutex_unlock(&registry_lock);
            PyErr_NoMemory();
            return -1;
        }
        lib->dev = st.st_dev;
        lib->ino = st.st_ino;
        lib->path = p;
        lib->next = registry_libs;
        registry_libs = lib;
    }
    wait_decided(lib, me);
    load->lib = lib;
    int status = 0;   /* 0 ok, -1 load error (err), -2 refused */
    kr_iso_copy *copy;
    if (lib->deciding == me) {
        /* PyInit imports its own module again: the same library */
        status = ensure_loaded(lib, err, sizeof err);
        load->handle = lib->handle;
    } else if (lib->kind == KR_ISO_UNKNOWN) {
        status = ensure_loaded(lib, err, sizeof err);
        if (status == 0) {
            lib->deciding = me;
            load->deciding = 1;
            load->handle = lib->handle;
        }
    } else if (lib->kind == KR_ISO_MULTI || lib->owner == ctx) {
        status = ensure_loaded(lib, err, sizeof err);
        load->handle = lib->handle;
    } else if ((copy = find_copy(lib, ctx)) != NULL) {
        load->handle = copy->handle;
        load->private_copy = 1;
    } else if (lib->owner == NULL && (!lib->stale || !ctx->options.isolate_native_modules)) {
        /* Free again: a fresh load when the closed owner's copy could be
         * unloaded, else its globals as left (isolation off). */
        status = ensure_loaded(lib, err, sizeof err);
        if (status == 0) {
            lib->owner = ctx;
            load->handle = lib->handle;
        }
    } else if (!ctx->options.isolate_native_modules) {
        status = -2;
    } else {
        copy = calloc(1, sizeof(*copy));
        plan = copy ? calloc(1, sizeof(*plan)) : NULL;
        if (plan == NULL) {
            free(copy);
            snprintf(err, sizeof err, "out of memory");
            status = -1;
        } else if ((copy->handle = make_private_copy(plan, lib->path)) == NULL) {
            snprintf(err, sizeof err, "cannot make a private copy of the library: %.400s", plan->err);
            free(copy);
            status = -1;
        } else {
            copy->ctx = ctx;
            copy->next = lib->copies;
            lib->copies = copy;
            load->handle = copy->handle;
            load->private_copy = 1;
        }
        free(plan);
    }
    pthread_mutex_unlock(&registry_lock);
    if (status == -1) {
        load_error(name, path, "cannot load native module %R from %s: %s", name, path, err);
        return -1;
    }
    if (status == -2) {
        load_error(name, path,
                   "cannot import native module %R in this context: it keeps global C state "
                   "(single-phase initialisation) and is already loaded by another context; "
                   "create the contexts with the isolate_native_modules option on to give "
                   "each its own copy of the library", name);
        return -1;
    }
    return 0;
}

void kr_isolation_settle(kr_iso_load *load, kr_iso_kind kind)
{
    if (load->lib == NULL || !load->deciding)
        return;
    pthread_mutex_lock(&registry_lock);
    struct kr_iso_lib *lib = load->lib;
    lib->kind = kind;
    if (kind == KR_ISO_SINGLE)
        lib->owner = kr_context_get();
    lib->deciding = NULL;
    pthread_cond_broadcast(&registry_decided);
    pthread_mutex_unlock(&registry_lock);
    load->deciding = 0;
}

void kr_isolation_context_closed(struct kr_context *ctx)
{
    pthread_mutex_lock(&registry_lock);
    for (struct kr_iso_lib *lib = registry_libs; lib != NULL; lib = lib->next) {
        kr_iso_copy **pc = &lib->copies;
        while (*pc != NULL) {
            kr_iso_copy *c = *pc;
            if (c->ctx != ctx) {
                pc = &c->next;
                continue;
            }
            *pc = c->next;
            dlclose(c->handle);
            free(c);
        }
        if (lib->kind != KR_ISO_SINGLE || lib->owner != ctx)
            continue;
        lib->owner = NULL;
        /* Unloading gives the next context fresh globals.  The loader may
         * keep the library (another library needs it, or it is marked
         * NODELETE): then its globals are stale. */
        dlclose(lib->handle);
        lib->handle = NULL;
        void *still = dlopen(lib->path, RTLD_NOW | RTLD_NOLOAD);
        if (still != NULL) {
            lib->handle = still;
            lib->stale = 1;
        } else {
            lib->stale = 0;
        }
    }
    pthread_mutex_unlock(&registry_lock);
}
