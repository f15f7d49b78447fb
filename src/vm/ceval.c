/* ceval.c: the bytecode interpreter loop (src/vm/opcodes.h semantics).
 *
 * One C call of kr_eval_frame runs its entry frame and every Python
 * function that frame calls directly: a CALL of a plain Python function
 * pushes a new kr_frame on the thread's frame stack and continues in the
 * same loop, and RETURN_VALUE pops back to the caller, so deep Python
 * recursion costs no C stack.  Exceptions unwind through co_exceptiontable;
 * each frame an exception leaves gets a traceback entry.
 *
 * Dispatch is computed goto under gcc/clang and a switch elsewhere
 * (-DKR_NO_COMPUTED_GOTO forces the switch).  Inline caches: LOAD_GLOBAL
 * keeps a slot of the context's global cache (valid while the globals and
 * builtins dicts keep their version tags); LOAD_ATTR remembers a type that
 * has no attribute of that name (only the instance dict is consulted);
 * LOAD_METHOD remembers the method descriptor of a type version.  The
 * rarer or longer instructions call helpers in ceval_helpers.c so that the
 * loop body stays small.
 *
 * Tracing (sys.settrace/setprofile, vm/trace.c) costs nothing while off:
 * dispatch goes through a table pointer held in a local, which points at
 * the ordinary table, or, while the thread has a hook, at a table sending
 * every instruction to trace_instruction first.  The pointer is re-read
 * from ts->vm.use_tracing only on slow paths: entry to this function, the
 * eval-breaker check (switching tracing on or off sets the breaker, which
 * the loop checks after every call), errors, and BEFORE_WITH. */
#include "internal.h"
#include "objects/dict_internal.h"
#include "objects/containers.h"
#include "objects/indexiter.h"
#include "objects/longobject_internal.h"
#include "structmember.h"
#include "vm/vm.h"
#include "vm/vm_needs.h"
#include "vm/genobject.h"
#include "objects/methodobject_internal.h"
#include "vm/trace.h"
#include "vm/specialize.h"

/* ---- reading exact int and float objects without a call ----
 * The layouts are fixed by the design (PyLongObject: 30-bit digits after
 * a PyVarObject header, sign in ob_size; PyFloatObject: a double after
 * the PyObject header). */
static inline int kr_ceval_small_int(PyObject *o, long *out)
{
    Py_ssize_t size = ((PyVarObject *)o)->ob_size;
    const uint32_t *digits = (const uint32_t *)((const char *)o + sizeof(PyVarObject));
    if (size == 0) { *out = 0; return 1; }
    if (size == 1) { *out = (long)digits[0]; return 1; }
    if (size == -1) { *out = -(long)digits[0]; return 1; }
    return 0;
}

static inline double kr_ceval_float_value(PyObject *o)
{
    return *(const double *)((const char *)o + sizeof(PyObject));
}

static PyObject *kr_ceval_binary_generic(int op, PyObject *l, PyObject *r)
{
    switch (op) {
    case KR_NB_ADD: return PyNumber_Add(l, r);
    case KR_NB_AND: return PyNumber_And(l, r);
    case KR_NB_FLOOR_DIVIDE: return PyNumber_FloorDivide(l, r);
    case KR_NB_LSHIFT: return PyNumber_Lshift(l, r);
    case KR_NB_MATRIX_MULTIPLY: return PyNumber_MatrixMultiply(l, r);
    case KR_NB_MULTIPLY: return PyNumber_Multiply(l, r);
    case KR_NB_REMAINDER: return PyNumber_Remainder(l, r);
    case KR_NB_OR: return PyNumber_Or(l, r);
    case KR_NB_POWER: return PyNumber_Power(l, r, Py_None);
    case KR_NB_RSHIFT: return PyNumber_Rshift(l, r);
    case KR_NB_SUBTRACT: return PyNumber_Subtract(l, r);
    case KR_NB_TRUE_DIVIDE: return PyNumber_TrueDivide(l, r);
    case KR_NB_XOR: return PyNumber_Xor(l, r);
    case KR_NB_INPLACE_ADD: return PyNumber_InPlaceAdd(l, r);
    case KR_NB_INPLACE_AND: return PyNumber_InPlaceAnd(l, r);
    case KR_NB_INPLACE_FLOOR_DIVIDE: return PyNumber_InPlaceFloorDivide(l, r);
    case KR_NB_INPLACE_LSHIFT: return PyNumber_InPlaceLshift(l, r);
    case KR_NB_INPLACE_MATRIX_MULTIPLY: return PyNumber_InPlaceMatrixMultiply(l, r);
    case KR_NB_INPLACE_MULTIPLY: return PyNumber_InPlaceMultiply(l, r);
    case KR_NB_INPLACE_REMAINDER: return PyNumber_InPlaceRemainder(l, r);
    case KR_NB_INPLACE_OR: return PyNumber_InPlaceOr(l, r);
    case KR_NB_INPLACE_POWER: return PyNumber_InPlacePower(l, r, Py_None);
    case KR_NB_INPLACE_RSHIFT: return PyNumber_InPlaceRshift(l, r);
    case KR_NB_INPLACE_SUBTRACT: return PyNumber_InPlaceSubtract(l, r);
    case KR_NB_INPLACE_TRUE_DIVIDE: return PyNumber_InPlaceTrueDivide(l, r);
    case KR_NB_INPLACE_XOR: return PyNumber_InPlaceXor(l, r);
    }
    PyErr_SetString(PyExc_SystemError, "bad BINARY_OP argument");
    return NULL;
}

/* Fast paths for exact ints that fit one digit and exact floats; NULL
 * without an exception means "not handled here". */
/* Float arithmetic for BINARY_OP's fast path, shared by float-float and
 * mixed float/int operands (a one-digit int converts to double exactly,
 * so the result is what CPython's float slots compute).  NULL means "not
 * handled here": the generic path then runs, and raises for division by
 * zero. */
static inline PyObject *kr_ceval_float_op(int op, double a, double b)
{
    switch (op) {
    case KR_NB_ADD: case KR_NB_INPLACE_ADD: return PyFloat_FromDouble(a + b);
    case KR_NB_SUBTRACT: case KR_NB_INPLACE_SUBTRACT: return PyFloat_FromDouble(a - b);
    case KR_NB_MULTIPLY: case KR_NB_INPLACE_MULTIPLY: return PyFloat_FromDouble(a * b);
    case KR_NB_TRUE_DIVIDE: case KR_NB_INPLACE_TRUE_DIVIDE:
        if (b == 0.0) return NULL;
        return PyFloat_FromDouble(a / b);
    case KR_NB_REMAINDER: case KR_NB_INPLACE_REMAINDER: {
        if (b == 0.0) return NULL;
        /* float.__mod__: the result takes the sign of the divisor */
        double mod = fmod(a, b);
        if (mod != 0.0) {
            if ((b < 0) != (mod < 0))
                mod += b;
        } else {
            mod = copysign(0.0, b);
        }
        return PyFloat_FromDouble(mod);
    }
    default: return NULL;
    }
}

static inline PyObject *kr_ceval_binary_fast(int op, PyObject *l, PyObject *r)
{
    if (PyLong_CheckExact(l) && PyLong_CheckExact(r)) {
        long a, b;
        if (!kr_ceval_small_int(l, &a) || !kr_ceval_small_int(r, &b))
            return NULL;
        switch (op) {
        case KR_NB_ADD: case KR_NB_INPLACE_ADD: return kr_long_from_long_fast(a + b);
        case KR_NB_SUBTRACT: case KR_NB_INPLACE_SUBTRACT: return kr_long_from_long_fast(a - b);
        case KR_NB_MULTIPLY: case KR_NB_INPLACE_MULTIPLY: return kr_long_from_long_fast(a * b);
        case KR_NB_AND: case KR_NB_INPLACE_AND: return kr_long_from_long_fast(a & b);
        case KR_NB_OR: case KR_NB_INPLACE_OR: return kr_long_from_long_fast(a | b);
        case KR_NB_XOR: case KR_NB_INPLACE_XOR: return kr_long_from_long_fast(a ^ b);
        case KR_NB_TRUE_DIVIDE: case KR_NB_INPLACE_TRUE_DIVIDE:
            /* Both operands are exact doubles, so one division is
             * correctly rounded, as int.__truediv__ requires. */
            if (b == 0) return NULL;
            return PyFloat_FromDouble((double)a / (double)b);
        case KR_NB_FLOOR_DIVIDE: case KR_NB_INPLACE_FLOOR_DIVIDE:
            if (b == 0) return NULL;
            {
                long q = a / b;
                if ((a % b != 0) && ((a < 0) != (b < 0))) q--;
                return kr_long_from_long_fast(q);
            }
        case KR_NB_REMAINDER: case KR_NB_INPLACE_REMAINDER:
            if (b == 0) return NULL;
            {
                long m = a % b;
                if (m != 0 && ((m < 0) != (b < 0))) m += b;
                return kr_long_from_long_fast(m);
            }
        default: return NULL;
        }
    }
    if (PyFloat_CheckExact(l)) {
        long n;
        if (PyFloat_CheckExact(r))
            return kr_ceval_float_op(op, kr_ceval_float_value(l), kr_ceval_float_value(r));
        if (PyLong_CheckExact(r) && kr_ceval_small_int(r, &n))
            return kr_ceval_float_op(op, kr_ceval_float_value(l), (double)n);
        return NULL;
    }
    if (PyFloat_CheckExact(r) && PyLong_CheckExact(l)) {
        long n;
        if (kr_ceval_small_int(l, &n))
            return kr_ceval_float_op(op, (double)n, kr_ceval_float_value(r));
    }
    return NULL;
}

static inline PyObject *kr_ceval_compare_fast(int op, PyObject *l, PyObject *r)
{
    long a, b;
    int res;
    if (PyLong_CheckExact(l) && PyLong_CheckExact(r)
        && kr_ceval_small_int(l, &a) && kr_ceval_small_int(r, &b)) {
    } else if (PyFloat_CheckExact(l) && PyFloat_CheckExact(r)) {
        double x = kr_ceval_float_value(l), y = kr_ceval_float_value(r);
        switch (op) {
        case Py_LT: res = x < y; break;
        case Py_LE: res = x <= y; break;
        case Py_EQ: res = x == y; break;
        case Py_NE: res = x != y; break;
        case Py_GT: res = x > y; break;
        default: res = x >= y; break;
        }
        return Py_NewRef(res ? Py_True : Py_False);
    } else {
        return NULL;
    }
    switch (op) {
    case Py_LT: res = a < b; break;
    case Py_LE: res = a <= b; break;
    case Py_EQ: res = a == b; break;
    case Py_NE: res = a != b; break;
    case Py_GT: res = a > b; break;
    default: res = a >= b; break;
    }
    return Py_NewRef(res ? Py_True : Py_False);
}

/* Exception-table lookup: the entry covering word `lasti`, or NULL. */
static const kr_exc_entry *kr_ceval_find_handler(PyCodeObject *co, int lasti)
{
    int lo = 0, hi = co->co_nexceptions;
    uint32_t at = (uint32_t)lasti;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        const kr_exc_entry *e = &co->co_exceptiontable[mid];
        if (at < e->start)
            hi = mid;
        else if (at >= e->end)
            lo = mid + 1;
        else
            return e;
    }
    return NULL;
}

/* LOAD_METHOD's look-up (3.11's _PyObject_GetMethod): a plain function
 * found on the type and not shadowed by the instance is returned unbound
 * (1), sparing the bound-method object; otherwise the attribute (0).
 * *method is a new reference, or NULL with an exception set. */
static int kr_ceval_get_method(PyObject *obj, PyObject *name, PyObject **method)
{
    PyTypeObject *tp = Py_TYPE(obj);
    if (tp->tp_getattro != PyObject_GenericGetAttr || !PyUnicode_CheckExact(name)) {
        *method = PyObject_GetAttr(obj, name);
        return 0;
    }
    PyObject *descr = _PyType_Lookup(tp, name);
    if (descr == NULL || !PyType_HasFeature(Py_TYPE(descr), Py_TPFLAGS_METHOD_DESCRIPTOR)) {
        *method = PyObject_GetAttr(obj, name);
        return 0;
    }
    Py_INCREF(descr);
    PyObject **dictptr = _PyObject_GetDictPtr(obj);
    if (dictptr != NULL && *dictptr != NULL) {
        PyObject *dict = *dictptr;
        Py_INCREF(dict);
        PyObject *attr = PyDict_GetItemWithError(dict, name);
        if (attr != NULL) {
            Py_INCREF(attr);
            Py_DECREF(dict);
            Py_DECREF(descr);
            *method = attr;
            return 0;
        }
        Py_DECREF(dict);
        if (PyErr_Occurred()) {
            Py_DECREF(descr);
            *method = NULL;
            return 0;
        }
    }
    *method = descr;
    return 1;
}

