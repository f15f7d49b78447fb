/* listsort.c: the stable, adaptive merge sort behind list.sort() and
 * sorted().
 *
 * The array is cut into natural runs (non-descending, or strictly
 * descending and then reversed in place); runs shorter than a minimum
 * length are extended with binary insertion.  Runs are merged in the order
 * the "powersort" rule gives (each boundary gets a depth in an implicit
 * balanced tree over [0, n); a stack keeps depths increasing), which keeps
 * merges balanced on any input.  Merges trim the parts already in place,
 * copy the shorter run aside and switch to galloping (exponential search)
 * when one side keeps winning, so partly ordered data sorts in near-linear
 * time.
 *
 * Comparisons go through one function pointer chosen after a pre-scan of
 * the keys: homogeneous lists of small ints, floats, 1-byte strs or of one
 * type with a rich compare get a direct comparison; lists of tuples get a
 * tuple comparison whose first items use the comparison chosen for them.  When values[] is given
 * (key= sorts), every move of a key moves the value at the same index.
 * A comparison that raises leaves the arrays a permutation of the input.
 * (owned by the containers area) */
#include "internal.h"
#include "objects/containers.h"

#define KR_MIN_GALLOP 7
#define KR_MAX_RUNS 85          /* enough for any n below 2**64 */
#define KR_TMP_ON_STACK 256

struct kr_sorter;
typedef int (*kr_lt_func)(struct kr_sorter *, PyObject *, PyObject *);

/* A position in the key array with the matching position in the values
 * array (NULL when sorting without values). */
typedef struct {
    PyObject **k;
    PyObject **v;
} kr_pos;

typedef struct {
    Py_ssize_t base, len;
    int power;                  /* depth of the boundary after this run */
} kr_run;

typedef struct kr_sorter {
    kr_lt_func lt;
    kr_lt_func tuple_elem_lt;   /* first items of homogeneous tuple keys */
    richcmpfunc richcmp;        /* for the homogeneous-type path */
    Py_ssize_t min_gallop;
    PyObject **tmpk, **tmpv;    /* merge buffer for keys and values */
    Py_ssize_t tmp_cap;
    int has_values;
    Py_ssize_t n;
    int nruns;
    kr_run runs[KR_MAX_RUNS];
    PyObject *stack_tmp[2 * KR_TMP_ON_STACK];
} kr_sorter;

/* ---- comparisons ---- */

static int
kr_lt_generic(kr_sorter *s, PyObject *v, PyObject *w)
{
    return PyObject_RichCompareBool(v, w, Py_LT);
}

static int
kr_lt_same_type(kr_sorter *s, PyObject *v, PyObject *w)
{
    PyObject *res = s->richcmp(v, w, Py_LT);
    if (res == Py_NotImplemented) {
        Py_DECREF(res);
        return PyObject_RichCompareBool(v, w, Py_LT);
    }
    if (res == NULL)
        return -1;
    int r;
    if (PyBool_Check(res))
        r = (res == Py_True);
    else
        r = PyObject_IsTrue(res);
    Py_DECREF(res);
    return r;
}

static int
kr_lt_small_int(kr_sorter *s, PyObject *v, PyObject *w)
{
    /* both have |ob_size| <= 1, so one digit and a sign say it all */
    PyLongObject *a = (PyLongObject *)v, *b = (PyLongObject *)w;
    long x = (long)a->ob_digit[0] * (long)Py_SIZE(a);
    long y = (long)b->ob_digit[0] * (long)Py_SIZE(b);
    return x < y;
}

static int
kr_lt_float(kr_sorter *s, PyObject *v, PyObject *w)
{
    return PyFloat_AS_DOUBLE(v) < PyFloat_AS_DOUBLE(w);
}

static int
kr_lt_latin1(kr_sorter *s, PyObject *v, PyObject *w)
{
    Py_ssize_t lv = PyUnicode_GET_LENGTH(v), lw = PyUnicode_GET_LENGTH(w);
    int c = memcmp(PyUnicode_DATA(v), PyUnicode_DATA(w), (size_t)Py_MIN(lv, lw));
    return c != 0 ? c < 0 : lv < lw;
}

