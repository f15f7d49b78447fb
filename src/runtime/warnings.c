/* warnings.c: issuing warnings from C and the `_warnings` module, the C
 * half of the stdlib's `warnings` (warn, warn_explicit, filters,
 * _defaultaction, _onceregistry, _filters_mutated).
 *
 * The filters are per context, with 3.11's defaults: DeprecationWarning
 * shown in __main__ only; PendingDeprecationWarning, ImportWarning and
 * ResourceWarning ignored.  -W options are added in front.  A warning is
 * shown at most once per location through the module's
 * __warningregistry__ (invalidated when the filters change), printed as
 * "file:line: Category: message" plus the source line, unless the Python
 * `warnings` module is loaded, whose _showwarnmsg then takes over. */
#include "internal.h"
#include "runtime/runtime.h"
#include "objects/str_ids.h"
#include "frameobject.h"

static struct kr_runtime_state *rt(void) { return &kr_context_get()->rt; }

static PyObject *make_filter(const char *action, PyObject *msg, PyObject *cat, PyObject *mod,
                             long lineno)
{
    return Py_BuildValue("(sOOOl)", action, msg ? msg : Py_None, cat, mod ? mod : Py_None, lineno);
}

int kr_warnings_init(struct kr_context *c)
{
    c->rt.filters = PyList_New(0);
    c->rt.onceregistry = PyDict_New();
    c->rt.default_action = PyUnicode_FromString("default");
    if (c->rt.filters == NULL || c->rt.onceregistry == NULL || c->rt.default_action == NULL)
        return -1;
    PyObject *main = PyUnicode_FromString("__main__");
    if (main == NULL)
        return -1;
    PyObject *f[5] = {
        make_filter("default", NULL, PyExc_DeprecationWarning, main, 0),
        make_filter("ignore", NULL, PyExc_DeprecationWarning, NULL, 0),
        make_filter("ignore", NULL, PyExc_PendingDeprecationWarning, NULL, 0),
        make_filter("ignore", NULL, PyExc_ImportWarning, NULL, 0),
        make_filter("ignore", NULL, PyExc_ResourceWarning, NULL, 0),
    };
    Py_DECREF(main);
    int r = 0;
    for (int i = 0; i < 5; i++) {
        if (f[i] == NULL || PyList_Append(c->rt.filters, f[i]) < 0)
            r = -1;
        Py_XDECREF(f[i]);
    }
    return r;
}

void kr_warnings_fini(struct kr_context *c)
{
    Py_CLEAR(c->rt.filters);
    Py_CLEAR(c->rt.onceregistry);
    Py_CLEAR(c->rt.default_action);
}

/* ---- -W options ---- */

/* The message field of a -W option matches as the warnings module's
 * re.compile(re.escape(message), re.I) does: a case-insensitive prefix.
 * This small matcher stands in for the compiled pattern (check_matched
 * calls its match method), so -W works before `re` can be imported. */
typedef struct {
    PyObject_HEAD
    PyObject *text;   /* the message, lower-cased */
    PyObject *orig;
} kr_wmatcher;

static PyObject *wmatcher_match(PyObject *self, PyObject *arg)
{
    kr_wmatcher *m = (kr_wmatcher *)self;
    if (!PyUnicode_Check(arg))
        Py_RETURN_NONE;
    PyObject *low = PyObject_CallMethod(arg, "lower", NULL);
    if (low == NULL)
        return NULL;
    Py_ssize_t r = PyUnicode_Tailmatch(low, m->text, 0, PY_SSIZE_T_MAX, -1);
    Py_DECREF(low);
    if (r < 0)
        return NULL;
    return Py_NewRef(r ? Py_True : Py_None);
}

