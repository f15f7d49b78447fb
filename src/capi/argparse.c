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

int kr_args_unpack(const kr_argspec *spec, PyObject *const *args, Py_ssize_t nargs,
                   PyObject *kwnames, PyObject **out)
{
    int n = count_names(spec->names);
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    int minpos = spec->npos_only < spec->nrequired ? spec->npos_only : spec->nrequired;

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
                         spec->fname, minpos < spec->max_pos ? "at most" : "exactly",
                         spec->max_pos, spec->max_pos == 1 ? "" : "s", nargs);
        return -1;
    }
    if (nargs < minpos) {
        PyErr_Format(PyExc_TypeError, "%s() takes %s %d positional argument%s (%zd given)",
                     spec->fname, minpos < spec->max_pos ? "at least" : "exactly",
                     minpos, minpos == 1 ? "" : "s", nargs);
        return -1;
    }
    for (int i = 0; i < n; i++)
        out[i] = i < nargs ? args[i] : NULL;
    for (Py_ssize_t k = 0; k < nkw; k++) {
        PyObject *key = PyTuple_GET_ITEM(kwnames, k);
        int found = -1;
        for (int i = spec->npos_only; i < n; i++) {
            if (PyUnicode_CompareWithASCIIString(key, spec->names[i]) == 0) {
                found = i;
                break;
            }
        }
        if (found < 0) {
            PyErr_Format(PyExc_TypeError, "'%U' is an invalid keyword argument for %s()",
                         key, spec->fname);
            return -1;
        }
        if (out[found] != NULL) {
            PyErr_Format(PyExc_TypeError,
                         "argument for %s() given by name ('%s') and position (%d)",
                         spec->fname, spec->names[found], found + 1);
            return -1;
        }
        out[found] = args[nargs + k];
    }
    for (int i = 0; i < spec->nrequired; i++) {
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
    return 0;
}