static kr_lt_func
kr_lt_same_type_tuple_fallback(kr_sorter *s)
{
    s->richcmp = PyTuple_Type.tp_richcompare;
    return kr_lt_same_type;
}

/* Tuples: the first differing position decides; the first items (where
 * most comparisons end) use the comparison chosen for them. */
static int
kr_lt_tuple(kr_sorter *s, PyObject *v, PyObject *w)
{
    Py_ssize_t vlen = PyTuple_GET_SIZE(v), wlen = PyTuple_GET_SIZE(w);
    Py_ssize_t i;
    for (i = 0; i < vlen && i < wlen; i++) {
        PyObject *a = PyTuple_GET_ITEM(v, i), *b = PyTuple_GET_ITEM(w, i);
        if (a == b)
            continue;
        int k;
        if (PyLong_CheckExact(a) && PyLong_CheckExact(b) &&
            Py_SIZE(a) >= -1 && Py_SIZE(a) <= 1 && Py_SIZE(b) >= -1 && Py_SIZE(b) <= 1)
            k = kr_lt_small_int(s, a, b) == 0 && kr_lt_small_int(s, b, a) == 0;
        else
            k = PyObject_RichCompareBool(a, b, Py_EQ);
        if (k < 0)
            return -1;
        if (!k)
            break;
    }
    if (i >= vlen || i >= wlen)
        return vlen < wlen;
    if (i == 0)
        return s->tuple_elem_lt(s, PyTuple_GET_ITEM(v, 0), PyTuple_GET_ITEM(w, 0));
    return PyObject_RichCompareBool(PyTuple_GET_ITEM(v, i), PyTuple_GET_ITEM(w, i), Py_LT);
}

/* Picks the cheapest comparison that is right for all n keys. */
static kr_lt_func
kr_pick_compare(kr_sorter *s, PyObject **keys, Py_ssize_t n, Py_ssize_t stride_item)
{
    PyObject *first = stride_item >= 0 ? PyTuple_GET_ITEM(keys[0], 0) : keys[0];
    PyTypeObject *t = Py_TYPE(first);
    int same = 1, small_ints = 1, latin1 = 1;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *k = stride_item >= 0 ? PyTuple_GET_ITEM(keys[i], 0) : keys[i];
        if (Py_TYPE(k) != t) {
            same = 0;
            break;
        }
        if (t == &PyLong_Type) {
            if (Py_SIZE(k) < -1 || Py_SIZE(k) > 1)
                small_ints = 0;
        }
        else if (t == &PyUnicode_Type) {
            if (PyUnicode_KIND(k) != PyUnicode_1BYTE_KIND)
                latin1 = 0;
        }
    }
    if (!same)
        return kr_lt_generic;
    if (t == &PyLong_Type && small_ints)
        return kr_lt_small_int;
    if (t == &PyFloat_Type)
        return kr_lt_float;
    if (t == &PyUnicode_Type && latin1)
        return kr_lt_latin1;
    if (t == &PyTuple_Type && stride_item < 0) {
        /* tuple keys: choose for their first items too */
        for (Py_ssize_t i = 0; i < n; i++) {
            if (PyTuple_GET_SIZE(keys[i]) == 0)
                return kr_lt_same_type_tuple_fallback(s);
        }
        s->tuple_elem_lt = kr_pick_compare(s, keys, n, 0);
        return kr_lt_tuple;
    }
    if (t->tp_richcompare != NULL) {
        /* s->richcmp serves either the keys or, under kr_lt_tuple, their
         * first items: never both */
        s->richcmp = t->tp_richcompare;
        return kr_lt_same_type;
    }
    return kr_lt_generic;
}

static void
kr_choose_compare(kr_sorter *s, PyObject **keys, Py_ssize_t n)
{
    s->tuple_elem_lt = kr_lt_generic;
    s->lt = kr_pick_compare(s, keys, n, -1);
}

