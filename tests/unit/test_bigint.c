/* test_bigint.c: arithmetic identities on random big ints, checked through
 * the numbers area's internals: Karatsuba against schoolbook products,
 * Knuth division against multiplication, string and byte round trips,
 * shifts, two's complement bit operations, modular pow, and the hash
 * modulus.  (owned by the numbers area) */
#include "internal.h"
#include "krait.h"
#include "objects/longobject_internal.h"

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

/* deterministic generator (64-bit LCG) */
static uint64_t lcg_state = 0x9e3779b97f4a7c15ULL;
static uint64_t lcg(void)
{
    lcg_state = lcg_state * 6364136223846793005ULL + 1442695040888963407ULL;
    return lcg_state;
}

/* a random int of up to nbytes bytes, random sign */
static PyObject *rand_int(size_t nbytes)
{
    unsigned char buf[4096];
    if (nbytes > sizeof buf)
        nbytes = sizeof buf;
    for (size_t i = 0; i < nbytes; i++)
        buf[i] = (unsigned char)(lcg() >> 56);
    PyObject *v = _PyLong_FromByteArray(buf, nbytes, 1, 0);
    if (v != NULL && (lcg() >> 63)) {
        PyObject *n = PyNumber_Negative(v);
        Py_DECREF(v);
        v = n;
    }
    return v;
}

static int eq(PyObject *a, PyObject *b)
{
    return a != NULL && b != NULL && kr_long_compare((PyLongObject *)a, (PyLongObject *)b) == 0;
}

#define BIN(slot, a, b) (PyLong_Type.tp_as_number->slot((a), (b)))

static void test_add_sub_mul(void)
{
    int ok_add = 1, ok_mul = 1, ok_kara = 1, ok_comm = 1;
    for (int i = 0; i < 300; i++) {
        PyObject *a = rand_int(1 + lcg() % 600), *b = rand_int(1 + lcg() % 600);
        PyObject *s = BIN(nb_add, a, b), *d = BIN(nb_subtract, s, b);
        ok_add &= eq(d, a);
        PyObject *p1 = BIN(nb_multiply, a, b), *p2 = BIN(nb_multiply, b, a);
        ok_comm &= eq(p1, p2);
        PyObject *k = (PyObject *)kr_long_mul_karatsuba((PyLongObject *)a, (PyLongObject *)b);
        PyObject *sb = (PyObject *)kr_long_mul_schoolbook((PyLongObject *)a, (PyLongObject *)b);
        ok_kara &= eq(k, sb) && eq(k, p1);
        /* distributivity: a*(b+1) == a*b + a */
        PyObject *b1 = BIN(nb_add, b, kr_small_int(1));
        PyObject *l = BIN(nb_multiply, a, b1), *r = BIN(nb_add, p1, a);
        ok_mul &= eq(l, r);
        Py_XDECREF(a); Py_XDECREF(b); Py_XDECREF(s); Py_XDECREF(d); Py_XDECREF(p1); Py_XDECREF(p2);
        Py_XDECREF(k); Py_XDECREF(sb); Py_XDECREF(b1); Py_XDECREF(l); Py_XDECREF(r);
    }
    check(ok_add, "(a + b) - b == a");
    check(ok_comm, "a * b == b * a");
    check(ok_kara, "Karatsuba == schoolbook == a * b");
    check(ok_mul, "a * (b + 1) == a * b + a");
    /* very lopsided Karatsuba operands */
    int ok_lop = 1;
    for (int i = 0; i < 20; i++) {
        PyObject *a = rand_int(300 + lcg() % 50), *b = rand_int(3000 + lcg() % 1000);
        PyObject *k = (PyObject *)kr_long_mul_karatsuba((PyLongObject *)a, (PyLongObject *)b);
        PyObject *sb = (PyObject *)kr_long_mul_schoolbook((PyLongObject *)a, (PyLongObject *)b);
        ok_lop &= eq(k, sb);
        Py_XDECREF(a); Py_XDECREF(b); Py_XDECREF(k); Py_XDECREF(sb);
    }
    check(ok_lop, "lopsided Karatsuba == schoolbook");
}

