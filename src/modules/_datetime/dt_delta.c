/* dt_delta.c: datetime.timedelta, a duration kept as (days, seconds,
 * microseconds) with 0 <= seconds < 86400 and 0 <= microseconds < 10**6.
 *
 * Arithmetic that can leave the C range (multiplication, division,
 * constructor arguments of any size) goes through the total number of
 * microseconds as a Python int, so results are exact and rounding is
 * round-half-even as in CPython; the constructor has an exact-int fast path
 * in 128-bit arithmetic. */
#include "internal.h"
#include "modules/_datetime/dt_internal.h"
#include "structmember.h"
#include <math.h>

__extension__ typedef __int128 kr_i128;

#define US_PER_DAY 86400000000LL

static long long floordiv_ll(long long a, long long b, long long *rem)
{
    long long q = a / b, r = a % b;
    if (r != 0 && ((r < 0) != (b < 0))) {
        q--;
        r += b;
    }
    *rem = r;
    return q;
}

static PyObject *days_range_error(long long days)
{
    PyErr_Format(PyExc_OverflowError, "days=%lld; must have magnitude <= %d", days,
                 KR_DT_MAX_DELTA_DAYS);
    return NULL;
}

PyObject *kr_dt_new_delta(int days, int seconds, int us, int normalize, PyTypeObject *type)
{
    long long d = days, s = seconds, u = us, r;
    if (normalize) {
        s += floordiv_ll(u, 1000000, &r);
        u = r;
        d += floordiv_ll(s, 86400, &r);
        s = r;
    }
    if (d < -KR_DT_MAX_DELTA_DAYS || d > KR_DT_MAX_DELTA_DAYS)
        return days_range_error(d);
    PyDateTime_Delta *self = (PyDateTime_Delta *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    self->hashcode = -1;
    self->days = (int)d;
    self->seconds = (int)s;
    self->microseconds = (int)u;
    return (PyObject *)self;
}

static PyObject *delta_from_i128(kr_i128 total, PyTypeObject *type)
{
    kr_i128 d = total / US_PER_DAY, r = total % US_PER_DAY;
    if (r < 0) {
        d--;
        r += US_PER_DAY;
    }
    if (d < INT_MIN || d > INT_MAX) {
        PyErr_SetString(PyExc_OverflowError, "Python int too large to convert to C int");
        return NULL;
    }
    if (d < -KR_DT_MAX_DELTA_DAYS || d > KR_DT_MAX_DELTA_DAYS)
        return days_range_error((long long)d);
    return kr_dt_new_delta((int)d, (int)(r / 1000000), (int)(r % 1000000), 0, type);
}

PyObject *kr_dt_delta_from_us(PyObject *us, PyTypeObject *type)
{
    int overflow;
    long long v = PyLong_AsLongLongAndOverflow(us, &overflow);
    if (v == -1 && PyErr_Occurred())
        return NULL;
    if (!overflow)
        return delta_from_i128(v, type);
    PyObject *per_day = PyLong_FromLongLong(US_PER_DAY);
    if (per_day == NULL)
        return NULL;
    PyObject *qr = PyNumber_Divmod(us, per_day);
    Py_DECREF(per_day);
    if (qr == NULL)
        return NULL;
    int d = _PyLong_AsInt(PyTuple_GET_ITEM(qr, 0));
    long long rest = PyLong_AsLongLong(PyTuple_GET_ITEM(qr, 1));
    Py_DECREF(qr);
    if (d == -1 && PyErr_Occurred())
        return NULL;
    if (d < -KR_DT_MAX_DELTA_DAYS || d > KR_DT_MAX_DELTA_DAYS)
        return days_range_error(d);
    return kr_dt_new_delta(d, (int)(rest / 1000000), (int)(rest % 1000000), 0, type);
}

static kr_i128 delta_total(PyObject *delta)
{
    PyDateTime_Delta *t = KR_TD(delta);
    return (kr_i128)t->days * US_PER_DAY + (long long)t->seconds * 1000000 + t->microseconds;
}

/* Totals reach 8.64e19, past 64 bits: split them at 10**12. */
PyObject *kr_dt_delta_to_us(PyObject *delta)
{
    kr_i128 v = delta_total(delta);
    if (v >= LLONG_MIN && v <= LLONG_MAX)
        return PyLong_FromLongLong((long long)v);
    const long long unit = 1000000000000LL;
    PyObject *hi = PyLong_FromLongLong((long long)(v / unit));
    PyObject *u = PyLong_FromLongLong(unit);
    PyObject *lo = PyLong_FromLongLong((long long)(v % unit));
    PyObject *prod = hi && u ? PyNumber_Multiply(hi, u) : NULL;
    PyObject *res = prod && lo ? PyNumber_Add(prod, lo) : NULL;
    Py_XDECREF(hi);
    Py_XDECREF(u);
    Py_XDECREF(lo);
    Py_XDECREF(prod);
    return res;
}

int kr_dt_delta_cmp(PyObject *a, PyObject *b)
{
    int diff = KR_TD(a)->days - KR_TD(b)->days;
    if (diff == 0) {
        diff = KR_TD(a)->seconds - KR_TD(b)->seconds;
        if (diff == 0)
            diff = KR_TD(a)->microseconds - KR_TD(b)->microseconds;
    }
    return diff;
}

/* ---- construction ---- */

/* Adds num * factor to the running total, in exact ints; the fractional
 * microseconds of float arguments are summed in *leftover. */
static PyObject *accum(const char *tag, PyObject *sofar, PyObject *num, long long factor,
                       double *leftover)
{
    PyObject *f = PyLong_FromLongLong(factor);
    if (f == NULL)
        return NULL;
    PyObject *res = NULL;
    if (PyLong_Check(num)) {
        PyObject *prod = PyNumber_Multiply(num, f);
        if (prod != NULL) {
            res = PyNumber_Add(sofar, prod);
            Py_DECREF(prod);
        }
    }
    else if (PyFloat_Check(num)) {
        double dnum = PyFloat_AsDouble(num);
        if (dnum == -1.0 && PyErr_Occurred())
            goto done;
        double intpart;
        double frac = modf(dnum, &intpart);
        PyObject *whole = PyLong_FromDouble(intpart);
        if (whole == NULL)
            goto done;
        PyObject *prod = PyNumber_Multiply(whole, f);
        Py_DECREF(whole);
        if (prod == NULL)
            goto done;
        PyObject *sum = PyNumber_Add(sofar, prod);
        Py_DECREF(prod);
        if (sum == NULL || frac == 0.0) {
            res = sum;
            goto done;
        }
        /* The fraction times the factor: its whole part joins the exact
         * total, what is left of it is rounded once at the end. */
        frac = modf((double)factor * frac, &intpart);
        whole = PyLong_FromDouble(intpart);
        if (whole == NULL) {
            Py_DECREF(sum);
            goto done;
        }
        res = PyNumber_Add(sum, whole);
        Py_DECREF(sum);
        Py_DECREF(whole);
        *leftover += frac;
    }
    else {
        PyErr_Format(PyExc_TypeError, "unsupported type for timedelta %s component: %s", tag,
                     Py_TYPE(num)->tp_name);
    }
done:
    Py_DECREF(f);
    return res;
}

static const char *const delta_kwlist[] = {"days", "seconds", "microseconds", "milliseconds",
                                           "minutes", "hours", "weeks", NULL};

static PyObject *delta_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    PyObject *v[7] = {NULL, NULL, NULL, NULL, NULL, NULL, NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kw, "|OOOOOOO:__new__", (char **)delta_kwlist,
                                     &v[0], &v[1], &v[2], &v[3], &v[4], &v[5], &v[6]))
        return NULL;
    /* CPython's order of accumulation: us, ms, s, min, h, days, weeks. */
    static const int order[7] = {2, 3, 1, 4, 5, 0, 6};
    static const long long factors[7] = {US_PER_DAY, 1000000LL, 1LL, 1000LL, 60000000LL,
                                         3600000000LL, 7 * US_PER_DAY};
    int fast = 1;
    kr_i128 total = 0;
    for (int i = 0; i < 7 && fast; i++) {
        if (v[i] == NULL)
            continue;
        if (!PyLong_CheckExact(v[i])) {
            fast = 0;
            break;
        }
        int overflow;
        long long x = PyLong_AsLongLongAndOverflow(v[i], &overflow);
        if (overflow || x > (1LL << 50) || x < -(1LL << 50))
            fast = 0;
        else
            total += (kr_i128)x * factors[i];
    }
    if (fast)
        return delta_from_i128(total, type);

    PyObject *sum = PyLong_FromLong(0);
    double leftover = 0.0;
    for (int k = 0; k < 7 && sum != NULL; k++) {
        int i = order[k];
        if (v[i] == NULL)
            continue;
        PyObject *next = accum(delta_kwlist[i], sum, v[i], factors[i], &leftover);
        Py_DECREF(sum);
        sum = next;
    }
    if (sum == NULL)
        return NULL;
    if (leftover != 0.0) {
        /* Round the leftover to a whole number of microseconds, ties to
         * even on the total. */
        double whole = round(leftover);
        if (fabs(whole - leftover) == 0.5) {
            PyObject *one = PyLong_FromLong(1);
            PyObject *odd = one ? PyNumber_And(sum, one) : NULL;
            Py_XDECREF(one);
            if (odd == NULL) {
                Py_DECREF(sum);
                return NULL;
            }
            int is_odd = PyObject_IsTrue(odd);
            Py_DECREF(odd);
            whole = 2.0 * round((leftover + is_odd) * 0.5) - is_odd;
        }
        PyObject *w = PyLong_FromLong((long)whole);
        PyObject *next = w ? PyNumber_Add(sum, w) : NULL;
        Py_XDECREF(w);
        Py_DECREF(sum);
        sum = next;
        if (sum == NULL)
            return NULL;
    }
    PyObject *res = kr_dt_delta_from_us(sum, type);
    Py_DECREF(sum);
    return res;
}

