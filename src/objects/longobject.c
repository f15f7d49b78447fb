/* longobject.c: the int type's core: allocation (with a per-context free
 * list of one-digit ints, longobject_internal.h), the small-int cache,
 * conversions between ints and C integers / doubles / byte arrays,
 * hashing, comparison, and PyLong_Type itself.
 *
 * An int is a sign-magnitude number in base 2**30 (include/longobject.h).
 * The algorithms live beside this file: long_arith.c (add, sub, mul with
 * Karatsuba), long_divide.c (division, true division, pow), long_bits.c
 * (shifts and bitwise operations), long_format.c (str <-> int and
 * __format__), long_methods.c (int() and the Python-level methods). */
#include "internal.h"
#include "objects/longobject_internal.h"
#include <float.h>

/* ---- the small-int cache: immortal, initialised at compile time ---- */

#define KR_SI(v) \
    { { { _Py_IMMORTAL_REFCNT, &PyLong_Type }, ((v) > 0) - ((v) < 0) }, \
      { (digit)((v) < 0 ? -(v) : (v)) } }

PyLongObject kr_long_small_ints[KR_NSMALLNEG + KR_NSMALLPOS] = {
    KR_SI(-5), KR_SI(-4), KR_SI(-3), KR_SI(-2), KR_SI(-1), KR_SI(0), KR_SI(1), KR_SI(2),
    KR_SI(3), KR_SI(4), KR_SI(5), KR_SI(6), KR_SI(7), KR_SI(8), KR_SI(9), KR_SI(10),
    KR_SI(11), KR_SI(12), KR_SI(13), KR_SI(14), KR_SI(15), KR_SI(16), KR_SI(17), KR_SI(18),
    KR_SI(19), KR_SI(20), KR_SI(21), KR_SI(22), KR_SI(23), KR_SI(24), KR_SI(25), KR_SI(26),
    KR_SI(27), KR_SI(28), KR_SI(29), KR_SI(30), KR_SI(31), KR_SI(32), KR_SI(33), KR_SI(34),
    KR_SI(35), KR_SI(36), KR_SI(37), KR_SI(38), KR_SI(39), KR_SI(40), KR_SI(41), KR_SI(42),
    KR_SI(43), KR_SI(44), KR_SI(45), KR_SI(46), KR_SI(47), KR_SI(48), KR_SI(49), KR_SI(50),
    KR_SI(51), KR_SI(52), KR_SI(53), KR_SI(54), KR_SI(55), KR_SI(56), KR_SI(57), KR_SI(58),
    KR_SI(59), KR_SI(60), KR_SI(61), KR_SI(62), KR_SI(63), KR_SI(64), KR_SI(65), KR_SI(66),
    KR_SI(67), KR_SI(68), KR_SI(69), KR_SI(70), KR_SI(71), KR_SI(72), KR_SI(73), KR_SI(74),
    KR_SI(75), KR_SI(76), KR_SI(77), KR_SI(78), KR_SI(79), KR_SI(80), KR_SI(81), KR_SI(82),
    KR_SI(83), KR_SI(84), KR_SI(85), KR_SI(86), KR_SI(87), KR_SI(88), KR_SI(89), KR_SI(90),
    KR_SI(91), KR_SI(92), KR_SI(93), KR_SI(94), KR_SI(95), KR_SI(96), KR_SI(97), KR_SI(98),
    KR_SI(99), KR_SI(100), KR_SI(101), KR_SI(102), KR_SI(103), KR_SI(104), KR_SI(105), KR_SI(106),
    KR_SI(107), KR_SI(108), KR_SI(109), KR_SI(110), KR_SI(111), KR_SI(112), KR_SI(113), KR_SI(114),
    KR_SI(115), KR_SI(116), KR_SI(117), KR_SI(118), KR_SI(119), KR_SI(120), KR_SI(121), KR_SI(122),
    KR_SI(123), KR_SI(124), KR_SI(125), KR_SI(126), KR_SI(127), KR_SI(128), KR_SI(129), KR_SI(130),
    KR_SI(131), KR_SI(132), KR_SI(133), KR_SI(134), KR_SI(135), KR_SI(136), KR_SI(137), KR_SI(138),
    KR_SI(139), KR_SI(140), KR_SI(141), KR_SI(142), KR_SI(143), KR_SI(144), KR_SI(145), KR_SI(146),
    KR_SI(147), KR_SI(148), KR_SI(149), KR_SI(150), KR_SI(151), KR_SI(152), KR_SI(153), KR_SI(154),
    KR_SI(155), KR_SI(156), KR_SI(157), KR_SI(158), KR_SI(159), KR_SI(160), KR_SI(161), KR_SI(162),
    KR_SI(163), KR_SI(164), KR_SI(165), KR_SI(166), KR_SI(167), KR_SI(168), KR_SI(169), KR_SI(170),
    KR_SI(171), KR_SI(172), KR_SI(173), KR_SI(174), KR_SI(175), KR_SI(176), KR_SI(177), KR_SI(178),
    KR_SI(179), KR_SI(180), KR_SI(181), KR_SI(182), KR_SI(183), KR_SI(184), KR_SI(185), KR_SI(186),
    KR_SI(187), KR_SI(188), KR_SI(189), KR_SI(190), KR_SI(191), KR_SI(192), KR_SI(193), KR_SI(194),
    KR_SI(195), KR_SI(196), KR_SI(197), KR_SI(198), KR_SI(199), KR_SI(200), KR_SI(201), KR_SI(202),
    KR_SI(203), KR_SI(204), KR_SI(205), KR_SI(206), KR_SI(207), KR_SI(208), KR_SI(209), KR_SI(210),
    KR_SI(211), KR_SI(212), KR_SI(213), KR_SI(214), KR_SI(215), KR_SI(216), KR_SI(217), KR_SI(218),
    KR_SI(219), KR_SI(220), KR_SI(221), KR_SI(222), KR_SI(223), KR_SI(224), KR_SI(225), KR_SI(226),
    KR_SI(227), KR_SI(228), KR_SI(229), KR_SI(230), KR_SI(231), KR_SI(232), KR_SI(233), KR_SI(234),
    KR_SI(235), KR_SI(236), KR_SI(237), KR_SI(238), KR_SI(239), KR_SI(240), KR_SI(241), KR_SI(242),
    KR_SI(243), KR_SI(244), KR_SI(245), KR_SI(246), KR_SI(247), KR_SI(248), KR_SI(249), KR_SI(250),
    KR_SI(251), KR_SI(252), KR_SI(253), KR_SI(254), KR_SI(255), KR_SI(256),
};

