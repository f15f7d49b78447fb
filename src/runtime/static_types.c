/* static_types.c: the one table of every static builtin type, which
 * kr_runtime_init readies (PyType_Ready) once at process start and then
 * makes immortal together with everything reachable from it.
 *
 * Types are named by their CPython names.  The types of an area that has
 * not landed yet (the bytes area) are weak references: the table skips
 * them while they are absent, so the runtime links and runs without them
 * (every entry is declared weak, for the same reason, while the areas land).
 * An area adding a static type appends it here: a static type readied
 * lazily inside a context would get its dict from that context's memory,
 * which dies with the context. */
#include "internal.h"
#include "runtime/runtime.h"

#define KR_WEAK __attribute__((weak))

/* Every entry is weak: a type whose area has not landed is skipped (its
 * address is NULL) instead of breaking the link; a real omission still
 * fails to link wherever the type is used. */

extern PyTypeObject _PyNone_Type, _PyNotImplemented_Type, PyFrame_Type, kr_warnings_matcher_type;
extern PyTypeObject PyContextToken_Type, PyContextVar_Type, PyContext_Type, PyODict_Type, PyODictIter_Type, PyODictKeys_Type, PyODictValues_Type, PyODictItems_Type, PyPickleBuffer_Type, PyStdPrinter_Type, _PyMemoryIter_Type, kr_AnextAwaitable_Type, kr_str_ascii_iter_type;
extern PyTypeObject PyIOBase_Type, PyRawIOBase_Type, PyBufferedIOBase_Type, PyTextIOBase_Type, PyFileIO_Type, PyBytesIO_Type, kr_BytesIOBuffer_Type, PyStringIO_Type, PyBufferedReader_Type, PyBufferedWriter_Type, PyBufferedRandom_Type, PyBufferedRWPair_Type, PyTextIOWrapper_Type, PyIncrementalNewlineDecoder_Type;
extern PyTypeObject PyBytes_Type KR_WEAK, PyByteArray_Type KR_WEAK, PyMemoryView_Type KR_WEAK,
    PyBytesIter_Type KR_WEAK, PyByteArrayIter_Type KR_WEAK, _PyNamespace_Type KR_WEAK,
    _PyManagedBuffer_Type KR_WEAK, Py_GenericAliasType KR_WEAK, _PyUnion_Type KR_WEAK;

