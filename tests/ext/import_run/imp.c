/* The import and run API: PyImport_ImportModule, PyImport_Import,
 * PyImport_AddModule, PyImport_GetModuleDict, PyRun_String,
 * Py_CompileString + PyEval_EvalCode, PyEval_GetBuiltins/Globals. */
#include <Python.h>

static PyObject *importing(PyObject *m, PyObject *unused)
{
    PyObject *sys = PyImport_ImportModule("sys");
    PyObject *name = PyUnicode_FromString("imp_helper");
    PyObject *helper = PyImport_Import(name);
    Py_DECREF(name);
    if (sys == NULL || helper == NULL)
        return NULL;
    PyObject *modules = PyImport_GetModuleDict();   /* borrowed */
    PyObject *added = PyImport_AddModule("imp_scratch");   /* borrowed */
    PyObject *r = Py_BuildValue("(OiOO)", PyObject_GetAttrString(helper, "VALUE"),
                                PyDict_Contains(modules, PyUnicode_FromString("imp_helper")),
                                PyModule_GetNameObject(added), PyModule_GetNameObject(sys));
    Py_DECREF(sys);
    Py_DECREF(helper);
    return r;
}

static PyObject *running(PyObject *m, PyObject *src)
{
    PyObject *globals = PyDict_New();
    PyDict_SetItemString(globals, "__builtins__", PyEval_GetBuiltins());
    PyObject *r = PyRun_String(PyUnicode_AsUTF8(src), Py_file_input, globals, globals);
    if (r == NULL) {
        Py_DECREF(globals);
        return NULL;
    }
    Py_DECREF(r);
    PyObject *code = Py_CompileString("result * 2", "<imp>", Py_eval_input);
    if (code == NULL) {
        Py_DECREF(globals);
        return NULL;
    }
    PyObject *v = PyEval_EvalCode(code, globals, globals);
    Py_DECREF(code);
    Py_DECREF(globals);
    return v;
}

static PyObject *compile_error(PyObject *m, PyObject *src)
{
    return Py_CompileString(PyUnicode_AsUTF8(src), "<bad>", Py_file_input);
}

static PyObject *missing(PyObject *m, PyObject *unused)
{
    return PyImport_ImportModule("surely_not_a_module_name");
}

static PyMethodDef methods[] = {
    {"importing", importing, METH_NOARGS, NULL}, {"running", running, METH_O, NULL},
    {"compile_error", compile_error, METH_O, NULL}, {"missing", missing, METH_NOARGS, NULL}, {NULL}
};
static struct PyModuleDef mod = {PyModuleDef_HEAD_INIT, "imp", NULL, -1, methods};
PyMODINIT_FUNC PyInit_imp(void) { return PyModule_Create(&mod); }
