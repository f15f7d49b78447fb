/* longobject_internal.h: int internals shared by the numbers area's files
 * (longobject.c, long_arith.c, long_divide.c, long_bits.c, long_format.c,
 * long_methods.c) and the fast paths other areas (the VM, containers)
 * take on small ints.
 *
 * Small ints -5..256 are a process-wide static array of immortal objects
 * (design, section 4), so kr_small_int() needs no context and no INCREF.
 * A "compact" int has at most one digit: its value is sign * ob_digit[0]
 * and fits an sdigit; the VM adds and compares those without calling into
 * the general algorithms, and makes results with kr_long_from_long_fast,
 * which takes dead one-digit ints from the context's free list inline. */
#ifndef KR_LONGOBJECT_INTERNAL_H
#define KR_LONGOBJECT_INTERNAL_H
#ifndef KR_BUILD_CORE
#error "internal header"
#endif

#define KR_NSMALLNEG 5
#define KR_NSMALLPOS 257

extern PyLongObject kr_long_small_ints[KR_NSMALLNEG + KR_NSMALLPOS];

/* The cached int for v, which must lie in -5..256 (borrowed, immortal). */
static inline PyObject *kr_small_int(long v)
{
    return (PyObject *)&kr_long_small_ints[v + KR_NSMALLNEG];
}

static inline int kr_long_is_small_value(long long v)
{
    return -KR_NSMALLNEG <= v && v < KR_NSMALLPOS;
}

/* At most one digit: value fits an sdigit. */
static inline int kr_long_is_compact(PyObject *op)
{
    Py_ssize_t n = Py_SIZE(op);
    return -1 <= n && n <= 1;
}

static inline sdigit kr_long_compact_value(PyObject *op)
{
    Py_ssize_t n = Py_SIZE(op);
    return (sdigit)n * (sdigit)((PyLongObject *)op)->ob_digit[0];
}

/* Two digits or fewer (|v| < 2**60): store the value in *out and return 1;
 * otherwise return 0.  Never raises. */
static inline int kr_long_as_ssize_t_fast(PyObject *op, Py_ssize_t *out)
{
    Py_ssize_t n = Py_SIZE(op);
    const digit *d = ((PyLongObject *)op)->ob_digit;
    switch (n) {
    case 0: *out = 0; return 1;
    case 1: *out = (Py_ssize_t)d[0]; return 1;
    case -1: *out = -(Py_ssize_t)d[0]; return 1;
    case 2: *out = (Py_ssize_t)(((twodigits)d[1] << PyLong_SHIFT) | d[0]); return 1;
    case -2: *out = -(Py_ssize_t)(((twodigits)d[1] << PyLong_SHIFT) | d[0]); return 1;
    default: return 0;
    }
}

/* ---- free lists of dead numbers (struct kr_freelist, numbers_state.h) ----
 * Used only while the allocator is plain (no PyMem_SetAllocator hook, no
 * injected failures), so hooks see every allocation and injected failures
 * happen; and not at all under AddressSanitizer, which must see every
 * object die to report a use after free. */
#define KR_NUMBERS_FREELISTS KR_ALLOC_USE_POOLS
#define KR_NUMBERS_FREELIST_MAX 100

/* Memory of a dead object from fl, or NULL. */
static inline void *kr_freelist_pop(struct kr_context *c, kr_freelist *fl)
{
#if KR_NUMBERS_FREELISTS
    void *p = fl->head;
    if (p != NULL && kr_alloc_plain(&c->alloc)) {
        fl->head = (void *)Py_TYPE((PyObject *)p);
        fl->count--;
        return p;
    }
#endif
    return NULL;
}

/* Keep dead op on fl if there is room (1), else leave it to the caller (0). */
static inline int kr_freelist_push(struct kr_context *c, kr_freelist *fl, PyObject *op)
{
#if KR_NUMBERS_FREELISTS
    if (fl->count < KR_NUMBERS_FREELIST_MAX && kr_alloc_plain(&c->alloc)) {
        Py_SET_TYPE(op, (PyTypeObject *)fl->head);
        fl->head = op;
        fl->count++;
        return 1;
    }
#endif
    return 0;
}