/* Fills a LOAD_ATTR site's cache when `tp` has no attribute `name` at
 * all, so later look-ups on its instances need only the instance dict. */
/* LOAD_ATTR / STORE_ATTR cache: word 0 the type's version tag (0: empty),
 * word 1 what the type holds under the name:
 *   0            nothing, so only the instance dict can answer;
 *   offset*2+1   a __slots__ member (T_OBJECT_EX) at that offset in the
 *                instance, read or written directly.
 * Only types with the generic attribute functions are cached, since the
 * fast paths reproduce exactly what those functions would do. */
static void kr_ceval_attr_cache_fill(PyTypeObject *tp, PyObject *name, kr_word *cache, int store)
{
    cache[0] = 0;
    cache[1] = 0;
    if (store ? tp->tp_setattro != PyObject_GenericSetAttr : tp->tp_getattro != PyObject_GenericGetAttr)
        return;
    if (!PyUnicode_CheckExact(name))
        return;
    PyObject *descr = _PyType_Lookup(tp, name);
    if (PyErr_Occurred()) {
        PyErr_Clear();
        return;
    }
    if (descr != NULL) {
        if (!Py_IS_TYPE(descr, &PyMemberDescr_Type))
            return;
        PyMemberDef *m = ((PyMemberDescrObject *)descr)->d_member;
        if (m->type != T_OBJECT_EX || (m->flags & (READONLY | Py_AUDIT_READ)) != 0 ||
            m->offset <= 0 || m->offset > 0x3fffffff)
            return;
        cache[1] = (kr_word)(m->offset * 2 + 1);
    }
    /* _PyType_Lookup may have just given the type its tag */
    if (tp->tp_flags & Py_TPFLAGS_VALID_VERSION_TAG)
        cache[0] = tp->tp_version_tag;
}

/* Where `name` is in the instance dict mp, for LOAD_ATTR and STORE_ATTR:
 * word 1 of the site's cache, when even and non-zero, is a hint,
 * (entry index + 1) * 2, where the name was found last time; instances
 * of one class usually store their attributes in the same order, so the
 * hint mostly hits and skips the hash probe (CPython 3.10's
 * LOAD_ATTR_WITH_HINT).  A miss looks up normally and records the new
 * index.  The entry index; KR_DKIX_EMPTY when absent; KR_DKIX_ERROR with
 * an exception set (a key's __eq__ raised). */
static inline Py_ssize_t kr_ceval_instance_dict_index(PyDictObject *mp, PyObject *name,
                                                      kr_word *hintp)
{
    PyDictKeysObject *dk = mp->ma_keys;
    kr_word hint = *hintp >> 1;
    if (hint != 0 && (Py_ssize_t)(hint - 1) < dk->dk_nentries
        && kr_dk_entries(dk)[hint - 1].me_key == name)
        return (Py_ssize_t)hint - 1;
    Py_hash_t hash = kr_dict_hash(name);
    if (hash == -1)
        return KR_DKIX_ERROR;
    PyObject *unused;
    Py_ssize_t ix = kr_dict_lookup(mp, name, hash, &unused);
    if (ix >= 0 && ix < 0x3fffffff)
        *hintp = (kr_word)(ix + 1) << 1;
    return ix;
}

/* LOAD_ATTR's instance-dict read.  New reference, or NULL (with an error
 * set only on error). */
static inline PyObject *kr_ceval_instance_dict_get(PyDictObject *mp, PyObject *name, kr_word *hintp)
{
    Py_ssize_t ix = kr_ceval_instance_dict_index(mp, name, hintp);
    if (ix < 0)
        return NULL;
    /* (re-read: a key's __eq__ may have replaced the table) */
    return Py_XNewRef(kr_dk_entries(mp->ma_keys)[ix].me_value);
}

/* STORE_ATTR's instance-dict write when the name is already there (the
 * common case: attributes set in __init__, then updated): the entry's
 * value is replaced in place.  Steals v and returns 1; returns 0, having
 * done nothing, when the name is absent or the dict has keys other than
 * strs (whose __eq__ could run twice, here and in PyDict_SetItem), for
 * PyDict_SetItem to do the rest. */
static inline int kr_ceval_instance_dict_replace(PyDictObject *mp, PyObject *name, PyObject *v,
                                                 kr_word *hintp)
{
    if (!mp->ma_keys->dk_str_only)
        return 0;
    Py_ssize_t ix = kr_ceval_instance_dict_index(mp, name, hintp);
    if (ix < 0)
        return 0;
    kr_dictentry *ep = &kr_dk_entries(mp->ma_keys)[ix];
    PyObject *old = ep->me_value;
    if (old == NULL)
        return 0;
    ep->me_value = v;
    if (old != v)
        kr_dict_bump_version(mp);
    Py_DECREF(old);
    return 1;
}

/* LOAD_METHOD with the site's cache: word 0 the type's version tag,
 * word 1 a slot of the context's table of method descriptors. */
static int kr_ceval_get_method_cached(PyThreadState *ts, PyObject *obj, PyObject *name,
                                      kr_word *cache, PyObject **method)
{
    struct kr_vm_state *vm = &ts->interp->vm;
    PyTypeObject *tp = Py_TYPE(obj);
    int is_meth;
    if (cache[0] != 0 && cache[0] == tp->tp_version_tag && cache[1] < vm->mcache_len
        && (tp->tp_flags & Py_TPFLAGS_VALID_VERSION_TAG)) {
        PyObject *descr = vm->mcache[cache[1]];
        PyObject **dictptr = _PyObject_GetDictPtr(obj);
        if (dictptr != NULL && *dictptr != NULL) {
            PyObject *dict = *dictptr, *attr;
            if (!PyDict_CheckExact(dict) || PyDict_GET_SIZE(dict) != 0) {
                Py_INCREF(dict);
                attr = PyDict_GetItemWithError(dict, name);
                Py_XINCREF(attr);
                Py_DECREF(dict);
                if (attr != NULL || PyErr_Occurred()) {
                    *method = attr;
                    return 0;
                }
            }
        }
        *method = Py_NewRef(descr);
        return 1;
    }
    is_meth = kr_ceval_get_method(obj, name, method);
    if (is_meth && (tp->tp_flags & Py_TPFLAGS_VALID_VERSION_TAG)) {
        if (cache[1] == 0 || cache[1] >= vm->mcache_len) {
            if (vm->mcache_len == 0)
                vm->mcache_len = 1;
            if (vm->mcache_len >= vm->mcache_cap) {
                uint32_t cap = vm->mcache_cap ? vm->mcache_cap * 2 : 256;
                PyObject **n;
                if (cap > KR_VM_GLOBAL_CACHE_MAX)
                    return is_meth;
                n = PyMem_RawRealloc(vm->mcache, cap * sizeof(*n));
                if (n == NULL)
                    return is_meth;
                vm->mcache = n;
                vm->mcache_cap = cap;
            }
            cache[1] = vm->mcache_len++;
        }
        vm->mcache[cache[1]] = *method;
        cache[0] = tp->tp_version_tag;
    }
    return is_meth;
}

/* A Python function whose call the loop can run in place. */
static inline int kr_ceval_inlinable(PyObject *callable)
{
    return Py_IS_TYPE(callable, &PyFunction_Type)
        && ((PyFunctionObject *)callable)->vectorcall == _PyFunction_Vectorcall;
}

static PyObject *kr_ceval_load_global(kr_frame *f, PyObject *name)
{
    PyObject *v;
    if (PyDict_CheckExact(f->globals) && PyDict_CheckExact(f->builtins)) {
        v = PyDict_GetItemWithError(f->globals, name);
        if (v == NULL) {
            if (PyErr_Occurred())
                return NULL;
            v = PyDict_GetItemWithError(f->builtins, name);
            if (v == NULL) {
                if (!PyErr_Occurred())
                    kr_ceval_name_error(kr_tstate_get(), PyExc_NameError,
                                        "name '%.200s' is not defined", name);
                return NULL;
            }
        }
        return Py_NewRef(v);
    }
    v = PyObject_GetItem(f->globals, name);
    if (v != NULL)
        return v;
    if (!PyErr_ExceptionMatches(PyExc_KeyError))
        return NULL;
    PyErr_Clear();
    v = PyObject_GetItem(f->builtins, name);
    if (v == NULL && PyErr_ExceptionMatches(PyExc_KeyError)) {
        PyErr_Clear();
        kr_ceval_name_error(kr_tstate_get(), PyExc_NameError,
                            "name '%.200s' is not defined", name);
    }
    return v;
}

/* LOAD_GLOBAL's slow path: the look-up, then (for exact, versioned
 * dicts) the site's cache entry is filled. */
static PyObject *kr_ceval_load_global_cached(PyThreadState *ts, kr_frame *f, PyObject *name,
                                             kr_word *cache)
{
    struct kr_vm_state *vm = &ts->interp->vm;
    PyObject *v;
    uint64_t gver, bver = 0;
    if (!PyDict_CheckExact(f->globals) || !PyDict_CheckExact(f->builtins))
        return kr_ceval_load_global(f, name);
    gver = ((PyDictObject *)f->globals)->ma_version_tag;
    v = PyDict_GetItemWithError(f->globals, name);
    if (v == NULL) {
        if (PyErr_Occurred())
            return NULL;
        bver = ((PyDictObject *)f->builtins)->ma_version_tag;
        v = PyDict_GetItemWithError(f->builtins, name);
        if (v == NULL) {
            if (!PyErr_Occurred())
                kr_ceval_name_error(ts, PyExc_NameError, "name '%.200s' is not defined", name);
            return NULL;
        }
        if (bver == 0)
            return Py_NewRef(v);
    }
    /* a never-modified dict has tag 0, which several dicts share */
    if (gver == 0)
        return Py_NewRef(v);
    if (cache[0] == 0 || cache[0] >= vm->gcache_len) {
        if (vm->gcache_len == 0)
            vm->gcache_len = 1;             /* slot 0 means "none" */
        if (vm->gcache_len >= vm->gcache_cap) {
            uint32_t cap = vm->gcache_cap ? vm->gcache_cap * 2 : 256;
            struct kr_vm_global_cache_entry *n;
            if (cap > KR_VM_GLOBAL_CACHE_MAX)
                return Py_NewRef(v);
            n = PyMem_RawRealloc(vm->gcache, cap * sizeof(*n));
            if (n == NULL)
                return Py_NewRef(v);
            vm->gcache = n;
            vm->gcache_cap = cap;
        }
        cache[0] = vm->gcache_len++;
    }
    vm->gcache[cache[0]].gver = gver;
    vm->gcache[cache[0]].bver = bver;
    vm->gcache[cache[0]].value = v;
    return Py_NewRef(v);
}

static PyObject *kr_ceval_load_name(kr_frame *f, PyObject *name)
{
    PyObject *v;
    if (f->locals == NULL) {
        PyErr_Format(PyExc_SystemError, "no locals when loading %R", name);
        return NULL;
    }
    if (PyDict_CheckExact(f->locals)) {
        v = PyDict_GetItemWithError(f->locals, name);
        if (v != NULL)
            return Py_NewRef(v);
        if (PyErr_Occurred())
            return NULL;
    } else {
        v = PyObject_GetItem(f->locals, name);
        if (v != NULL)
            return v;
        if (!PyErr_ExceptionMatches(PyExc_KeyError))
            return NULL;
        PyErr_Clear();
    }
    return kr_ceval_load_global(f, name);
}