#define KR_LT(s, x, y) ((s)->lt((s), (x), (y)))

/* ---- moving keys with their values ---- */

static inline void
kr_pos_move(kr_sorter *s, kr_pos dst, kr_pos src, Py_ssize_t n)
{
    memmove(dst.k, src.k, (size_t)n * sizeof(PyObject *));
    if (s->has_values)
        memmove(dst.v, src.v, (size_t)n * sizeof(PyObject *));
}

static inline void
kr_pos_set(kr_sorter *s, kr_pos dst, kr_pos src)
{
    *dst.k = *src.k;
    if (s->has_values)
        *dst.v = *src.v;
}

static inline kr_pos
kr_pos_add(kr_sorter *s, kr_pos p, Py_ssize_t n)
{
    p.k += n;
    if (s->has_values)
        p.v += n;
    return p;
}

static void
kr_reverse_range(PyObject **lo, PyObject **hi)
{
    for (--hi; lo < hi; ++lo, --hi) {
        PyObject *t = *lo;
        *lo = *hi;
        *hi = t;
    }
}

static void
kr_pos_reverse(kr_sorter *s, kr_pos lo, Py_ssize_t n)
{
    kr_reverse_range(lo.k, lo.k + n);
    if (s->has_values)
        kr_reverse_range(lo.v, lo.v + n);
}

/* ---- runs ---- */

/* Sorts lo[0..n) given that lo[0..start) is already sorted.  The insertion
 * point of each new item is found by binary search, after every equal item
 * (stability). */
static int
kr_binary_insertion(kr_sorter *s, kr_pos lo, Py_ssize_t n, Py_ssize_t start)
{
    if (start == 0)
        start = 1;
    for (; start < n; start++) {
        PyObject *pivot = lo.k[start];
        Py_ssize_t l = 0, r = start;
        while (l < r) {
            Py_ssize_t m = l + ((r - l) >> 1);
            int k = KR_LT(s, pivot, lo.k[m]);
            if (k < 0)
                return -1;
            if (k)
                r = m;
            else
                l = m + 1;
        }
        if (l == start)
            continue;
        memmove(lo.k + l + 1, lo.k + l, (size_t)(start - l) * sizeof(PyObject *));
        lo.k[l] = pivot;
        if (s->has_values) {
            PyObject *pv = lo.v[start];
            memmove(lo.v + l + 1, lo.v + l, (size_t)(start - l) * sizeof(PyObject *));
            lo.v[l] = pv;
        }
    }
    return 0;
}

/* Length of the run starting at lo (n >= 2 items available); *descending
 * tells whether it is strictly descending. */
static Py_ssize_t
kr_count_run(kr_sorter *s, PyObject **lo, Py_ssize_t n, int *descending)
{
    *descending = 0;
    if (n == 1)
        return 1;
    int k = KR_LT(s, lo[1], lo[0]);
    if (k < 0)
        return -1;
    Py_ssize_t i = 2;
    if (k) {
        *descending = 1;
        for (; i < n; i++) {
            k = KR_LT(s, lo[i], lo[i - 1]);
            if (k < 0)
                return -1;
            if (!k)
                break;
        }
    }
    else {
        for (; i < n; i++) {
            k = KR_LT(s, lo[i], lo[i - 1]);
            if (k < 0)
                return -1;
            if (k)
                break;
        }
    }
    return i;
}

/* The smallest run length worth making by insertion: between 32 and 64,
 * chosen so n / minrun is a power of two or just below one. */
static Py_ssize_t
kr_min_run(Py_ssize_t n)
{
    Py_ssize_t extra = 0;
    while (n >= 64) {
        extra |= n & 1;
        n >>= 1;
    }
    return n + extra;
}

/* ---- galloping ---- */

/* In sorted a[0..n), the number of items < key (so key would go before
 * any equal item).  Searches outward from `hint` in growing steps. */
