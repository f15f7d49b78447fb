/* test_bytes_capi.c: unit tests of the bytes area's C API — PyBytes_*
 * (FromFormat, Resize, DecodeEscape, Join, FromHex), PyByteArray_* and
 * PyMemoryView_* (FromMemory, FromBuffer, GetContiguous), and the buffer
 * export counting that blocks bytearray resizes.
 * Prints "ok N" / "not ok N"; exits 0 when everything passed. */
#include "Python.h"
#include "krait.h"
#include <stdio.h>
#include <string.h>

/* The bytes area's start-up hook (objects/bytes_internal.h), which the
 * runtime calls once before any context exists. */
int kr_bytes_runtime_init(void);

static int failures, counter;

static void check(int cond, const char *what)
{
    counter++;
    if (cond)
        printf("ok %d - %s\n", counter, what);
    else {
        printf("not ok %d - %s\n", counter, what);
        failures++;
    }
}

/* Does bytes object b (consumed) hold exactly data[0:n)? */
static int bytes_is(PyObject *b, const char *data, Py_ssize_t n)
{
    if (b == NULL) {
        PyErr_Clear();
        return 0;
    }
    int ok = PyBytes_Check(b) && PyBytes_GET_SIZE(b) == n && memcmp(PyBytes_AS_STRING(b), data, (size_t)n) == 0;
    Py_DECREF(b);
    return ok;
}

static void test_singletons(void)
{
    PyObject *e1 = PyBytes_FromStringAndSize(NULL, 0), *e2 = PyBytes_FromString("");
    check(e1 != NULL && e1 == e2 && _Py_IsImmortal(e1), "b'' is one immortal object");
    PyObject *a1 = PyBytes_FromStringAndSize("a", 1), *a2 = PyBytes_FromString("a");
    check(a1 != NULL && a1 == a2 && _Py_IsImmortal(a1), "one-byte bytes are shared immortal objects");
    PyObject *z = PyBytes_FromStringAndSize("\xff", 1);
    check(z != NULL && z != a1 && (unsigned char)PyBytes_AS_STRING(z)[0] == 0xff && PyBytes_AS_STRING(z)[1] == 0,
          "the 0xff singleton holds 0xff and a NUL");
    check(kr_bytes_runtime_init() == 0 && PyBytes_FromString("") == e1, "kr_bytes_runtime_init is idempotent");
    Py_XDECREF(e1); Py_XDECREF(e2); Py_XDECREF(a1); Py_XDECREF(a2); Py_XDECREF(z);
}

static void test_bytes(void)
{
    check(bytes_is(PyBytes_FromFormat("a%db%sc%%", 42, "xy"), "a42bxyc%", 8), "FromFormat %d %s %%");
    check(bytes_is(PyBytes_FromFormat("%ld|%zd|%u|%x|%c", -5L, (Py_ssize_t)7, 9u, 255, 'Q'), "-5|7|9|ff|Q", 11),
          "FromFormat %ld %zd %u %x %c");
    check(bytes_is(PyBytes_FromFormat("%.2s", "abcdef"), "ab", 2), "FromFormat precision on %s");
    check(bytes_is(PyBytes_FromFormat("x%qy"), "x%qy", 4), "FromFormat copies an unknown conversion");

    PyObject *b = PyBytes_FromStringAndSize(NULL, 10);
    memcpy(PyBytes_AS_STRING(b), "0123456789", 10);
    check(_PyBytes_Resize(&b, 4) == 0 && bytes_is(b, "0123", 4), "_PyBytes_Resize shrinks");

    const char *first = NULL;
    check(bytes_is(_PyBytes_DecodeEscape("a\\n\\x41\\101\\q", 13, NULL, &first), "a\nAA\\q", 6) &&
              first != NULL && *first == 'q',
          "_PyBytes_DecodeEscape decodes and reports the first bad escape");
    check(PyBytes_DecodeEscape("\\x4", 3, NULL, 0, NULL) == NULL && PyErr_ExceptionMatches(PyExc_ValueError),
          "PyBytes_DecodeEscape rejects a short \\x escape");
    PyErr_Clear();
    check(bytes_is(PyBytes_DecodeEscape("\\x4", 3, "replace", 0, NULL), "?", 1), "errors='replace' puts ?");

    PyObject *sep = PyBytes_FromString(", ");
    PyObject *list = Py_BuildValue("[yy]", "a", "b");
    check(bytes_is(_PyBytes_Join(sep, list), "a, b", 4), "_PyBytes_Join");
    Py_XDECREF(sep);
    Py_XDECREF(list);

    PyObject *hex = PyUnicode_FromString("41 42");
    check(bytes_is(_PyBytes_FromHex(hex, 0), "AB", 2), "_PyBytes_FromHex");
    PyObject *ba = _PyBytes_FromHex(hex, 1);
    check(ba != NULL && PyByteArray_CheckExact(ba) && PyByteArray_GET_SIZE(ba) == 2, "_PyBytes_FromHex to bytearray");
    Py_XDECREF(ba);
    Py_XDECREF(hex);

    PyObject *c = PyBytes_FromString("ab"), *cd = PyBytes_FromString("cd");
    PyBytes_Concat(&c, cd);   /* does not consume cd */
    Py_XDECREF(cd);
    check(c != NULL && strcmp(PyBytes_AS_STRING(c), "abcd") == 0, "PyBytes_Concat");
    PyBytes_ConcatAndDel(&c, PyBytes_FromString("e"));
    check(bytes_is(c, "abcde", 5), "PyBytes_ConcatAndDel");
}

