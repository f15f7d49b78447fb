/* test_capi_api.c: the C API added for native extensions -- PEP 587
 * configuration, PyODict, context variables, marshal, the legacy calling
 * and buffer helpers, operator tokens, UTF-7, wchar_t views, PickleBuffer,
 * the C trace hook and the bare printer.  Prints ok N / not ok N. */
#include <Python.h>
#include <stdio.h>
static int n = 0;
static int failed = 0;
#define CHECK(c) do { int ok_ = (c); n++; printf("%s %d %s\n", ok_ ? "ok" : "not ok", n, #c); if (!ok_) failed++; } while (0)
static int hook_calls;
static int hook(PyObject *o, PyFrameObject *f, int what, PyObject *arg) { hook_calls++; return 0; }
int main(void) {
    PyConfig cfg; PyConfig_InitPythonConfig(&cfg);
    wchar_t *argv[] = {L"prog", L"arg1"};
    PyStatus st = PyConfig_SetArgv(&cfg, 2, argv);
    CHECK(!PyStatus_Exception(st));
    st = PyConfig_SetString(&cfg, &cfg.program_name, L"prog");
    st = Py_InitializeFromConfig(&cfg);
    CHECK(!PyStatus_Exception(st));
    PyConfig_Clear(&cfg);
    PyObject *sysargv = PySys_GetObject("argv");
    CHECK(sysargv && PyList_GET_SIZE(sysargv) == 2);
    PyObject *od = PyODict_New();
    CHECK(od != NULL);
    PyObject *k1 = PyUnicode_FromString("b"), *k2 = PyUnicode_FromString("a"), *one = PyLong_FromLong(1);
    CHECK(PyODict_SetItem(od, k1, one) == 0 && PyODict_SetItem(od, k2, one) == 0);
    PyObject *r = PyObject_Repr(od);
    CHECK(r && strcmp(PyUnicode_AsUTF8(r), "OrderedDict([('b', 1), ('a', 1)])") == 0);
    PyObject *m = PyObject_CallMethod(od, "move_to_end", "Oi", k1, 0);
    CHECK(m == Py_None);
    m = PyObject_CallMethod(od, "move_to_end", "O", k1);
    r = PyObject_Repr(od); CHECK(r && strcmp(PyUnicode_AsUTF8(r), "OrderedDict([('a', 1), ('b', 1)])") == 0);
    PyObject *od2 = PyODict_New();
    PyODict_SetItem(od2, k1, one); PyODict_SetItem(od2, k2, one);
    CHECK(PyObject_RichCompareBool(od, od2, Py_EQ) == 0);
    PyObject *d = PyDict_New(); PyDict_SetItem(d, k1, one); PyDict_SetItem(d, k2, one);
    CHECK(PyObject_RichCompareBool(od, d, Py_EQ) == 1);
    PyObject *pi = PyObject_CallMethod(od, "popitem", "");
    r = PyObject_Repr(pi);
    CHECK(r && strcmp(PyUnicode_AsUTF8(r), "('b', 1)") == 0);
    PyObject *keys = PyObject_CallMethod(od2, "keys", "");
    r = PyObject_Repr(keys);
    CHECK(r && strcmp(PyUnicode_AsUTF8(r), "odict_keys(['b', 'a'])") == 0);
    PyObject *rev = PyObject_CallMethod(od2, "__reversed__", "");
    PyObject *lst = PySequence_List(rev); r = PyObject_Repr(lst);
    CHECK(r && strcmp(PyUnicode_AsUTF8(r), "['a', 'b']") == 0 && strcmp(Py_TYPE(rev)->tp_name, "odict_iterator") == 0);
    CHECK(PyODict_DelItem(od2, k1) == 0 && PyDict_GET_SIZE(od2) == 1);
    /* contextvars */
    PyObject *var = PyContextVar_New("x", NULL), *val;
    CHECK(PyContextVar_Get(var, NULL, &val) == 0 && val == NULL);
    PyObject *tok = PyContextVar_Set(var, one);
    CHECK(PyContextVar_Get(var, NULL, &val) == 0 && val == one);
    PyObject *ctx = PyContext_CopyCurrent(), *ctx2 = PyContext_New();
    CHECK(PyContext_Enter(ctx2) == 0);
    CHECK(PyContextVar_Get(var, Py_None, &val) == 0 && val == Py_None);
    CHECK(PyContext_Enter(ctx2) == -1); PyErr_Clear();
    CHECK(PyContext_Exit(ctx2) == 0);
    CHECK(PyContextVar_Reset(var, tok) == 0);
    CHECK(PyContextVar_Get(var, NULL, &val) == 0 && val == NULL);
    (void)ctx;
    /* marshal */
    PyObject *b = PyMarshal_WriteObjectToString(od2, Py_MARSHAL_VERSION);
    CHECK(b == NULL && PyErr_ExceptionMatches(PyExc_ValueError)); PyErr_Clear();
    b = PyMarshal_WriteObjectToString(d, 4);
    PyObject *back = PyMarshal_ReadObjectFromString(PyBytes_AS_STRING(b), PyBytes_GET_SIZE(b));
    CHECK(back && PyObject_RichCompareBool(back, d, Py_EQ) == 1);
    FILE *fp = tmpfile(); PyMarshal_WriteLongToFile(0x01020304, fp, 4); PyMarshal_WriteObjectToFile(d, fp, 4); rewind(fp);
    CHECK(PyMarshal_ReadLongFromFile(fp) == 0x01020304);
    back = PyMarshal_ReadObjectFromFile(fp);
    CHECK(back && PyObject_RichCompareBool(back, d, Py_EQ) == 1);
    /* legacy */
    PyObject *lenf = PyDict_GetItemString(PyEval_GetBuiltins(), "len");
    PyObject *res = PyEval_CallFunction(lenf, "(s)", "abcd");
    CHECK(res && PyLong_AsLong(res) == 4);
    res = PyEval_CallFunction(lenf, "s", "abc");
    CHECK(res && PyLong_AsLong(res) == 3);
    res = PyEval_CallMethod(k1, "upper", "");
    CHECK(res && strcmp(PyUnicode_AsUTF8(res), "B") == 0);
    res = PyEval_CallObjectWithKeywords(lenf, one, NULL);
    CHECK(res == NULL && PyErr_ExceptionMatches(PyExc_TypeError)); PyErr_Clear();
    const char *cb; Py_ssize_t cl;
    CHECK(PyObject_AsCharBuffer(b, &cb, &cl) == 0 && cl == PyBytes_GET_SIZE(b));
    CHECK(PyObject_CheckReadBuffer(b) == 1 && PyObject_CheckReadBuffer(one) == 0);
    void *wb; CHECK(PyObject_AsWriteBuffer(b, &wb, &cl) == -1); PyErr_Clear();
    CHECK(PyToken_OneChar('(') == 7 && PyToken_TwoChars('*', '*') == 35 && PyToken_ThreeChars('.', '.', '.') == 52 && PyToken_OneChar('$') == 54);
    CHECK(PyTraceMalloc_Track(0, 0, 1) == -2);
    CHECK((PyDescr_IsData)(one) == 0);
    PyObject *u = PyUnicode_DecodeUTF7("Hi +AGEAYgBj- x+-y +2D3eAA-", 27, NULL);
    CHECK(u && PyUnicode_CompareWithASCIIString(PyUnicode_Substring(u, 0, 10), "Hi abc x+y") == 0 && PyUnicode_READ_CHAR(u, 11) == 0x1F600);
    u = PyUnicode_DecodeUTF7("a\x80", 2, "strict");
    CHECK(u == NULL && PyErr_ExceptionMatches(PyExc_UnicodeDecodeError)); PyErr_Clear();
    u = PyUnicode_DecodeUTF7("a\x80", 2, "replace");
    CHECK(u && PyUnicode_GET_LENGTH(u) == 2);
    Py_ssize_t cons; u = PyUnicode_DecodeUTF7Stateful("ab+AGE", 6, NULL, &cons);
    CHECK(u && cons == 2 && PyUnicode_GET_LENGTH(u) == 2);
    PyObject *s = PyUnicode_FromString("h\xc3\xa9");
    wchar_t *w = PyUnicode_AsUnicode(s);
    CHECK(w && w[0] == L'h' && w[1] == 0xe9 && w[2] == 0);
    PyObject *pb = PyPickleBuffer_FromObject(b);
    const Py_buffer *view = PyPickleBuffer_GetBuffer(pb);
    CHECK(view && view->len == PyBytes_GET_SIZE(b));
    CHECK(PyPickleBuffer_Release(pb) == 0 && PyPickleBuffer_GetBuffer(pb) == NULL); PyErr_Clear();
    PyEval_SetTrace(hook, one);
    (void)hook_calls;
    PyObject *tf = PyObject_CallMethod(PyImport_ImportModule("sys"), "gettrace", "");
    CHECK(tf && tf != Py_None);
    PyEval_SetTrace(NULL, NULL);
    PyObject *pr = PyFile_NewStdPrinter(1);
    CHECK(pr && PyObject_CallMethod(pr, "write", "s", "# printer works\n") != NULL);
    CHECK(Py_GETENV("PATH") != NULL);
    CHECK(Py_Version == PY_VERSION_HEX);
    Py_Finalize();
    return failed != 0;
}