static Py_ssize_t
kr_gallop_left(kr_sorter *s, PyObject *key, PyObject **a, Py_ssize_t n, Py_ssize_t hint)
{
    Py_ssize_t last = 0, ofs = 1;
    int k;
    a += hint;
    if ((k = KR_LT(s, *a, key)) < 0)
        return -1;
    if (k) {
        /* a[hint] < key: look right until a[hint+ofs] >= key */
        Py_ssize_t maxofs = n - hint;
        while (ofs < maxofs) {
            if ((k = KR_LT(s, a[ofs], key)) < 0)
                return -1;
            if (!k)
                break;
            last = ofs;
            ofs = (ofs << 1) + 1;
        }
        if (ofs > maxofs)
            ofs = maxofs;
        last += hint;
        ofs += hint;
    }
    else {
        /* key <= a[hint]: look left until a[hint-ofs] < key */
        Py_ssize_t maxofs = hint + 1;
        while (ofs < maxofs) {
            if ((k = KR_LT(s, *(a - ofs), key)) < 0)
                return -1;
            if (k)
                break;
            last = ofs;
            ofs = (ofs << 1) + 1;
        }
        if (ofs > maxofs)
            ofs = maxofs;
        Py_ssize_t t = last;
        last = hint - ofs;
        ofs = hint - t;
    }
    a -= hint;
    /* now a[last] < key <= a[ofs] (with a[-1] = -inf, a[n] = +inf) */
    ++last;
    while (last < ofs) {
        Py_ssize_t m = last + ((ofs - last) >> 1);
        if ((k = KR_LT(s, a[m], key)) < 0)
            return -1;
        if (k)
            last = m + 1;
        else
            ofs = m;
    }
    return ofs;
}

/* In sorted a[0..n), the number of items <= key (so key would go after
 * every equal item). */
static Py_ssize_t
kr_gallop_right(kr_sorter *s, PyObject *key, PyObject **a, Py_ssize_t n, Py_ssize_t hint)
{
    Py_ssize_t last = 0, ofs = 1;
    int k;
    a += hint;
    if ((k = KR_LT(s, key, *a)) < 0)
        return -1;
    if (k) {
        /* key < a[hint]: look left until a[hint-ofs] <= key */
        Py_ssize_t maxofs = hint + 1;
        while (ofs < maxofs) {
            if ((k = KR_LT(s, key, *(a - ofs))) < 0)
                return -1;
            if (!k)
                break;
            last = ofs;
            ofs = (ofs << 1) + 1;
        }
        if (ofs > maxofs)
            ofs = maxofs;
        Py_ssize_t t = last;
        last = hint - ofs;
        ofs = hint - t;
    }
    else {
        /* a[hint] <= key: look right until key < a[hint+ofs] */
        Py_ssize_t maxofs = n - hint;
        while (ofs < maxofs) {
            if ((k = KR_LT(s, key, a[ofs])) < 0)
                return -1;
            if (k)
                break;
            last = ofs;
            ofs = (ofs << 1) + 1;
        }
        if (ofs > maxofs)
            ofs = maxofs;
        last += hint;
        ofs += hint;
    }
    a -= hint;
    /* now a[last] <= key < a[ofs] */
    ++last;
    while (last < ofs) {
        Py_ssize_t m = last + ((ofs - last) >> 1);
        if ((k = KR_LT(s, key, a[m])) < 0)
            return -1;
        if (k)
            ofs = m;
        else
            last = m + 1;
    }
    return ofs;
}

/* ---- merging ---- */