static void test_bytearray(void)
{
    PyObject *ba = PyByteArray_FromStringAndSize("hello", 5);
    check(ba && PyByteArray_Size(ba) == 5 && memcmp(PyByteArray_AsString(ba), "hello", 5) == 0, "FromStringAndSize");
    check(PyByteArray_Resize(ba, 2) == 0 && PyByteArray_GET_SIZE(ba) == 2 && PyByteArray_AS_STRING(ba)[2] == 0,
          "Resize shrinks and keeps a NUL");
    check(PyByteArray_Resize(ba, 100) == 0 && PyByteArray_GET_SIZE(ba) == 100, "Resize grows");
    Py_buffer view;
    check(PyObject_GetBuffer(ba, &view, PyBUF_SIMPLE) == 0 && view.readonly == 0, "bytearray exports a writable buffer");
    check(PyByteArray_Resize(ba, 3) == -1 && PyErr_ExceptionMatches(PyExc_BufferError), "resize refused while exported");
    PyErr_Clear();
    PyBuffer_Release(&view);
    check(PyByteArray_Resize(ba, 3) == 0, "resize allowed after release");
    PyObject *other = PyBytes_FromString("xyz");
    PyObject *cat = PyByteArray_Concat(ba, other);
    check(cat != NULL && PyByteArray_GET_SIZE(cat) == 6 && memcmp(PyByteArray_AS_STRING(cat) + 3, "xyz", 3) == 0,
          "PyByteArray_Concat");
    PyObject *from = PyByteArray_FromObject(other);
    check(from != NULL && PyByteArray_GET_SIZE(from) == 3, "PyByteArray_FromObject");
    PyObject *empty = PyByteArray_FromStringAndSize(NULL, 0);
    check(empty && PyByteArray_AS_STRING(empty) == _PyByteArray_empty_string, "empty bytearray data");
    Py_XDECREF(empty);
    Py_XDECREF(from);
    Py_XDECREF(cat);
    Py_XDECREF(other);
    Py_XDECREF(ba);
}

static void test_memoryview(void)
{
    char mem[8] = "abcdefg";
    PyObject *mv = PyMemoryView_FromMemory(mem, 7, PyBUF_WRITE);
    check(mv && PyMemoryView_Check(mv) && !PyMemoryView_GET_BUFFER(mv)->readonly &&
              PyMemoryView_GET_BUFFER(mv)->len == 7,
          "FromMemory writable");
    PyObject *item = mv ? PyObject_GetItem(mv, PyLong_FromLong(1)) : NULL;
    check(item && PyLong_AsLong(item) == 'b', "item of FromMemory view");
    Py_XDECREF(item);
    Py_XDECREF(mv);
    mv = PyMemoryView_FromMemory(mem, 7, PyBUF_READ);
    check(mv && PyMemoryView_GET_BUFFER(mv)->readonly, "FromMemory read-only");
    Py_XDECREF(mv);

    Py_buffer info;
    PyBuffer_FillInfo(&info, NULL, mem, 4, 1, PyBUF_FULL_RO);
    mv = PyMemoryView_FromBuffer(&info);
    check(mv && PyMemoryView_GET_BASE(mv) == NULL && PyMemoryView_GET_BUFFER(mv)->len == 4, "FromBuffer");
    Py_XDECREF(mv);

    PyObject *b = PyBytes_FromString("abcdef");
    PyObject *m = PyMemoryView_FromObject(b);
    check(m && PyMemoryView_GET_BASE(m) == b, "FromObject keeps the exporter as obj");
    PyObject *slice = PySlice_New(NULL, NULL, PyLong_FromLong(2));
    PyObject *strided = m ? PyObject_GetItem(m, slice) : NULL;
    PyObject *contig = strided ? PyMemoryView_GetContiguous(strided, PyBUF_READ, 'C') : NULL;
    check(contig && PyBuffer_IsContiguous(PyMemoryView_GET_BUFFER(contig), 'C') &&
              memcmp(PyMemoryView_GET_BUFFER(contig)->buf, "ace", 3) == 0,
          "GetContiguous copies a strided view");
    check(strided && PyMemoryView_GetContiguous(strided, PyBUF_WRITE, 'C') == NULL, "GetContiguous refuses write");
    PyErr_Clear();
    Py_XDECREF(contig);
    Py_XDECREF(strided);
    Py_XDECREF(slice);
    Py_XDECREF(m);
    Py_XDECREF(b);
}

int main(void)
{
    setenv("PYTHONHASHSEED", "0", 1);
    if (kr_bytes_runtime_init() != 0) {
        printf("not ok 1 - kr_bytes_runtime_init\n");
        return 1;
    }
    krait_options opts = krait_default_options();
    krait_context *ctx = krait_context_new(&opts);
    if (ctx == NULL || krait_enter(ctx) != 0) {
        printf("not ok 1 - cannot create a context\n");
        return 1;
    }
    test_singletons();
    test_bytes();
    test_bytearray();
    test_memoryview();
    krait_leave(ctx);
    krait_context_free(ctx);
    return failures ? 1 : 0;
}