/* ---- allocation ---- */

/* Memory for an exact int of ndigits >= 1 digits, header set (new ref);
 * NULL with MemoryError.  One-digit ints reuse the context's dead ones. */
static inline PyLongObject *kr_long_alloc(Py_ssize_t ndigits)
{
    if (ndigits == 1) {
        PyThreadState *ts = kr_tstate_get();
        if (ts != NULL) {
            PyLongObject *r = kr_freelist_pop(ts->interp, &ts->interp->numbers.ints);
            if (r != NULL)
                return kr_long_init_header(r, 1);
        }
    }
    size_t nbytes = offsetof(PyLongObject, ob_digit) + (size_t)ndigits * sizeof(digit);
    PyLongObject *r = (PyLongObject *)PyObject_Malloc(nbytes);
    if (r == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    return kr_long_init_header(r, ndigits);
}

PyLongObject *_PyLong_New(Py_ssize_t size)
{
    if (size > KR_MAX_LONG_DIGITS) {
        PyErr_SetString(PyExc_OverflowError, "too many digits in integer");
        return NULL;
    }
    /* Zero still gets room for one digit, as in CPython. */
    PyLongObject *v = kr_long_alloc(size > 0 ? size : 1);
    if (v == NULL)
        return NULL;
    Py_SET_SIZE(v, size);
    v->ob_digit[0] = 0;
    return v;
}

PyObject *_PyLong_Copy(PyLongObject *src)
{
    Py_ssize_t n = KR_ABS(Py_SIZE(src));
    if (n <= 1) {
        sdigit val = kr_long_compact_value((PyObject *)src);
        if (kr_long_is_small_value(val))
            return kr_small_int(val);
    }
    PyLongObject *r = _PyLong_New(n);
    if (r == NULL)
        return NULL;
    Py_SET_SIZE(r, Py_SIZE(src));
    memcpy(r->ob_digit, src->ob_digit, (size_t)n * sizeof(digit));
    return (PyObject *)r;
}

PyLongObject *kr_long_normalize(PyLongObject *v)
{
    Py_ssize_t n = KR_ABS(Py_SIZE(v));
    Py_ssize_t i = n;
    while (i > 0 && v->ob_digit[i - 1] == 0)
        i--;
    if (i != n)
        Py_SET_SIZE(v, Py_SIZE(v) < 0 ? -i : i);
    return v;
}

PyObject *kr_long_maybe_small(PyLongObject *v)
{
    if (v != NULL && kr_long_is_compact((PyObject *)v) && PyLong_CheckExact(v)) {
        sdigit val = kr_long_compact_value((PyObject *)v);
        if (kr_long_is_small_value(val)) {
            Py_DECREF(v);
            return kr_small_int(val);
        }
    }
    return (PyObject *)v;
}

/* An int from a sign and a 64-bit magnitude: at most three digits, set
 * without a loop. */
static PyObject *kr_long_from_mag64(uint64_t mag, int negative)
{
    if (mag < KR_NSMALLPOS && (!negative || mag <= KR_NSMALLNEG))
        return kr_small_int(negative ? -(long)mag : (long)mag);
    Py_ssize_t ndigits = mag >> PyLong_SHIFT == 0 ? 1 : mag >> 2 * PyLong_SHIFT == 0 ? 2 : 3;
    PyLongObject *v = kr_long_alloc(ndigits);
    if (v == NULL)
        return NULL;
    v->ob_digit[0] = (digit)(mag & PyLong_MASK);
    if (ndigits > 1) {
        v->ob_digit[1] = (digit)((mag >> PyLong_SHIFT) & PyLong_MASK);
        if (ndigits > 2)
            v->ob_digit[2] = (digit)(mag >> 2 * PyLong_SHIFT);
    }
    if (negative)
        Py_SET_SIZE(v, -ndigits);
    return (PyObject *)v;
}

/* ---- from C integers ---- */

PyObject *kr_long_from_long_slow(long v)
{
    if (v < 0)
        return kr_long_from_mag64((uint64_t)0 - (uint64_t)v, 1);
    return kr_long_from_mag64((uint64_t)v, 0);
}

/* (stwodigits and long are both 64 bits: Krait targets LP64) */
_Static_assert(sizeof(stwodigits) == sizeof(long), "stwodigits fits a long");

PyObject *kr_long_from_stwodigits(stwodigits v) { return kr_long_from_long_fast((long)v); }

PyObject *PyLong_FromLong(long v) { return kr_long_from_long_fast(v); }
PyObject *PyLong_FromUnsignedLong(unsigned long v) { return kr_long_from_mag64(v, 0); }
PyObject *PyLong_FromLongLong(long long v) { return kr_long_from_long_fast((long)v); }
PyObject *PyLong_FromUnsignedLongLong(unsigned long long v) { return kr_long_from_mag64(v, 0); }
PyObject *PyLong_FromSsize_t(Py_ssize_t v) { return kr_long_from_long_fast((long)v); }
PyObject *PyLong_FromSize_t(size_t v) { return kr_long_from_mag64(v, 0); }

PyObject *PyLong_FromVoidPtr(void *p)
{
    return PyLong_FromUnsignedLong((unsigned long)(uintptr_t)p);
}

/* ---- to C integers ---- */

/* Borrow an int for v: v itself, or the result of __index__ stored in
 * *owned (which the caller releases).  NULL with an exception on error. */
static PyLongObject *kr_long_borrow_index(PyObject *v, PyObject **owned)
{
    *owned = NULL;
    if (v == NULL) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (PyLong_Check(v))
        return (PyLongObject *)v;
    PyObject *r = _PyNumber_Index(v);
    if (r == NULL)
        return NULL;
    *owned = r;
    return (PyLongObject *)r;
}

/* Magnitude of v as a uint64; returns 0 if it does not fit. */
static int kr_long_mag64(PyLongObject *v, uint64_t *out)
{
    Py_ssize_t n = KR_ABS(Py_SIZE(v));
    uint64_t x = 0;
    while (--n >= 0) {
        if (x >> (64 - PyLong_SHIFT))
            return 0;
        x = (x << PyLong_SHIFT) | v->ob_digit[n];
    }
    *out = x;
    return 1;
}

/* Signed 64-bit value of v: returns 0 and sets *overflow = +1/-1 when it
 * does not fit. */
static long long kr_long_to_ll(PyLongObject *v, int *overflow)
{
    uint64_t mag;
    *overflow = 0;
    Py_ssize_t size = Py_SIZE(v);
    if (!kr_long_mag64(v, &mag))
        goto ovf;
    if (size < 0) {
        if (mag > (uint64_t)LLONG_MAX + 1)
            goto ovf;
        return (long long)(0 - mag);
    }
    if (mag > (uint64_t)LLONG_MAX)
        goto ovf;
    return (long long)mag;
ovf:
    *overflow = size < 0 ? -1 : 1;
    return -1;
}

long PyLong_AsLongAndOverflow(PyObject *vv, int *overflow)
{
    PyObject *owned;
    *overflow = 0;
    PyLongObject *v = kr_long_borrow_index(vv, &owned);
    if (v == NULL)
        return -1;
    long r = (long)kr_long_to_ll(v, overflow);
    Py_XDECREF(owned);
    return r;
}

long long PyLong_AsLongLongAndOverflow(PyObject *vv, int *overflow)
{
    return PyLong_AsLongAndOverflow(vv, overflow);
}

static long kr_long_as_signed(PyObject *vv, const char *msg)
{
    int overflow;
    long r = PyLong_AsLongAndOverflow(vv, &overflow);
    if (overflow) {
        PyErr_SetString(PyExc_OverflowError, msg);
        return -1;
    }
    return r;
}

long PyLong_AsLong(PyObject *v)
{
    if (v != NULL && PyLong_CheckExact(v) && kr_long_is_compact(v))
        return kr_long_compact_value(v);
    return kr_long_as_signed(v, "Python int too large to convert to C long");
}

long long PyLong_AsLongLong(PyObject *v)
{
    return kr_long_as_signed(v, "int too big to convert");
}

Py_ssize_t PyLong_AsSsize_t(PyObject *v)
{
    if (v != NULL && PyLong_Check(v)) {
        Py_ssize_t r;
        if (kr_long_as_ssize_t_fast(v, &r))
            return r;
        int overflow;
        r = (Py_ssize_t)kr_long_to_ll((PyLongObject *)v, &overflow);
        if (!overflow)
            return r;
        PyErr_SetString(PyExc_OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    if (v == NULL)
        PyErr_BadInternalCall();
    else
        PyErr_SetString(PyExc_TypeError, "an integer is required");
    return -1;
}

int _PyLong_AsInt(PyObject *v)
{
    int overflow;
    long r = PyLong_AsLongAndOverflow(v, &overflow);
    if (overflow || r > INT_MAX || r < INT_MIN) {
        PyErr_SetString(PyExc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    return (int)r;
}

/* Unsigned conversions of an exact int (no __index__), with CPython's
 * messages for each C type. */
static uint64_t kr_long_as_unsigned(PyObject *vv, const char *neg_msg, const char *big_msg)
{
    if (vv == NULL) {
        PyErr_BadInternalCall();
        return (uint64_t)-1;
    }
    if (!PyLong_Check(vv)) {
        PyErr_SetString(PyExc_TypeError, "an integer is required");
        return (uint64_t)-1;
    }
    PyLongObject *v = (PyLongObject *)vv;
    if (Py_SIZE(v) < 0) {
        PyErr_SetString(PyExc_OverflowError, neg_msg);
        return (uint64_t)-1;
    }
    uint64_t r;
    if (!kr_long_mag64(v, &r)) {
        PyErr_SetString(PyExc_OverflowError, big_msg);
        return (uint64_t)-1;
    }
    return r;
}

unsigned long PyLong_AsUnsignedLong(PyObject *v)
{
    return kr_long_as_unsigned(v, "can't convert negative value to unsigned int",
                               "Python int too large to convert to C unsigned long");
}

size_t PyLong_AsSize_t(PyObject *v)
{
    return kr_long_as_unsigned(v, "can't convert negative value to unsigned int",
                               "Python int too large to convert to C size_t");
}

unsigned long long PyLong_AsUnsignedLongLong(PyObject *v)
{
    return kr_long_as_unsigned(v, "can't convert negative int to unsigned",
                               "int too big to convert");
}

/* The low 64 bits of v in two's complement. */
static uint64_t kr_long_low64(PyLongObject *v)
{
    Py_ssize_t n = KR_ABS(Py_SIZE(v));
    uint64_t x = 0;
    /* digits above bit 64 cannot affect the low 64 bits */
    Py_ssize_t top = n < 3 ? n : 3;
    while (--top >= 0)
        x = (x << PyLong_SHIFT) | v->ob_digit[top];
    return Py_SIZE(v) < 0 ? (uint64_t)0 - x : x;
}

unsigned long PyLong_AsUnsignedLongMask(PyObject *vv)
{
    PyObject *owned;
    PyLongObject *v = kr_long_borrow_index(vv, &owned);
    if (v == NULL)
        return (unsigned long)-1;
    uint64_t r = kr_long_low64(v);
    Py_XDECREF(owned);
    return r;
}

unsigned long long PyLong_AsUnsignedLongLongMask(PyObject *v)
{
    return PyLong_AsUnsignedLongMask(v);
}

void *PyLong_AsVoidPtr(PyObject *v)
{
    if (PyLong_Check(v) && Py_SIZE(v) < 0)
        return (void *)(intptr_t)PyLong_AsLong(v);
    return (void *)(uintptr_t)PyLong_AsUnsignedLong(v);
}

/* PyArg converters ("O&") for unsigned C types, as CPython offers them. */
static int kr_long_unsigned_converter(PyObject *obj, uint64_t max, uint64_t *out)
{
    if (PyLong_Check(obj) && Py_SIZE(obj) < 0) {
        PyErr_SetString(PyExc_ValueError, "value must be positive");
        return 0;
    }
    PyObject *owned;
    PyLongObject *v = kr_long_borrow_index(obj, &owned);
    if (v == NULL)
        return 0;
    if (Py_SIZE(v) < 0) {
        Py_XDECREF(owned);
        PyErr_SetString(PyExc_ValueError, "value must be positive");
        return 0;
    }
    uint64_t r;
    int ok = kr_long_mag64(v, &r) && r <= max;
    Py_XDECREF(owned);
    if (!ok) {
        PyErr_SetString(PyExc_OverflowError, "Python int too large for C unsigned");
        return 0;
    }
    *out = r;
    return 1;
}

int _PyLong_UnsignedShort_Converter(PyObject *obj, void *ptr)
{
    uint64_t r;
    if (!kr_long_unsigned_converter(obj, USHRT_MAX, &r))
        return 0;
    *(unsigned short *)ptr = (unsigned short)r;
    return 1;
}

int _PyLong_UnsignedInt_Converter(PyObject *obj, void *ptr)
{
    uint64_t r;
    if (!kr_long_unsigned_converter(obj, UINT_MAX, &r))
        return 0;
    *(unsigned int *)ptr = (unsigned int)r;
    return 1;
}

int _PyLong_UnsignedLong_Converter(PyObject *obj, void *ptr)
{
    uint64_t r;
    if (!kr_long_unsigned_converter(obj, ULONG_MAX, &r))
        return 0;
    *(unsigned long *)ptr = (unsigned long)r;
    return 1;
}

int _PyLong_UnsignedLongLong_Converter(PyObject *obj, void *ptr)
{
    uint64_t r;
    if (!kr_long_unsigned_converter(obj, ULLONG_MAX, &r))
        return 0;
    *(unsigned long long *)ptr = r;
    return 1;
}

int _PyLong_Size_t_Converter(PyObject *obj, void *ptr)
{
    uint64_t r;
    if (!kr_long_unsigned_converter(obj, SIZE_MAX, &r))
        return 0;
    *(size_t *)ptr = (size_t)r;
    return 1;
}

/* ---- sign, bit length, byte arrays ---- */

int _PyLong_Sign(PyObject *v)
{
    Py_ssize_t n = Py_SIZE(v);
    return n == 0 ? 0 : (n < 0 ? -1 : 1);
}

static int kr_digit_bit_length(digit d)
{
    return d ? 32 - __builtin_clz(d) : 0;
}

size_t _PyLong_NumBits(PyObject *vv)
{
    PyLongObject *v = (PyLongObject *)vv;
    Py_ssize_t n = KR_ABS(Py_SIZE(v));
    if (n == 0)
        return 0;
    return (size_t)(n - 1) * PyLong_SHIFT + (size_t)kr_digit_bit_length(v->ob_digit[n - 1]);
}

PyObject *_PyLong_FromByteArray(const unsigned char *bytes, size_t n,
                                int little_endian, int is_signed)
{
    if (n == 0)
        return kr_small_int(0);
    /* byte k (0 = least significant) of the two's complement image */
#define KR_BYTE_AT(k) (little_endian ? bytes[(k)] : bytes[n - 1 - (k)])
    int negative = is_signed && (KR_BYTE_AT(n - 1) & 0x80);
    /* skip high bytes that are pure sign extension */
    size_t used = n;
    unsigned char ext = negative ? 0xff : 0x00;
    while (used > 0 && KR_BYTE_AT(used - 1) == ext)
        used--;
    if (used > (size_t)PY_SSIZE_T_MAX / 8) {
        PyErr_SetString(PyExc_OverflowError, "byte array too long to convert to int");
        return NULL;
    }
    Py_ssize_t ndigits = (Py_ssize_t)((used * 8 + PyLong_SHIFT - 1) / PyLong_SHIFT) + 1;
    PyLongObject *v = _PyLong_New(ndigits);
    if (v == NULL)
        return NULL;
    /* Convert the magnitude: for negatives, complement and add one as the
     * bytes stream past. */
    twodigits acc = 0;
    int accbits = 0;
    unsigned carry = 1;
    Py_ssize_t id = 0;
    for (size_t k = 0; k < n && k < used + 1; k++) {
        unsigned b = KR_BYTE_AT(k);
        if (negative) {
            b = (b ^ 0xffu) + carry;
            carry = b >> 8;
            b &= 0xffu;
        }
        acc |= (twodigits)b << accbits;
        accbits += 8;
        if (accbits >= PyLong_SHIFT) {
            v->ob_digit[id++] = (digit)(acc & PyLong_MASK);
            acc >>= PyLong_SHIFT;
            accbits -= PyLong_SHIFT;
        }
    }
    if (negative && carry && n <= used) {
        /* the value is exactly -2**(8n): one more bit on top */
        acc |= (twodigits)1 << accbits;
        accbits += 1;
    }
    while (accbits > 0 && id < ndigits) {
        v->ob_digit[id++] = (digit)(acc & PyLong_MASK);
        acc >>= PyLong_SHIFT;
        accbits -= PyLong_SHIFT;
    }
    while (id < ndigits)
        v->ob_digit[id++] = 0;
#undef KR_BYTE_AT
    if (negative)
        Py_SET_SIZE(v, -ndigits);
    return kr_long_maybe_small(kr_long_normalize(v));
}

int _PyLong_AsByteArray(PyLongObject *v, unsigned char *bytes, size_t n,
                        int little_endian, int is_signed)
{
    Py_ssize_t ndigits = KR_ABS(Py_SIZE(v));
    int negative = Py_SIZE(v) < 0;
    if (negative && !is_signed) {
        PyErr_SetString(PyExc_OverflowError, "can't convert negative int to unsigned");
        return -1;
    }
    twodigits acc = 0;
    int accbits = 0;
    unsigned carry = 1;
    size_t j = 0;
    Py_ssize_t i = 0;
    unsigned char last = 0;
    /* Stream the magnitude out byte by byte, two's-complementing negatives. */
    while (i < ndigits || accbits >= 8) {
        if (accbits < 8 && i < ndigits) {
            acc |= (twodigits)v->ob_digit[i++] << accbits;
            accbits += PyLong_SHIFT;
            continue;
        }
        unsigned b = (unsigned)(acc & 0xff);
        acc >>= 8;
        accbits -= 8;
        if (negative) {
            b = (b ^ 0xffu) + carry;
            carry = b >> 8;
            b &= 0xffu;
        }
        if (j >= n) {
            /* more significant bytes must all be sign extension */
            if (b != (negative ? 0xffu : 0u))
                goto overflow;
        }
        else {
            bytes[little_endian ? j : n - 1 - j] = (unsigned char)b;
            last = (unsigned char)b;
        }
        j++;
    }
    if (accbits > 0) {
        unsigned b = (unsigned)(acc & 0xff);
        if (negative) {
            b = (b ^ 0xffu) + carry;
            carry = b >> 8;
            /* fill the unused high bits of the last byte with ones */
            b |= (0xffu << accbits);
            b &= 0xffu;
        }
        if (j >= n) {
            if (b != (negative ? 0xffu : 0u))
                goto overflow;
        }
        else {
            bytes[little_endian ? j : n - 1 - j] = (unsigned char)b;
            last = (unsigned char)b;
        }
        j++;
    }
    if (j <= n) {
        unsigned char fill = negative ? 0xff : 0x00;
        if (j == 0)
            last = fill;
        for (; j < n; j++)
            bytes[little_endian ? j : n - 1 - j] = fill;
    }
    if (is_signed && n > 0) {
        /* the top stored bit must agree with the sign */
        unsigned char top = bytes[little_endian ? n - 1 : 0];
        if (((top & 0x80) != 0) != negative)
            goto overflow;
    }
    (void)last;
    return 0;
overflow:
    PyErr_SetString(PyExc_OverflowError, "int too big to convert");
    return -1;
}

/* ---- float conversion, correctly rounded ---- */

/* |v| rounded half-to-even to 53 significant bits: *mant (an integer below
 * or at 2**53) times 2***shift. */
static void kr_long_round53(PyLongObject *v, uint64_t *mant, Py_ssize_t *shift)
{
    Py_ssize_t n = KR_ABS(Py_SIZE(v));
    size_t nbits = _PyLong_NumBits((PyObject *)v);
    uint64_t x;
    Py_ssize_t sh = (Py_ssize_t)nbits - (DBL_MANT_DIG + 2);
    if (sh <= 0) {
        uint64_t m = 0;
        kr_long_mag64(v, &m);
        x = m << -sh;
    }
    else {
        /* collect the top 55 bits, remembering whether anything below
         * them is nonzero (the sticky bit) */
        Py_ssize_t dig = sh / PyLong_SHIFT;
        int bit = (int)(sh % PyLong_SHIFT);
        unsigned __int128 acc = 0;
        for (Py_ssize_t i = n - 1; i >= dig; i--)
            acc = (acc << PyLong_SHIFT) | v->ob_digit[i];
        int sticky = (acc & (((unsigned __int128)1 << bit) - 1)) != 0;
        x = (uint64_t)(acc >> bit);
        for (Py_ssize_t i = 0; i < dig && !sticky; i++)
            sticky = v->ob_digit[i] != 0;
        x |= (uint64_t)sticky;
    }
    uint64_t low = x & 3;
    x >>= 2;
    if (low == 3 || (low == 2 && (x & 1)))
        x++;
    *mant = x;
    *shift = sh + 2;
}

double kr_long_as_double(PyLongObject *v)
{
    if (kr_long_is_compact((PyObject *)v))
        return (double)kr_long_compact_value((PyObject *)v);
    uint64_t mant;
    Py_ssize_t shift;
    kr_long_round53(v, &mant, &shift);
    if (shift + DBL_MANT_DIG > DBL_MAX_EXP ||
        (shift + DBL_MANT_DIG == DBL_MAX_EXP && mant >> DBL_MANT_DIG)) {
        PyErr_SetString(PyExc_OverflowError, "int too large to convert to float");
        return -1.0;
    }
    double d = ldexp((double)mant, (int)shift);
    return Py_SIZE(v) < 0 ? -d : d;
}

double _PyLong_Frexp(PyLongObject *a, Py_ssize_t *e)
{
    if (Py_SIZE(a) == 0) {
        *e = 0;
        return 0.0;
    }
    uint64_t mant;
    Py_ssize_t shift;
    kr_long_round53(a, &mant, &shift);
    double m = ldexp((double)mant, -DBL_MANT_DIG);
    Py_ssize_t ex = shift + DBL_MANT_DIG;
    if (m == 1.0) {
        m = 0.5;
        ex++;
    }
    *e = ex;
    return Py_SIZE(a) < 0 ? -m : m;
}

double PyLong_AsDouble(PyObject *v)
{
    if (v == NULL) {
        PyErr_BadInternalCall();
        return -1.0;
    }
    if (!PyLong_Check(v)) {
        PyErr_SetString(PyExc_TypeError, "an integer is required");
        return -1.0;
    }
    return kr_long_as_double((PyLongObject *)v);
}

PyObject *PyLong_FromDouble(double d)
{
    if (d > -9.2e18 && d < 9.2e18)
        return PyLong_FromLong((long)d);
    if (isinf(d)) {
        PyErr_SetString(PyExc_OverflowError, "cannot convert float infinity to integer");
        return NULL;
    }
    if (isnan(d)) {
        PyErr_SetString(PyExc_ValueError, "cannot convert float NaN to integer");
        return NULL;
    }
    int negative = d < 0;
    int ex;
    double frac = frexp(negative ? -d : d, &ex);   /* d = frac * 2**ex, ex > 63 */
    Py_ssize_t ndigits = (ex - 1) / PyLong_SHIFT + 1;
    PyLongObject *v = _PyLong_New(ndigits);
    if (v == NULL)
        return NULL;
    /* peel 30 bits at a time from the top; the top digit takes the rest */
    frac = ldexp(frac, (ex - 1) % PyLong_SHIFT + 1);
    for (Py_ssize_t i = ndigits - 1; i >= 0; i--) {
        digit bits = (digit)frac;
        v->ob_digit[i] = bits;
        frac -= (double)bits;
        frac = ldexp(frac, PyLong_SHIFT);
    }
    if (negative)
        Py_SET_SIZE(v, -ndigits);
    return (PyObject *)v;
}

/* ---- hashing and comparison ---- */

Py_hash_t kr_long_hash(PyLongObject *v)
{
    Py_ssize_t n = Py_SIZE(v);
    if (n >= -1 && n <= 1) {
        Py_hash_t x = kr_long_compact_value((PyObject *)v);
        return x == -1 ? -2 : x;
    }
    /* reduce modulo 2**61 - 1, high digit first: multiplying by 2**30 is a
     * 61-bit rotation because 2**61 = 1 (mod the modulus) */
    Py_uhash_t x = 0;
    for (Py_ssize_t i = KR_ABS(n) - 1; i >= 0; i--) {
        x = ((x << PyLong_SHIFT) & _PyHASH_MODULUS) | (x >> (_PyHASH_BITS - PyLong_SHIFT));
        x += v->ob_digit[i];
        if (x >= _PyHASH_MODULUS)
            x -= _PyHASH_MODULUS;
    }
    Py_hash_t r = n < 0 ? -(Py_hash_t)x : (Py_hash_t)x;
    return r == -1 ? -2 : r;
}

static Py_hash_t kr_long_tp_hash(PyObject *v)
{
    return kr_long_hash((PyLongObject *)v);
}

int kr_long_compare(PyLongObject *a, PyLongObject *b)
{
    Py_ssize_t sa = Py_SIZE(a), sb = Py_SIZE(b);
    if (sa != sb)
        return sa < sb ? -1 : 1;
    Py_ssize_t i = KR_ABS(sa);
    while (--i >= 0 && a->ob_digit[i] == b->ob_digit[i])
        ;
    if (i < 0)
        return 0;
    int r = a->ob_digit[i] < b->ob_digit[i] ? -1 : 1;
    return sa < 0 ? -r : r;
}

static PyObject *kr_long_richcompare(PyObject *a, PyObject *b, int op)
{
    if (!PyLong_Check(a) || !PyLong_Check(b))
        Py_RETURN_NOTIMPLEMENTED;
    int c = a == b ? 0 : kr_long_compare((PyLongObject *)a, (PyLongObject *)b);
    Py_RETURN_RICHCOMPARE(c, 0, op);
}

/* ---- the type ---- */

/* Exact one-digit ints go back to the context's free list (their memory
 * holds at least one digit, which is all a reuse needs); subclasses, as in
 * CPython, are released with their type's tp_free. */
static void kr_long_dealloc(PyObject *self)
{
    if (PyLong_CheckExact(self)) {
        Py_ssize_t n = Py_SIZE(self);
        PyThreadState *ts = kr_tstate_get();
        if ((n == 1 || n == -1) && ts != NULL
                && kr_freelist_push(ts->interp, &ts->interp->numbers.ints, self))
            return;
        PyObject_Free(self);
        return;
    }
    Py_TYPE(self)->tp_free(self);
}

static PyObject *kr_long_repr(PyObject *self)
{
    return kr_long_to_decimal_string(self);
}

static PyNumberMethods kr_long_as_number = {
    .nb_add = kr_long_nb_add,
    .nb_subtract = kr_long_nb_sub,
    .nb_multiply = kr_long_nb_mul,
    .nb_remainder = kr_long_nb_mod,
    .nb_divmod = kr_long_nb_divmod,
    .nb_power = kr_long_pow,
    .nb_negative = kr_long_nb_neg,
    .nb_positive = kr_long_nb_pos,
    .nb_absolute = kr_long_nb_abs,
    .nb_bool = kr_long_nb_bool,
    .nb_invert = kr_long_nb_invert,
    .nb_lshift = kr_long_nb_lshift,
    .nb_rshift = kr_long_nb_rshift,
    .nb_and = kr_long_nb_and,
    .nb_xor = kr_long_nb_xor,
    .nb_or = kr_long_nb_or,
    .nb_int = kr_long_nb_int,
    .nb_float = kr_long_nb_float,
    .nb_floor_divide = kr_long_nb_floordiv,
    .nb_true_divide = kr_long_nb_truediv,
    .nb_index = kr_long_nb_int,
};

static PyObject *kr_long_tp_new(PyTypeObject *type, PyObject *args, PyObject *kwds);

PyTypeObject PyLong_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "int",
    .tp_basicsize = offsetof(PyLongObject, ob_digit),
    .tp_itemsize = sizeof(digit),
    .tp_dealloc = kr_long_dealloc,
    .tp_repr = kr_long_repr,
    .tp_as_number = &kr_long_as_number,
    .tp_hash = kr_long_tp_hash,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_LONG_SUBCLASS |
                _Py_TPFLAGS_MATCH_SELF,
    .tp_doc = "int([x]) -> integer\n"
              "int(x, base=10) -> integer\n\n"
              "Convert a number or string to an integer, or return 0 if no arguments\n"
              "are given.  If x is a number, return x.__int__().  For floating point\n"
              "numbers, this truncates towards zero.\n\n"
              "If x is not a number or if base is given, then x must be a string,\n"
              "bytes, or bytearray instance representing an integer literal in the\n"
              "given base.  The literal can be preceded by '+' or '-' and be surrounded\n"
              "by whitespace.  The base defaults to 10.  Valid bases are 0 and 2-36.\n"
              "Base 0 means to interpret the base from the string as an integer literal.\n"
              ">>> int('0b100', base=0)\n"
              "4",
    .tp_richcompare = kr_long_richcompare,
    .tp_methods = kr_long_methods,
    .tp_getset = kr_long_getset,
    .tp_new = kr_long_tp_new,
    .tp_free = PyObject_Free,
    .tp_vectorcall = kr_long_vectorcall,
};

static PyObject *kr_long_tp_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static const char *const kwlist[] = {"", "base", NULL};
    PyObject *x = NULL, *base = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|OO:int", (char **)kwlist, &x, &base))
        return NULL;
    return kr_long_new_impl(type, x, base);
}