/* The loop itself. */
PyObject *kr_eval_frame(PyThreadState *ts, kr_frame *f, int throwflag)
{
#if defined(__GNUC__) && !defined(KR_NO_COMPUTED_GOTO)
    static const void *const kr_dispatch_table[KR_NUM_OPCODES] = {
#define KR_OPCODE_LABEL(name, cache) &&L_##name,
        KR_OPCODE_LIST(KR_OPCODE_LABEL)
        KR_SPECIALIZED_LIST(KR_OPCODE_LABEL)
#undef KR_OPCODE_LABEL
    };
    static const void *const kr_trace_table[KR_NUM_OPCODES] = {
#define KR_OPCODE_TRACE_LABEL(name, cache) &&trace_instruction,
        KR_OPCODE_LIST(KR_OPCODE_TRACE_LABEL)
        KR_SPECIALIZED_LIST(KR_OPCODE_TRACE_LABEL)
#undef KR_OPCODE_TRACE_LABEL
    };
    const void *const *dispatch = kr_dispatch_table;
#define TARGET(op) L_##op:
#define DISPATCH() \
    do { \
        word = *next_instr; \
        f->instr = next_instr; \
        next_instr++; \
        oparg = KR_ARG(word); \
        goto *dispatch[KR_OP(word)]; \
    } while (0)
#define DISPATCH_UNTRACED() goto *kr_dispatch_table[KR_OP(word)]
#define TRACING_ON() (dispatch != kr_dispatch_table)
#define TRACE_SELECT() \
    do { \
        dispatch = kr_dispatch_table; \
        if (_Py_unlikely(ts->vm.use_tracing)) \
            dispatch = kr_trace_table; \
    } while (0)
#define TRACE_RELOAD() \
    do { \
        TRACE_SELECT(); \
        trace_prev = kr_frame_lasti(f); \
        trace_frame = f; \
    } while (0)
#else
    int tracing_on = 0;
#define TARGET(op) case op:
#define DISPATCH() goto dispatch
#define DISPATCH_UNTRACED() goto dispatch_op
#define TRACING_ON() (tracing_on)
#define TRACE_SELECT() (tracing_on = ts->vm.use_tracing)
#define TRACE_RELOAD() \
    do { \
        TRACE_SELECT(); \
        trace_prev = kr_frame_lasti(f); \
        trace_frame = f; \
    } while (0)
#endif

    PyCodeObject *co;
    const kr_word *next_instr;
    PyObject **sp;
    PyObject *consts, *names;
    PyObject *kwnames = NULL;
    PyObject *retval = NULL;
    int reraise_lasti = -1;     /* RERAISE's restored position, for the frame */
    int trace_prev = -1;        /* while tracing: the instruction run before, */
    kr_frame *trace_frame = NULL;   /* ... in this frame */
    kr_word word;
    int oparg;

#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define THIRD() (sp[-3])
#define PEEK(n) (sp[-(n)])
#define SET_TOP(v) (sp[-1] = (v))
#define SET_SECOND(v) (sp[-2] = (v))
#define STACK_SHRINK(n) (sp -= (n))
#define GETLOCAL(i) (f->localsplus[i])
#define SETLOCAL(i, v) do { PyObject *_old = f->localsplus[i]; f->localsplus[i] = (v); Py_XDECREF(_old); } while (0)
#define JUMPTO(t) (next_instr = co->co_code + (t))
#define GETNAME(i) PyTuple_GET_ITEM(names, (i))
#define GETCONST(i) PyTuple_GET_ITEM(consts, (i))
#define SKIP_CACHE(op) (next_instr += KR_CACHES_##op)
/* The word of the running instruction, once its NCACHE cache words have
 * been skipped (writable: the loop specialises code in place). */
#define SITE(ncache) ((kr_word *)next_instr - 1 - (ncache))
/* An adaptive instruction: its first cache word counts down runs of the
 * generic form; at zero the site is offered to the specialiser. */
#define ADAPTIVE(ncache, specialize) \
    do { \
        kr_word *counter_ = SITE(ncache) + 1; \
        if (*counter_ != 0) \
            (*counter_)--; \
        else if (!TRACING_ON()) \
            specialize; \
    } while (0)
/* A specialised form whose check failed: the site goes back to its base
 * instruction, generic for a while, and the base instruction runs now. */
#define DEOPT(base, ncache, label) \
    do { \
        kr_specialize_set(SITE(ncache), base); \
        goto label; \
    } while (0)
#define DEOPT_COUNTED(base, ncache, label) \
    do { \
        kr_specialize_set(SITE(ncache), base); \
        SITE(ncache)[1] = KR_SPECIALIZE_BACKOFF; \
        goto label; \
    } while (0)
#define LOAD_FRAME_STATE() \
    do { \
        co = f->code; \
        next_instr = f->resume; \
        sp = f->localsplus + f->stacktop; \
        consts = co->co_consts; \
        names = co->co_names; \
    } while (0)
#define SAVE_FRAME_STATE() \
    do { \
        f->resume = next_instr; \
        f->stacktop = (int)(sp - f->localsplus); \
    } while (0)
#define CHECK_BREAKER() \
    do { \
        if (_Py_unlikely(ts->interp->vm.eval_breaker)) { \
            SAVE_FRAME_STATE(); \
            if (kr_handle_eval_breaker(ts) < 0) goto error; \
            TRACE_RELOAD(); \
        } \
    } while (0)

    f->is_entry = 1;
    f->previous = ts->vm.current_frame;
    ts->vm.current_frame = f;
    TRACE_SELECT();

start_frame:
    /* (an inlined call keeps the dispatch table: nothing ran since the
     * CALL that could have switched tracing) */
    if (_Py_unlikely(kr_recursion_enter(ts, ""))) {
        LOAD_FRAME_STATE();
        goto exit_unwind;
    }
    LOAD_FRAME_STATE();
    if (throwflag) {
        /* generator.throw(): the body is entered, then raises */
        throwflag = 0;
        if (TRACING_ON() && kr_trace_call(ts, f) < 0)
            goto exit_unwind;
        goto error;
    }
    DISPATCH();

trace_instruction:
    /* Tracing is on: report the events due before this instruction runs,
     * then run it.  next_instr is already past it. */
    {
        int here = kr_frame_lasti(f);
        /* re-read rather than reuse, so that no register of the ordinary
         * dispatch has to stay live for this label */
        word = next_instr[-1];
        if (trace_frame != f) {
            /* the loop entered a frame or switched frames (an inlined
             * call or its return) without a reload: a new frame starts
             * at 0, a caller goes on after its CALL, and a resumed
             * generator at its RESUME (which needs no previous line) */
            trace_prev = here == 0 ? -1 : here - 1 - kr_opcode_caches[CALL];
            trace_frame = f;
        }
        SAVE_FRAME_STATE();
        if (KR_OP(word) == RESUME) {
            if (kr_trace_call(ts, f) < 0) goto error;
        } else if (ts->vm.c_tracefunc != NULL && !ts->vm.tracing) {
            if (kr_trace_line(ts, f, trace_prev) < 0) goto error;
            sp = f->localsplus + f->stacktop;
            if (kr_frame_lasti(f) != here) {
                /* the trace function set f_lineno: go on from there */
                next_instr = f->instr;
                word = *next_instr++;
                oparg = KR_ARG(word);
            }
        }
        if (KR_OP(word) == RETURN_VALUE || KR_OP(word) == YIELD_VALUE) {
            if (kr_trace_return(ts, f, TOP()) < 0) {
                /* the frame is left without an exception event */
                PyObject **base = f->localsplus + co->co_nlocalsplus;
                while (sp > base) {
                    PyObject *o = POP();
                    Py_XDECREF(o);
                }
                goto exit_unwind;
            }
        }
        TRACE_RELOAD();
        DISPATCH_UNTRACED();
    }

#if !defined(__GNUC__) || defined(KR_NO_COMPUTED_GOTO)
dispatch:
    word = *next_instr;
    f->instr = next_instr;
    next_instr++;
    oparg = KR_ARG(word);
    if (_Py_unlikely(tracing_on)) goto trace_instruction;
dispatch_op:
    switch (KR_OP(word)) {
#endif

    TARGET(NOP) { DISPATCH(); }

    TARGET(RESUME) {
        if (_Py_unlikely(ts->interp->vm.eval_breaker) && oparg < 2) {
            SAVE_FRAME_STATE();
            if (kr_handle_eval_breaker(ts) < 0) goto error;
            TRACE_RELOAD();
        }
        DISPATCH();
    }

    TARGET(POP_TOP) {
        PyObject *v = POP();
        Py_DECREF(v);
        DISPATCH();
    }

    TARGET(PUSH_NULL) {
        PUSH(NULL);
        DISPATCH();
    }

    TARGET(COPY) {
        PyObject *v = PEEK(oparg);
        PUSH(Py_NewRef(v));
        DISPATCH();
    }

    TARGET(SWAP) {
        PyObject *t = TOP();
        SET_TOP(PEEK(oparg));
        PEEK(oparg) = t;
        DISPATCH();
    }

    TARGET(UNARY_POSITIVE) {
        PyObject *v = TOP();
        PyObject *r = PyNumber_Positive(v);
        Py_DECREF(v);
        SET_TOP(r);
        if (r == NULL) goto error;
        DISPATCH();
    }

    TARGET(UNARY_NEGATIVE) {
        PyObject *v = TOP();
        PyObject *r = PyNumber_Negative(v);
        Py_DECREF(v);
        SET_TOP(r);
        if (r == NULL) goto error;
        DISPATCH();
    }

    TARGET(UNARY_NOT) {
        PyObject *v = TOP();
        int t = PyObject_IsTrue(v);
        Py_DECREF(v);
        if (t < 0) { STACK_SHRINK(1); goto error; }
        SET_TOP(Py_NewRef(t ? Py_False : Py_True));
        DISPATCH();
    }

    TARGET(UNARY_INVERT) {
        PyObject *v = TOP();
        PyObject *r = PyNumber_Invert(v);
        Py_DECREF(v);
        SET_TOP(r);
        if (r == NULL) goto error;
        DISPATCH();
    }

    TARGET(BINARY_OP) {
        SKIP_CACHE(BINARY_OP);
        ADAPTIVE(1, kr_specialize_binary_op(SITE(1), SECOND(), TOP()));
    binary_op_generic: ;
        PyObject *r = POP(), *l = TOP();
        PyObject *res;
        res = kr_ceval_binary_fast(oparg, l, r);
        if (res == NULL) {
            if (PyErr_Occurred()) {
                Py_DECREF(l); Py_DECREF(r);
                STACK_SHRINK(1);
                goto error;
            }
            res = kr_ceval_binary_generic(oparg, l, r);
        }
        Py_DECREF(l);
        Py_DECREF(r);
        SET_TOP(res);
        if (res == NULL) { STACK_SHRINK(1); goto error; }
        DISPATCH();
    }

    TARGET(BINARY_SUBSCR) {
        PyObject *sub = POP(), *container = TOP();
        PyObject *res = NULL;
        SKIP_CACHE(BINARY_SUBSCR);
        if (PyLong_CheckExact(sub)) {
            long i;
            if (kr_ceval_small_int(sub, &i) && i >= 0) {
                if (PyList_CheckExact(container) && i < PyList_GET_SIZE(container)) {
                    res = Py_NewRef(PyList_GET_ITEM(container, i));
                } else if (PyTuple_CheckExact(container) && i < PyTuple_GET_SIZE(container)) {
                    res = Py_NewRef(PyTuple_GET_ITEM(container, i));
                }
            }
        } else if (PyDict_CheckExact(container)) {
            res = PyDict_GetItemWithError(container, sub);
            if (res != NULL) {
                Py_INCREF(res);
            } else if (!PyErr_Occurred()) {
                /* a dict subclass's __missing__ cannot apply to an exact dict */
                PyObject *key = PyTuple_Pack(1, sub);
                if (key != NULL) {
                    PyErr_SetObject(PyExc_KeyError, key);
                    Py_DECREF(key);
                }
            }
            Py_DECREF(container);
            Py_DECREF(sub);
            SET_TOP(res);
            if (res == NULL) { STACK_SHRINK(1); goto error; }
            DISPATCH();
        }
        if (res == NULL)
            res = PyObject_GetItem(container, sub);
        Py_DECREF(container);
        Py_DECREF(sub);
        SET_TOP(res);
        if (res == NULL) { STACK_SHRINK(1); goto error; }
        DISPATCH();
    }

    TARGET(STORE_SUBSCR) {
        PyObject *sub = TOP(), *container = SECOND(), *v = THIRD();
        int err;
        SKIP_CACHE(STORE_SUBSCR);
        STACK_SHRINK(3);
        if (PyDict_CheckExact(container))
            err = PyDict_SetItem(container, sub, v);
        else
            err = PyObject_SetItem(container, sub, v);
        Py_DECREF(v);
        Py_DECREF(container);
        Py_DECREF(sub);
        if (err != 0) goto error;
        DISPATCH();
    }

    TARGET(DELETE_SUBSCR) {
        PyObject *sub = TOP(), *container = SECOND();
        int err;
        STACK_SHRINK(2);
        err = PyObject_DelItem(container, sub);
        Py_DECREF(container);
        Py_DECREF(sub);
        if (err != 0) goto error;
        DISPATCH();
    }

    TARGET(COMPARE_OP) {
        SKIP_CACHE(COMPARE_OP);
        ADAPTIVE(1, kr_specialize_compare_op(SITE(1), SECOND(), TOP()));
    compare_op_generic: ;
        PyObject *r = POP(), *l = TOP();
        PyObject *res;
        res = kr_ceval_compare_fast(oparg, l, r);
        if (res == NULL)
            res = PyObject_RichCompare(l, r, oparg);
        Py_DECREF(l);
        Py_DECREF(r);
        SET_TOP(res);
        if (res == NULL) { STACK_SHRINK(1); goto error; }
        DISPATCH();
    }

    TARGET(IS_OP) {
        PyObject *r = POP(), *l = TOP();
        int res = (l == r) ^ oparg;
        Py_DECREF(l);
        Py_DECREF(r);
        SET_TOP(Py_NewRef(res ? Py_True : Py_False));
        DISPATCH();
    }

    TARGET(CONTAINS_OP) {
        PyObject *r = POP(), *l = POP();
        int res = PySequence_Contains(r, l);
        Py_DECREF(l);
        Py_DECREF(r);
        if (res < 0) goto error;
        PUSH(Py_NewRef((res ^ oparg) ? Py_True : Py_False));
        DISPATCH();
    }

    TARGET(GET_ITER) {
        PyObject *v = TOP();
        PyObject *it = PyObject_GetIter(v);
        Py_DECREF(v);
        SET_TOP(it);
        if (it == NULL) { STACK_SHRINK(1); goto error; }
        DISPATCH();
    }

    TARGET(GET_YIELD_FROM_ITER) {
        PyObject *v = TOP();
        PyObject *it;
        if (PyCoro_CheckExact(v)) {
            if (!(co->co_flags & (CO_COROUTINE | CO_ITERABLE_COROUTINE))) {
                PyErr_SetString(PyExc_TypeError,
                                "cannot 'yield from' a coroutine object in a non-coroutine generator");
                goto error;
            }
            DISPATCH();
        }
        if (PyGen_CheckExact(v))
            DISPATCH();
        it = PyObject_GetIter(v);
        Py_DECREF(v);
        SET_TOP(it);
        if (it == NULL) { STACK_SHRINK(1); goto error; }
        DISPATCH();
    }

    TARGET(GET_LEN) {
        Py_ssize_t n = PyObject_Length(TOP());
        PyObject *len;
        if (n < 0) goto error;
        len = PyLong_FromSsize_t(n);
        if (len == NULL) goto error;
        PUSH(len);
        DISPATCH();
    }

    TARGET(LOAD_CONST) {
        PUSH(Py_NewRef(GETCONST(oparg)));
        DISPATCH();
    }

    TARGET(LOAD_FAST) {
        PyObject *v = GETLOCAL(oparg);
        if (_Py_unlikely(v == NULL)) {
            kr_ceval_unbound_local(ts, co, oparg);
            goto error;
        }
        PUSH(Py_NewRef(v));
        DISPATCH();
    }

    TARGET(STORE_FAST) {
        PyObject *v = POP();
        SETLOCAL(oparg, v);
        DISPATCH();
    }

    TARGET(DELETE_FAST) {
        PyObject *v = GETLOCAL(oparg);
        if (v == NULL) {
            kr_ceval_unbound_local(ts, co, oparg);
            goto error;
        }
        SETLOCAL(oparg, NULL);
        DISPATCH();
    }

    TARGET(LOAD_CLOSURE) {
        PyObject *v = GETLOCAL(oparg);
        if (v == NULL) {
            kr_ceval_unbound_local(ts, co, oparg);
            goto error;
        }
        PUSH(Py_NewRef(v));
        DISPATCH();
    }

    TARGET(LOAD_DEREF) {
        PyObject *cell = GETLOCAL(oparg);
        PyObject *v = PyCell_GET(cell);
        if (v == NULL) {
            kr_ceval_unbound_local(ts, co, oparg);
            goto error;
        }
        PUSH(Py_NewRef(v));
        DISPATCH();
    }

    TARGET(STORE_DEREF) {
        PyObject *v = POP();
        PyObject *cell = GETLOCAL(oparg);
        PyObject *old = PyCell_GET(cell);
        PyCell_SET(cell, v);
        Py_XDECREF(old);
        DISPATCH();
    }

    TARGET(DELETE_DEREF) {
        PyObject *cell = GETLOCAL(oparg);
        PyObject *old = PyCell_GET(cell);
        if (old == NULL) {
            kr_ceval_unbound_local(ts, co, oparg);
            goto error;
        }
        PyCell_SET(cell, NULL);
        Py_DECREF(old);
        DISPATCH();
    }

    TARGET(LOAD_CLASSDEREF) {
        PyObject *name = PyTuple_GET_ITEM(co->co_localsplusnames, oparg);
        PyObject *locals = f->locals, *v;
        if (PyDict_CheckExact(locals)) {
            v = PyDict_GetItemWithError(locals, name);
            if (v != NULL) {
                Py_INCREF(v);
            } else if (PyErr_Occurred()) {
                goto error;
            }
        } else {
            v = PyObject_GetItem(locals, name);
            if (v == NULL) {
                if (!PyErr_ExceptionMatches(PyExc_KeyError)) goto error;
                PyErr_Clear();
            }
        }
        if (v == NULL) {
            v = PyCell_GET(GETLOCAL(oparg));
            if (v == NULL) {
                kr_ceval_unbound_local(ts, co, oparg);
                goto error;
            }
            Py_INCREF(v);
        }
        PUSH(v);
        DISPATCH();
    }

    TARGET(MAKE_CELL) {
        PyObject *initial = GETLOCAL(oparg);
        PyObject *cell = PyCell_New(initial);
        if (cell == NULL) goto error;
        SETLOCAL(oparg, cell);
        DISPATCH();
    }

    TARGET(COPY_FREE_VARS) {
        PyObject *closure = f->func ? ((PyFunctionObject *)f->func)->func_closure : NULL;
        int offset = co->co_nlocalsplus - oparg;
        if (closure == NULL || PyTuple_GET_SIZE(closure) < oparg) {
            PyErr_SetString(PyExc_SystemError, "code needs a closure it was not given");
            goto error;
        }
        for (int i = 0; i < oparg; i++)
            f->localsplus[offset + i] = Py_NewRef(PyTuple_GET_ITEM(closure, i));
        DISPATCH();
    }

    TARGET(LOAD_NAME) {
        PyObject *v = kr_ceval_load_name(f, GETNAME(oparg));
        if (v == NULL) goto error;
        PUSH(v);
        DISPATCH();
    }

    TARGET(STORE_NAME) {
        PyObject *name = GETNAME(oparg), *v = POP();
        int err;
        if (f->locals == NULL) {
            PyErr_Format(PyExc_SystemError, "no locals found when storing %R", name);
            Py_DECREF(v);
            goto error;
        }
        if (PyDict_CheckExact(f->locals))
            err = PyDict_SetItem(f->locals, name, v);
        else
            err = PyObject_SetItem(f->locals, name, v);
        Py_DECREF(v);
        if (err != 0) goto error;
        DISPATCH();
    }

    TARGET(DELETE_NAME) {
        PyObject *name = GETNAME(oparg);
        if (f->locals == NULL) {
            PyErr_Format(PyExc_SystemError, "no locals when deleting %R", name);
            goto error;
        }
        if (PyObject_DelItem(f->locals, name) != 0) {
            if (PyErr_ExceptionMatches(PyExc_KeyError)) {
                PyErr_Clear();
                kr_ceval_name_error(ts, PyExc_NameError, "name '%.200s' is not defined", name);
            }
            goto error;
        }
        DISPATCH();
    }

    TARGET(LOAD_GLOBAL) {
        PyObject *v;
        kr_word *cache = (kr_word *)next_instr;
        uint32_t slot = cache[0];
        SKIP_CACHE(LOAD_GLOBAL);
        if (slot != 0 && slot < ts->interp->vm.gcache_len
            && PyDict_CheckExact(f->globals) && PyDict_CheckExact(f->builtins)) {
            const struct kr_vm_global_cache_entry *e = &ts->interp->vm.gcache[slot];
            if (e->gver == ((PyDictObject *)f->globals)->ma_version_tag
                && (e->bver == 0 || e->bver == ((PyDictObject *)f->builtins)->ma_version_tag)) {
                v = Py_NewRef(e->value);
                goto load_global_done;
            }
        }
        v = kr_ceval_load_global_cached(ts, f, GETNAME(oparg >> 1), cache);
        if (v == NULL) goto error;
    load_global_done:
        if (oparg & 1)
            PUSH(NULL);
        PUSH(v);
        DISPATCH();
    }

    TARGET(STORE_GLOBAL) {
        PyObject *v = POP();
        int err = PyDict_SetItem(f->globals, GETNAME(oparg), v);
        Py_DECREF(v);
        if (err != 0) goto error;
        DISPATCH();
    }

    TARGET(DELETE_GLOBAL) {
        PyObject *name = GETNAME(oparg);
        if (PyDict_DelItem(f->globals, name) != 0) {
            if (PyErr_ExceptionMatches(PyExc_KeyError)) {
                PyErr_Clear();
                kr_ceval_name_error(ts, PyExc_NameError, "name '%.200s' is not defined", name);
            }
            goto error;
        }
        DISPATCH();
    }

    TARGET(LOAD_ATTR) {
        PyObject *owner = TOP();
        PyObject *res = NULL;
        kr_word *cache = (kr_word *)next_instr;
        PyTypeObject *tp = Py_TYPE(owner);
        SKIP_CACHE(LOAD_ATTR);
        /* A miss refills the cache for this type and goes on with it:
         * sites that see several classes in turn (a method of a base
         * class) then cost one type look-up, not the generic path.  A
         * valid version tag is never 0. */
        if (cache[0] != tp->tp_version_tag || cache[0] == 0)
            kr_ceval_attr_cache_fill(tp, GETNAME(oparg), cache, 0);
        if (cache[0] != 0 && cache[0] == tp->tp_version_tag) {
            if (cache[1] & 1) {
                /* a __slots__ member; unset falls through to the error */
                res = Py_XNewRef(*(PyObject **)((char *)owner + (cache[1] >> 1)));
            } else {
                /* the type has nothing by this name: only the instance dict can */
                PyObject **dictptr = _PyObject_GetDictPtr(owner);
                if (dictptr != NULL && *dictptr != NULL && PyDict_CheckExact(*dictptr)) {
                    res = kr_ceval_instance_dict_get((PyDictObject *)*dictptr, GETNAME(oparg),
                                                     &cache[1]);
                    if (res == NULL && PyErr_Occurred()) {
                        Py_DECREF(owner);
                        STACK_SHRINK(1);
                        goto error;
                    }
                }
            }
        }
        if (res == NULL)
            res = PyObject_GetAttr(owner, GETNAME(oparg));
        Py_DECREF(owner);
        SET_TOP(res);
        if (res == NULL) { STACK_SHRINK(1); goto error; }
        DISPATCH();
    }

    TARGET(STORE_ATTR) {
        PyObject *owner = TOP(), *v = SECOND();
        kr_word *cache = (kr_word *)next_instr;
        PyTypeObject *tp = Py_TYPE(owner);
        int err;
        SKIP_CACHE(STORE_ATTR);
        STACK_SHRINK(2);
        /* (a miss refills the cache and goes on with it, as in LOAD_ATTR) */
        if (cache[0] != tp->tp_version_tag || cache[0] == 0)
            kr_ceval_attr_cache_fill(tp, GETNAME(oparg), cache, 1);
        if (cache[0] != 0 && cache[0] == tp->tp_version_tag) {
            if (cache[1] & 1) {
                /* a __slots__ member: store, stealing v's reference */
                PyObject **slot = (PyObject **)((char *)owner + (cache[1] >> 1));
                PyObject *old = *slot;
                *slot = v;
                Py_XDECREF(old);
                Py_DECREF(owner);
                DISPATCH();
            }
            PyObject **dictptr = _PyObject_GetDictPtr(owner);
            if (dictptr != NULL && *dictptr != NULL && PyDict_CheckExact(*dictptr)) {
                if (kr_ceval_instance_dict_replace((PyDictObject *)*dictptr, GETNAME(oparg), v,
                                                   &cache[1])) {
                    Py_DECREF(owner);
                    DISPATCH();
                }
                err = PyDict_SetItem(*dictptr, GETNAME(oparg), v);
                Py_DECREF(v);
                Py_DECREF(owner);
                if (err != 0) goto error;
                DISPATCH();
            }
        }
        err = PyObject_SetAttr(owner, GETNAME(oparg), v);
        Py_DECREF(v);
        Py_DECREF(owner);
        if (err != 0) goto error;
        DISPATCH();
    }

    TARGET(DELETE_ATTR) {
        PyObject *owner = POP();
        int err = PyObject_SetAttr(owner, GETNAME(oparg), NULL);
        Py_DECREF(owner);
        if (err != 0) goto error;
        DISPATCH();
    }

    TARGET(LOAD_METHOD) {
        SKIP_CACHE(LOAD_METHOD);
    load_method_generic: ;
        PyObject *obj = TOP(), *meth = NULL;
        int is_meth;
        kr_word *cache = (kr_word *)next_instr - 2;
        is_meth = kr_ceval_get_method_cached(ts, obj, GETNAME(oparg), cache, &meth);
        if (is_meth) {
            if (cache[0] == Py_TYPE(obj)->tp_version_tag && cache[0] != 0 && !TRACING_ON())
                kr_specialize_load_method(SITE(2), obj);
            SET_TOP(meth);
            PUSH(obj);
        } else {
            Py_DECREF(obj);
            if (meth == NULL) { STACK_SHRINK(1); goto error; }
            SET_TOP(NULL);
            PUSH(meth);
        }
        DISPATCH();
    }

    TARGET(LOAD_BUILD_CLASS) {
        PyObject *bc = kr_ceval_load_build_class(f);
        if (bc == NULL) goto error;
        PUSH(bc);
        DISPATCH();
    }

    TARGET(LOAD_ASSERTION_ERROR) {
        PUSH(Py_NewRef(PyExc_AssertionError));
        DISPATCH();
    }

    TARGET(BUILD_TUPLE) {
        PyObject *t = PyTuple_New(oparg);
        if (t == NULL) goto error;
        while (--oparg >= 0)
            PyTuple_SET_ITEM(t, oparg, POP());
        PUSH(t);
        DISPATCH();
    }

    TARGET(BUILD_LIST) {
        PyObject *l = PyList_New(oparg);
        if (l == NULL) goto error;
        while (--oparg >= 0)
            PyList_SET_ITEM(l, oparg, POP());
        PUSH(l);
        DISPATCH();
    }

    TARGET(BUILD_SET) {
        PyObject *s = PySet_New(NULL);
        int err = (s == NULL);
        for (int i = oparg; i > 0; i--) {
            PyObject *item = PEEK(i);
            if (err == 0)
                err = PySet_Add(s, item);
            Py_DECREF(item);
        }
        STACK_SHRINK(oparg);
        if (err != 0) { Py_XDECREF(s); goto error; }
        PUSH(s);
        DISPATCH();
    }

    TARGET(BUILD_MAP) {
        PyObject *m = _PyDict_NewPresized(oparg);
        int err = (m == NULL);
        for (int i = oparg; i > 0; i--) {
            PyObject *k = PEEK(2 * i), *v = PEEK(2 * i - 1);
            if (err == 0)
                err = PyDict_SetItem(m, k, v);
        }
        for (int i = 0; i < 2 * oparg; i++) {
            PyObject *o = POP();
            Py_DECREF(o);
        }
        if (err != 0) { Py_XDECREF(m); goto error; }
        PUSH(m);
        DISPATCH();
    }

    TARGET(BUILD_CONST_KEY_MAP) {
        PyObject *keys = TOP();
        PyObject *m;
        int err = 0;
        if (!PyTuple_CheckExact(keys) || PyTuple_GET_SIZE(keys) != oparg) {
            PyErr_SetString(PyExc_SystemError, "bad BUILD_CONST_KEY_MAP keys argument");
            goto error;
        }
        m = _PyDict_NewPresized(oparg);
        if (m == NULL) goto error;
        for (int i = 0; i < oparg && err == 0; i++)
            err = PyDict_SetItem(m, PyTuple_GET_ITEM(keys, i), PEEK(oparg + 1 - i));
        if (err != 0) { Py_DECREF(m); goto error; }
        Py_DECREF(POP());
        for (int i = 0; i < oparg; i++) {
            PyObject *o = POP();
            Py_DECREF(o);
        }
        PUSH(m);
        DISPATCH();
    }

    TARGET(BUILD_STRING) {
        PyObject *empty = PyUnicode_New(0, 0);
        PyObject *s;
        if (empty == NULL) goto error;
        s = _PyUnicode_JoinArray(empty, sp - oparg, oparg);
        Py_DECREF(empty);
        if (s == NULL) goto error;
        while (--oparg >= 0) {
            PyObject *item = POP();
            Py_DECREF(item);
        }
        PUSH(s);
        DISPATCH();
    }

    TARGET(BUILD_SLICE) {
        PyObject *step = oparg == 3 ? POP() : NULL;
        PyObject *stop = POP(), *start = TOP();
        PyObject *slice = PySlice_New(start, stop, step);
        Py_DECREF(start);
        Py_DECREF(stop);
        Py_XDECREF(step);
        SET_TOP(slice);
        if (slice == NULL) { STACK_SHRINK(1); goto error; }
        DISPATCH();
    }

    TARGET(LIST_APPEND) {
        PyObject *v = POP();
        int err = PyList_Append(PEEK(oparg), v);
        Py_DECREF(v);
        if (err != 0) goto error;
        DISPATCH();
    }

    TARGET(SET_ADD) {
        PyObject *v = POP();
        int err = PySet_Add(PEEK(oparg), v);
        Py_DECREF(v);
        if (err != 0) goto error;
        DISPATCH();
    }

    TARGET(MAP_ADD) {
        PyObject *v = POP(), *k = POP();
        int err = PyDict_SetItem(PEEK(oparg), k, v);
        Py_DECREF(k);
        Py_DECREF(v);
        if (err != 0) goto error;
        DISPATCH();
    }

    TARGET(LIST_EXTEND) {
        PyObject *it = POP();
        int err = kr_ceval_list_extend(PEEK(oparg), it);
        Py_DECREF(it);
        if (err != 0) goto error;
        DISPATCH();
    }

    TARGET(SET_UPDATE) {
        PyObject *it = POP();
        int err = _PySet_Update(PEEK(oparg), it);
        Py_DECREF(it);
        if (err < 0) goto error;
        DISPATCH();
    }

    TARGET(DICT_UPDATE) {
        PyObject *update = POP();
        PyObject *dict = PEEK(oparg);
        if (PyDict_Update(dict, update) < 0) {
            if (PyErr_ExceptionMatches(PyExc_AttributeError)) {
                PyErr_Format(PyExc_TypeError, "'%.200s' object is not a mapping",
                             Py_TYPE(update)->tp_name);
            }
            Py_DECREF(update);
            goto error;
        }
        Py_DECREF(update);
        DISPATCH();
    }

    TARGET(DICT_MERGE) {
        PyObject *update = POP();
        /* stack: func, ..., dict at PEEK(oparg); the function sits
         * oparg+2 below for the error message */
        int err = kr_ceval_dict_merge(PEEK(oparg + 2), PEEK(oparg), update);
        Py_DECREF(update);
        if (err != 0) goto error;
        DISPATCH();
    }

    TARGET(LIST_TO_TUPLE) {
        PyObject *l = TOP();
        PyObject *t = PyList_AsTuple(l);
        Py_DECREF(l);
        SET_TOP(t);
        if (t == NULL) { STACK_SHRINK(1); goto error; }
        DISPATCH();
    }

    TARGET(UNPACK_SEQUENCE) {
        PyObject *seq = POP();
        SKIP_CACHE(UNPACK_SEQUENCE);
        if (PyTuple_CheckExact(seq) && PyTuple_GET_SIZE(seq) == oparg) {
            for (int i = oparg; --i >= 0; )
                PUSH(Py_NewRef(PyTuple_GET_ITEM(seq, i)));
        } else if (PyList_CheckExact(seq) && PyList_GET_SIZE(seq) == oparg) {
            for (int i = oparg; --i >= 0; )
                PUSH(Py_NewRef(PyList_GET_ITEM(seq, i)));
        } else if (kr_ceval_unpack(seq, oparg, -1, sp) == 0) {
            sp += oparg;
        } else {
            Py_DECREF(seq);
            goto error;
        }
        Py_DECREF(seq);
        DISPATCH();
    }

    TARGET(UNPACK_EX) {
        int before = oparg & 0xff, after = oparg >> 8;
        PyObject *seq = POP();
        if (kr_ceval_unpack(seq, before, after, sp) == 0) {
            sp += before + after + 1;
        } else {
            Py_DECREF(seq);
            goto error;
        }
        Py_DECREF(seq);
        DISPATCH();
    }

    TARGET(FORMAT_VALUE) {
        PyObject *spec = (oparg & 0x04) ? POP() : NULL;
        PyObject *v = POP();
        PyObject *res = kr_ceval_format_value(v, oparg, spec);
        Py_DECREF(v);
        Py_XDECREF(spec);
        if (res == NULL) goto error;
        PUSH(res);
        DISPATCH();
    }

    TARGET(JUMP) {
        int backward = co->co_code + oparg <= f->instr;
        JUMPTO(oparg);
        if (backward) CHECK_BREAKER();
        DISPATCH();
    }

    TARGET(JUMP_NO_INTERRUPT) {
        JUMPTO(oparg);
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_FALSE) {
        PyObject *cond = POP();
        if (cond == Py_False) {
            JUMPTO(oparg);
        } else if (cond != Py_True) {
            int t = PyObject_IsTrue(cond);
            Py_DECREF(cond);
            if (t < 0) goto error;
            if (t == 0) JUMPTO(oparg);
            DISPATCH();
        }
        Py_DECREF(cond);
        if (co->co_code + oparg <= f->instr) CHECK_BREAKER();
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_TRUE) {
        PyObject *cond = POP();
        if (cond == Py_True) {
            JUMPTO(oparg);
        } else if (cond != Py_False) {
            int t = PyObject_IsTrue(cond);
            Py_DECREF(cond);
            if (t < 0) goto error;
            if (t > 0) JUMPTO(oparg);
            DISPATCH();
        }
        Py_DECREF(cond);
        if (co->co_code + oparg <= f->instr) CHECK_BREAKER();
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_NONE) {
        PyObject *v = POP();
        if (v == Py_None) JUMPTO(oparg);
        Py_DECREF(v);
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_NOT_NONE) {
        PyObject *v = POP();
        if (v != Py_None) JUMPTO(oparg);
        Py_DECREF(v);
        DISPATCH();
    }

    TARGET(JUMP_IF_FALSE_OR_POP) {
        PyObject *cond = TOP();
        int t = cond == Py_True ? 1 : cond == Py_False ? 0 : PyObject_IsTrue(cond);
        if (t < 0) goto error;
        if (t == 0) {
            JUMPTO(oparg);
        } else {
            STACK_SHRINK(1);
            Py_DECREF(cond);
        }
        DISPATCH();
    }

    TARGET(JUMP_IF_TRUE_OR_POP) {
        PyObject *cond = TOP();
        int t = cond == Py_True ? 1 : cond == Py_False ? 0 : PyObject_IsTrue(cond);
        if (t < 0) goto error;
        if (t > 0) {
            JUMPTO(oparg);
        } else {
            STACK_SHRINK(1);
            Py_DECREF(cond);
        }
        DISPATCH();
    }

    TARGET(FOR_ITER) {
        if (!TRACING_ON())
            kr_specialize_for_iter(SITE(0), TOP());
    for_iter_generic: ;
        PyObject *it = TOP();
        PyObject *next;
        /* The commonest loops step their iterator here, without a call. */
        if (Py_IS_TYPE(it, &PyRangeIter_Type)) {
            kr_rangeiter *r = (kr_rangeiter *)it;
            if (r->index < r->len) {
                long v = (long)((unsigned long)r->start +
                                (unsigned long)(r->index++) * (unsigned long)r->step);
                next = kr_long_from_long_fast(v);
                if (next == NULL) goto error;
                PUSH(next);
                DISPATCH();
            }
            goto for_iter_exhausted;
        }
        if (Py_IS_TYPE(it, &PyListIter_Type) || Py_IS_TYPE(it, &PyTupleIter_Type)) {
            kr_indexiter *li = (kr_indexiter *)it;
            PyObject *seq = li->it_seq;
            /* list and tuple keep their items at different places */
            if (seq != NULL && li->it_index < Py_SIZE(seq)) {
                PyObject **items = PyList_CheckExact(seq) ? ((PyListObject *)seq)->ob_item
                                   : PyTuple_CheckExact(seq) ? ((PyTupleObject *)seq)->ob_item
                                   : NULL;
                if (items != NULL) {
                    PUSH(Py_NewRef(items[li->it_index++]));
                    DISPATCH();
                }
            }
        }
        next = (*Py_TYPE(it)->tp_iternext)(it);
        if (next != NULL) {
            PUSH(next);
            DISPATCH();
        }
        if (PyErr_Occurred()) {
            if (!PyErr_ExceptionMatches(PyExc_StopIteration)) goto error;
            if (ts->vm.c_tracefunc != NULL) {
                SAVE_FRAME_STATE();
                kr_trace_exception(ts, f);
            }
            PyErr_Clear();
        }
    for_iter_exhausted:
        STACK_SHRINK(1);
        Py_DECREF(it);
        JUMPTO(oparg);
        DISPATCH();
    }

    TARGET(KW_NAMES) {
        kwnames = GETCONST(oparg);
        DISPATCH();
    }

/* CALL's operands: [NULL, callable, args...] or [method, self, args...]
 * (3.11).  Sets `callable` and `total` (the arguments, self included);
 * a bound method in the first layout is unpacked into the second. */
#define CALL_OPERANDS(callable, total) \
    do { \
        (total) = oparg; \
        if (PEEK(oparg + 2) != NULL) { \
            (callable) = PEEK(oparg + 2); \
            (total) = oparg + 1; \
        } else { \
            (callable) = PEEK(oparg + 1); \
            if (Py_IS_TYPE((callable), &PyMethod_Type)) { \
                PyObject *self_ = ((PyMethodObject *)(callable))->im_self; \
                PyObject *func_ = ((PyMethodObject *)(callable))->im_func; \
                PEEK(oparg + 2) = Py_NewRef(func_); \
                PEEK(oparg + 1) = Py_NewRef(self_); \
                Py_DECREF(callable); \
                (callable) = func_; \
                (total) = oparg + 1; \
            } \
        } \
    } while (0)
/* Releases CALL's operands: the arguments, the NULL or method slot, the
 * callable. */
#define CALL_RELEASE(callable, total) \
    do { \
        for (int i_ = 0; i_ < (total); i_++) \
            Py_DECREF(sp[i_ - (total)]); \
        STACK_SHRINK(oparg + 2); \
        Py_DECREF(callable); \
    } while (0)
/* Enters the Python frame nf just pushed for `callable` (whose arguments
 * are already bound): the loop goes on in it, and its RETURN_VALUE pushes
 * the result onto this frame's stack. */
#define CALL_ENTER_FRAME(nf, callable) \
    do { \
        STACK_SHRINK(oparg + 2); \
        Py_DECREF(callable); \
        SAVE_FRAME_STATE(); \
        (nf)->previous = f; \
        ts->vm.current_frame = (nf); \
        f = (nf); \
        goto start_frame; \
    } while (0)

    TARGET(CALL) {
        SKIP_CACHE(CALL);
    call_generic: ;
        int total;
        PyObject *callable, **args, *res;
        Py_ssize_t nkw = kwnames == NULL ? 0 : PyTuple_GET_SIZE(kwnames);
        int method_layout = PEEK(oparg + 2) != NULL;
        CALL_OPERANDS(callable, total);
        args = sp - total;
        ADAPTIVE(2, kr_specialize_call(SITE(2), callable, args, total, kwnames, method_layout));
        if (kr_ceval_inlinable(callable)
            && !(((PyCodeObject *)((PyFunctionObject *)callable)->func_code)->co_flags
                 & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR))) {
            PyFunctionObject *fn = (PyFunctionObject *)callable;
            PyCodeObject *fco = (PyCodeObject *)fn->func_code;
            kr_frame *nf = kr_frame_push_fast(ts, fco, callable, fn->func_globals,
                                              fn->func_builtins);
            if (nf == NULL) goto call_failed;
            if (kwnames == NULL && total == fco->co_argcount && fco->co_kwonlyargcount == 0
                && !(fco->co_flags & (CO_VARARGS | CO_VARKEYWORDS))) {
                /* exact positional call: the arguments move into the frame */
                for (int i = 0; i < total; i++)
                    nf->localsplus[i] = args[i];
            } else {
                if (kr_bind_args(ts, nf, fn, args, total - nkw, kwnames) < 0) {
                    kr_frame_clear(ts, nf);
                    goto call_failed;
                }
                kwnames = NULL;
                for (int i = 0; i < total; i++)
                    Py_DECREF(args[i]);
            }
            CALL_ENTER_FRAME(nf, callable);
        }
        SAVE_FRAME_STATE();
        if (_Py_unlikely(TRACING_ON()))
            res = kr_trace_vectorcall(ts, callable, args,
                                      (size_t)(total - nkw) | PY_VECTORCALL_ARGUMENTS_OFFSET,
                                      kwnames);
        else {
            int direct = 0;   /* builtins and method descriptors: methodobject_internal.h */
            res = kwnames == NULL ? kr_cfunc_call_direct(ts, callable, args, total, &direct) : NULL;
            if (!direct)
                res = PyObject_Vectorcall(callable, args,
                                          (size_t)(total - nkw) | PY_VECTORCALL_ARGUMENTS_OFFSET,
                                          kwnames);
        }
        kwnames = NULL;
        CALL_RELEASE(callable, total);
        if (res == NULL) goto error;
        PUSH(res);
        CHECK_BREAKER();
        DISPATCH();
    call_failed:
        kwnames = NULL;
        CALL_RELEASE(callable, total);
        goto error;
    }

    /* A specialised CALL site never has keyword names: KW_NAMES sits
     * before the same CALL every time, and such sites stay generic. */
    TARGET(CALL_PY_EXACT_ARGS) {
        SKIP_CACHE(CALL);
        int total;
        PyObject *callable;
        CALL_OPERANDS(callable, total);
        if (!kr_ceval_inlinable(callable))
            DEOPT_COUNTED(CALL, 2, call_generic);
        PyFunctionObject *fn = (PyFunctionObject *)callable;
        PyCodeObject *fco = (PyCodeObject *)fn->func_code;
        if (fco->co_argcount != total || fco->co_kwonlyargcount != 0
            || (fco->co_flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR |
                                 CO_VARARGS | CO_VARKEYWORDS)))
            DEOPT_COUNTED(CALL, 2, call_generic);
        kr_frame *nf = kr_frame_push_fast(ts, fco, callable, fn->func_globals, fn->func_builtins);
        if (nf == NULL) {
            CALL_RELEASE(callable, total);
            goto error;
        }
        /* the arguments move into the frame */
        PyObject **args = sp - total;
        for (int i = 0; i < total; i++)
            nf->localsplus[i] = args[i];
        CALL_ENTER_FRAME(nf, callable);
    }