/* ---- creating ints from C integers ---- */

/* The general case of kr_long_from_long_fast (longobject.c). */
PyObject *kr_long_from_long_slow(long v);

/* Make fresh memory r an exact int of ob_size size (digits not set).
 * PyLong_Type is static and immortal: no type reference to take. */
static inline PyLongObject *kr_long_init_header(PyLongObject *r, Py_ssize_t size)
{
    r->ob_base.ob_base.ob_refcnt = 1;
    r->ob_base.ob_base.ob_type = &PyLong_Type;
    r->ob_base.ob_size = size;
    return r;
}

/* PyLong_FromLong, for the interpreter's hot paths (the range iterator,
 * int arithmetic on compact values): a cached small int, or a one-digit
 * int from the context's free list, without a call; anything else in
 * kr_long_from_long_slow.  New reference, or NULL with MemoryError. */
static inline PyObject *kr_long_from_long_fast(long v)
{
    if ((unsigned long)v + KR_NSMALLNEG < (unsigned long)(KR_NSMALLNEG + KR_NSMALLPOS))
        return kr_small_int(v);
#if KR_NUMBERS_FREELISTS
    unsigned long mag = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
    PyThreadState *ts = kr_tstate_get();
    if (_Py_likely(mag <= PyLong_MASK) && _Py_likely(ts != NULL)) {
        PyLongObject *r = kr_freelist_pop(ts->interp, &ts->interp->numbers.ints);
        if (_Py_likely(r != NULL)) {
            kr_long_init_header(r, v < 0 ? -1 : 1)->ob_digit[0] = (digit)mag;
            return (PyObject *)r;
        }
    }
#endif
    return kr_long_from_long_slow(v);
}

/* ---- shared between the numbers files (not for other areas) ---- */

#define KR_ABS(x) ((x) < 0 ? -(x) : (x))

/* Largest digit count we allow; beyond it "too many digits in integer". */
#define KR_MAX_LONG_DIGITS \
    ((PY_SSIZE_T_MAX - (Py_ssize_t)offsetof(PyLongObject, ob_digit)) / (Py_ssize_t)sizeof(digit))

/* New int from a signed value that needs at most two digits (new ref). */
PyObject *kr_long_from_stwodigits(stwodigits v);
/* Strip high zero digits, fix the sign, return the (same) object. */
PyLongObject *kr_long_normalize(PyLongObject *v);
/* Return a small int in place of v if it is one (steals v; new ref). */
PyObject *kr_long_maybe_small(PyLongObject *v);
/* Negate in place (v must be a fresh, unshared object). */
static inline void kr_long_negate_inplace(PyLongObject *v) { Py_SET_SIZE(v, -Py_SIZE(v)); }

/* Arithmetic on ints (both arguments PyLong; results are new refs). */
PyObject *kr_long_add(PyLongObject *a, PyLongObject *b);
PyObject *kr_long_sub(PyLongObject *a, PyLongObject *b);
PyObject *kr_long_mul(PyLongObject *a, PyLongObject *b);
PyObject *kr_long_neg(PyLongObject *a);
PyObject *kr_long_abs(PyLongObject *a);
int kr_long_compare(PyLongObject *a, PyLongObject *b);
/* Floor division and modulo; either output pointer may be NULL. */
int kr_long_divmod(PyLongObject *v, PyLongObject *w, PyLongObject **pdiv, PyLongObject **pmod);
/* Truncating division of magnitudes |a| / |b| (b nonzero); signs applied
 * as C's truncating division. */