static PyObject *wmatcher_repr(PyObject *self)
{
    kr_wmatcher *m = (kr_wmatcher *)self;
    /* re.escape's special characters get a backslash */
    static const char special[] = "()[]{}?*+-|^$\\.&~# \t\n\r\v\f";
    PyObject *parts = PyList_New(0);
    Py_ssize_t n = PyUnicode_GET_LENGTH(m->orig);
    for (Py_ssize_t i = 0; parts != NULL && i < n; i++) {
        Py_UCS4 ch = PyUnicode_READ_CHAR(m->orig, i);
        PyObject *piece = (ch < 128 && ch && strchr(special, (int)ch))
                          ? PyUnicode_FromFormat("\\%c", (int)ch)
                          : PyUnicode_Substring(m->orig, i, i + 1);
        if (piece == NULL || PyList_Append(parts, piece) < 0)
            Py_CLEAR(parts);
        Py_XDECREF(piece);
    }
    if (parts == NULL)
        return NULL;
    PyObject *empty = PyUnicode_FromString("");
    PyObject *pat = empty ? PyUnicode_Join(empty, parts) : NULL;
    Py_XDECREF(empty);
    Py_DECREF(parts);
    if (pat == NULL)
        return NULL;
    PyObject *r = PyUnicode_FromFormat("re.compile(%R, re.IGNORECASE)", pat);
    Py_DECREF(pat);
    return r;
}

static void wmatcher_dealloc(PyObject *self)
{
    kr_wmatcher *m = (kr_wmatcher *)self;
    Py_XDECREF(m->text);
    Py_XDECREF(m->orig);
    PyObject_Free(self);
}