/* The body of the CALL_CFUNC_* and CALL_DESCR_* forms: a C function of
 * convention FLAGS, called with oparg arguments.  A builtin function
 * (DESCR 0) sits in the plain layout [NULL, callable, args]; a method
 * descriptor (DESCR 1) in the method layout [descr, self, args] that
 * LOAD_METHOD makes, with self exactly of its type.  The checks are those
 * kr_specialize_call made; tracing needs the generic form's c_call
 * events. */
#define CALL_C_FORM(DESCR, FLAGS) \
    { \
        SKIP_CACHE(CALL); \
        PyObject **args = sp - oparg; \
        PyObject *callable, *self; \
        PyMethodDef *ml; \
        if (TRACING_ON()) \
            goto call_generic; \
        if (DESCR) { \
            callable = PEEK(oparg + 2); \
            self = PEEK(oparg + 1); \
            if (callable == NULL || !Py_IS_TYPE(callable, &PyMethodDescr_Type) \
                || !Py_IS_TYPE(self, PyDescr_TYPE(callable))) \
                DEOPT_COUNTED(CALL, 2, call_generic); \
            ml = ((PyMethodDescrObject *)callable)->d_method; \
        } else { \
            callable = PEEK(oparg + 1); \
            if (PEEK(oparg + 2) != NULL || !Py_IS_TYPE(callable, &PyCFunction_Type)) \
                DEOPT_COUNTED(CALL, 2, call_generic); \
            ml = ((PyCFunctionObject *)callable)->m_ml; \
            self = ((PyCFunctionObject *)callable)->m_self; \
        } \
        if ((ml->ml_flags & ~METH_COEXIST) != (FLAGS) \
            || ((FLAGS) == METH_O && oparg != 1) || ((FLAGS) == METH_NOARGS && oparg != 0)) \
            DEOPT_COUNTED(CALL, 2, call_generic); \
        SAVE_FRAME_STATE(); \
        PyObject *res = kr_cfunc_call_as(ts, (FLAGS), callable, ml, self, args, oparg); \
        for (int i_ = 0; i_ < oparg; i_++) \
            Py_DECREF(args[i_]); \
        if (DESCR) \
            Py_DECREF(self); \
        STACK_SHRINK(oparg + 2); \
        Py_DECREF(callable); \
        if (res == NULL) goto error; \
        PUSH(res); \
        CHECK_BREAKER(); \
        DISPATCH(); \
    }

    TARGET(CALL_CFUNC_FAST) CALL_C_FORM(0, METH_FASTCALL)
    TARGET(CALL_CFUNC_FAST_KW) CALL_C_FORM(0, METH_FASTCALL | METH_KEYWORDS)
    TARGET(CALL_CFUNC_O) CALL_C_FORM(0, METH_O)
    TARGET(CALL_CFUNC_NOARGS) CALL_C_FORM(0, METH_NOARGS)
    TARGET(CALL_CFUNC_VARARGS) CALL_C_FORM(0, METH_VARARGS)
    TARGET(CALL_CFUNC_VARARGS_KW) CALL_C_FORM(0, METH_VARARGS | METH_KEYWORDS)
    TARGET(CALL_DESCR_FAST) CALL_C_FORM(1, METH_FASTCALL)
    TARGET(CALL_DESCR_FAST_KW) CALL_C_FORM(1, METH_FASTCALL | METH_KEYWORDS)
    TARGET(CALL_DESCR_O) CALL_C_FORM(1, METH_O)
    TARGET(CALL_DESCR_NOARGS) CALL_C_FORM(1, METH_NOARGS)
    TARGET(CALL_DESCR_VARARGS) CALL_C_FORM(1, METH_VARARGS)
    TARGET(CALL_DESCR_VARARGS_KW) CALL_C_FORM(1, METH_VARARGS | METH_KEYWORDS)