extern PyTypeObject kr_dt_delta_type KR_WEAK, kr_dt_date_type KR_WEAK, kr_dt_time_type KR_WEAK, kr_dt_datetime_type KR_WEAK, kr_dt_tzinfo_type KR_WEAK, kr_dt_timezone_type KR_WEAK, kr_dt_isocal_type KR_WEAK;
#pragma weak PyBaseObject_Type
#pragma weak PyType_Type
#pragma weak PySuper_Type
#pragma weak _PyNone_Type
#pragma weak _PyNotImplemented_Type
#pragma weak PyEllipsis_Type
#pragma weak PyLong_Type
#pragma weak PyBool_Type
#pragma weak PyFloat_Type
#pragma weak PyComplex_Type
#pragma weak PyUnicode_Type
#pragma weak PyUnicodeIter_Type
#pragma weak PyBytes_Type
#pragma weak PyByteArray_Type
#pragma weak PyMemoryView_Type
#pragma weak PyBytesIter_Type
#pragma weak PyByteArrayIter_Type
#pragma weak _PyManagedBuffer_Type
#pragma weak PyTuple_Type
#pragma weak PyTupleIter_Type
#pragma weak PyList_Type
#pragma weak PyListIter_Type
#pragma weak PyListRevIter_Type
#pragma weak PyDict_Type
#pragma weak PyDictKeys_Type
#pragma weak PyDictValues_Type
#pragma weak PyDictItems_Type
#pragma weak PyDictIterKey_Type
#pragma weak PyDictIterValue_Type
#pragma weak PyDictIterItem_Type
#pragma weak PyDictRevIterKey_Type
#pragma weak PyDictRevIterValue_Type
#pragma weak PyDictRevIterItem_Type
#pragma weak PyDictProxy_Type
#pragma weak PySet_Type
#pragma weak PyFrozenSet_Type
#pragma weak PySetIter_Type
#pragma weak PyRange_Type
#pragma weak PyRangeIter_Type
#pragma weak PyLongRangeIter_Type
#pragma weak PySlice_Type
#pragma weak PyEnum_Type
#pragma weak PyReversed_Type
#pragma weak PyZip_Type
#pragma weak PyMap_Type
#pragma weak PyFilter_Type
#pragma weak PySeqIter_Type
#pragma weak PyCallIter_Type
#pragma weak PyCFunction_Type
#pragma weak PyCMethod_Type
#pragma weak PyModule_Type
#pragma weak PyModuleDef_Type
#pragma weak PyProperty_Type
#pragma weak PyClassMethod_Type
#pragma weak PyStaticMethod_Type
#pragma weak PyMethodDescr_Type
#pragma weak PyClassMethodDescr_Type
#pragma weak PyMemberDescr_Type
#pragma weak PyGetSetDescr_Type
#pragma weak PyWrapperDescr_Type
#pragma weak _PyMethodWrapper_Type
#pragma weak PyInstanceMethod_Type
#pragma weak _PyNamespace_Type
#pragma weak Py_GenericAliasType
#pragma weak _PyUnion_Type
#pragma weak PyFunction_Type
#pragma weak PyMethod_Type
#pragma weak PyCell_Type
#pragma weak PyCode_Type
#pragma weak PyFrame_Type
#pragma weak PyTraceBack_Type
#pragma weak PyGen_Type
#pragma weak PyCoro_Type
#pragma weak PyAsyncGen_Type
#pragma weak _PyCoroWrapper_Type
#pragma weak _PyAsyncGenASend_Type
#pragma weak _PyAsyncGenAThrow_Type
#pragma weak _PyAsyncGenWrappedValue_Type
#pragma weak _PyWeakref_RefType
#pragma weak _PyWeakref_ProxyType
#pragma weak _PyWeakref_CallableProxyType
#pragma weak PyCapsule_Type
#pragma weak kr_warnings_matcher_type
#pragma weak PyContextToken_Type
#pragma weak PyContextVar_Type
#pragma weak PyContext_Type
#pragma weak PyODict_Type
#pragma weak PyODictIter_Type
#pragma weak PyODictKeys_Type
#pragma weak PyODictValues_Type
#pragma weak PyODictItems_Type
#pragma weak PyPickleBuffer_Type
#pragma weak PyStdPrinter_Type
#pragma weak _PyMemoryIter_Type
#pragma weak kr_AnextAwaitable_Type
#pragma weak kr_str_ascii_iter_type
extern PyTypeObject kr_count_type, kr_cycle_type, kr_repeat_type, kr_accumulate_type, kr_compress_type, kr_dropwhile_type, kr_takewhile_type, kr_filterfalse_type, kr_starmap_type, kr_chain_type, kr_islice_type, kr_pairwise_type, kr_zip_longest_type, kr_groupby_type, kr_grouper_type, kr_tee_type, kr_teedataobject_type, kr_product_type, kr_permutations_type, kr_combinations_type, kr_cwr_type;
extern PyTypeObject kr_deque_type, kr_dequeiter_type, kr_dequereviter_type, kr_defaultdict_type, kr_tuplegetter_type;
extern PyTypeObject kr_partial_type, kr_keyobject_type, kr_lru_cache_type, kr_lru_link_type;
extern PyTypeObject kr_itemgetter_type, kr_attrgetter_type, kr_methodcaller_type;
extern PyTypeObject kr_lock_type, kr_rlock_type, kr_local_type;
extern PyTypeObject kr_formatteriter_type, kr_fieldnameiter_type;