static PyMethodDef wmatcher_methods[] = {
    {"match", wmatcher_match, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

PyTypeObject kr_warnings_matcher_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_warnings._OptionMatcher",
    .tp_basicsize = sizeof(kr_wmatcher),
    .tp_dealloc = wmatcher_dealloc,
    .tp_repr = wmatcher_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_methods = wmatcher_methods,
};

static PyObject *wmatcher_new(const char *s, size_t n)
{
    PyObject *orig = PyUnicode_FromStringAndSize(s, (Py_ssize_t)n);
    if (orig == NULL)
        return NULL;
    PyObject *low = PyObject_CallMethod(orig, "lower", NULL);
    kr_wmatcher *m = low ? PyObject_New(kr_wmatcher, &kr_warnings_matcher_type) : NULL;
    if (m == NULL) {
        Py_DECREF(orig);
        Py_XDECREF(low);
        return NULL;
    }
    m->text = low;
    m->orig = orig;
    return (PyObject *)m;
}

static const char *const kr_actions[] = {"default", "always", "ignore", "module", "once", "error", NULL};

static PyObject *category_by_name(const char *name, size_t n)
{
    char buf[256];
    if (n == 0)
        return Py_NewRef(PyExc_Warning);
    if (n >= sizeof(buf))
        return NULL;
    memcpy(buf, name, n);
    buf[n] = '\0';
    PyObject *cat = NULL;
    const char *dot = strrchr(buf, '.');
    if (dot == NULL) {
        PyObject *b = PyImport_AddModule("builtins");
        cat = b ? PyObject_GetAttrString(b, buf) : NULL;
    }
    else {
        PyObject *modname = PyUnicode_FromStringAndSize(buf, dot - buf);
        PyObject *m = modname ? PyImport_Import(modname) : NULL;
        Py_XDECREF(modname);
        cat = m ? PyObject_GetAttrString(m, dot + 1) : NULL;
        Py_XDECREF(m);
    }
    if (cat == NULL) {
        PyErr_Clear();
        return NULL;
    }
    if (!PyType_Check(cat) || !PyType_IsSubtype((PyTypeObject *)cat, (PyTypeObject *)PyExc_Warning)) {
        Py_DECREF(cat);
        return NULL;
    }
    return cat;
}

/* "Invalid -W option ignored: ..." as the warnings module prints it. */
static int bad_option(const char *why, const char *arg)
{
    fprintf(stderr, "Invalid -W option ignored: %s%s%s\n", why, arg ? ": " : "", arg ? arg : "");
    return 0;
}

int kr_warnings_add_option(const char *opt)
{
    struct kr_context *c = kr_context_get();
    if (c == NULL || c->rt.filters == NULL)
        return -1;
    const char *parts[5] = {"", "", "", "", ""};
    size_t lens[5] = {0, 0, 0, 0, 0};
    const char *p = opt;
    int np = 0;
    while (np < 5) {
        const char *colon = strchr(p, ':');
        parts[np] = p;
        lens[np] = colon ? (size_t)(colon - p) : strlen(p);
        np++;
        if (colon == NULL)
            break;
        p = colon + 1;
        if (np == 5)
            return bad_option("too many fields", opt);
    }
    /* fields are stripped of surrounding blanks */
    for (int i = 0; i < 5; i++) {
        while (lens[i] && (parts[i][0] == ' ' || parts[i][0] == '\t')) {
            parts[i]++;
            lens[i]--;
        }
        while (lens[i] && (parts[i][lens[i] - 1] == ' ' || parts[i][lens[i] - 1] == '\t'))
            lens[i]--;
    }
    const char *action = NULL;
    if (lens[0] == 0)
        action = "default";
    for (int i = 0; action == NULL && kr_actions[i]; i++)
        if (strncmp(kr_actions[i], parts[0], lens[0]) == 0)
            action = kr_actions[i];
    if (action == NULL) {
        char buf[128];
        snprintf(buf, sizeof(buf), "%.*s", (int)lens[0], parts[0]);
        return bad_option("invalid action", buf);
    }
    long lineno = 0;
    if (lens[4]) {
        char *end;
        char buf[32];
        snprintf(buf, sizeof(buf), "%.*s", (int)lens[4], parts[4]);
        lineno = strtol(buf, &end, 10);
        if (*end != '\0' || lineno < 0)
            return bad_option("invalid lineno", buf);
    }
    PyObject *cat = category_by_name(parts[2], lens[2]);
    if (cat == NULL) {
        char buf[256];
        snprintf(buf, sizeof(buf), "%.*s", (int)lens[2], parts[2]);
        return bad_option("unknown warning category", buf);
    }
    PyObject *msg = lens[1] ? wmatcher_new(parts[1], lens[1]) : NULL;
    PyObject *mod = lens[3] ? PyUnicode_FromStringAndSize(parts[3], (Py_ssize_t)lens[3]) : NULL;
    PyObject *f = make_filter(action, msg, cat, mod, lineno);
    Py_XDECREF(msg);
    Py_XDECREF(mod);
    Py_DECREF(cat);
    if (f == NULL)
        return -1;
    int r = PyList_Insert(c->rt.filters, 0, f);
    Py_DECREF(f);
    c->rt.filters_version++;
    return r;
}

/* ---- matching ---- */

static int check_matched(PyObject *obj, PyObject *arg)
{
    if (obj == Py_None)
        return 1;
    if (PyUnicode_CheckExact(obj)) {
        int cmp = PyUnicode_Compare(obj, arg);
        if (cmp == -1 && PyErr_Occurred())
            return -1;
        return cmp == 0;
    }
    PyObject *r = PyObject_CallMethod(obj, "match", "O", arg);
    if (r == NULL)
        return -1;
    int t = PyObject_IsTrue(r);
    Py_DECREF(r);
    return t;
}

/* The filter list in use: warnings.filters if the Python module replaced
 * it, else the context's.  Borrowed. */
static PyObject *current_filters(void)
{
    PyObject *modules = PyImport_GetModuleDict();
    PyObject *w = modules ? PyDict_GetItemString(modules, "warnings") : NULL;
    if (w != NULL) {
        PyObject *f = PyObject_GetAttrString(w, "filters");
        if (f == NULL) {
            PyErr_Clear();
        }
        else if (PyList_Check(f) && f != rt()->filters) {
            Py_SETREF(rt()->filters, f);
            rt()->filters_version++;
        }
        else {
            Py_DECREF(f);
        }
    }
    return rt()->filters;
}

/* The action for a warning (new reference), setting *item to the filter. */
static PyObject *get_filter(PyObject *category, PyObject *text, Py_ssize_t lineno, PyObject *module,
                            PyObject **item)
{
    PyObject *filters = current_filters();
    *item = Py_None;
    if (filters == NULL || !PyList_Check(filters)) {
        PyErr_SetString(PyExc_ValueError, "_warnings.filters must be a list");
        return NULL;
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(filters); i++) {
        PyObject *tmp = PyList_GET_ITEM(filters, i);
        if (!PyTuple_Check(tmp) || PyTuple_GET_SIZE(tmp) != 5) {
            PyErr_Format(PyExc_ValueError, "_warnings.filters item %zd isn't a 5-tuple", i);
            return NULL;
        }
        Py_INCREF(tmp);
        PyObject *action = PyTuple_GET_ITEM(tmp, 0), *msg = PyTuple_GET_ITEM(tmp, 1);
        PyObject *cat = PyTuple_GET_ITEM(tmp, 2), *mod = PyTuple_GET_ITEM(tmp, 3);
        PyObject *ln_obj = PyTuple_GET_ITEM(tmp, 4);
        if (!PyUnicode_Check(action)) {
            PyErr_Format(PyExc_TypeError, "action must be a string, not '%.200s'", Py_TYPE(action)->tp_name);
            Py_DECREF(tmp);
            return NULL;
        }
        int good_msg = check_matched(msg, text);
        int good_mod = good_msg > 0 ? check_matched(mod, module) : 0;
        int is_sub = (good_msg > 0 && good_mod > 0) ? PyObject_IsSubclass(category, cat) : 0;
        Py_ssize_t ln = PyLong_AsSsize_t(ln_obj);
        if (good_msg < 0 || good_mod < 0 || is_sub < 0 || (ln == -1 && PyErr_Occurred())) {
            Py_DECREF(tmp);
            return NULL;
        }
        if (good_msg && good_mod && is_sub && (ln == 0 || lineno == ln)) {
            *item = tmp;   /* the caller releases it */
            return Py_NewRef(action);
        }
        Py_DECREF(tmp);
    }
    PyObject *modules = PyImport_GetModuleDict();
    PyObject *w = modules ? PyDict_GetItemString(modules, "warnings") : NULL;
    PyObject *dflt = w ? PyObject_GetAttrString(w, "defaultaction") : NULL;
    if (dflt != NULL && PyUnicode_Check(dflt))
        return dflt;
    Py_XDECREF(dflt);
    PyErr_Clear();
    return Py_NewRef(rt()->default_action);
}

static int already_warned(PyObject *registry, PyObject *key, int should_set)
{
    if (key == NULL || registry == NULL || registry == Py_None || !PyDict_Check(registry))
        return 0;
    PyObject *version = PyDict_GetItemString(registry, "version");
    long cur = rt()->filters_version;
    if (version == NULL || !PyLong_Check(version) || PyLong_AsLong(version) != cur) {
        PyDict_Clear(registry);
        PyObject *v = PyLong_FromLong(cur);
        if (v == NULL || PyDict_SetItemString(registry, "version", v) < 0) {
            Py_XDECREF(v);
            return -1;
        }
        Py_DECREF(v);
    }
    else {
        PyObject *already = PyDict_GetItemWithError(registry, key);
        if (already != NULL) {
            int t = PyObject_IsTrue(already);
            if (t != 0)
                return t;
        }
        else if (PyErr_Occurred()) {
            return -1;
        }
    }
    if (should_set)
        return PyDict_SetItem(registry, key, Py_True) < 0 ? -1 : 0;
    return 0;
}

static int update_registry(PyObject *registry, PyObject *text, PyObject *category, int add_zero)
{
    PyObject *key = Py_BuildValue("(OOi)", text, category, 0);
    if (key == NULL)
        return -1;
    int r = already_warned(registry, key, 1);
    Py_DECREF(key);
    return r;
}

/* The C printer: "file:line: Category: text" and the source line. */
static void show_warning(PyObject *filename, int lineno, PyObject *text, PyObject *category,
                         PyObject *sourceline)
{
    PyObject *name = PyObject_GetAttrString(category, "__name__");
    PyObject *f = PySys_GetObject("stderr");
    if (name == NULL || f == NULL || f == Py_None) {
        PyErr_Clear();
        Py_XDECREF(name);
        return;
    }
    Py_INCREF(f);
    PyObject *line = PyUnicode_FromFormat("%S:%d: %S: %S\n", filename, lineno, name, text);
    Py_DECREF(name);
    if (line == NULL || PyFile_WriteObject(line, f, Py_PRINT_RAW) < 0) {
        PyErr_Clear();
        Py_XDECREF(line);
        Py_DECREF(f);
        return;
    }
    Py_DECREF(line);
    PyObject *src = sourceline ? Py_NewRef(sourceline) : kr_source_line(filename, lineno);
    if (src != NULL) {
        PyObject *stripped = PyObject_CallMethod(src, "strip", NULL);
        if (stripped != NULL && PyUnicode_GET_LENGTH(stripped) > 0) {
            PyObject *out = PyUnicode_FromFormat("  %U\n", stripped);
            if (out == NULL || PyFile_WriteObject(out, f, Py_PRINT_RAW) < 0)
                PyErr_Clear();
            Py_XDECREF(out);
        }
        Py_XDECREF(stripped);
        Py_DECREF(src);
    }
    PyErr_Clear();
    Py_DECREF(f);
}

/* Show through warnings._showwarnmsg when the Python module is loaded. */
static int call_show_warning(PyObject *category, PyObject *text, PyObject *message,
                             PyObject *filename, int lineno, PyObject *sourceline, PyObject *source)
{
    PyObject *modules = PyImport_GetModuleDict();
    PyObject *w = modules ? PyDict_GetItemString(modules, "warnings") : NULL;
    PyObject *show = w ? PyObject_GetAttrString(w, "_showwarnmsg") : NULL;
    if (show == NULL) {
        PyErr_Clear();
        show_warning(filename, lineno, text, category, sourceline);
        return 0;
    }
    if (!PyCallable_Check(show)) {
        PyErr_SetString(PyExc_TypeError, "warnings._showwarnmsg() must be set to a callable");
        Py_DECREF(show);
        return -1;
    }
    PyObject *cls = PyObject_GetAttrString(w, "WarningMessage");
    PyObject *msg = cls ? PyObject_CallFunction(cls, "OOOiOOO", message, category, filename, lineno,
                                                Py_None, Py_None, source ? source : Py_None) : NULL;
    Py_XDECREF(cls);
    PyObject *r = msg ? PyObject_CallOneArg(show, msg) : NULL;
    Py_XDECREF(msg);
    Py_DECREF(show);
    if (r == NULL)
        return -1;
    Py_DECREF(r);
    return 0;
}

/* warn_explicit; returns a new reference to None, or NULL on error
 * (including a warning turned into an error). */
static PyObject *warn_explicit(PyObject *category, PyObject *message, PyObject *filename, int lineno,
                               PyObject *module, PyObject *registry, PyObject *sourceline,
                               PyObject *source)
{
    PyObject *key = NULL, *text = NULL, *result = NULL, *action = NULL, *item = NULL;
    if (registry != NULL && registry != Py_None && !PyDict_Check(registry)) {
        PyErr_Format(PyExc_TypeError, "'registry' must be a dict or None, not '%.200s'",
                     Py_TYPE(registry)->tp_name);
        return NULL;
    }
    if (module == NULL || module == Py_None) {
        /* derive it from the file name, minus ".py" */
        Py_ssize_t len = PyUnicode_GET_LENGTH(filename);
        if (len == 0)
            module = PyUnicode_FromString("<unknown>");
        else if (len >= 3 && PyUnicode_READ_CHAR(filename, len - 3) == '.' &&
                 PyUnicode_READ_CHAR(filename, len - 2) == 'p' &&
                 PyUnicode_READ_CHAR(filename, len - 1) == 'y')
            module = PyUnicode_Substring(filename, 0, len - 3);
        else
            module = Py_NewRef(filename);
        if (module == NULL)
            return NULL;
    }
    else {
        Py_INCREF(module);
    }
    Py_INCREF(message);
    if (PyObject_IsInstance(message, PyExc_Warning) > 0) {
        text = PyObject_Str(message);
        category = (PyObject *)Py_TYPE(message);
    }
    else {
        text = Py_NewRef(message);
        Py_SETREF(message, PyObject_CallOneArg(category, message));
    }
    if (text == NULL || message == NULL)
        goto done;
    key = Py_BuildValue("(OOi)", text, category, lineno);
    if (key == NULL)
        goto done;
    int aw = already_warned(registry, key, 0);
    if (aw < 0)
        goto done;
    if (aw > 0) {
        result = Py_NewRef(Py_None);
        goto done;
    }
    action = get_filter(category, text, lineno, module, &item);
    if (action == NULL)
        goto done;
    if (PyUnicode_CompareWithASCIIString(action, "error") == 0) {
        PyErr_SetObject(category, message);
        goto done;
    }
    if (PyUnicode_CompareWithASCIIString(action, "ignore") == 0) {
        result = Py_NewRef(Py_None);
        goto done;
    }
    int rc = 0;
    if (PyUnicode_CompareWithASCIIString(action, "always") != 0) {
        if (registry != NULL && registry != Py_None && PyDict_SetItem(registry, key, Py_True) < 0)
            goto done;
        if (PyUnicode_CompareWithASCIIString(action, "once") == 0) {
            PyObject *oncekey = Py_BuildValue("(OO)", text, category);
            if (oncekey == NULL)
                goto done;
            rc = already_warned(rt()->onceregistry, oncekey, 1);
            Py_DECREF(oncekey);
        }
        else if (PyUnicode_CompareWithASCIIString(action, "module") == 0) {
            if (registry != NULL && registry != Py_None)
                rc = update_registry(registry, text, category, 0);
        }
        else if (PyUnicode_CompareWithASCIIString(action, "default") != 0) {
            PyErr_Format(PyExc_RuntimeError, "Unrecognized action (%R) in warnings.filters:\n %R",
                         action, item);
            goto done;
        }
    }
    if (rc == 1) {
        result = Py_NewRef(Py_None);
        goto done;
    }
    if (rc == 0) {
        if (call_show_warning(category, text, message, filename, lineno, sourceline, source) < 0)
            goto done;
    }
    else {
        goto done;
    }
    result = Py_NewRef(Py_None);
done:
    Py_XDECREF(item != Py_None ? item : NULL);
    Py_XDECREF(action);
    Py_XDECREF(key);
    Py_XDECREF(text);
    Py_XDECREF(message);
    Py_XDECREF(module);
    return result;
}

/* The frame `stack_level` levels up: its file, line, module name and
 * registry (all new references). */
static int setup_context(Py_ssize_t stack_level, PyObject **filename, int *lineno,
                         PyObject **module, PyObject **registry)
{
    PyFrameObject *f = PyEval_GetFrame();   /* borrowed */
    Py_XINCREF(f);
    while (f != NULL && --stack_level > 0) {
        PyFrameObject *back = PyFrame_GetBack(f);
        Py_DECREF(f);
        f = back;
    }
    PyObject *globals;
    if (f == NULL) {
        globals = PySys_GetObject("__dict__");
        if (globals == NULL) {
            PyObject *sys = PyImport_AddModule("sys");
            globals = sys ? PyModule_GetDict(sys) : NULL;
        }
        Py_XINCREF(globals);
        *filename = PyUnicode_FromString("sys");
        *lineno = 1;
    }
    else {
        globals = PyFrame_GetGlobals(f);
        PyCodeObject *code = PyFrame_GetCode(f);
        *filename = code ? PyObject_GetAttrString((PyObject *)code, "co_filename") : NULL;
        Py_XDECREF(code);
        *lineno = PyFrame_GetLineNumber(f);
        Py_DECREF(f);
    }
    if (globals == NULL || *filename == NULL) {
        Py_XDECREF(globals);
        Py_CLEAR(*filename);
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_SystemError, "warnings: no context for the warning");
        return -1;
    }
    *registry = NULL;
    if (PyDict_Check(globals)) {
        *registry = PyDict_GetItemWithError(globals, KR_ID(__warningregistry__));
        if (*registry == NULL) {
            if (PyErr_Occurred())
                goto error;
            *registry = PyDict_New();
            if (*registry == NULL || PyDict_SetItem(globals, KR_ID(__warningregistry__), *registry) < 0)
                goto error;
        }
        else {
            Py_INCREF(*registry);
        }
        *module = PyDict_GetItemWithError(globals, KR_ID(__name__));
        if (*module != NULL && PyUnicode_Check(*module))
            Py_INCREF(*module);
        else {
            if (PyErr_Occurred())
                goto error;
            *module = PyUnicode_FromString("<string>");
        }
    }
    else {
        *registry = Py_NewRef(Py_None);
        *module = PyUnicode_FromString("<string>");
    }
    Py_DECREF(globals);
    return *module ? 0 : -1;
error:
    Py_XDECREF(*registry);
    Py_DECREF(globals);
    Py_CLEAR(*filename);
    return -1;
}