/* The int forms of BINARY_OP and COMPARE_OP: operands that are not both
 * exact ints undo the site; exact ints past one digit take the generic
 * form this once. */
#define INT_OPERANDS(a, b, label, base) \
    PyObject *r_ = TOP(), *l_ = SECOND(); \
    long a, b; \
    if (!PyLong_CheckExact(l_) || !PyLong_CheckExact(r_)) \
        DEOPT_COUNTED(base, 1, label); \
    if (!kr_ceval_small_int(l_, &a) || !kr_ceval_small_int(r_, &b)) \
        goto label
#define FLOAT_OPERANDS(a, b, label, base) \
    PyObject *r_ = TOP(), *l_ = SECOND(); \
    if (!PyFloat_CheckExact(l_) || !PyFloat_CheckExact(r_)) \
        DEOPT_COUNTED(base, 1, label); \
    double a = kr_ceval_float_value(l_), b = kr_ceval_float_value(r_)
/* Replaces the two operands by `res` (a new reference, or NULL). */
#define BINARY_RESULT(res) \
    do { \
        PyObject *res_ = (res); \
        Py_DECREF(l_); \
        Py_DECREF(r_); \
        STACK_SHRINK(1); \
        SET_TOP(res_); \
        if (res_ == NULL) { STACK_SHRINK(1); goto error; } \
        DISPATCH(); \
    } while (0)

