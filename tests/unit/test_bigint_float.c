/* test_bigint_float.c: the numbers area's C-level float services: IEEE
 * binary16/32/64 packing (expected bytes taken from CPython's struct
 * module), PyOS_double_to_string / PyOS_string_to_double round trips, and
 * correctly rounded int -> float conversion at the rounding boundary.
 * (owned by the numbers area) */
#include "internal.h"
#include "krait.h"

static int failures = 0;
static int counter = 0;

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

static const struct {
    double x;
    const char *half, *single, *dbl;   /* little-endian images; NULL: overflow */
} packs[] = {
    {0x0.0p+0, "\x00\x00", "\x00\x00\x00\x00", "\x00\x00\x00\x00\x00\x00\x00\x00"},
    {-0x0.0p+0, "\x00\x80", "\x00\x00\x00\x80", "\x00\x00\x00\x00\x00\x00\x00\x80"},
    {0x1.0000000000000p+0, "\x00\x3c", "\x00\x00\x80\x3f", "\x00\x00\x00\x00\x00\x00\xf0\x3f"},
    {-0x1.4000000000000p+1, "\x00\xc1", "\x00\x00\x20\xc0", "\x00\x00\x00\x00\x00\x00\x04\xc0"},
    {0x1.999999999999ap-4, "\x66\x2e", "\xcd\xcc\xcc\x3d", "\x9a\x99\x99\x99\x99\x99\xb9\x3f"},
    {0x1.ffc0000000000p+15, "\xff\x7b", "\x00\xe0\x7f\x47", "\x00\x00\x00\x00\x00\xfc\xef\x40"},
    {0x1.ffde000000000p+15, "\xff\x7b", "\x00\xef\x7f\x47", "\x00\x00\x00\x00\xe0\xfd\xef\x40"},
    {0x1.ffb480a5accd5p-15, "\xff\x03", "\x40\xda\x7f\x38", "\xd5\xcc\x5a\x0a\x48\xfb\x0f\x3f"},
    {0x1.fff5c939522dbp-25, "\x01\x00", "\xe5\xfa\x7f\x33", "\xdb\x22\x95\x93\x5c\xff\x6f\x3e"},
    {0x1.fff5c939522dbp-26, "\x00\x00", "\xe5\xfa\xff\x32", "\xdb\x22\x95\x93\x5c\xff\x5f\x3e"},
    {0x1.00d6cb9b77d4dp-25, "\x01\x00", "\x66\x6b\x00\x33", "\x4d\x7d\xb7\xb9\x6c\x0d\x60\x3e"},
    {0x1.b7cdfd9d7bdbbp-34, "\x00\x00", "\xff\xe6\xdb\x2e", "\xbb\xbd\xd7\xd9\xdf\x7c\xdb\x3d"},
    {0x1.c363cbf21f28ap+127, NULL, "\xe6\xb1\x61\x7f", "\x8a\xf2\x21\xbf\x3c\x36\xec\x47"},
    {INFINITY, "\x00\x7c", "\x00\x00\x80\x7f", "\x00\x00\x00\x00\x00\x00\xf0\x7f"},
    {-INFINITY, "\x00\xfc", "\x00\x00\x80\xff", "\x00\x00\x00\x00\x00\x00\xf0\xff"},
    {0x1.1208141e9900bp-149, "\x00\x00", "\x01\x00\x00\x00", "\x0b\x90\xe9\x41\x81\x20\xa1\x36"},
    {0x1.5555555555555p-2, "\x55\x35", "\xab\xaa\xaa\x3e", "\x55\x55\x55\x55\x55\x55\xd5\x3f"},
    {0x1.edd2f1a9fbe77p+6, "\xb7\x57", "\x79\xe9\xf6\x42", "\x77\xbe\x9f\x1a\x2f\xdd\x5e\x40"},
};

static void test_pack(void)
{
    int ok2 = 1, ok4 = 1, ok8 = 1, okbe = 1;
    for (size_t i = 0; i < sizeof packs / sizeof packs[0]; i++) {
        char b[8], r[8];
        if (packs[i].half) {
            ok2 &= PyFloat_Pack2(packs[i].x, b, 1) == 0 && memcmp(b, packs[i].half, 2) == 0;
            PyFloat_Pack2(packs[i].x, r, 0);
            okbe &= r[0] == b[1] && r[1] == b[0];
        }
        else {
            ok2 &= PyFloat_Pack2(packs[i].x, b, 1) == -1 && PyErr_ExceptionMatches(PyExc_OverflowError);
            PyErr_Clear();
        }
        ok4 &= PyFloat_Pack4(packs[i].x, b, 1) == 0 && memcmp(b, packs[i].single, 4) == 0;
        ok4 &= PyFloat_Unpack4(packs[i].single, 1) == (double)(float)packs[i].x;
        ok8 &= PyFloat_Pack8(packs[i].x, b, 1) == 0 && memcmp(b, packs[i].dbl, 8) == 0;
        ok8 &= PyFloat_Unpack8(packs[i].dbl, 1) == packs[i].x;
        PyFloat_Pack8(packs[i].x, r, 0);
        for (int k = 0; k < 8; k++)
            okbe &= r[k] == b[7 - k];
    }
    check(ok2, "PyFloat_Pack2 matches struct.pack('<e')");
    check(ok4, "PyFloat_Pack4 / Unpack4 match struct '<f'");
    check(ok8, "PyFloat_Pack8 / Unpack8 match struct '<d'");
    check(okbe, "big-endian packing reverses the bytes");
    check(PyFloat_Unpack2("\x01\x00", 1) == 0x1p-24 && PyFloat_Unpack2("\x3c\x00", 0) == 1.0 &&
          isnan(PyFloat_Unpack2("\x00\x7e", 1)), "PyFloat_Unpack2 of subnormal, one and nan");
    char b[4];
    check(PyFloat_Pack4(1e39, b, 1) == -1 && PyErr_ExceptionMatches(PyExc_OverflowError),
          "PyFloat_Pack4 overflow raises OverflowError");
    PyErr_Clear();
}