static PyObject *get_category(PyObject *message, PyObject *category)
{
    if (PyObject_IsInstance(message, PyExc_Warning) > 0)
        return (PyObject *)Py_TYPE(message);
    if (category == NULL || category == Py_None)
        return PyExc_UserWarning;
    if (!PyType_Check(category) || !PyType_IsSubtype((PyTypeObject *)category, (PyTypeObject *)PyExc_Warning)) {
        PyErr_Format(PyExc_TypeError, "category must be a Warning subclass, not '%s'",
                     Py_TYPE(category)->tp_name);
        return NULL;
    }
    return category;
}

static PyObject *do_warn(PyObject *message, PyObject *category, Py_ssize_t stack_level, PyObject *source)
{
    PyObject *filename, *module, *registry;
    int lineno;
    if (setup_context(stack_level, &filename, &lineno, &module, &registry) < 0)
        return NULL;
    PyObject *r = warn_explicit(category, message, filename, lineno, module, registry, NULL, source);
    Py_DECREF(filename);
    Py_DECREF(registry);
    Py_DECREF(module);
    return r;
}

/* ---- the C API ---- */

static int warn_unicode(PyObject *category, PyObject *message, Py_ssize_t stack_level, PyObject *source)
{
    if (category == NULL)
        category = PyExc_RuntimeWarning;
    PyObject *r = do_warn(message, category, stack_level, source);
    if (r == NULL)
        return -1;
    Py_DECREF(r);
    return 0;
}