/* A BINARY_OP form: OPERANDS checks and reads a and b, `make` builds the
 * result from `expr`. */
#define BINARY_FORM(OPERANDS, make, expr) \
    { \
        SKIP_CACHE(BINARY_OP); \
        OPERANDS(a, b, binary_op_generic, BINARY_OP); \
        BINARY_RESULT(make(expr)); \
    }

    TARGET(BINARY_OP_ADD_INT) BINARY_FORM(INT_OPERANDS, kr_long_from_long_fast, a + b)
    TARGET(BINARY_OP_SUBTRACT_INT) BINARY_FORM(INT_OPERANDS, kr_long_from_long_fast, a - b)
    TARGET(BINARY_OP_ADD_FLOAT) BINARY_FORM(FLOAT_OPERANDS, PyFloat_FromDouble, a + b)
    TARGET(BINARY_OP_SUBTRACT_FLOAT) BINARY_FORM(FLOAT_OPERANDS, PyFloat_FromDouble, a - b)
    TARGET(BINARY_OP_MULTIPLY_FLOAT) BINARY_FORM(FLOAT_OPERANDS, PyFloat_FromDouble, a * b)

/* COMPARE_OP's argument is Py_LT..Py_GE. */
#define COMPARE_RESULT(a, b) \
    do { \
        int cmp_; \
        switch (oparg) { \
        case Py_LT: cmp_ = (a) < (b); break; \
        case Py_LE: cmp_ = (a) <= (b); break; \
        case Py_EQ: cmp_ = (a) == (b); break; \
        case Py_NE: cmp_ = (a) != (b); break; \
        case Py_GT: cmp_ = (a) > (b); break; \
        default: cmp_ = (a) >= (b); break; \
        } \
        BINARY_RESULT(Py_NewRef(cmp_ ? Py_True : Py_False)); \
    } while (0)

    TARGET(COMPARE_OP_INT) {
        SKIP_CACHE(COMPARE_OP);
        INT_OPERANDS(a, b, compare_op_generic, COMPARE_OP);
        COMPARE_RESULT(a, b);
    }

    TARGET(COMPARE_OP_FLOAT) {
        SKIP_CACHE(COMPARE_OP);
        FLOAT_OPERANDS(a, b, compare_op_generic, COMPARE_OP);
        COMPARE_RESULT(a, b);
    }

    TARGET(FOR_ITER_RANGE) {
        PyObject *it = TOP();
        if (!Py_IS_TYPE(it, &PyRangeIter_Type))
            DEOPT(FOR_ITER, 0, for_iter_generic);
        kr_rangeiter *r = (kr_rangeiter *)it;
        if (r->index >= r->len) {
            STACK_SHRINK(1);
            Py_DECREF(it);
            JUMPTO(oparg);
            DISPATCH();
        }
        long v = (long)((unsigned long)r->start + (unsigned long)(r->index++) * (unsigned long)r->step);
        PyObject *next = kr_long_from_long_fast(v);
        if (next == NULL) goto error;
        PUSH(next);
        DISPATCH();
    }

    TARGET(FOR_ITER_LIST) {
        PyObject *it = TOP();
        if (!Py_IS_TYPE(it, &PyListIter_Type))
            DEOPT(FOR_ITER, 0, for_iter_generic);
        kr_indexiter *li = (kr_indexiter *)it;
        PyListObject *seq = (PyListObject *)li->it_seq;
        if (seq != NULL && PyList_CheckExact(seq) && li->it_index < Py_SIZE(seq)) {
            PUSH(Py_NewRef(seq->ob_item[li->it_index++]));
            DISPATCH();
        }
        goto for_iter_generic;
    }

    TARGET(LOAD_METHOD_WITH_DICT) {
        PyObject *obj = TOP();
        PyTypeObject *tp = Py_TYPE(obj);
        kr_word *cache = (kr_word *)next_instr;
        SKIP_CACHE(LOAD_METHOD);
        if (cache[0] != tp->tp_version_tag)
            DEOPT(LOAD_METHOD, 2, load_method_generic);
        PyObject *dict = *(PyObject **)((char *)obj + tp->tp_dictoffset);
        if (dict != NULL) {
            /* an instance attribute of the name shadows the method; a dict
             * with other than str keys could run __eq__: both generic */
            if (!PyDict_CheckExact(dict) || !((PyDictObject *)dict)->ma_keys->dk_str_only)
                goto load_method_generic;
            PyObject *name = GETNAME(oparg);
            if (kr_dict_lookup_str(dict, name, kr_dict_hash(name)) != NULL)
                goto load_method_generic;
        }
        SET_TOP(Py_NewRef(ts->interp->vm.mcache[cache[1]]));
        PUSH(obj);
        DISPATCH();
    }

    TARGET(LOAD_METHOD_NO_DICT) {
        PyObject *obj = TOP();
        kr_word *cache = (kr_word *)next_instr;
        SKIP_CACHE(LOAD_METHOD);
        /* a version tag is never reused, and an invalid one is 0 */
        if (cache[0] != Py_TYPE(obj)->tp_version_tag)
            DEOPT(LOAD_METHOD, 2, load_method_generic);
        SET_TOP(Py_NewRef(ts->interp->vm.mcache[cache[1]]));
        PUSH(obj);
        DISPATCH();
    }

    TARGET(CALL_FUNCTION_EX) {
        PyObject *kwargs = (oparg & 1) ? POP() : NULL;
        PyObject *callargs = POP();
        PyObject *func = TOP();
        PyObject *res;
        if (!PyTuple_CheckExact(callargs)) {
            PyObject *t;
            if (Py_TYPE(callargs)->tp_iter == NULL && !PySequence_Check(callargs)) {
                PyObject *fs = _PyObject_FunctionStr(func);
                if (fs != NULL) {
                    PyErr_Format(PyExc_TypeError,
                                 "%U argument after * must be an iterable, not %.200s",
                                 fs, Py_TYPE(callargs)->tp_name);
                    Py_DECREF(fs);
                }
                Py_DECREF(callargs);
                Py_XDECREF(kwargs);
                goto error;
            }
            t = PySequence_Tuple(callargs);
            Py_DECREF(callargs);
            if (t == NULL) { Py_XDECREF(kwargs); goto error; }
            callargs = t;
        }
        SAVE_FRAME_STATE();
        if (_Py_unlikely(TRACING_ON()))
            res = kr_trace_call_ex(ts, func, callargs, kwargs);
        else
            res = kr_ceval_call_ex(func, callargs, kwargs);
        Py_DECREF(callargs);
        Py_XDECREF(kwargs);
        Py_DECREF(func);
        STACK_SHRINK(1);
        /* the NULL below the function */
        SET_TOP(res);
        if (res == NULL) { STACK_SHRINK(1); goto error; }
        CHECK_BREAKER();
        DISPATCH();
    }

    TARGET(MAKE_FUNCTION) {
        PyObject *code = POP();
        PyFunctionObject *fn = (PyFunctionObject *)kr_ceval_make_function(ts, code, f->globals);
        Py_DECREF(code);
        if (fn == NULL) {
            /* drop the operands that came with the code object */
            for (int b = 0x08; b; b >>= 1)
                if (oparg & b) Py_DECREF(POP());
            goto error;
        }
        if (oparg & 0x08) fn->func_closure = POP();
        if (oparg & 0x04) fn->func_annotations = POP();
        if (oparg & 0x02) fn->func_kwdefaults = POP();
        if (oparg & 0x01) fn->func_defaults = POP();
        PUSH((PyObject *)fn);
        DISPATCH();
    }

    TARGET(RETURN_VALUE) {
        retval = POP();
        goto return_from_frame;
    }

    TARGET(RETURN_GENERATOR) {
        PyObject *gen;
        SAVE_FRAME_STATE();
        gen = kr_gen_from_frame(ts, f);
        if (gen == NULL) goto error;
        retval = gen;
        sp = f->localsplus + f->stacktop;
        goto return_from_frame;
    }

    TARGET(YIELD_VALUE) {
        retval = POP();
        SAVE_FRAME_STATE();
        kr_recursion_leave(ts);
        ts->vm.current_frame = f->previous;
        f->previous = NULL;
        return retval;
    }

    TARGET(SEND) {
        PyObject *v = POP(), *receiver = TOP();
        PyObject *res = NULL;
        PySendResult status;
        SAVE_FRAME_STATE();
        if ((PyGen_CheckExact(receiver) || PyCoro_CheckExact(receiver))
            && (!TRACING_ON() || ts->vm.c_tracefunc == NULL)) {
            status = PyIter_Send(receiver, v, &res);
        } else {
            if (v == Py_None && Py_TYPE(receiver)->tp_iternext != NULL)
                res = Py_TYPE(receiver)->tp_iternext(receiver);
            else
                res = PyObject_CallMethod(receiver, "send", "O", v);
            if (res == NULL) {
                if (ts->vm.c_tracefunc != NULL && PyErr_ExceptionMatches(PyExc_StopIteration))
                    kr_trace_exception(ts, f);
                if (!PyErr_Occurred() || PyErr_ExceptionMatches(PyExc_StopIteration)) {
                    if (_PyGen_FetchStopIterationValue(&res) == 0)
                        status = PYGEN_RETURN;
                    else
                        status = PYGEN_ERROR;
                } else {
                    status = PYGEN_ERROR;
                }
            } else {
                status = PYGEN_NEXT;
            }
        }
        Py_DECREF(v);
        if (status == PYGEN_ERROR) goto error;
        if (status == PYGEN_RETURN) {
            Py_DECREF(receiver);
            SET_TOP(res);
            JUMPTO(oparg);
        } else {
            PUSH(res);
        }
        DISPATCH();
    }

    TARGET(GET_AWAITABLE) {
        PyObject *iterable = TOP();
        PyObject *iter = kr_ceval_get_awaitable(iterable, oparg);
        Py_DECREF(iterable);
        SET_TOP(iter);
        if (iter == NULL) { STACK_SHRINK(1); goto error; }
        DISPATCH();
    }

    TARGET(GET_AITER) {
        PyObject *obj = TOP();
        PyObject *it = kr_ceval_aiter(obj);
        Py_DECREF(obj);
        SET_TOP(it);
        if (it == NULL) { STACK_SHRINK(1); goto error; }
        DISPATCH();
    }

    TARGET(GET_ANEXT) {
        PyObject *aw = kr_ceval_anext(TOP());
        if (aw == NULL) goto error;
        PUSH(aw);
        DISPATCH();
    }

    TARGET(END_ASYNC_FOR) {
        PyObject *exc = POP();
        if (PyErr_GivenExceptionMatches(exc, PyExc_StopAsyncIteration)) {
            Py_DECREF(exc);
            exc = POP();
            Py_DECREF(exc);
            DISPATCH();
        }
        PyErr_Restore(Py_NewRef(Py_TYPE(exc)), exc, PyException_GetTraceback(exc));
        goto exception_unwind;
    }

    TARGET(ASYNC_GEN_WRAP) {
        PyObject *v = TOP();
        PyObject *w = kr_async_gen_wrap_value(v);
        Py_DECREF(v);
        SET_TOP(w);
        if (w == NULL) { STACK_SHRINK(1); goto error; }
        DISPATCH();
    }

    TARGET(BEFORE_WITH) {
        PyObject *mgr = TOP(), *exit = NULL;
        PyObject *res;
        SAVE_FRAME_STATE();
        res = kr_ceval_before_with(mgr, 0, &exit);
        TRACE_RELOAD();
        if (res == NULL) goto error;
        SET_TOP(exit);
        Py_DECREF(mgr);
        PUSH(res);
        DISPATCH();
    }

    TARGET(BEFORE_ASYNC_WITH) {
        PyObject *mgr = TOP(), *exit = NULL;
        PyObject *res = kr_ceval_before_with(mgr, 1, &exit);
        if (res == NULL) goto error;
        SET_TOP(exit);
        Py_DECREF(mgr);
        PUSH(res);
        DISPATCH();
    }

    TARGET(WITH_EXCEPT_START) {
        /* stack: exit, lasti, prev_exc, exc */
        PyObject *exc = TOP();
        PyObject *exit = PEEK(4);
        PyObject *tb = PyException_GetTraceback(exc);
        PyObject *cargs[4] = {NULL, (PyObject *)Py_TYPE(exc), exc, tb ? tb : Py_None};
        PyObject *res = PyObject_Vectorcall(exit, cargs + 1, 3 | PY_VECTORCALL_ARGUMENTS_OFFSET, NULL);
        Py_XDECREF(tb);
        if (res == NULL) goto error;
        PUSH(res);
        DISPATCH();
    }

    TARGET(RAISE_VARARGS) {
        PyObject *cause = NULL, *exc = NULL;
        switch (oparg) {
        case 2: cause = POP(); /* fall through */
        case 1: exc = POP(); /* fall through */
        case 0:
            if (kr_ceval_do_raise(ts, exc, cause))
                goto exception_unwind;
            break;
        default:
            PyErr_SetString(PyExc_SystemError, "bad RAISE_VARARGS oparg");
            break;
        }
        goto error;
    }

    TARGET(RERAISE) {
        PyObject *exc = POP();
        if (oparg) {
            PyObject *lasti = PEEK(oparg);
            if (PyLong_Check(lasti))
                reraise_lasti = (int)PyLong_AsLong(lasti);
        }
        PyErr_Restore(Py_NewRef(Py_TYPE(exc)), exc, PyException_GetTraceback(exc));
        goto exception_unwind;
    }

    TARGET(PUSH_EXC_INFO) {
        PyObject *v = TOP();
        _PyErr_StackItem *ei = ts->exc_info;
        PyObject *prev = ei->exc_value;
        SET_TOP(prev != NULL ? prev : Py_NewRef(Py_None));
        ei->exc_value = Py_NewRef(v);
        PUSH(v);
        DISPATCH();
    }

    TARGET(POP_EXCEPT) {
        _PyErr_StackItem *ei = ts->exc_info;
        Py_XSETREF(ei->exc_value, POP());
        DISPATCH();
    }

    TARGET(CHECK_EXC_MATCH) {
        PyObject *right = POP(), *left = TOP();
        int res;
        if (kr_ceval_check_except_type(right) < 0) {
            Py_DECREF(right);
            goto error;
        }
        res = PyErr_GivenExceptionMatches(left, right);
        Py_DECREF(right);
        PUSH(Py_NewRef(res ? Py_True : Py_False));
        DISPATCH();
    }

    TARGET(CHECK_EG_MATCH) {
        PyObject *match_type = POP(), *exc_value = TOP();
        PyObject *match = NULL, *rest = NULL;
        int res;
        if (kr_ceval_check_except_star_type(match_type) < 0) {
            Py_DECREF(match_type);
            goto error;
        }
        res = kr_ceval_eg_match(exc_value, match_type, &match, &rest);
        Py_DECREF(match_type);
        if (res < 0) goto error;
        Py_DECREF(exc_value);
        SET_TOP(rest);
        PUSH(match);
        if (match != Py_None)
            PyErr_SetExcInfo(NULL, Py_NewRef(match), NULL);
        DISPATCH();
    }

    TARGET(PREP_RERAISE_STAR) {
        PyObject *excs = POP(), *orig = TOP();
        PyObject *val = kr_ceval_prep_reraise_star(orig, excs);
        Py_DECREF(excs);
        Py_DECREF(orig);
        SET_TOP(val);
        if (val == NULL) { STACK_SHRINK(1); goto error; }
        DISPATCH();
    }

    TARGET(IMPORT_NAME) {
        PyObject *fromlist = POP(), *level = TOP();
        PyObject *res;
        SAVE_FRAME_STATE();
        res = kr_ceval_import_name(ts, f, GETNAME(oparg), fromlist, level);
        Py_DECREF(level);
        Py_DECREF(fromlist);
        SET_TOP(res);
        if (res == NULL) { STACK_SHRINK(1); goto error; }
        DISPATCH();
    }

    TARGET(IMPORT_FROM) {
        PyObject *res = kr_ceval_import_from(TOP(), GETNAME(oparg));
        if (res == NULL) goto error;
        PUSH(res);
        DISPATCH();
    }

    TARGET(IMPORT_STAR) {
        PyObject *from = POP();
        int err;
        SAVE_FRAME_STATE();
        err = kr_ceval_import_star(ts, f, from);
        Py_DECREF(from);
        if (err != 0) goto error;
        DISPATCH();
    }

    TARGET(MATCH_CLASS) {
        PyObject *kwargs = POP(), *type = POP(), *subject = TOP();
        PyObject *attrs = kr_ceval_match_class(subject, type, oparg, kwargs);
        Py_DECREF(subject);
        Py_DECREF(type);
        Py_DECREF(kwargs);
        if (attrs != NULL) {
            SET_TOP(attrs);
        } else if (PyErr_Occurred()) {
            STACK_SHRINK(1);
            goto error;
        } else {
            SET_TOP(Py_NewRef(Py_None));
        }
        DISPATCH();
    }

    TARGET(MATCH_MAPPING) {
        int m = (Py_TYPE(TOP())->tp_flags & Py_TPFLAGS_MAPPING) != 0;
        PUSH(Py_NewRef(m ? Py_True : Py_False));
        DISPATCH();
    }

    TARGET(MATCH_SEQUENCE) {
        int m = (Py_TYPE(TOP())->tp_flags & Py_TPFLAGS_SEQUENCE) != 0;
        PUSH(Py_NewRef(m ? Py_True : Py_False));
        DISPATCH();
    }

    TARGET(MATCH_KEYS) {
        PyObject *values = kr_ceval_match_keys(SECOND(), TOP());
        if (values == NULL) {
            if (PyErr_Occurred()) goto error;
            values = Py_NewRef(Py_None);
        }
        PUSH(values);
        DISPATCH();
    }

    TARGET(SETUP_ANNOTATIONS) {
        if (kr_ceval_setup_annotations(f) < 0) goto error;
        DISPATCH();
    }

    TARGET(PRINT_EXPR) {
        PyObject *v = POP();
        int err;
        SAVE_FRAME_STATE();
        err = kr_ceval_print_expr(v);
        Py_DECREF(v);
        if (err != 0) goto error;
        DISPATCH();
    }

    TARGET(LOAD_LOCALS) {
        if (f->locals == NULL) {
            PyErr_SetString(PyExc_SystemError, "no locals found");
            goto error;
        }
        PUSH(Py_NewRef(f->locals));
        DISPATCH();
    }