static int str_is(char *s, const char *want)
{
    int ok = s != NULL && strcmp(s, want) == 0;
    if (!ok)
        printf("# got '%s', want '%s'\n", s ? s : "(null)", want);
    PyMem_Free(s);
    return ok;
}

static void test_strings(void)
{
    check(str_is(PyOS_double_to_string(0.1, 'r', 0, Py_DTSF_ADD_DOT_0, NULL), "0.1"), "repr 0.1");
    check(str_is(PyOS_double_to_string(1e16, 'r', 0, Py_DTSF_ADD_DOT_0, NULL), "1e+16"), "repr 1e16");
    check(str_is(PyOS_double_to_string(5e-324, 'r', 0, 0, NULL), "5e-324"), "repr 5e-324");
    check(str_is(PyOS_double_to_string(2.0, 'r', 0, Py_DTSF_ADD_DOT_0, NULL), "2.0"), "repr 2.0");
    check(str_is(PyOS_double_to_string(-0.0, 'r', 0, Py_DTSF_ADD_DOT_0, NULL), "-0.0"), "repr -0.0");
    check(str_is(PyOS_double_to_string(1.5, 'e', 3, Py_DTSF_SIGN, NULL), "+1.500e+00"), "'+.3e'");
    check(str_is(PyOS_double_to_string(1234.5, 'f', 0, Py_DTSF_ALT, NULL), "1234."), "'#.0f'");
    check(str_is(PyOS_double_to_string(0.0001, 'g', 6, 0, NULL), "0.0001"), "'g' keeps 0.0001 fixed");
    check(str_is(PyOS_double_to_string(0.00001, 'G', 6, 0, NULL), "1E-05"), "'G' switches to E-05");
    check(str_is(PyOS_double_to_string(-0.001, 'f', 1, Py_DTSF_NO_NEG_0, NULL), "0.0"), "'z' drops -0");
    int type = -1;
    check(str_is(PyOS_double_to_string(NAN, 'r', 0, Py_DTSF_SIGN, &type), "+nan") && type == Py_DTST_NAN, "nan with sign");
    check(str_is(PyOS_double_to_string(-INFINITY, 'F', 2, 0, &type), "-INF") && type == Py_DTST_INFINITE, "-INF");
    char *end;
    double x = PyOS_string_to_double("1.5e3xyz", &end, NULL);
    check(x == 1500.0 && strcmp(end, "xyz") == 0, "PyOS_string_to_double stops at the end of the number");
    x = PyOS_string_to_double("1e500", NULL, PyExc_OverflowError);
    check(x == -1.0 && PyErr_ExceptionMatches(PyExc_OverflowError), "overflow raises the given exception");
    PyErr_Clear();
    x = PyOS_string_to_double("1e500", NULL, NULL);
    check(isinf(x) && !PyErr_Occurred(), "overflow without an exception gives inf");
    x = PyOS_string_to_double("0x10", NULL, NULL);
    check(x == -1.0 && PyErr_ExceptionMatches(PyExc_ValueError), "hex is not a float literal");
    PyErr_Clear();
    x = PyOS_string_to_double("-Infinity", NULL, NULL);
    check(isinf(x) && x < 0, "-Infinity parses");
}

static void test_rounding(void)
{
    /* 2**53 + 1 is a tie between 2**53 and 2**53 + 2: rounds to even */
    PyObject *v = PyLong_FromString("9007199254740993", NULL, 10);
    check(PyLong_AsDouble(v) == 9007199254740992.0, "int -> float ties to even (down)");
    Py_XDECREF(v);
    v = PyLong_FromString("9007199254740995", NULL, 10);
    check(PyLong_AsDouble(v) == 9007199254740996.0, "int -> float ties to even (up)");
    Py_XDECREF(v);
    v = PyLong_FromString("9007199254740993000000000000000001", NULL, 10);
    PyObject *d = PyLong_FromString("1000000000000000000", NULL, 10);
    PyObject *q = PyNumber_TrueDivide(v, d);
    check(q != NULL && PyFloat_AS_DOUBLE(q) == 9007199254740994.0, "true division sees the sticky bit");
    Py_XDECREF(v); Py_XDECREF(d); Py_XDECREF(q);
}

int main(void)
{
    krait_options o = krait_default_options();
    krait_context *ctx = krait_context_new(&o);
    if (ctx == NULL || krait_enter(ctx) != 0) {
        printf("not ok 1 - context\n");
        return 1;
    }
    test_pack();
    test_strings();
    test_rounding();
    if (PyErr_Occurred()) {
        PyErr_Print();
        failures++;
    }
    krait_leave(ctx);
    krait_context_free(ctx);
    printf("%d checks, %d failures\n", counter, failures);
    return failures != 0;
}