int PyErr_WarnEx(PyObject *category, const char *text, Py_ssize_t stack_level)
{
    PyObject *message = PyUnicode_FromString(text);
    if (message == NULL)
        return -1;
    int r = warn_unicode(category, message, stack_level, NULL);
    Py_DECREF(message);
    return r;
}

static int warn_format(PyObject *category, Py_ssize_t stack_level, PyObject *source,
                       const char *format, va_list va)
{
    PyObject *message = PyUnicode_FromFormatV(format, va);
    if (message == NULL)
        return -1;
    int r = warn_unicode(category, message, stack_level, source);
    Py_DECREF(message);
    return r;
}

int PyErr_WarnFormat(PyObject *category, Py_ssize_t stack_level, const char *format, ...)
{
    va_list va;
    va_start(va, format);
    int r = warn_format(category, stack_level, NULL, format, va);
    va_end(va);
    return r;
}

int PyErr_ResourceWarning(PyObject *source, Py_ssize_t stack_level, const char *format, ...)
{
    va_list va;
    va_start(va, format);
    int r = warn_format(PyExc_ResourceWarning, stack_level, source, format, va);
    va_end(va);
    return r;
}

int PyErr_WarnExplicitObject(PyObject *category, PyObject *message, PyObject *filename, int lineno,
                             PyObject *module, PyObject *registry)
{
    if (category == NULL)
        category = PyExc_RuntimeWarning;
    PyObject *r = warn_explicit(category, message, filename, lineno, module, registry, NULL, NULL);
    if (r == NULL)
        return -1;
    Py_DECREF(r);
    return 0;
}