static void test_division(void)
{
    int ok_id = 1, ok_rem = 1;
    for (int i = 0; i < 400; i++) {
        PyObject *a = rand_int(1 + lcg() % 700), *b = rand_int(1 + lcg() % 300);
        if (Py_SIZE(b) == 0) {
            Py_DECREF(b);
            b = PyLong_FromLong(7);
        }
        PyObject *q = BIN(nb_floor_divide, a, b), *r = BIN(nb_remainder, a, b);
        PyObject *qb = BIN(nb_multiply, q, b), *back = BIN(nb_add, qb, r);
        ok_id &= eq(back, a);
        /* 0 <= |r| < |b| and r has b's sign */
        ok_rem &= Py_SIZE(r) == 0 || ((Py_SIZE(r) < 0) == (Py_SIZE(b) < 0));
        PyObject *ar = PyNumber_Absolute(r), *ab = PyNumber_Absolute(b);
        ok_rem &= kr_long_compare((PyLongObject *)ar, (PyLongObject *)ab) < 0;
        Py_XDECREF(a); Py_XDECREF(b); Py_XDECREF(q); Py_XDECREF(r); Py_XDECREF(qb); Py_XDECREF(back);
        Py_XDECREF(ar); Py_XDECREF(ab);
    }
    check(ok_id, "(a // b) * b + a % b == a");
    check(ok_rem, "remainder has the divisor's sign and smaller magnitude");
}

static void test_strings(void)
{
    int ok10 = 1, ok16 = 1, ok2 = 1;
    for (int i = 0; i < 100; i++) {
        PyObject *a = rand_int(1 + lcg() % 1500);
        PyObject *s = _PyLong_Format(a, 10);
        PyObject *b = s ? PyLong_FromUnicodeObject(s, 10) : NULL;
        ok10 &= eq(a, b);
        PyObject *h = _PyLong_Format(a, 16);
        PyObject *c = h ? PyLong_FromUnicodeObject(h, 0) : NULL;
        ok16 &= eq(a, c);
        PyObject *bi = _PyLong_Format(a, 2);
        PyObject *d = bi ? PyLong_FromUnicodeObject(bi, 0) : NULL;
        ok2 &= eq(a, d);
        Py_XDECREF(a); Py_XDECREF(s); Py_XDECREF(b); Py_XDECREF(h); Py_XDECREF(c); Py_XDECREF(bi); Py_XDECREF(d);
    }
    check(ok10, "int(str(a)) == a");
    check(ok16, "int(hex(a), 0) == a");
    check(ok2, "int(bin(a), 0) == a");
    PyObject *v = PyLong_FromString("-1234567890123456789012345678901234567890", NULL, 10);
    PyObject *s = v ? PyObject_Str(v) : NULL;
    check(s != NULL && strcmp(PyUnicode_AsUTF8(s), "-1234567890123456789012345678901234567890") == 0,
          "decimal string round trip of a known value");
    Py_XDECREF(v); Py_XDECREF(s);
}

static void test_bits(void)
{
    int ok_shift = 1, ok_bit = 1, ok_inv = 1, ok_bytes = 1;
    for (int i = 0; i < 300; i++) {
        PyObject *a = rand_int(1 + lcg() % 200), *b = rand_int(1 + lcg() % 200);
        Py_ssize_t k = (Py_ssize_t)(lcg() % 500);
        PyObject *l = kr_long_lshift_ssize((PyLongObject *)a, k);
        PyObject *r = l ? kr_long_rshift_ssize((PyLongObject *)l, k) : NULL;
        ok_shift &= eq(r, a);
        PyObject *x = BIN(nb_xor, a, b), *o = BIN(nb_or, a, b), *n = BIN(nb_and, a, b);
        PyObject *diff = BIN(nb_subtract, o, n);
        ok_bit &= eq(x, diff);
        PyObject *inv = PyNumber_Invert(a), *neg = PyNumber_Negative(a);
        PyObject *negm1 = inv ? BIN(nb_subtract, neg, kr_small_int(1)) : NULL;
        ok_inv &= eq(inv, negm1);
        size_t nb = _PyLong_NumBits(a) / 8 + 2;
        unsigned char buf[512];
        int little = (int)(lcg() & 1);
        int rc = _PyLong_AsByteArray((PyLongObject *)a, buf, nb, little, 1);
        PyObject *back = rc == 0 ? _PyLong_FromByteArray(buf, nb, little, 1) : NULL;
        ok_bytes &= eq(back, a);
        Py_XDECREF(a); Py_XDECREF(b); Py_XDECREF(l); Py_XDECREF(r); Py_XDECREF(x); Py_XDECREF(o);
        Py_XDECREF(n); Py_XDECREF(diff); Py_XDECREF(inv); Py_XDECREF(neg); Py_XDECREF(negm1); Py_XDECREF(back);
    }
    check(ok_shift, "(a << k) >> k == a");
    check(ok_bit, "a ^ b == (a | b) - (a & b)");
    check(ok_inv, "~a == -a - 1");
    check(ok_bytes, "signed byte array round trip");
}