int kr_long_divrem(PyLongObject *a, PyLongObject *b, PyLongObject **pdiv, PyLongObject **prem);
/* Divide |a| by a single digit n in place into fresh z; returns remainder. */
digit kr_long_inplace_divrem1(digit *pout, const digit *pin, Py_ssize_t size, digit n);
/* pout[0..size] = pin * m + add; returns the carry out. */
digit kr_long_inplace_muladd1(digit *pout, const digit *pin, Py_ssize_t size, digit m, digit add);
/* |a| schoolbook and Karatsuba products, exposed for the unit test. */
PyLongObject *kr_long_mul_schoolbook(PyLongObject *a, PyLongObject *b);
PyLongObject *kr_long_mul_karatsuba(PyLongObject *a, PyLongObject *b);
PyObject *kr_long_true_divide(PyLongObject *a, PyLongObject *b);
PyObject *kr_long_pow(PyObject *v, PyObject *w, PyObject *x);
PyObject *kr_long_lshift_ssize(PyLongObject *a, Py_ssize_t shift);
PyObject *kr_long_rshift_ssize(PyLongObject *a, Py_ssize_t shift);
PyObject *kr_long_bitwise(PyLongObject *a, char op, PyLongObject *b);
PyObject *kr_long_invert(PyLongObject *a);
Py_hash_t kr_long_hash(PyLongObject *v);
double kr_long_as_double(PyLongObject *v);   /* -1.0 with OverflowError set */

/* The number slots, defined in long_arith.c / long_bits.c, gathered into
 * PyLong_Type's PyNumberMethods in longobject.c. */
PyObject *kr_long_nb_add(PyObject *a, PyObject *b);
PyObject *kr_long_nb_sub(PyObject *a, PyObject *b);
PyObject *kr_long_nb_mul(PyObject *a, PyObject *b);
PyObject *kr_long_nb_mod(PyObject *a, PyObject *b);
PyObject *kr_long_nb_divmod(PyObject *a, PyObject *b);
PyObject *kr_long_nb_floordiv(PyObject *a, PyObject *b);
PyObject *kr_long_nb_truediv(PyObject *a, PyObject *b);
PyObject *kr_long_nb_neg(PyObject *a);
PyObject *kr_long_nb_pos(PyObject *a);
PyObject *kr_long_nb_abs(PyObject *a);
int kr_long_nb_bool(PyObject *a);
PyObject *kr_long_nb_invert(PyObject *a);
PyObject *kr_long_nb_lshift(PyObject *a, PyObject *b);
PyObject *kr_long_nb_rshift(PyObject *a, PyObject *b);
PyObject *kr_long_nb_and(PyObject *a, PyObject *b);
PyObject *kr_long_nb_xor(PyObject *a, PyObject *b);
PyObject *kr_long_nb_or(PyObject *a, PyObject *b);
PyObject *kr_long_nb_int(PyObject *a);
PyObject *kr_long_nb_float(PyObject *a);

/* String conversion (long_format.c). */
PyObject *kr_long_to_decimal_string(PyObject *v);
PyObject *kr_long_format_spec(PyObject *v, PyObject *spec);   /* int.__format__ */
/* Parse s[0..len) (ASCII after normalisation) as an int in base; on
 * failure raises "invalid literal" quoting orig (or the bytes) */
PyObject *kr_long_from_ascii(const char *s, Py_ssize_t len, int base, PyObject *orig);
/* int.__new__ / int() (long_methods.c) */
PyObject *kr_long_new_impl(PyTypeObject *type, PyObject *x, PyObject *base);
PyObject *kr_long_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf, PyObject *kwnames);
extern struct PyMethodDef kr_long_methods[];
extern struct PyGetSetDef kr_long_getset[];

/* Unpack vectorcall arguments of a builtin method named fname against
 * nparams parameter names: the first maxpos may come by position, the
 * first nrequired are required; out[] receives borrowed references or
 * NULL.  Returns 0, or -1 with CPython's TypeError messages. */
int kr_numbers_unpack_args(const char *fname, PyObject *const *args, Py_ssize_t nargs,
                           PyObject *kwnames, const char *const *names, Py_ssize_t nparams,
                           Py_ssize_t maxpos, Py_ssize_t nrequired, PyObject **out);

/* int(x) for any object: __int__, __index__, __trunc__, str, bytes, buffers. */
PyObject *kr_long_from_object(PyObject *x);

/* int max str digits from the current context (0 = unlimited). */
static inline int kr_long_max_str_digits(void)
{
    struct kr_context *c = kr_context_get();
    return c ? c->int_max_str_digits : 4300;
}
#define KR_LONG_MAX_STR_DIGITS_THRESHOLD 640

#endif