/* timedelta(...) with small exact ints, positional or by keyword, sums
 * them directly; anything else takes the general path for its messages. */
static PyObject *delta_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf,
                                  PyObject *kwnames)
{
    static const long long factors[7] = {US_PER_DAY, 1000000LL, 1LL, 1000LL, 60000000LL,
                                         3600000000LL, 7 * US_PER_DAY};
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    if ((PyTypeObject *)type != &kr_dt_delta_type || nargs > 7)
        return kr_dt_call_slow(type, args, nargsf, kwnames);
    kr_i128 total = 0;
    unsigned seen = 0;
    for (Py_ssize_t i = 0; i < nargs + nkw; i++) {
        int slot = (int)i;
        if (i >= nargs) {
            const char *name = PyUnicode_AsUTF8(PyTuple_GET_ITEM(kwnames, i - nargs));
            slot = -1;
            for (int k = 0; name != NULL && k < 7; k++)
                if (strcmp(name, delta_kwlist[k]) == 0)
                    slot = k;
            if (name == NULL)
                PyErr_Clear();
        }
        if (slot < 0 || (seen & (1u << slot)) || !PyLong_CheckExact(args[i]))
            return kr_dt_call_slow(type, args, nargsf, kwnames);
        seen |= 1u << slot;
        int overflow;
        long long x = PyLong_AsLongLongAndOverflow(args[i], &overflow);
        if (overflow || x > (1LL << 50) || x < -(1LL << 50))
            return kr_dt_call_slow(type, args, nargsf, kwnames);
        total += (kr_i128)x * factors[slot];
    }
    return delta_from_i128(total, &kr_dt_delta_type);
}

