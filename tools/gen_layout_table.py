"""Derives the struct layouts Krait must share with CPython 3.11.

Compiles a probe against CPython 3.11's own headers (Debian's
python3.11-dev) that prints sizeof and offsetof for every field of the
structs design section 2 lists, and writes tests/unit/layout_table.h:
LAYOUT(struct, field, offset) and SIZE(struct, size) lines that
tests/unit/test_layout.c checks against Krait's headers.  Offsets are facts
about CPython's ABI; this script is how they are measured.
Run with /usr/bin/python3.11 from the repository root.
"""
import os
import subprocess
import sys
import sysconfig
import tempfile

STRUCTS = {
    "PyObject": "ob_refcnt ob_type",
    "PyVarObject": "ob_base ob_size",
    "PyTypeObject": """ob_base tp_name tp_basicsize tp_itemsize tp_dealloc tp_vectorcall_offset
        tp_getattr tp_setattr tp_as_async tp_repr tp_as_number tp_as_sequence tp_as_mapping
        tp_hash tp_call tp_str tp_getattro tp_setattro tp_as_buffer tp_flags tp_doc
        tp_traverse tp_clear tp_richcompare tp_weaklistoffset tp_iter tp_iternext tp_methods
        tp_members tp_getset tp_base tp_dict tp_descr_get tp_descr_set tp_dictoffset tp_init
        tp_alloc tp_new tp_free tp_is_gc tp_bases tp_mro tp_cache tp_subclasses tp_weaklist
        tp_del tp_version_tag tp_finalize tp_vectorcall""",
    "PyHeapTypeObject": """ht_type as_async as_number as_mapping as_sequence as_buffer ht_name
        ht_slots ht_qualname ht_cached_keys ht_module _ht_tpname""",
    "PyNumberMethods": """nb_add nb_subtract nb_multiply nb_remainder nb_divmod nb_power
        nb_negative nb_positive nb_absolute nb_bool nb_invert nb_lshift nb_rshift nb_and nb_xor
        nb_or nb_int nb_reserved nb_float nb_inplace_add nb_inplace_subtract nb_inplace_multiply
        nb_inplace_remainder nb_inplace_power nb_inplace_lshift nb_inplace_rshift nb_inplace_and
        nb_inplace_xor nb_inplace_or nb_floor_divide nb_true_divide nb_inplace_floor_divide
        nb_inplace_true_divide nb_index nb_matrix_multiply nb_inplace_matrix_multiply""",
    "PySequenceMethods": """sq_length sq_concat sq_repeat sq_item was_sq_slice sq_ass_item
        was_sq_ass_slice sq_contains sq_inplace_concat sq_inplace_repeat""",
    "PyMappingMethods": "mp_length mp_subscript mp_ass_subscript",
    "PyAsyncMethods": "am_await am_aiter am_anext am_send",
    "PyBufferProcs": "bf_getbuffer bf_releasebuffer",
    "Py_buffer": "buf obj len itemsize readonly ndim format shape strides suboffsets internal",
    "PyModuleDef_Base": "ob_base m_init m_index m_copy",
    "PyModuleDef_Slot": "slot value",
    "PyModuleDef": "m_base m_name m_doc m_size m_methods m_slots m_traverse m_clear m_free",
    "PyMethodDef": "ml_name ml_meth ml_flags ml_doc",
    "PyMemberDef": "name type offset flags doc",
    "PyGetSetDef": "name get set doc closure",
    "PyType_Slot": "slot pfunc",
    "PyType_Spec": "name basicsize itemsize flags slots",
    "PyStructSequence_Field": "name doc",
    "PyStructSequence_Desc": "name doc fields n_in_sequence",
    "PyTupleObject": "ob_base ob_item",
    "PyListObject": "ob_base ob_item allocated",
    "PyBytesObject": "ob_base ob_shash ob_sval",
    "PyByteArrayObject": "ob_base ob_alloc ob_bytes ob_start ob_exports",
    "PyFloatObject": "ob_base ob_fval",
    "PyComplexObject": "ob_base cval",
    "PyLongObject": "ob_base ob_digit",
    "PyASCIIObject": "ob_base length hash wstr",
    "PyCompactUnicodeObject": "_base utf8_length utf8 wstr_length",
    "PyUnicodeObject": "_base data",
    "PyCFunctionObject": "ob_base m_ml m_self m_module m_weakreflist vectorcall",
    "PyCMethodObject": "func mm_class",
    "PyMethodObject": "ob_base im_func im_self im_weakreflist vectorcall",
}


def main():
    inc = sysconfig.get_paths()["include"]
    lines = ['#include <Python.h>', '#include <structmember.h>', '#include <stddef.h>',
             '#include <stdio.h>', 'int main(void) {']
    for struct, fields in STRUCTS.items():
        lines.append(f'printf("SIZE({struct}, %zu)\\n", sizeof({struct}));')
        for f in fields.split():
            lines.append(f'printf("LAYOUT({struct}, {f}, %zu)\\n", offsetof({struct}, {f}));')
    lines.append('return 0; }')
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "probe.c")
        exe = os.path.join(tmp, "probe")
        with open(src, "w") as f:
            f.write("\n".join(lines))
        subprocess.run(["gcc", "-I", inc, src, "-o", exe], check=True)
        out = subprocess.run([exe], check=True, capture_output=True, text=True).stdout
    header = ("/* layout_table.h: CPython 3.11's struct sizes and field offsets on\n"
              " * x86-64 Linux, measured by tools/gen_layout_table.py against CPython's\n"
              " * own headers.  Generated: do not edit. */\n")
    with open("tests/unit/layout_table.h", "w") as f:
        f.write(header + out)
    print(f"{out.count('LAYOUT(')} offsets, {out.count('SIZE(')} sizes")


if __name__ == "__main__":
    sys.exit(main())
