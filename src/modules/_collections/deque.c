/* deque.c: collections.deque and its two iterators.
 *
 * Storage is a doubly linked list of fixed-size blocks, so appends and
 * pops at either end are O(1) and never move items.  Items occupy
 * leftblock->data[leftindex] .. rightblock->data[rightindex]; an empty
 * deque has one block with its indices crossed at the centre, so that it
 * can grow either way before needing a new block.  Each deque caches a few
 * freed blocks for reuse (per object: no shared state).
 *
 * `state` counts mutations: iterators and the methods that call back into
 * Python (comparisons in count/index/remove/__contains__) compare it
 * before and after to detect a deque changed under them. */
#include "internal.h"
#include "objects/containers.h"
#include "modules/_collections/collections.h"

#define KR_BLOCKLEN 64
#define KR_CENTER ((KR_BLOCKLEN - 1) / 2)
#define KR_MAXFREEBLOCKS 16

typedef struct kr_block {
    struct kr_block *leftlink;
    PyObject *data[KR_BLOCKLEN];
    struct kr_block *rightlink;
} kr_block;

typedef struct {
    PyObject_VAR_HEAD            /* ob_size: number of items */
    kr_block *leftblock;
    kr_block *rightblock;
    Py_ssize_t leftindex;        /* 0 <= leftindex < KR_BLOCKLEN */
    Py_ssize_t rightindex;       /* -1 <= rightindex < KR_BLOCKLEN - 1 */
    size_t state;                /* mutation counter */
    Py_ssize_t maxlen;           /* -1: unbounded */
    Py_ssize_t numfreeblocks;
    kr_block *freeblocks[KR_MAXFREEBLOCKS];
    PyObject *weakreflist;
} kr_deque;

#define KR_DEQUE(op) ((kr_deque *)(op))

static kr_block *
deque_newblock(kr_deque *deque)
{
    if (deque->numfreeblocks > 0)
        return deque->freeblocks[--deque->numfreeblocks];
    kr_block *b = PyMem_Malloc(sizeof(kr_block));
    if (b == NULL)
        PyErr_NoMemory();
    return b;
}

static void
deque_freeblock(kr_deque *deque, kr_block *b)
{
    if (deque->numfreeblocks < KR_MAXFREEBLOCKS)
        deque->freeblocks[deque->numfreeblocks++] = b;
    else
        PyMem_Free(b);
}

static PyObject *
deque_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    kr_deque *deque = (kr_deque *)type->tp_alloc(type, 0);
    if (deque == NULL)
        return NULL;
    deque->numfreeblocks = 0;
    kr_block *b = deque_newblock(deque);
    if (b == NULL) {
        Py_DECREF(deque);
        return NULL;
    }
    b->leftlink = b->rightlink = NULL;
    deque->leftblock = deque->rightblock = b;
    deque->leftindex = KR_CENTER + 1;
    deque->rightindex = KR_CENTER;
    Py_SET_SIZE(deque, 0);
    deque->state = 0;
    deque->maxlen = -1;
    deque->weakreflist = NULL;
    return (PyObject *)deque;
}

/* ---- the four end operations (items are stolen / returned owned) ---- */

static int
deque_push_right(kr_deque *deque, PyObject *item)
{
    if (deque->rightindex == KR_BLOCKLEN - 1) {
        kr_block *b = deque_newblock(deque);
        if (b == NULL)
            return -1;
        b->leftlink = deque->rightblock;
        b->rightlink = NULL;
        deque->rightblock->rightlink = b;
        deque->rightblock = b;
        deque->rightindex = -1;
    }
    Py_SET_SIZE(deque, Py_SIZE(deque) + 1);
    deque->rightindex++;
    deque->rightblock->data[deque->rightindex] = item;
    deque->state++;
    return 0;
}

static int
deque_push_left(kr_deque *deque, PyObject *item)
{
    if (deque->leftindex == 0) {
        kr_block *b = deque_newblock(deque);
        if (b == NULL)
            return -1;
        b->rightlink = deque->leftblock;
        b->leftlink = NULL;
        deque->leftblock->leftlink = b;
        deque->leftblock = b;
        deque->leftindex = KR_BLOCKLEN;
    }
    Py_SET_SIZE(deque, Py_SIZE(deque) + 1);
    deque->leftindex--;
    deque->leftblock->data[deque->leftindex] = item;
    deque->state++;
    return 0;
}

/* The caller checks that the deque is not empty. */
static PyObject *
deque_take_right(kr_deque *deque)
{
    PyObject *item = deque->rightblock->data[deque->rightindex];
    deque->rightindex--;
    Py_SET_SIZE(deque, Py_SIZE(deque) - 1);
    deque->state++;
    if (deque->rightindex < 0) {
        if (Py_SIZE(deque) > 0) {
            kr_block *prev = deque->rightblock->leftlink;
            deque_freeblock(deque, deque->rightblock);
            prev->rightlink = NULL;
            deque->rightblock = prev;
            deque->rightindex = KR_BLOCKLEN - 1;
        }
        else {
            /* empty: re-centre rather than free the last block */
            deque->leftindex = KR_CENTER + 1;
            deque->rightindex = KR_CENTER;
        }
    }
    return item;
}