/* ---- arithmetic ---- */

static PyObject *delta_add(PyObject *a, PyObject *b)
{
    if (KR_DT_DELTA_CHECK(a) && KR_DT_DELTA_CHECK(b))
        return kr_dt_new_delta(KR_TD(a)->days + KR_TD(b)->days,
                               KR_TD(a)->seconds + KR_TD(b)->seconds,
                               KR_TD(a)->microseconds + KR_TD(b)->microseconds, 1,
                               &kr_dt_delta_type);
    Py_RETURN_NOTIMPLEMENTED;
}

static PyObject *delta_sub(PyObject *a, PyObject *b)
{
    if (KR_DT_DELTA_CHECK(a) && KR_DT_DELTA_CHECK(b))
        return kr_dt_new_delta(KR_TD(a)->days - KR_TD(b)->days,
                               KR_TD(a)->seconds - KR_TD(b)->seconds,
                               KR_TD(a)->microseconds - KR_TD(b)->microseconds, 1,
                               &kr_dt_delta_type);
    Py_RETURN_NOTIMPLEMENTED;
}

static PyObject *delta_neg(PyObject *a)
{
    return kr_dt_new_delta(-KR_TD(a)->days, -KR_TD(a)->seconds, -KR_TD(a)->microseconds, 1,
                           &kr_dt_delta_type);
}

static PyObject *delta_pos(PyObject *a)
{
    return kr_dt_new_delta(KR_TD(a)->days, KR_TD(a)->seconds, KR_TD(a)->microseconds, 0,
                           &kr_dt_delta_type);
}