static int
kr_ensure_tmp(kr_sorter *s, Py_ssize_t need)
{
    if (need <= s->tmp_cap)
        return 0;
    if (s->tmpk != s->stack_tmp)
        PyMem_Free(s->tmpk);
    s->tmpk = s->tmpv = NULL;
    s->tmp_cap = 0;
    if ((size_t)need > (size_t)PY_SSIZE_T_MAX / (2 * sizeof(PyObject *))) {
        PyErr_NoMemory();
        return -1;
    }
    s->tmpk = (PyObject **)PyMem_Malloc((size_t)need * 2 * sizeof(PyObject *));
    if (s->tmpk == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    s->tmpv = s->tmpk + need;
    s->tmp_cap = need;
    return 0;
}

/* Merges a[0..na) and b[0..nb) where b follows a, na <= nb, a[0] belongs
 * after b[0] and a[na-1] after every b item (so neither side runs out
 * first by accident).  a is copied aside; the merge fills from the left. */
static int
kr_merge_lo(kr_sorter *s, kr_pos a, Py_ssize_t na, kr_pos b, Py_ssize_t nb)
{
    if (kr_ensure_tmp(s, na) < 0)
        return -1;
    kr_pos dest = a;
    kr_pos pa = {s->tmpk, s->tmpv};
    kr_pos_move(s, pa, a, na);
    kr_pos pb = b;
    Py_ssize_t min_gallop = s->min_gallop;
    int result = -1;

    /* the first b item is known to go first */
    kr_pos_set(s, dest, pb);
    dest = kr_pos_add(s, dest, 1);
    pb = kr_pos_add(s, pb, 1);
    if (--nb == 0)
        goto succeed;

    for (;;) {
        Py_ssize_t acount = 0, bcount = 0;
        /* one item at a time until one side wins min_gallop times */
        for (;;) {
            int k = KR_LT(s, *pb.k, *pa.k);
            if (k < 0)
                goto fail;
            if (k) {
                kr_pos_set(s, dest, pb);
                dest = kr_pos_add(s, dest, 1);
                pb = kr_pos_add(s, pb, 1);
                ++bcount;
                acount = 0;
                if (--nb == 0)
                    goto succeed;
                if (bcount >= min_gallop)
                    break;
            }
            else {
                kr_pos_set(s, dest, pa);
                dest = kr_pos_add(s, dest, 1);
                pa = kr_pos_add(s, pa, 1);
                ++acount;
                bcount = 0;
                if (--na == 0)
                    goto succeed;
                if (acount >= min_gallop)
                    break;
            }
        }
        /* galloping: copy whole stretches found by exponential search */
        ++min_gallop;
        do {
            min_gallop -= min_gallop > 1;
            s->min_gallop = min_gallop;
            Py_ssize_t k = kr_gallop_right(s, *pb.k, pa.k, na, 0);
            acount = k;
            if (k) {
                if (k < 0)
                    goto fail;
                kr_pos_move(s, dest, pa, k);
                dest = kr_pos_add(s, dest, k);
                pa = kr_pos_add(s, pa, k);
                na -= k;
                if (na == 0)
                    goto succeed;
            }
            kr_pos_set(s, dest, pb);
            dest = kr_pos_add(s, dest, 1);
            pb = kr_pos_add(s, pb, 1);
            if (--nb == 0)
                goto succeed;

            k = kr_gallop_left(s, *pa.k, pb.k, nb, 0);
            bcount = k;
            if (k) {
                if (k < 0)
                    goto fail;
                kr_pos_move(s, dest, pb, k);
                dest = kr_pos_add(s, dest, k);
                pb = kr_pos_add(s, pb, k);
                nb -= k;
                if (nb == 0)
                    goto succeed;
            }
            kr_pos_set(s, dest, pa);
            dest = kr_pos_add(s, dest, 1);
            pa = kr_pos_add(s, pa, 1);
            if (--na == 0)
                goto succeed;
        } while (acount >= KR_MIN_GALLOP || bcount >= KR_MIN_GALLOP);
        ++min_gallop;   /* leaving gallop mode costs a little */
        s->min_gallop = min_gallop;
    }
succeed:
    result = 0;
fail:
    /* what is left of a goes into the gap just before what is left of b */
    if (na)
        kr_pos_move(s, dest, pa, na);
    return result;
}

/* The mirror image: nb <= na, b is copied aside, the merge fills from the
 * right. */
static int
kr_merge_hi(kr_sorter *s, kr_pos a, Py_ssize_t na, kr_pos b, Py_ssize_t nb)
{
    if (kr_ensure_tmp(s, nb) < 0)
        return -1;
    kr_pos basea = a;
    kr_pos baseb = {s->tmpk, s->tmpv};
    kr_pos_move(s, baseb, b, nb);
    kr_pos dest = kr_pos_add(s, b, nb - 1);
    kr_pos pb = kr_pos_add(s, baseb, nb - 1);
    kr_pos pa = kr_pos_add(s, a, na - 1);
    Py_ssize_t min_gallop = s->min_gallop;
    int result = -1;

    /* the last a item is known to go last */
    kr_pos_set(s, dest, pa);
    dest = kr_pos_add(s, dest, -1);
    pa = kr_pos_add(s, pa, -1);
    if (--na == 0)
        goto succeed;

    for (;;) {
        Py_ssize_t acount = 0, bcount = 0;
        for (;;) {
            int k = KR_LT(s, *pb.k, *pa.k);
            if (k < 0)
                goto fail;
            if (k) {
                kr_pos_set(s, dest, pa);
                dest = kr_pos_add(s, dest, -1);
                pa = kr_pos_add(s, pa, -1);
                ++acount;
                bcount = 0;
                if (--na == 0)
                    goto succeed;
                if (acount >= min_gallop)
                    break;
            }
            else {
                kr_pos_set(s, dest, pb);
                dest = kr_pos_add(s, dest, -1);
                pb = kr_pos_add(s, pb, -1);
                ++bcount;
                acount = 0;
                if (--nb == 0)
                    goto succeed;
                if (bcount >= min_gallop)
                    break;
            }
        }
        ++min_gallop;
        do {
            min_gallop -= min_gallop > 1;
            s->min_gallop = min_gallop;
            /* a items greater than the last b item move as one block */
            Py_ssize_t k = kr_gallop_right(s, *pb.k, basea.k, na, na - 1);
            if (k < 0)
                goto fail;
            k = na - k;
            acount = k;
            if (k) {
                dest = kr_pos_add(s, dest, -k);
                pa = kr_pos_add(s, pa, -k);
                kr_pos_move(s, kr_pos_add(s, dest, 1), kr_pos_add(s, pa, 1), k);
                na -= k;
                if (na == 0)
                    goto succeed;
            }
            kr_pos_set(s, dest, pb);
            dest = kr_pos_add(s, dest, -1);
            pb = kr_pos_add(s, pb, -1);
            if (--nb == 0)
                goto succeed;

            /* b items not less than the last a item move as one block */
            k = kr_gallop_left(s, *pa.k, baseb.k, nb, nb - 1);
            if (k < 0)
                goto fail;
            k = nb - k;
            bcount = k;
            if (k) {
                dest = kr_pos_add(s, dest, -k);
                pb = kr_pos_add(s, pb, -k);
                kr_pos_move(s, kr_pos_add(s, dest, 1), kr_pos_add(s, pb, 1), k);
                nb -= k;
                if (nb == 0)
                    goto succeed;
            }
            kr_pos_set(s, dest, pa);
            dest = kr_pos_add(s, dest, -1);
            pa = kr_pos_add(s, pa, -1);
            if (--na == 0)
                goto succeed;
        } while (acount >= KR_MIN_GALLOP || bcount >= KR_MIN_GALLOP);
        ++min_gallop;
        s->min_gallop = min_gallop;
    }
succeed:
    result = 0;
fail:
    /* what is left of b fills the gap at the front */
    if (nb)
        kr_pos_move(s, kr_pos_add(s, dest, -(nb - 1)), baseb, nb);
    return result;
}

/* Merges runs i and i+1 of the stack. */
static int
kr_merge_at(kr_sorter *s, kr_pos base, int i)
{
    kr_run *r = s->runs;
    kr_pos a = kr_pos_add(s, base, r[i].base);
    Py_ssize_t na = r[i].len;
    kr_pos b = kr_pos_add(s, base, r[i + 1].base);
    Py_ssize_t nb = r[i + 1].len;

    r[i].len = na + nb;
    r[i].power = r[i + 1].power;
    for (int j = i + 1; j < s->nruns - 1; j++)
        r[j] = r[j + 1];
    s->nruns--;

    /* a items <= b[0] are already in place */
    Py_ssize_t k = kr_gallop_right(s, *b.k, a.k, na, 0);
    if (k < 0)
        return -1;
    a = kr_pos_add(s, a, k);
    na -= k;
    if (na == 0)
        return 0;
    /* b items >= a[na-1] are already in place */
    nb = kr_gallop_left(s, a.k[na - 1], b.k, nb, nb - 1);
    if (nb <= 0)
        return (int)nb;
    if (na <= nb)
        return kr_merge_lo(s, a, na, b, nb);
    return kr_merge_hi(s, a, na, b, nb);
}

/* Depth of the boundary between run1 = [s1, s1+n1) and the run after it
 * (n2 long) in the balanced binary tree over [0, n): the position of the
 * first bit where the two runs' midpoints, as fractions of n, differ. */
static int
kr_boundary_power(Py_ssize_t s1, Py_ssize_t n1, Py_ssize_t n2, Py_ssize_t n)
{
    /* midpoints doubled, so they stay integers */
    size_t a = 2 * (size_t)s1 + (size_t)n1;
    size_t b = a + (size_t)n1 + (size_t)n2;
    int power = 0;
    for (;;) {
        ++power;
        if (a >= (size_t)n) {
            a -= (size_t)n;
            b -= (size_t)n;
        }
        else if (b >= (size_t)n) {
            break;
        }
        a <<= 1;
        b <<= 1;
    }
    return power;
}

int
kr_listsort_sort(PyObject **keys, PyObject **values, Py_ssize_t n, int reverse)
{
    if (n < 2)
        return 0;
    kr_sorter *s = (kr_sorter *)PyMem_Malloc(sizeof(kr_sorter));
    if (s == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    s->has_values = values != NULL;
    s->min_gallop = KR_MIN_GALLOP;
    s->tmpk = s->stack_tmp;
    s->tmpv = s->stack_tmp + KR_TMP_ON_STACK;
    s->tmp_cap = KR_TMP_ON_STACK;
    s->n = n;
    s->nruns = 0;
    s->richcmp = NULL;
    kr_choose_compare(s, keys, n);

    kr_pos base = {keys, values};
    /* reversing first keeps equal items in their original order when the
     * result is reversed back at the end */
    if (reverse)
        kr_pos_reverse(s, base, n);

    int result = -1;
    Py_ssize_t minrun = kr_min_run(n);
    Py_ssize_t lo = 0, remaining = n;
    while (remaining > 0) {
        int descending;
        Py_ssize_t runlen = kr_count_run(s, keys + lo, remaining, &descending);
        if (runlen < 0)
            goto done;
        kr_pos start = kr_pos_add(s, base, lo);
        if (descending)
            kr_pos_reverse(s, start, runlen);
        if (runlen < minrun) {
            Py_ssize_t force = remaining <= minrun ? remaining : minrun;
            if (kr_binary_insertion(s, start, force, runlen) < 0)
                goto done;
            runlen = force;
        }
        if (s->nruns > 0) {
            kr_run *top = &s->runs[s->nruns - 1];
            int power = kr_boundary_power(top->base, top->len, runlen, n);
            while (s->nruns > 1 && s->runs[s->nruns - 2].power > power) {
                if (kr_merge_at(s, base, s->nruns - 2) < 0)
                    goto done;
            }
            s->runs[s->nruns - 1].power = power;
        }
        s->runs[s->nruns].base = lo;
        s->runs[s->nruns].len = runlen;
        s->runs[s->nruns].power = 0;
        s->nruns++;
        lo += runlen;
        remaining -= runlen;
    }
    while (s->nruns > 1) {
        if (kr_merge_at(s, base, s->nruns - 2) < 0)
            goto done;
    }
    result = 0;
done:
    if (reverse)
        kr_pos_reverse(s, base, n);
    if (s->tmpk != s->stack_tmp)
        PyMem_Free(s->tmpk);
    PyMem_Free(s);
    return result;
}