int PyErr_WarnExplicit(PyObject *category, const char *text, const char *filename_str, int lineno,
                       const char *module_str, PyObject *registry)
{
    PyObject *message = PyUnicode_FromString(text);
    PyObject *filename = message ? PyUnicode_DecodeFSDefault(filename_str) : NULL;
    PyObject *module = NULL;
    int r = -1;
    if (filename != NULL && module_str != NULL)
        module = PyUnicode_FromString(module_str);
    if (filename != NULL && (module_str == NULL || module != NULL))
        r = PyErr_WarnExplicitObject(category, message, filename, lineno, module, registry);
    Py_XDECREF(message);
    Py_XDECREF(filename);
    Py_XDECREF(module);
    return r;
}

int PyErr_WarnExplicitFormat(PyObject *category, const char *filename_str, int lineno,
                             const char *module_str, PyObject *registry, const char *format, ...)
{
    va_list va;
    va_start(va, format);
    PyObject *message = PyUnicode_FromFormatV(format, va);
    va_end(va);
    if (message == NULL)
        return -1;
    PyObject *filename = PyUnicode_DecodeFSDefault(filename_str);
    PyObject *module = module_str ? PyUnicode_FromString(module_str) : NULL;
    int r = -1;
    if (filename != NULL && (module_str == NULL || module != NULL))
        r = PyErr_WarnExplicitObject(category, message, filename, lineno, module, registry);
    Py_DECREF(message);
    Py_XDECREF(filename);
    Py_XDECREF(module);
    return r;
}