static PyObject *delta_abs(PyObject *a)
{
    return KR_TD(a)->days < 0 ? delta_neg(a) : delta_pos(a);
}

static int delta_bool(PyObject *a)
{
    return KR_TD(a)->days != 0 || KR_TD(a)->seconds != 0 || KR_TD(a)->microseconds != 0;
}

/* m / n rounded to the nearest int, ties to even (new reference). */
static PyObject *divide_nearest(PyObject *m, PyObject *n)
{
    PyObject *qr = PyNumber_Divmod(m, n);
    if (qr == NULL)
        return NULL;
    PyObject *q = Py_NewRef(PyTuple_GET_ITEM(qr, 0));
    PyObject *r = PyTuple_GET_ITEM(qr, 1);
    PyObject *two = PyLong_FromLong(2);
    PyObject *r2 = two ? PyNumber_Multiply(r, two) : NULL;
    Py_XDECREF(two);
    if (r2 == NULL)
        goto fail;
    int npos = PyObject_RichCompareBool(n, Py_False, Py_GT);
    int greater = npos < 0 ? -1 : PyObject_RichCompareBool(r2, n, npos ? Py_GT : Py_LT);
    int half = greater < 0 ? -1 : PyObject_RichCompareBool(r2, n, Py_EQ);
    Py_DECREF(r2);
    if (half < 0)
        goto fail;
    int odd = 0;
    if (half) {
        PyObject *one = PyLong_FromLong(1);
        PyObject *bit = one ? PyNumber_And(q, one) : NULL;
        Py_XDECREF(one);
        if (bit == NULL)
            goto fail;
        odd = PyObject_IsTrue(bit);
        Py_DECREF(bit);
    }
    if (greater || (half && odd)) {
        PyObject *one = PyLong_FromLong(1);
        PyObject *q1 = one ? PyNumber_Add(q, one) : NULL;
        Py_XDECREF(one);
        Py_SETREF(q, q1);
        if (q == NULL)
            goto fail;
    }
    Py_DECREF(qr);
    return q;
fail:
    Py_XDECREF(q);
    Py_DECREF(qr);
    return NULL;
}

/* delta * float (divide == 0) or delta / float (divide == 1), through the
 * float's exact ratio. */
static PyObject *delta_float_op(PyObject *delta, PyObject *f, int divide)
{
    PyObject *ratio = PyObject_CallMethod(f, "as_integer_ratio", NULL);
    if (ratio == NULL)
        return NULL;
    if (!PyTuple_Check(ratio) || PyTuple_GET_SIZE(ratio) != 2) {
        PyErr_Format(PyExc_TypeError, "unexpected return type from as_integer_ratio(): "
                     "expected tuple of length 2");
        Py_DECREF(ratio);
        return NULL;
    }
    PyObject *res = NULL, *us = kr_dt_delta_to_us(delta);
    if (us != NULL) {
        PyObject *t = PyNumber_Multiply(us, PyTuple_GET_ITEM(ratio, divide));
        if (t != NULL) {
            PyObject *q = divide_nearest(t, PyTuple_GET_ITEM(ratio, !divide));
            Py_DECREF(t);
            if (q != NULL) {
                res = kr_dt_delta_from_us(q, &kr_dt_delta_type);
                Py_DECREF(q);
            }
        }
        Py_DECREF(us);
    }
    Py_DECREF(ratio);
    return res;
}

/* Applies a Python-int operation to the delta's microseconds and another
 * operand, making a delta of the result. */
static PyObject *delta_us_op(PyObject *delta, PyObject *other, binaryfunc op)
{
    PyObject *us = kr_dt_delta_to_us(delta);
    if (us == NULL)
        return NULL;
    PyObject *r = op(us, other);
    Py_DECREF(us);
    if (r == NULL)
        return NULL;
    PyObject *res = kr_dt_delta_from_us(r, &kr_dt_delta_type);
    Py_DECREF(r);
    return res;
}

/* Applies an operation to both deltas' microseconds (new reference). */
static PyObject *delta_pair_op(PyObject *a, PyObject *b, binaryfunc op)
{
    PyObject *x = kr_dt_delta_to_us(a);
    if (x == NULL)
        return NULL;
    PyObject *y = kr_dt_delta_to_us(b);
    if (y == NULL) {
        Py_DECREF(x);
        return NULL;
    }
    PyObject *r = op(x, y);
    Py_DECREF(x);
    Py_DECREF(y);
    return r;
}