static void test_pow_hash_float(void)
{
    /* pow(a, e, m) against repeated multiplication */
    int ok_pow = 1;
    for (int i = 0; i < 40; i++) {
        PyObject *a = rand_int(1 + lcg() % 40), *m = rand_int(1 + lcg() % 30);
        if (Py_SIZE(m) == 0) {
            Py_DECREF(m);
            m = PyLong_FromLong(1000003);
        }
        long e = (long)(lcg() % 40);
        PyObject *ev = PyLong_FromLong(e);
        PyObject *p = kr_long_pow(a, ev, m);
        PyObject *acc = kr_small_int(1);
        for (long j = 0; j < e; j++) {
            PyObject *t = BIN(nb_multiply, acc, a);
            Py_DECREF(acc);
            acc = BIN(nb_remainder, t, m);
            Py_DECREF(t);
        }
        PyObject *expect = BIN(nb_remainder, acc, m);
        ok_pow &= eq(p, expect);
        Py_XDECREF(a); Py_XDECREF(m); Py_XDECREF(ev); Py_XDECREF(p); Py_XDECREF(acc); Py_XDECREF(expect);
    }
    check(ok_pow, "pow(a, e, m) == a*...*a % m");
    /* hash(a) == a mod (2**61 - 1), with -1 mapped to -2 */
    int ok_hash = 1;
    PyObject *mod = PyLong_FromUnsignedLongLong(((unsigned long long)1 << 61) - 1);
    for (int i = 0; i < 200; i++) {
        PyObject *a = rand_int(1 + lcg() % 100);
        PyObject *absa = PyNumber_Absolute(a);
        PyObject *r = BIN(nb_remainder, absa, mod);
        long long h = PyLong_AsLongLong(r);
        if (Py_SIZE(a) < 0)
            h = -h;
        if (h == -1)
            h = -2;
        ok_hash &= PyObject_Hash(a) == (Py_hash_t)h;
        Py_XDECREF(a); Py_XDECREF(absa); Py_XDECREF(r);
    }
    Py_DECREF(mod);
    check(ok_hash, "hash(a) is a modulo 2**61 - 1");
    /* exact doubles convert exactly, and back */
    int ok_float = 1;
    for (int i = 0; i < 200; i++) {
        double d = ldexp((double)(lcg() >> 11), (int)(lcg() % 900));
        PyObject *v = PyLong_FromDouble(d);
        ok_float &= v != NULL && PyLong_AsDouble(v) == d;
        Py_XDECREF(v);
    }
    check(ok_float, "float(int(d)) == d for integral doubles");
    PyObject *big = PyLong_FromString("1" "000000000000000000000000000000000000000000000000000000000000000000000000000000"
                                      "000000000000000000000000000000000000000000000000000000000000000000000000000000"
                                      "000000000000000000000000000000000000000000000000000000000000000000000000000000"
                                      "000000000000000000000000000000000000000000000000000000000000000000000000000000", NULL, 10);
    double bd = PyLong_AsDouble(big);
    check(bd == -1.0 && PyErr_ExceptionMatches(PyExc_OverflowError), "10**312 overflows a double");
    PyErr_Clear();
    Py_XDECREF(big);
}

int main(void)
{
    krait_options o = krait_default_options();
    krait_context *ctx = krait_context_new(&o);
    if (ctx == NULL || krait_enter(ctx) != 0) {
        printf("not ok 1 - context\n");
        return 1;
    }
    test_add_sub_mul();
    test_division();
    test_strings();
    test_bits();
    test_pow_hash_float();
    if (PyErr_Occurred()) {
        PyErr_Print();
        failures++;
    }
    krait_leave(ctx);
    krait_context_free(ctx);
    printf("%d checks, %d failures\n", counter, failures);
    return failures != 0;
}