PyTypeObject *const kr_static_types[] = {
    &PyBaseObject_Type, &PyType_Type, &PySuper_Type,
    &_PyNone_Type, &_PyNotImplemented_Type, &PyEllipsis_Type,
    /* numbers */
    &PyLong_Type, &PyBool_Type, &PyFloat_Type, &PyComplex_Type,
    /* str */
    &PyUnicode_Type, &PyUnicodeIter_Type,
    /* bytes (later) */
    &PyBytes_Type, &PyByteArray_Type, &PyMemoryView_Type, &PyBytesIter_Type,
    &PyByteArrayIter_Type, &_PyManagedBuffer_Type,
    /* containers */
    &PyTuple_Type, &PyTupleIter_Type, &PyList_Type, &PyListIter_Type, &PyListRevIter_Type,
    &PyDict_Type, &PyDictKeys_Type, &PyDictValues_Type, &PyDictItems_Type,
    &PyDictIterKey_Type, &PyDictIterValue_Type, &PyDictIterItem_Type,
    &PyDictRevIterKey_Type, &PyDictRevIterValue_Type, &PyDictRevIterItem_Type,
    &PyDictProxy_Type, &PySet_Type, &PyFrozenSet_Type, &PySetIter_Type,
    &PyRange_Type, &PyRangeIter_Type, &PyLongRangeIter_Type, &PySlice_Type,
    &PyEnum_Type, &PyReversed_Type, &PyZip_Type, &PyMap_Type, &PyFilter_Type,
    &PySeqIter_Type, &PyCallIter_Type,
    /* types */
    &PyCFunction_Type, &PyCMethod_Type, &PyModule_Type, &PyModuleDef_Type,
    &PyProperty_Type, &PyClassMethod_Type, &PyStaticMethod_Type,
    &PyMethodDescr_Type, &PyClassMethodDescr_Type, &PyMemberDescr_Type,
    &PyGetSetDescr_Type, &PyWrapperDescr_Type, &_PyMethodWrapper_Type,
    &PyInstanceMethod_Type, &_PyNamespace_Type, &Py_GenericAliasType, &_PyUnion_Type,
    /* vm and compiler */
    &PyFunction_Type, &PyMethod_Type, &PyCell_Type, &PyCode_Type, &PyFrame_Type,
    &PyTraceBack_Type, &PyGen_Type, &PyCoro_Type, &PyAsyncGen_Type, &_PyCoroWrapper_Type,
    &_PyAsyncGenASend_Type, &_PyAsyncGenAThrow_Type, &_PyAsyncGenWrappedValue_Type,
    /* runtime */
    &_PyWeakref_RefType, &_PyWeakref_ProxyType, &_PyWeakref_CallableProxyType,
    &PyCapsule_Type, &kr_warnings_matcher_type,
    /* the rest: static types other areas define outside the public headers */
    &PyContextToken_Type, &PyContextVar_Type, &PyContext_Type,
    &PyODict_Type, &PyODictIter_Type, &PyODictKeys_Type, &PyODictValues_Type, &PyODictItems_Type,
    &PyPickleBuffer_Type, &PyStdPrinter_Type, &_PyMemoryIter_Type,
    &kr_AnextAwaitable_Type, &kr_str_ascii_iter_type,
    &kr_dt_delta_type, &kr_dt_date_type, &kr_dt_time_type, &kr_dt_datetime_type, &kr_dt_tzinfo_type, &kr_dt_timezone_type, &kr_dt_isocal_type,
    &PyIOBase_Type, &PyRawIOBase_Type, &PyBufferedIOBase_Type, &PyTextIOBase_Type, &PyFileIO_Type, &PyBytesIO_Type, &kr_BytesIOBuffer_Type, &PyStringIO_Type, &PyBufferedReader_Type, &PyBufferedWriter_Type, &PyBufferedRandom_Type, &PyBufferedRWPair_Type, &PyTextIOWrapper_Type, &PyIncrementalNewlineDecoder_Type,
    &kr_count_type, &kr_cycle_type, &kr_repeat_type, &kr_accumulate_type, &kr_compress_type, &kr_dropwhile_type, &kr_takewhile_type, &kr_filterfalse_type, &kr_starmap_type, &kr_chain_type, &kr_islice_type, &kr_pairwise_type, &kr_zip_longest_type, &kr_groupby_type, &kr_grouper_type, &kr_tee_type, &kr_teedataobject_type, &kr_product_type, &kr_permutations_type, &kr_combinations_type, &kr_cwr_type,
    &kr_deque_type, &kr_dequeiter_type, &kr_dequereviter_type, &kr_defaultdict_type, &kr_tuplegetter_type,
    &kr_partial_type, &kr_keyobject_type, &kr_lru_cache_type, &kr_lru_link_type,
    &kr_itemgetter_type, &kr_attrgetter_type, &kr_methodcaller_type,
    &kr_lock_type, &kr_rlock_type, &kr_local_type,
    &kr_formatteriter_type, &kr_fieldnameiter_type,
};
const size_t kr_static_types_count = sizeof(kr_static_types) / sizeof(kr_static_types[0]);

/* Set-up that fills the static types' dicts beyond what PyType_Ready
 * puts there (class constants such as datetime.min).  Each runs once,
 * after every type above is readied and before they are made immortal;
 * returns 0, or -1 with an exception set. */
int kr_dt_static_init(void);

int (*const kr_static_type_hooks[])(void) = {
    kr_dt_static_init,
    NULL
};