static PyObject *delta_mul(PyObject *a, PyObject *b)
{
    if (KR_DT_DELTA_CHECK(a)) {
        if (PyLong_Check(b))
            return delta_us_op(a, b, PyNumber_Multiply);
        if (PyFloat_Check(b))
            return delta_float_op(a, b, 0);
    }
    else if (PyLong_Check(a))
        return delta_us_op(b, a, PyNumber_Multiply);
    else if (PyFloat_Check(a))
        return delta_float_op(b, a, 0);
    Py_RETURN_NOTIMPLEMENTED;
}

static PyObject *delta_truediv(PyObject *a, PyObject *b)
{
    if (KR_DT_DELTA_CHECK(a)) {
        if (KR_DT_DELTA_CHECK(b))
            return delta_pair_op(a, b, PyNumber_TrueDivide);
        if (PyFloat_Check(b))
            return delta_float_op(a, b, 1);
        if (PyLong_Check(b))
            return delta_us_op(a, b, divide_nearest);
    }
    Py_RETURN_NOTIMPLEMENTED;
}

static PyObject *delta_floordiv(PyObject *a, PyObject *b)
{
    if (KR_DT_DELTA_CHECK(a)) {
        if (KR_DT_DELTA_CHECK(b))
            return delta_pair_op(a, b, PyNumber_FloorDivide);
        if (PyLong_Check(b))
            return delta_us_op(a, b, PyNumber_FloorDivide);
    }
    Py_RETURN_NOTIMPLEMENTED;
}

static PyObject *delta_rem(PyObject *a, PyObject *b)
{
    if (!KR_DT_DELTA_CHECK(a) || !KR_DT_DELTA_CHECK(b))
        Py_RETURN_NOTIMPLEMENTED;
    PyObject *r = delta_pair_op(a, b, PyNumber_Remainder);
    if (r == NULL)
        return NULL;
    PyObject *res = kr_dt_delta_from_us(r, &kr_dt_delta_type);
    Py_DECREF(r);
    return res;
}

static PyObject *delta_divmod(PyObject *a, PyObject *b)
{
    if (!KR_DT_DELTA_CHECK(a) || !KR_DT_DELTA_CHECK(b))
        Py_RETURN_NOTIMPLEMENTED;
    PyObject *qr = delta_pair_op(a, b, PyNumber_Divmod);
    if (qr == NULL)
        return NULL;
    PyObject *r = kr_dt_delta_from_us(PyTuple_GET_ITEM(qr, 1), &kr_dt_delta_type);
    PyObject *res = r ? PyTuple_Pack(2, PyTuple_GET_ITEM(qr, 0), r) : NULL;
    Py_XDECREF(r);
    Py_DECREF(qr);
    return res;
}

/* ---- comparison, hash, repr ---- */

PyObject *kr_dt_diff_to_bool(int diff, int op)
{
    int r;
    switch (op) {
    case Py_EQ: r = diff == 0; break;
    case Py_NE: r = diff != 0; break;
    case Py_LT: r = diff < 0; break;
    case Py_LE: r = diff <= 0; break;
    case Py_GT: r = diff > 0; break;
    default: r = diff >= 0; break;
    }
    return Py_NewRef(r ? Py_True : Py_False);
}

/* Hashes are cached in the object, except in the shared immortal
 * constants, which nothing may write to. */
Py_hash_t kr_dt_cache_hash(Py_hash_t *slot, PyObject *self, Py_hash_t h)
{
    if (h != -1 && !_Py_IsImmortal(self))
        *slot = h;
    return h;
}

static PyObject *delta_richcompare(PyObject *a, PyObject *b, int op)
{
    if (!KR_DT_DELTA_CHECK(b))
        Py_RETURN_NOTIMPLEMENTED;
    return kr_dt_diff_to_bool(kr_dt_delta_cmp(a, b), op);
}

static PyObject *delta_state(PyObject *self)
{
    return Py_BuildValue("(iii)", KR_TD(self)->days, KR_TD(self)->seconds,
                         KR_TD(self)->microseconds);
}

static Py_hash_t delta_hash(PyObject *self)
{
    if (KR_TD(self)->hashcode != -1)
        return KR_TD(self)->hashcode;
    PyObject *state = delta_state(self);
    if (state == NULL)
        return -1;
    Py_hash_t h = PyObject_Hash(state);
    Py_DECREF(state);
    return kr_dt_cache_hash(&KR_TD(self)->hashcode, self, h);
}