/* ---- the _warnings module ---- */

static PyObject *w_warn(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"message", "category", "stacklevel", "source", NULL};
    PyObject *message, *category = Py_None, *source = Py_None;
    Py_ssize_t stack_level = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|OnO:warn", kwlist, &message, &category,
                                     &stack_level, &source))
        return NULL;
    category = get_category(message, category);
    if (category == NULL)
        return NULL;
    return do_warn(message, category, stack_level, source == Py_None ? NULL : source);
}

static PyObject *w_warn_explicit(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"message", "category", "filename", "lineno", "module", "registry",
                             "module_globals", "source", NULL};
    PyObject *message, *category, *filename, *module = NULL, *registry = NULL;
    PyObject *module_globals = NULL, *source = NULL;
    int lineno;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OOUi|OOOO:warn_explicit", kwlist, &message,
                                     &category, &filename, &lineno, &module, &registry,
                                     &module_globals, &source))
        return NULL;
    return warn_explicit(category, message, filename, lineno, module, registry, NULL,
                         source == Py_None ? NULL : source);
}

static PyObject *w_filters_mutated(PyObject *m, PyObject *unused)
{
    rt()->filters_version++;
    Py_RETURN_NONE;
}

static PyMethodDef warnings_methods[] = {
    {"warn", (PyCFunction)(void (*)(void))w_warn, METH_VARARGS | METH_KEYWORDS,
     "Issue a warning, or maybe ignore it or raise an exception."},
    {"warn_explicit", (PyCFunction)(void (*)(void))w_warn_explicit, METH_VARARGS | METH_KEYWORDS,
     "Issue a warning, or maybe ignore it or raise an exception."},
    {"_filters_mutated", w_filters_mutated, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef warnings_module_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_warnings",
    .m_doc = "_warnings provides basic warning filtering support.\n"
             "It is a helper module to speed up interpreter start-up.",
    .m_size = -1,
    .m_methods = warnings_methods,
};

PyObject *kr_warnings_module_init(void)
{
    PyObject *m = PyModule_Create(&warnings_module_def);
    if (m == NULL)
        return NULL;
    struct kr_runtime_state *r = rt();
    if (PyModule_AddObjectRef(m, "filters", r->filters) < 0 ||
        PyModule_AddObjectRef(m, "_onceregistry", r->onceregistry) < 0 ||
        PyModule_AddObjectRef(m, "_defaultaction", r->default_action) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