#if !defined(__GNUC__) || defined(KR_NO_COMPUTED_GOTO)
    default:
        PyErr_Format(PyExc_SystemError, "unknown opcode %d", KR_OP(word));
        goto error;
    }
#endif

return_from_frame:
    /* retval holds the result; the frame's stack is empty */
    kr_recursion_leave(ts);
    if (f->is_entry) {
        /* f->previous stays valid until the caller clears the frame, so a
         * frame object detached then still learns its f_back */
        ts->vm.current_frame = f->previous;
        f->stacktop = (int)(sp - f->localsplus);
        return retval;
    }
    {
        kr_frame *caller = f->previous;
        f->stacktop = (int)(sp - f->localsplus);
        ts->vm.current_frame = caller;
        kr_frame_clear_fast(ts, f);
        f = caller;
        LOAD_FRAME_STATE();
        PUSH(retval);
        retval = NULL;
        CHECK_BREAKER();
        DISPATCH();
    }

error:
    kwnames = NULL;
    if (!PyErr_Occurred()) {
        PyErr_SetString(PyExc_SystemError, "error return without exception set");
    }
    SAVE_FRAME_STATE();
    kr_traceback_add(ts, f);
    if (_Py_unlikely(ts->vm.c_tracefunc != NULL))
        kr_trace_exception(ts, f);
    TRACE_RELOAD();