static PyObject *delta_repr(PyObject *self)
{
    char buf[128];
    int n = 0;
    const char *sep = "";
    if (KR_TD(self)->days) {
        n += snprintf(buf + n, sizeof(buf) - n, "days=%d", KR_TD(self)->days);
        sep = ", ";
    }
    if (KR_TD(self)->seconds) {
        n += snprintf(buf + n, sizeof(buf) - n, "%sseconds=%d", sep, KR_TD(self)->seconds);
        sep = ", ";
    }
    if (KR_TD(self)->microseconds)
        n += snprintf(buf + n, sizeof(buf) - n, "%smicroseconds=%d", sep,
                      KR_TD(self)->microseconds);
    if (n == 0)
        snprintf(buf, sizeof(buf), "0");
    return PyUnicode_FromFormat("%s(%s)", Py_TYPE(self)->tp_name, buf);
}

static PyObject *delta_str(PyObject *self)
{
    int us = KR_TD(self)->microseconds, s = KR_TD(self)->seconds, d = KR_TD(self)->days;
    char buf[96];
    int n = 0;
    if (d)
        n = snprintf(buf, sizeof(buf), "%d day%s, ", d, (d == 1 || d == -1) ? "" : "s");
    n += snprintf(buf + n, sizeof(buf) - n, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    if (us)
        snprintf(buf + n, sizeof(buf) - n, ".%06d", us);
    return PyUnicode_FromString(buf);
}

static PyObject *delta_total_seconds(PyObject *self, PyObject *unused)
{
    kr_i128 us = delta_total(self);
    /* Exact doubles divide correctly rounded, as the int division does. */
    if (us < ((kr_i128)1 << 53) && us > -((kr_i128)1 << 53))
        return PyFloat_FromDouble((double)(long long)us / 1e6);
    PyObject *total = kr_dt_delta_to_us(self);
    PyObject *million = PyLong_FromLong(1000000);
    PyObject *res = total && million ? PyNumber_TrueDivide(total, million) : NULL;
    Py_XDECREF(total);
    Py_XDECREF(million);
    return res;
}

static PyObject *delta_reduce(PyObject *self, PyObject *unused)
{
    return Py_BuildValue("(ON)", (PyObject *)Py_TYPE(self), delta_state(self));
}

static PyMemberDef delta_members[] = {
    {"days", T_INT, offsetof(PyDateTime_Delta, days), READONLY, "Number of days."},
    {"seconds", T_INT, offsetof(PyDateTime_Delta, seconds), READONLY,
     "Number of seconds (>= 0 and less than 1 day)."},
    {"microseconds", T_INT, offsetof(PyDateTime_Delta, microseconds), READONLY,
     "Number of microseconds (>= 0 and less than 1 second)."},
    {NULL}
};

static PyMethodDef delta_methods[] = {
    {"total_seconds", delta_total_seconds, METH_NOARGS,
     "Total seconds in the duration."},
    {"__reduce__", delta_reduce, METH_NOARGS, "__reduce__() -> (cls, state)"},
    {NULL}
};

static PyNumberMethods delta_as_number = {
    .nb_add = delta_add,
    .nb_subtract = delta_sub,
    .nb_multiply = delta_mul,
    .nb_remainder = delta_rem,
    .nb_divmod = delta_divmod,
    .nb_negative = delta_neg,
    .nb_positive = delta_pos,
    .nb_absolute = delta_abs,
    .nb_bool = delta_bool,
    .nb_floor_divide = delta_floordiv,
    .nb_true_divide = delta_truediv,
};

PyTypeObject kr_dt_delta_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "datetime.timedelta",
    .tp_basicsize = sizeof(PyDateTime_Delta),
    .tp_repr = delta_repr,
    .tp_as_number = &delta_as_number,
    .tp_hash = delta_hash,
    .tp_str = delta_str,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "Difference between two datetime values.\n\n"
              "timedelta(days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, "
              "hours=0, weeks=0)\n\nAll arguments are optional and default to 0.\n"
              "Arguments may be integers or floats, and may be positive or negative.",
    .tp_richcompare = delta_richcompare,
    .tp_methods = delta_methods,
    .tp_members = delta_members,
    .tp_new = delta_new,
    .tp_vectorcall = delta_vectorcall,
};