static PyObject *
deque_take_left(kr_deque *deque)
{
    PyObject *item = deque->leftblock->data[deque->leftindex];
    deque->leftindex++;
    Py_SET_SIZE(deque, Py_SIZE(deque) - 1);
    deque->state++;
    if (deque->leftindex == KR_BLOCKLEN) {
        if (Py_SIZE(deque) > 0) {
            kr_block *next = deque->leftblock->rightlink;
            deque_freeblock(deque, deque->leftblock);
            next->leftlink = NULL;
            deque->leftblock = next;
            deque->leftindex = 0;
        }
        else {
            deque->leftindex = KR_CENTER + 1;
            deque->rightindex = KR_CENTER;
        }
    }
    else if (Py_SIZE(deque) == 0) {
        deque->leftindex = KR_CENTER + 1;
        deque->rightindex = KR_CENTER;
    }
    return item;
}

/* Appends with maxlen trimming from the other end.  Steals item. */
static int
deque_append_internal(kr_deque *deque, PyObject *item, Py_ssize_t maxlen)
{
    if (deque_push_right(deque, item) < 0) {
        Py_DECREF(item);
        return -1;
    }
    if (maxlen >= 0 && Py_SIZE(deque) > maxlen)
        Py_DECREF(deque_take_left(deque));
    return 0;
}

static int
deque_appendleft_internal(kr_deque *deque, PyObject *item, Py_ssize_t maxlen)
{
    if (deque_push_left(deque, item) < 0) {
        Py_DECREF(item);
        return -1;
    }
    if (maxlen >= 0 && Py_SIZE(deque) > maxlen)
        Py_DECREF(deque_take_right(deque));
    return 0;
}

/* Address of item i (0 <= i < len), walking from the nearer end. */
static PyObject **
deque_slot(kr_deque *deque, Py_ssize_t i)
{
    Py_ssize_t n = Py_SIZE(deque);
    kr_block *b;
    if (i < n / 2) {
        Py_ssize_t pos = i + deque->leftindex;
        b = deque->leftblock;
        while (pos >= KR_BLOCKLEN) {
            b = b->rightlink;
            pos -= KR_BLOCKLEN;
        }
        return &b->data[pos];
    }
    Py_ssize_t back = (n - 1 - i) + (KR_BLOCKLEN - 1 - deque->rightindex);
    b = deque->rightblock;
    while (back >= KR_BLOCKLEN) {
        b = b->leftlink;
        back -= KR_BLOCKLEN;
    }
    return &b->data[KR_BLOCKLEN - 1 - back];
}

/* ---- methods ---- */

