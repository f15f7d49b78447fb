/* functools.h: what the files of the built-in `_functools` module share:
 * its static types (partial.c, reduce_cmp.c: cmp_to_key's KeyWrapper,
 * lru_cache.c: the cache wrapper and its list links) and its functions.
 * module.c builds the module. */
#ifndef KR_FUNCTOOLS_H
#define KR_FUNCTOOLS_H
#ifndef KR_BUILD_CORE
#error "internal header"
#endif

#include "objects/str_ids.h"

extern PyTypeObject kr_partial_type, kr_keyobject_type, kr_lru_cache_type, kr_lru_link_type;

/* reduce(function, iterable[, initial], /) */
PyObject *kr_functools_reduce(PyObject *module, PyObject *const *args, Py_ssize_t nargs);
/* cmp_to_key(mycmp) */
PyObject *kr_functools_cmp_to_key(PyObject *module, PyObject *const *args, Py_ssize_t nargs,
                                  PyObject *kwnames);

#endif
