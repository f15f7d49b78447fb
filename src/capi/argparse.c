/* argparse.c: keyword-aware unpacking of vectorcall arguments for the
 * runtime's own C functions (see argparse.h).  The messages are those of
 * CPython 3.11's Argument Clinic parsers, which users and tests see. */
#include "internal.h"
#include "capi/argparse.h"

static int count_names(const char *const *names)
{
    int n = 0;
    while (names[n] != NULL)
        n++;
    return n;
}

/* The index of the parameter named `key` at or after `from`, or -1. */
static int find_param(const kr_argspec *spec, int n, int from, PyObject *key)
{
    for (int i = from; i < n; i++)
        if (kr_str_spells(key, spec->names[i]))
            return i;
    return -1;
}

/* The checks run in CPython's order, so that a call with several faults
 * reports the one CPython reports: counts first, then parameters left to
 * right (a missing required one), then keywords that matched nothing. */
int kr_args_unpack(const kr_argspec *spec, PyObject *const *args, Py_ssize_t nargs,
                   PyObject *kwnames, PyObject **out)
{
    int n = count_names(spec->names);
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    int reqpos = spec->nrequired < spec->max_pos ? spec->nrequired : spec->max_pos;
    int minposonly = spec->npos_only < reqpos ? spec->npos_only : reqpos;

    if (nargs + nkw > n) {
        PyErr_Format(PyExc_TypeError, "%s() takes at most %d %sargument%s (%zd given)",
                     spec->fname, n, nargs == 0 ? "keyword " : "", n == 1 ? "" : "s",
                     nargs + nkw);
        return -1;
    }
    if (nargs > spec->max_pos) {
        if (spec->max_pos == 0)
            PyErr_Format(PyExc_TypeError, "%s() takes no positional arguments", spec->fname);
        else
            PyErr_Format(PyExc_TypeError, "%s() takes %s %d positional argument%s (%zd given)",
                         spec->fname, reqpos < spec->max_pos ? "at most" : "exactly",
                         spec->max_pos, spec->max_pos == 1 ? "" : "s", nargs);
        return -1;
    }
    if (nargs < minposonly) {
        PyErr_Format(PyExc_TypeError, "%s() takes %s %d positional argument%s (%zd given)",
                     spec->fname, minposonly < spec->max_pos ? "at least" : "exactly",
                     minposonly, minposonly == 1 ? "" : "s", nargs);
        return -1;
    }
    for (int i = 0; i < n; i++)
        out[i] = i < nargs ? args[i] : NULL;
    Py_ssize_t unmatched = nkw;
    for (Py_ssize_t k = 0; k < nkw; k++) {
        int i = find_param(spec, n, spec->npos_only > nargs ? spec->npos_only : (int)nargs,
                           PyTuple_GET_ITEM(kwnames, k));
        if (i >= 0 && out[i] == NULL) {
            out[i] = args[nargs + k];
            unmatched--;
        }
    }
    for (int i = (int)nargs; i < spec->nrequired; i++) {
        if (out[i] == NULL) {
            if (i < spec->max_pos)
                PyErr_Format(PyExc_TypeError, "%s() missing required argument '%s' (pos %d)",
                             spec->fname, spec->names[i], i + 1);
            else
                PyErr_Format(PyExc_TypeError, "%s() missing required keyword-only argument '%s'",
                             spec->fname, spec->names[i]);
            return -1;
        }
    }
    if (unmatched == 0)
        return 0;
    for (Py_ssize_t k = 0; k < nkw; k++) {
        PyObject *key = PyTuple_GET_ITEM(kwnames, k);
        int i = find_param(spec, n, spec->npos_only, key);
        if (i >= 0 && i < nargs) {
            PyErr_Format(PyExc_TypeError,
                         "argument for %s() given by name ('%s') and position (%d)",
                         spec->fname, spec->names[i], i + 1);
            return -1;
        }
    }
    for (Py_ssize_t k = 0; k < nkw; k++) {
        PyObject *key = PyTuple_GET_ITEM(kwnames, k);
        int i = find_param(spec, n, spec->npos_only, key);
        if (i < 0) {
            PyErr_Format(PyExc_TypeError, "'%U' is an invalid keyword argument for %s()",
                         key, spec->fname);
            return -1;
        }
    }
    return 0;
}