exception_unwind:
    {
        const kr_exc_entry *h = kr_ceval_find_handler(co, kr_frame_lasti(f));
        if (reraise_lasti >= 0) {
            kr_frame_set_lasti(f, reraise_lasti);
            reraise_lasti = -1;
        }
        if (h != NULL) {
            PyObject *exc;
            PyObject **base = f->localsplus + co->co_nlocalsplus;
            while (sp > base + h->depth) {
                PyObject *o = POP();
                Py_XDECREF(o);
            }
            if (h->lasti) {
                PyObject *l = PyLong_FromLong(kr_frame_lasti(f));
                if (l == NULL) goto exit_unwind_nohandler;
                PUSH(l);
            }
            exc = ts->curexc;
            ts->curexc = NULL;
            if (exc == NULL) {
                /* a helper cleared it: keep the loop consistent */
                exc = PyObject_CallNoArgs(PyExc_SystemError);
                if (exc == NULL) goto exit_unwind_nohandler;
            }
            PUSH(exc);
            JUMPTO(h->handler);
            trace_prev = kr_frame_lasti(f);
            trace_frame = f;
            DISPATCH();
        }
    }
exit_unwind_nohandler:
    {
        PyObject **base = f->localsplus + co->co_nlocalsplus;
        while (sp > base) {
            PyObject *o = POP();
            Py_XDECREF(o);
        }
    }
    if (_Py_unlikely(TRACING_ON())) {
        f->stacktop = (int)(sp - f->localsplus);
        kr_trace_unwind(ts, f);
    }
exit_unwind:
    f->stacktop = (int)(sp - f->localsplus);
    kr_recursion_leave(ts);
    if (f->is_entry) {
        ts->vm.current_frame = f->previous;
        return NULL;
    }
    {
        kr_frame *caller = f->previous;
        ts->vm.current_frame = caller;
        kr_frame_clear(ts, f);
        f = caller;
        LOAD_FRAME_STATE();
        /* the CALL already took its operands off the caller's stack */
        goto error;
    }
}

/* ---- code-object evaluation entry points ---- */

PyObject *PyEval_EvalCode(PyObject *co, PyObject *globals, PyObject *locals)
{
    return PyEval_EvalCodeEx(co, globals, locals, NULL, 0, NULL, 0, NULL, 0, NULL, NULL);
}

PyObject *kr_builtins_of_globals(PyObject *globals)
{
    PyObject *b = PyDict_GetItemString(globals, "__builtins__");
    if (b != NULL) {
        if (PyModule_Check(b))
            b = PyModule_GetDict(b);
        if (b != NULL && PyDict_Check(b))
            return b;
    }
    return kr_context_get()->builtins;
}

PyObject *PyEval_EvalCodeEx(PyObject *_co, PyObject *globals, PyObject *locals,
                            PyObject *const *args, int argc,
                            PyObject *const *kwds, int kwdc,
                            PyObject *const *defs, int defc,
                            PyObject *kwdefs, PyObject *closure)
{
    PyThreadState *ts = kr_tstate_get();
    PyObject *builtins, *func, *res = NULL, *kwnames = NULL, **stack = NULL;
    PyFunctionObject *fn;

    if (globals == NULL || !PyDict_Check(globals)) {
        PyErr_SetString(PyExc_SystemError, "PyEval_EvalCodeEx: NULL globals");
        return NULL;
    }
    if (!PyCode_Check(_co)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    builtins = kr_builtins_of_globals(globals);
    if (builtins == NULL) {
        PyErr_SetString(PyExc_SystemError, "no builtins");
        return NULL;
    }
    func = PyFunction_New(_co, globals);
    if (func == NULL)
        return NULL;
    fn = (PyFunctionObject *)func;
    Py_SETREF(fn->func_builtins, Py_NewRef(builtins));
    if (defc > 0) {
        fn->func_defaults = PyTuple_New(defc);
        if (fn->func_defaults == NULL) goto done;
        for (int i = 0; i < defc; i++)
            PyTuple_SET_ITEM(fn->func_defaults, i, Py_NewRef(defs[i]));
    }
    if (kwdefs != NULL)
        fn->func_kwdefaults = Py_NewRef(kwdefs);
    if (closure != NULL)
        fn->func_closure = Py_NewRef(closure);

    PyCodeObject *co = (PyCodeObject *)_co;
    if ((co->co_flags & CO_NEWLOCALS) == 0 || locals != NULL) {
        kr_frame *f;
        f = kr_frame_push(ts, co, func, globals, builtins,
                          (co->co_flags & CO_NEWLOCALS) ? NULL : (locals ? locals : globals));
        if (f == NULL) goto done;
        if (kr_bind_args(ts, f, fn, args, argc, NULL) < 0) {
            kr_frame_clear(ts, f);
            goto done;
        }
        f->stacktop = co->co_nlocalsplus;
        res = kr_eval_frame(ts, f, 0);
        kr_frame_clear(ts, f);
        goto done;
    }
    stack = PyMem_Malloc(sizeof(PyObject *) * (size_t)(argc + kwdc + 1));
    if (stack == NULL) { PyErr_NoMemory(); goto done; }
    for (int i = 0; i < argc; i++)
        stack[i] = args[i];
    if (kwdc > 0) {
        kwnames = PyTuple_New(kwdc);
        if (kwnames == NULL) goto done;
        for (int i = 0; i < kwdc; i++) {
            PyTuple_SET_ITEM(kwnames, i, Py_NewRef(kwds[2 * i]));
            stack[argc + i] = kwds[2 * i + 1];
        }
    }
    res = _PyFunction_Vectorcall(func, stack, (size_t)argc, kwnames);
done:
    PyMem_Free(stack);
    Py_XDECREF(kwnames);
    Py_DECREF(func);
    return res;
}

/* Runs a class body: the function's code with `ns` as its locals. */
PyObject *kr_eval_class_body(PyObject *func, PyObject *ns)
{
    PyThreadState *ts = kr_tstate_get();
    PyFunctionObject *fn = (PyFunctionObject *)func;
    PyCodeObject *co;
    kr_frame *f;
    PyObject *res;
    if (!PyFunction_Check(func)) {
        PyErr_SetString(PyExc_TypeError, "__build_class__: func must be a function");
        return NULL;
    }
    co = (PyCodeObject *)fn->func_code;
    f = kr_frame_push(ts, co, func, fn->func_globals, fn->func_builtins, ns);
    if (f == NULL)
        return NULL;
    f->stacktop = co->co_nlocalsplus;
    res = kr_eval_frame(ts, f, 0);
    kr_frame_clear(ts, f);
    return res;
}

/* The vectorcall entry of every Python function. */
PyObject *_PyFunction_Vectorcall(PyObject *func, PyObject *const *stack,
                                 size_t nargsf, PyObject *kwnames)
{
    PyThreadState *ts = kr_tstate_get();
    PyFunctionObject *fn = (PyFunctionObject *)func;
    PyCodeObject *co = (PyCodeObject *)fn->func_code;
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    kr_frame *f = kr_frame_push(ts, co, func, fn->func_globals, fn->func_builtins, NULL);
    PyObject *res;
    if (f == NULL)
        return NULL;
    if (kr_bind_args(ts, f, fn, stack, nargs, kwnames) < 0) {
        kr_frame_clear(ts, f);
        return NULL;
    }
    f->stacktop = co->co_nlocalsplus;
    res = kr_eval_frame(ts, f, 0);
    kr_frame_clear(ts, f);
    return res;
}
