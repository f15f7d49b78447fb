/* module.c: the built-in `_collections` module: deque, defaultdict,
 * OrderedDict (the runtime's C implementation, objects/odictobject.c),
 * the iterator and descriptor types, and _count_elements, the counting
 * loop of collections.Counter. */
#include "internal.h"
#include "modules/_collections/collections.h"

extern PyTypeObject PyODict_Type;

/* _count_elements(mapping, iterable): mapping[elem] = mapping.get(elem, 0) + 1
 * for each element; an exact dict is updated without method calls. */
static PyObject *
kr_count_elements(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("_count_elements", nargs, 2, 2))
        return NULL;
    PyObject *mapping = args[0];
    PyObject *it = PyObject_GetIter(args[1]);
    if (it == NULL)
        return NULL;
    PyObject *one = PyLong_FromLong(1), *zero = PyLong_FromLong(0);
    PyObject *get = NULL, *key = NULL, *oldval = NULL, *newval = NULL;
    int fast = PyDict_CheckExact(mapping);
    if (!fast) {
        get = PyObject_GetAttr(mapping, KR_ID(get));
        if (get == NULL)
            goto done;
    }
    while ((key = PyIter_Next(it)) != NULL) {
        if (fast) {
            oldval = PyDict_GetItemWithError(mapping, key);
            if (oldval == NULL) {
                if (PyErr_Occurred())
                    goto done;
                newval = Py_NewRef(one);
            }
            else {
                newval = PyNumber_Add(oldval, one);
            }
            oldval = NULL;
            if (newval == NULL || PyDict_SetItem(mapping, key, newval) < 0)
                goto done;
        }
        else {
            PyObject *pair[2] = {key, zero};
            oldval = PyObject_Vectorcall(get, pair, 2, NULL);
            if (oldval == NULL)
                goto done;
            newval = PyNumber_Add(oldval, one);
            Py_CLEAR(oldval);
            if (newval == NULL || PyObject_SetItem(mapping, key, newval) < 0)
                goto done;
        }
        Py_CLEAR(newval);
        Py_CLEAR(key);
    }
done:
    Py_DECREF(it);
    Py_XDECREF(get);
    Py_XDECREF(key);
    Py_XDECREF(newval);
    Py_XDECREF(one);
    Py_XDECREF(zero);
    if (PyErr_Occurred())
        return NULL;
    Py_RETURN_NONE;
}

static PyMethodDef kr_collections_functions[] = {
    {"_count_elements", (PyCFunction)(void (*)(void))kr_count_elements, METH_FASTCALL,
     "_count_elements($module, mapping, iterable, /)\n--\n\n"
     "Count elements in the iterable, updating the mapping"},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef kr_collections_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_collections",
    .m_doc = "High performance data structures.\n"
             "- deque:        ordered collection accessible from endpoints only\n"
             "- defaultdict:  dict subclass with a default value factory\n",
    .m_size = -1,
    .m_methods = kr_collections_functions,
};

PyObject *
PyInit__collections(void)
{
    PyTypeObject *const types[] = {
        &kr_deque_type, &kr_defaultdict_type, &PyODict_Type, &kr_dequeiter_type,
        &kr_dequereviter_type, &kr_tuplegetter_type,
    };
    PyObject *m = PyModule_Create(&kr_collections_def);
    if (m == NULL)
        return NULL;
    for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
        if (PyModule_AddType(m, types[i]) < 0) {
            Py_DECREF(m);
            return NULL;
        }
    }
    return m;
}