static PyObject *
deque_append(kr_deque *deque, PyObject *item)
{
    if (deque_append_internal(deque, Py_NewRef(item), deque->maxlen) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
deque_appendleft(kr_deque *deque, PyObject *item)
{
    if (deque_appendleft_internal(deque, Py_NewRef(item), deque->maxlen) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
deque_pop(kr_deque *deque, PyObject *unused)
{
    if (Py_SIZE(deque) == 0) {
        PyErr_SetString(PyExc_IndexError, "pop from an empty deque");
        return NULL;
    }
    return deque_take_right(deque);
}

static PyObject *
deque_popleft(kr_deque *deque, PyObject *unused)
{
    if (Py_SIZE(deque) == 0) {
        PyErr_SetString(PyExc_IndexError, "pop from an empty deque");
        return NULL;
    }
    return deque_take_left(deque);
}

/* Runs an iterator to its end (extending a deque with maxlen 0). */
static PyObject *
deque_consume(PyObject *it)
{
    iternextfunc next = Py_TYPE(it)->tp_iternext;
    PyObject *item;
    while ((item = next(it)) != NULL)
        Py_DECREF(item);
    Py_DECREF(it);
    if (PyErr_Occurred()) {
        if (!PyErr_ExceptionMatches(PyExc_StopIteration))
            return NULL;
        PyErr_Clear();
    }
    Py_RETURN_NONE;
}

static PyObject *
deque_extend_impl(kr_deque *deque, PyObject *iterable, int left)
{
    if ((PyObject *)deque == iterable) {
        /* extending a deque with itself: take a snapshot first */
        PyObject *s = PySequence_List(iterable);
        if (s == NULL)
            return NULL;
        PyObject *res = deque_extend_impl(deque, s, left);
        Py_DECREF(s);
        return res;
    }
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL)
        return NULL;
    if (deque->maxlen == 0)
        return deque_consume(it);
    iternextfunc next = Py_TYPE(it)->tp_iternext;
    PyObject *item;
    while ((item = next(it)) != NULL) {
        int rc = left ? deque_appendleft_internal(deque, item, deque->maxlen)
                      : deque_append_internal(deque, item, deque->maxlen);
        if (rc < 0) {
            Py_DECREF(it);
            return NULL;
        }
    }
    Py_DECREF(it);
    if (PyErr_Occurred()) {
        if (!PyErr_ExceptionMatches(PyExc_StopIteration))
            return NULL;
        PyErr_Clear();
    }
    Py_RETURN_NONE;
}

static PyObject *
deque_extend(kr_deque *deque, PyObject *iterable)
{
    return deque_extend_impl(deque, iterable, 0);
}

static PyObject *
deque_extendleft(kr_deque *deque, PyObject *iterable)
{
    return deque_extend_impl(deque, iterable, 1);
}

static PyObject *
deque_inplace_concat(kr_deque *deque, PyObject *other)
{
    PyObject *res = deque_extend(deque, other);
    if (res == NULL)
        return NULL;
    Py_DECREF(res);
    return Py_NewRef(deque);
}

/* Empties the deque.  The items are detached first and released after,
 * so a __del__ that touches the deque sees it already empty. */
static int
deque_clear(kr_deque *deque)
{
    Py_ssize_t n = Py_SIZE(deque);
    if (n == 0)
        return 0;
    kr_block *fresh = deque_newblock(deque);
    if (fresh == NULL) {
        /* no memory for a fresh block: release in place */
        PyErr_Clear();
        while (Py_SIZE(deque) > 0)
            Py_DECREF(deque_take_right(deque));
        return 0;
    }
    kr_block *b = deque->leftblock;
    Py_ssize_t index = deque->leftindex;
    fresh->leftlink = fresh->rightlink = NULL;
    deque->leftblock = deque->rightblock = fresh;
    deque->leftindex = KR_CENTER + 1;
    deque->rightindex = KR_CENTER;
    Py_SET_SIZE(deque, 0);
    deque->state++;
    while (n > 0) {
        PyObject *item = b->data[index];
        index++;
        n--;
        if (index == KR_BLOCKLEN || n == 0) {
            kr_block *next = b->rightlink;
            Py_DECREF(item);
            PyMem_Free(b);
            b = next;
            index = 0;
        }
        else {
            Py_DECREF(item);
        }
    }
    return 0;
}

static PyObject *
deque_clearmethod(kr_deque *deque, PyObject *unused)
{
    deque_clear(deque);
    Py_RETURN_NONE;
}

/* Rotates right by n (left for negative n).  Items move without any
 * reference count change. */
static int
deque_rotate_internal(kr_deque *deque, Py_ssize_t n)
{
    Py_ssize_t len = Py_SIZE(deque);
    if (len <= 1)
        return 0;
    Py_ssize_t halflen = len >> 1;
    if (n > halflen || n < -halflen) {
        n %= len;
        if (n > halflen)
            n -= len;
        else if (n < -halflen)
            n += len;
    }
    size_t state = deque->state;
    for (; n > 0; n--) {
        if (deque_push_left(deque, deque_take_right(deque)) < 0)
            return -1;
    }
    for (; n < 0; n++) {
        if (deque_push_right(deque, deque_take_left(deque)) < 0)
            return -1;
    }
    deque->state = state + 1;
    return 0;
}

static PyObject *
deque_rotate(kr_deque *deque, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t n = 1;
    if (!_PyArg_CheckPositional("deque.rotate", nargs, 0, 1))
        return NULL;
    if (nargs == 1) {
        PyObject *index = PyNumber_Index(args[0]);
        if (index == NULL)
            return NULL;
        n = PyLong_AsSsize_t(index);
        Py_DECREF(index);
        if (n == -1 && PyErr_Occurred())
            return NULL;
    }
    if (deque_rotate_internal(deque, n) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
deque_reverse(kr_deque *deque, PyObject *unused)
{
    Py_ssize_t n = Py_SIZE(deque);
    kr_block *lb = deque->leftblock, *rb = deque->rightblock;
    Py_ssize_t li = deque->leftindex, ri = deque->rightindex;
    for (Py_ssize_t i = n / 2; i > 0; i--) {
        PyObject *tmp = lb->data[li];
        lb->data[li] = rb->data[ri];
        rb->data[ri] = tmp;
        if (++li == KR_BLOCKLEN) {
            lb = lb->rightlink;
            li = 0;
        }
        if (--ri < 0) {
            rb = rb->leftlink;
            ri = KR_BLOCKLEN - 1;
        }
    }
    deque->state++;
    Py_RETURN_NONE;
}

/* Walks the items left to right calling cmp(item, v) (Py_EQ), checking
 * for mutation after each call (remove() reports that as IndexError).
 * Stops at the first true result when
 * `stop_at_match`; returns the number of true results or that index,
 * -1 on error, -2 when not found (stop mode).  [start, stop) limits. */
static Py_ssize_t
deque_scan(kr_deque *deque, PyObject *v, Py_ssize_t start, Py_ssize_t stop,
           int stop_at_match, int remove_err)
{
    size_t state = deque->state;
    Py_ssize_t count = 0;
    kr_block *b = deque->leftblock;
    Py_ssize_t index = deque->leftindex;
    for (Py_ssize_t i = 0; i < stop; i++) {
        if (i >= start) {
            PyObject *item = Py_NewRef(b->data[index]);
            int cmp = PyObject_RichCompareBool(item, v, Py_EQ);
            Py_DECREF(item);
            if (cmp < 0)
                return -1;
            if (state != deque->state) {
                PyErr_SetString(remove_err ? PyExc_IndexError : PyExc_RuntimeError,
                                "deque mutated during iteration");
                return -1;
            }
            if (cmp > 0) {
                if (stop_at_match)
                    return i;
                count++;
            }
        }
        if (++index == KR_BLOCKLEN) {
            b = b->rightlink;
            index = 0;
        }
    }
    return stop_at_match ? -2 : count;
}

static PyObject *
deque_count(kr_deque *deque, PyObject *v)
{
    Py_ssize_t n = deque_scan(deque, v, 0, Py_SIZE(deque), 0, 0);
    if (n < 0)
        return NULL;
    return PyLong_FromSsize_t(n);
}

static int
deque_contains(kr_deque *deque, PyObject *v)
{
    Py_ssize_t i = deque_scan(deque, v, 0, Py_SIZE(deque), 1, 0);
    if (i == -1)
        return -1;
    return i >= 0;
}

/* The argument count check of index() and insert(), in the wording of
 * CPython's PyArg_ParseTuple-style parsers they use. */
static int
deque_check_nargs(const char *name, Py_ssize_t nargs, Py_ssize_t min, Py_ssize_t max)
{
    if (nargs >= min && nargs <= max)
        return 0;
    Py_ssize_t bound = nargs < min ? min : max;
    PyErr_Format(PyExc_TypeError, "%s() takes %s %zd argument%s (%zd given)", name,
                 min == max ? "exactly" : nargs < min ? "at least" : "at most", bound,
                 bound == 1 ? "" : "s", nargs);
    return -1;
}

/* A start/stop bound of index(): an index, clamped; None is refused. */
static int
deque_index_arg(PyObject *v, Py_ssize_t *out)
{
    if (!PyIndex_Check(v)) {
        PyErr_SetString(PyExc_TypeError,
                        "slice indices must be integers or have an __index__ method");
        return 0;
    }
    return kr_slice_index(v, out);
}

static PyObject *
deque_index(kr_deque *deque, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t start = 0, stop = PY_SSIZE_T_MAX;
    if (deque_check_nargs("index", nargs, 1, 3) < 0)
        return NULL;
    if (nargs >= 2 && !deque_index_arg(args[1], &start))
        return NULL;
    if (nargs >= 3 && !deque_index_arg(args[2], &stop))
        return NULL;
    Py_ssize_t n = Py_SIZE(deque);
    if (start < 0) {
        start += n;
        if (start < 0)
            start = 0;
    }
    if (stop < 0) {
        stop += n;
        if (stop < 0)
            stop = 0;
    }
    if (stop > n)
        stop = n;
    Py_ssize_t i = deque_scan(deque, args[0], start, stop, 1, 0);
    if (i == -1)
        return NULL;
    if (i == -2) {
        PyErr_Format(PyExc_ValueError, "%R is not in deque", args[0]);
        return NULL;
    }
    return PyLong_FromSsize_t(i);
}

/* Removes item i (0 <= i < len) by rotating it to the left end. */
static int
deque_del_item(kr_deque *deque, Py_ssize_t i)
{
    if (deque_rotate_internal(deque, -i) < 0)
        return -1;
    PyObject *item = deque_take_left(deque);
    int rv = deque_rotate_internal(deque, i);
    Py_DECREF(item);
    return rv;
}

static PyObject *
deque_remove(kr_deque *deque, PyObject *value)
{
    Py_ssize_t i = deque_scan(deque, value, 0, Py_SIZE(deque), 1, 1);
    if (i == -1)
        return NULL;
    if (i == -2) {
        PyErr_Format(PyExc_ValueError, "%R is not in deque", value);
        return NULL;
    }
    if (deque_del_item(deque, i) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
deque_insert(kr_deque *deque, PyObject *const *args, Py_ssize_t nargs)
{
    if (deque_check_nargs("insert", nargs, 2, 2) < 0)
        return NULL;
    PyObject *index = PyNumber_Index(args[0]);
    if (index == NULL)
        return NULL;
    Py_ssize_t i = PyLong_AsSsize_t(index);
    Py_DECREF(index);
    if (i == -1 && PyErr_Occurred())
        return NULL;
    PyObject *value = args[1];
    Py_ssize_t n = Py_SIZE(deque);
    if (deque->maxlen == n) {
        PyErr_SetString(PyExc_IndexError, "deque already at its maximum size");
        return NULL;
    }
    if (i >= n)
        return deque_append(deque, value);
    if (i <= -n || i == 0)
        return deque_appendleft(deque, value);
    if (deque_rotate_internal(deque, -i) < 0)
        return NULL;
    int rc = i < 0 ? deque_append_internal(deque, Py_NewRef(value), deque->maxlen)
                   : deque_appendleft_internal(deque, Py_NewRef(value), deque->maxlen);
    if (rc < 0)
        return NULL;
    if (deque_rotate_internal(deque, i) < 0)
        return NULL;
    Py_RETURN_NONE;
}

/* ---- sequence protocol ---- */

static Py_ssize_t
deque_len(kr_deque *deque)
{
    return Py_SIZE(deque);
}

static PyObject *
deque_item(kr_deque *deque, Py_ssize_t i)
{
    if (i < 0 || i >= Py_SIZE(deque)) {
        PyErr_SetString(PyExc_IndexError, "deque index out of range");
        return NULL;
    }
    return Py_NewRef(*deque_slot(deque, i));
}

static int
deque_ass_item(kr_deque *deque, Py_ssize_t i, PyObject *v)
{
    if (i < 0 || i >= Py_SIZE(deque)) {
        PyErr_SetString(PyExc_IndexError, "deque index out of range");
        return -1;
    }
    if (v == NULL)
        return deque_del_item(deque, i);
    PyObject **slot = deque_slot(deque, i);
    PyObject *old = *slot;
    *slot = Py_NewRef(v);
    Py_DECREF(old);
    return 0;
}

/* A new deque of the same type and maxlen holding the same items. */
static PyObject *
deque_copy(PyObject *self, PyObject *unused)
{
    kr_deque *old = KR_DEQUE(self);
    if (Py_IS_TYPE(self, &kr_deque_type)) {
        kr_deque *new = (kr_deque *)deque_new(&kr_deque_type, NULL, NULL);
        if (new == NULL)
            return NULL;
        new->maxlen = old->maxlen;
        PyObject *rv = deque_extend(new, self);
        if (rv == NULL) {
            Py_DECREF(new);
            return NULL;
        }
        Py_DECREF(rv);
        return (PyObject *)new;
    }
    PyObject *result;
    if (old->maxlen < 0)
        result = PyObject_CallOneArg((PyObject *)Py_TYPE(self), self);
    else
        result = PyObject_CallFunction((PyObject *)Py_TYPE(self), "On", self, old->maxlen);
    if (result != NULL && !PyObject_TypeCheck(result, &kr_deque_type)) {
        PyErr_Format(PyExc_TypeError, "%.200s() must return a deque, not %.200s",
                     Py_TYPE(self)->tp_name, Py_TYPE(result)->tp_name);
        Py_DECREF(result);
        return NULL;
    }
    return result;
}

static PyObject *
deque_concat(kr_deque *deque, PyObject *other)
{
    int rv = PyObject_IsInstance(other, (PyObject *)&kr_deque_type);
    if (rv <= 0) {
        if (rv == 0)
            PyErr_Format(PyExc_TypeError, "can only concatenate deque (not \"%.200s\") to deque",
                         Py_TYPE(other)->tp_name);
        return NULL;
    }
    PyObject *new = deque_copy((PyObject *)deque, NULL);
    if (new == NULL)
        return NULL;
    PyObject *res = deque_extend(KR_DEQUE(new), other);
    if (res == NULL) {
        Py_DECREF(new);
        return NULL;
    }
    Py_DECREF(res);
    return new;
}

static PyObject *
deque_inplace_repeat(kr_deque *deque, Py_ssize_t n)
{
    Py_ssize_t size = Py_SIZE(deque);
    if (size == 0 || n == 1)
        return Py_NewRef(deque);
    if (n <= 0) {
        deque_clear(deque);
        return Py_NewRef(deque);
    }
    if ((size_t)size > PY_SSIZE_T_MAX / (size_t)n)
        return PyErr_NoMemory();
    /* only the last maxlen items survive: skip whole copies that would be
     * trimmed away again */
    if (deque->maxlen >= 0 && n * size > deque->maxlen)
        n = (deque->maxlen + size - 1) / size;
    PyObject *snapshot = PySequence_List((PyObject *)deque);
    if (snapshot == NULL)
        return NULL;
    for (Py_ssize_t rep = 1; rep < n; rep++) {
        for (Py_ssize_t j = 0; j < size; j++) {
            PyObject *item = PyList_GET_ITEM(snapshot, j);
            if (deque_append_internal(deque, Py_NewRef(item), deque->maxlen) < 0) {
                Py_DECREF(snapshot);
                return NULL;
            }
        }
    }
    Py_DECREF(snapshot);
    return Py_NewRef(deque);
}

static PyObject *
deque_repeat(kr_deque *deque, Py_ssize_t n)
{
    PyObject *new = deque_copy((PyObject *)deque, NULL);
    if (new == NULL)
        return NULL;
    PyObject *rv = deque_inplace_repeat(KR_DEQUE(new), n);
    Py_DECREF(new);
    return rv;
}

/* ---- object protocol ---- */

static void
deque_dealloc(kr_deque *deque)
{
    PyObject_GC_UnTrack(deque);
    if (deque->weakreflist != NULL)
        PyObject_ClearWeakRefs((PyObject *)deque);
    if (deque->leftblock != NULL) {
        deque_clear(deque);
        PyMem_Free(deque->leftblock);
        deque->leftblock = deque->rightblock = NULL;
    }
    for (Py_ssize_t i = 0; i < deque->numfreeblocks; i++)
        PyMem_Free(deque->freeblocks[i]);
    deque->numfreeblocks = 0;
    Py_TYPE(deque)->tp_free(deque);
}

static int
deque_traverse(kr_deque *deque, visitproc visit, void *arg)
{
    kr_block *b = deque->leftblock;
    Py_ssize_t index = deque->leftindex;
    for (Py_ssize_t n = Py_SIZE(deque); n > 0; n--) {
        Py_VISIT(b->data[index]);
        if (++index == KR_BLOCKLEN) {
            b = b->rightlink;
            index = 0;
        }
    }
    return 0;
}

static int
deque_init(kr_deque *deque, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"iterable", "maxlen", NULL};
    PyObject *iterable = NULL, *maxlenobj = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|OO:deque", kwlist, &iterable, &maxlenobj))
        return -1;
    Py_ssize_t maxlen = -1;
    if (maxlenobj != NULL && maxlenobj != Py_None) {
        maxlen = PyLong_AsSsize_t(maxlenobj);
        if (maxlen == -1 && PyErr_Occurred())
            return -1;
        if (maxlen < 0) {
            PyErr_SetString(PyExc_ValueError, "maxlen must be non-negative");
            return -1;
        }
    }
    deque->maxlen = maxlen;
    if (Py_SIZE(deque) > 0)
        deque_clear(deque);
    if (iterable != NULL) {
        PyObject *rv = deque_extend(deque, iterable);
        if (rv == NULL)
            return -1;
        Py_DECREF(rv);
    }
    return 0;
}

static PyObject *
deque_repr(PyObject *deque)
{
    int i = Py_ReprEnter(deque);
    if (i != 0) {
        if (i < 0)
            return NULL;
        return PyUnicode_FromString("[...]");
    }
    PyObject *aslist = PySequence_List(deque);
    if (aslist == NULL) {
        Py_ReprLeave(deque);
        return NULL;
    }
    PyObject *result;
    if (KR_DEQUE(deque)->maxlen >= 0)
        result = PyUnicode_FromFormat("%s(%R, maxlen=%zd)", _PyType_Name(Py_TYPE(deque)), aslist,
                                      KR_DEQUE(deque)->maxlen);
    else
        result = PyUnicode_FromFormat("%s(%R)", _PyType_Name(Py_TYPE(deque)), aslist);
    Py_ReprLeave(deque);
    Py_DECREF(aslist);
    return result;
}

static PyObject *
deque_richcompare(PyObject *v, PyObject *w, int op)
{
    if (!PyObject_TypeCheck(v, &kr_deque_type) || !PyObject_TypeCheck(w, &kr_deque_type))
        Py_RETURN_NOTIMPLEMENTED;
    Py_ssize_t vs = Py_SIZE(v), ws = Py_SIZE(w);
    if (op == Py_EQ && vs != ws)
        Py_RETURN_FALSE;
    if (op == Py_NE && vs != ws)
        Py_RETURN_TRUE;
    /* compare item by item through iterators (which catch mutation) */
    PyObject *it1 = PyObject_GetIter(v), *it2 = NULL, *x = NULL, *y = NULL, *res = NULL;
    if (it1 == NULL)
        return NULL;
    it2 = PyObject_GetIter(w);
    if (it2 == NULL)
        goto done;
    for (;;) {
        x = PyIter_Next(it1);
        if (x == NULL && PyErr_Occurred())
            goto done;
        y = PyIter_Next(it2);
        if (x == NULL || y == NULL)
            break;
        int b = PyObject_RichCompareBool(x, y, Py_EQ);
        if (b == 0) {
            res = PyObject_RichCompare(x, y, op);
            goto done;
        }
        Py_CLEAR(x);
        Py_CLEAR(y);
        if (b < 0)
            goto done;
    }
    if (PyErr_Occurred())
        goto done;
    /* one ran out first: compare the sizes */
    int cmp;
    switch (op) {
    case Py_LT: cmp = y != NULL; break;
    case Py_LE: cmp = x == NULL; break;
    case Py_EQ: cmp = x == y; break;
    case Py_NE: cmp = x != y; break;
    case Py_GT: cmp = x != NULL; break;
    default: cmp = y == NULL; break;
    }
    res = Py_NewRef(cmp ? Py_True : Py_False);
done:
    Py_XDECREF(it1);
    Py_XDECREF(it2);
    Py_XDECREF(x);
    Py_XDECREF(y);
    return res;
}

static PyObject *
deque_reduce(PyObject *deque, PyObject *unused)
{
    PyObject *state = PyObject_CallMethodNoArgs(deque, KR_ID(__getstate__));
    if (state == NULL)
        return NULL;
    PyObject *it = PyObject_GetIter(deque);
    if (it == NULL) {
        Py_DECREF(state);
        return NULL;
    }
    if (KR_DEQUE(deque)->maxlen < 0)
        return Py_BuildValue("O()NN", Py_TYPE(deque), state, it);
    return Py_BuildValue("O(()n)NN", Py_TYPE(deque), KR_DEQUE(deque)->maxlen, state, it);
}

static PyObject *
deque_sizeof(kr_deque *deque, PyObject *unused)
{
    Py_ssize_t blocks = (deque->leftindex + Py_SIZE(deque) + KR_BLOCKLEN - 1) / KR_BLOCKLEN;
    if (blocks < 1)
        blocks = 1;
    return PyLong_FromSsize_t((Py_ssize_t)(Py_TYPE(deque)->tp_basicsize +
                              blocks * sizeof(kr_block)));
}

static PyObject *
deque_get_maxlen(kr_deque *deque, void *closure)
{
    if (deque->maxlen < 0)
        Py_RETURN_NONE;
    return PyLong_FromSsize_t(deque->maxlen);
}

static PyObject *deque_iter(PyObject *deque);
static PyObject *deque_reviter(PyObject *deque, PyObject *unused);

static PyGetSetDef deque_getset[] = {
    {"maxlen", (getter)deque_get_maxlen, NULL, "maximum size of a deque or None if unbounded"},
    {NULL, NULL, NULL, NULL, NULL}
};

static PySequenceMethods deque_as_sequence = {
    .sq_length = (lenfunc)deque_len,
    .sq_concat = (binaryfunc)deque_concat,
    .sq_repeat = (ssizeargfunc)deque_repeat,
    .sq_item = (ssizeargfunc)deque_item,
    .sq_ass_item = (ssizeobjargproc)deque_ass_item,
    .sq_contains = (objobjproc)deque_contains,
    .sq_inplace_concat = (binaryfunc)deque_inplace_concat,
    .sq_inplace_repeat = (ssizeargfunc)deque_inplace_repeat,
};

static PyMethodDef deque_methods[] = {
    {"append", (PyCFunction)deque_append, METH_O, "Add an element to the right side of the deque."},
    {"appendleft", (PyCFunction)deque_appendleft, METH_O, "Add an element to the left side of the deque."},
    {"clear", (PyCFunction)deque_clearmethod, METH_NOARGS, "Remove all elements from the deque."},
    {"__copy__", deque_copy, METH_NOARGS, "Return a shallow copy of a deque."},
    {"copy", deque_copy, METH_NOARGS, "Return a shallow copy of a deque."},
    {"count", (PyCFunction)deque_count, METH_O, "D.count(value) -> integer -- return number of occurrences of value"},
    {"extend", (PyCFunction)deque_extend, METH_O, "Extend the right side of the deque with elements from the iterable"},
    {"extendleft", (PyCFunction)deque_extendleft, METH_O, "Extend the left side of the deque with elements from the iterable"},
    {"index", (PyCFunction)(void (*)(void))deque_index, METH_FASTCALL,
     "D.index(value, [start, [stop]]) -> integer -- return first index of value.\n"
     "Raises ValueError if the value is not present."},
    {"insert", (PyCFunction)(void (*)(void))deque_insert, METH_FASTCALL,
     "D.insert(index, object) -- insert object before index"},
    {"pop", (PyCFunction)deque_pop, METH_NOARGS, "Remove and return the rightmost element."},
    {"popleft", (PyCFunction)deque_popleft, METH_NOARGS, "Remove and return the leftmost element."},
    {"__reduce__", (PyCFunction)deque_reduce, METH_NOARGS, "Return state information for pickling."},
    {"remove", (PyCFunction)deque_remove, METH_O, "D.remove(value) -- remove first occurrence of value."},
    {"__reversed__", (PyCFunction)deque_reviter, METH_NOARGS, "D.__reversed__() -- return a reverse iterator over the deque"},
    {"reverse", (PyCFunction)deque_reverse, METH_NOARGS, "D.reverse() -- reverse *IN PLACE*"},
    {"rotate", (PyCFunction)(void (*)(void))deque_rotate, METH_FASTCALL,
     "Rotate the deque n steps to the right (default n=1).  If n is negative, rotates left."},
    {"__sizeof__", (PyCFunction)deque_sizeof, METH_NOARGS, "D.__sizeof__() -- size of D in memory, in bytes"},
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL}
};

PyTypeObject kr_deque_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "collections.deque",
    .tp_basicsize = sizeof(kr_deque),
    .tp_dealloc = (destructor)deque_dealloc,
    .tp_repr = deque_repr,
    .tp_as_sequence = &deque_as_sequence,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_SEQUENCE,
    .tp_doc = "deque([iterable[, maxlen]]) --> deque object\n\n"
              "A list-like sequence optimized for data accesses near its endpoints.",
    .tp_traverse = (traverseproc)deque_traverse,
    .tp_clear = (inquiry)deque_clear,
    .tp_richcompare = deque_richcompare,
    .tp_weaklistoffset = offsetof(kr_deque, weakreflist),
    .tp_iter = deque_iter,
    .tp_methods = deque_methods,
    .tp_getset = deque_getset,
    .tp_init = (initproc)deque_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = deque_new,
    .tp_free = PyObject_GC_Del,
};

/* ---- iterators ---- */

typedef struct {
    PyObject_HEAD
    kr_block *b;
    Py_ssize_t index;
    kr_deque *deque;
    size_t state;          /* the deque's state when the iterator started */
    Py_ssize_t counter;    /* items left */
} kr_dequeiter;

static PyObject *
dequeiter_make(PyTypeObject *type, kr_deque *deque, int reverse)
{
    kr_dequeiter *it = PyObject_GC_New(kr_dequeiter, type);
    if (it == NULL)
        return NULL;
    it->b = reverse ? deque->rightblock : deque->leftblock;
    it->index = reverse ? deque->rightindex : deque->leftindex;
    it->deque = (kr_deque *)Py_NewRef(deque);
    it->state = deque->state;
    it->counter = Py_SIZE(deque);
    PyObject_GC_Track(it);
    return (PyObject *)it;
}

static PyObject *
deque_iter(PyObject *deque)
{
    return dequeiter_make(&kr_dequeiter_type, KR_DEQUE(deque), 0);
}

static PyObject *
deque_reviter(PyObject *deque, PyObject *unused)
{
    return dequeiter_make(&kr_dequereviter_type, KR_DEQUE(deque), 1);
}

static int
dequeiter_traverse(kr_dequeiter *it, visitproc visit, void *arg)
{
    Py_VISIT(it->deque);
    return 0;
}

static void
dequeiter_dealloc(kr_dequeiter *it)
{
    PyObject_GC_UnTrack(it);
    Py_XDECREF(it->deque);
    PyObject_GC_Del(it);
}

static int
dequeiter_check(kr_dequeiter *it)
{
    if (it->deque->state != it->state) {
        it->counter = 0;
        PyErr_SetString(PyExc_RuntimeError, "deque mutated during iteration");
        return -1;
    }
    return 0;
}

static PyObject *
dequeiter_next(kr_dequeiter *it)
{
    if (dequeiter_check(it) < 0 || it->counter == 0)
        return NULL;
    PyObject *item = it->b->data[it->index];
    it->index++;
    it->counter--;
    if (it->index == KR_BLOCKLEN && it->counter > 0) {
        it->b = it->b->rightlink;
        it->index = 0;
    }
    return Py_NewRef(item);
}

static PyObject *
dequereviter_next(kr_dequeiter *it)
{
    if (dequeiter_check(it) < 0 || it->counter == 0)
        return NULL;
    PyObject *item = it->b->data[it->index];
    it->index--;
    it->counter--;
    if (it->index < 0 && it->counter > 0) {
        it->b = it->b->leftlink;
        it->index = KR_BLOCKLEN - 1;
    }
    return Py_NewRef(item);
}

/* _deque_iterator(deque, index=0) and the reverse one: a fresh iterator
 * advanced by index items (how __reduce__ rebuilds them). */
static PyObject *
dequeiter_new_common(PyTypeObject *type, PyObject *args, PyObject *kwds, int reverse)
{
    PyObject *deque;
    Py_ssize_t index = 0;
    if (!PyArg_ParseTuple(args, "O!|n", &kr_deque_type, &deque, &index))
        return NULL;
    kr_dequeiter *it = (kr_dequeiter *)dequeiter_make(type, KR_DEQUE(deque), reverse);
    if (it == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < index; i++) {
        PyObject *item = reverse ? dequereviter_next(it) : dequeiter_next(it);
        if (item != NULL) {
            Py_DECREF(item);
        }
        else {
            if (it->counter) {
                Py_DECREF(it);
                return NULL;
            }
            break;
        }
    }
    return (PyObject *)it;
}

static PyObject *
dequeiter_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    return dequeiter_new_common(type, args, kwds, 0);
}

static PyObject *
dequereviter_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    return dequeiter_new_common(type, args, kwds, 1);
}

static PyObject *
dequeiter_len(kr_dequeiter *it, PyObject *unused)
{
    return PyLong_FromSsize_t(it->counter);
}

static PyObject *
dequeiter_reduce(kr_dequeiter *it, PyObject *unused)
{
    return Py_BuildValue("O(On)", Py_TYPE(it), it->deque, Py_SIZE(it->deque) - it->counter);
}

static PyMethodDef dequeiter_methods[] = {
    {"__length_hint__", (PyCFunction)dequeiter_len, METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", (PyCFunction)dequeiter_reduce, METH_NOARGS, "Return state information for pickling."},
    {NULL, NULL, 0, NULL}
};

PyTypeObject kr_dequeiter_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_collections._deque_iterator",
    .tp_basicsize = sizeof(kr_dequeiter),
    .tp_dealloc = (destructor)dequeiter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)dequeiter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)dequeiter_next,
    .tp_methods = dequeiter_methods,
    .tp_new = dequeiter_new,
    .tp_free = PyObject_GC_Del,
};

PyTypeObject kr_dequereviter_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_collections._deque_reverse_iterator",
    .tp_basicsize = sizeof(kr_dequeiter),
    .tp_dealloc = (destructor)dequeiter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)dequeiter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)dequereviter_next,
    .tp_methods = dequeiter_methods,
    .tp_new = dequereviter_new,
    .tp_free = PyObject_GC_Del,
};
