#!/usr/bin/env bash
# Py_LIMITED_API tests: Krait's headers must expose exactly CPython 3.11's
# limited API (PEP 384/652), version by version.
#   1. probes: small C functions compiled with Py_LIMITED_API against
#      Krait's include/ and against CPython's headers; each must compile,
#      or fail to, the same way on both, and as the probe says it should.
#   2. declared names: for every Py_LIMITED_API value 3.2 ... 3.11 (and a
#      bare `#define Py_LIMITED_API`), with and without PY_SSIZE_T_CLEAN,
#      the functions, data, and complete and incomplete types declared by
#      Python.h + structmember.h are listed from clang's AST on both sides
#      and compared; one test per configuration.  Names outside the two
#      header trees (the C library's) are ignored.  KRAIT_ONLY lists the
#      accepted differences.  Macros are compared too, but only reported.
# Prints "limited: N passed, N failed".
#   usage: tests/run_limited.sh
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
kinc="$root/include"
cinc=/usr/include/python3.11
py=/usr/bin/python3.11
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
pass=0; fail=0
ok()  { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; }

# Helpers a probe may name; they are defined in every probe file.
prelude='static PyObject *o; static PyObject *kr_use(void *p) { return (PyObject *)p; }'

# ---- 1. probes ----
# VERSION | DEFINES | HEADERS (P = Python.h, PS = and structmember.h) | EXPECT (ok/fail) | body
probes=$(cat <<'EOF'
0x030b0000||P|fail|kr_use((void *)Py_TYPE(o)->tp_name)
0x030b0000||P|fail|(void)sizeof(PyTypeObject)
0x030b0000||P|fail|kr_use(PyTuple_GET_ITEM(o, 0))
0x030b0000||P|fail|Py_ssize_t n = PyTuple_GET_SIZE(o); (void)n
0x030b0000||P|fail|kr_use(PyList_GET_ITEM(o, 0))
0x030b0000||P|fail|PyTuple_SET_ITEM(o, 0, o)
0x030b0000||P|fail|kr_use(((PyTupleObject *)o)->ob_item[0])
0x030b0000||P|fail|(void)_PyUnicode_Ready(o)
0x030b0000||P|fail|Py_UCS4 c = PyUnicode_READ_CHAR(o, 0); (void)c
0x030b0000||P|fail|Py_ssize_t n = PyUnicode_GET_LENGTH(o); (void)n
0x030b0000||P|fail|kr_use(PyUnicode_DATA(o))
0x030b0000||P|fail|kr_use((void *)PyUnicode_AsUTF8(o))
0x030b0000||P|fail|double d = PyFloat_AS_DOUBLE(o); (void)d
0x030b0000||P|fail|kr_use(PyBytes_AS_STRING(o))
0x030b0000||P|fail|(void)sizeof(PyFrameObject)
0x030b0000||P|fail|(void)sizeof(PyCodeObject)
0x030b0000||P|fail|(void)sizeof(PyLongObject)
0x030b0000||P|fail|(void)sizeof(PyHeapTypeObject)
0x030b0000||P|fail|(void)sizeof(PyNumberMethods)
0x030b0000||P|fail|PyThreadState *t = PyThreadState_Get(); kr_use(t->interp)
0x030b0000||P|fail|kr_use(PyObject_Vectorcall(o, NULL, 0, NULL))
0x030b0000||P|fail|kr_use(PyObject_CallOneArg(o, o))
0x030b0000||P|fail|kr_use(PyType_GetModuleByDef(Py_TYPE(o), NULL))
0x030b0000||P|fail|Py_SETREF(o, NULL)
0x030b0000||P|fail|PyObject *r; (void)_PyObject_LookupAttr(o, o, &r)
0x030b0000||P|fail|Py_tss_t k = Py_tss_NEEDS_INIT; (void)k
0x030b0000||P|fail|(void)sizeof(Py_tss_t)
0x030b0000||P|fail|(void)PyObject_Print(o, NULL, 0)
0x030b0000||P|fail|kr_use(PyCFunction_GET_SELF(o))
0x030b0000||P|fail|int t = T_INT; (void)t
0x030b0000||P|fail|printf("x")
0x030b0000||P|fail|kr_use(malloc(1))
0x030b0000||P|fail|(void)strlen("x")
0x030b0000||P|ok|kr_use(Py_TYPE(o)); (void)Py_REFCNT(o); (void)Py_SIZE(o); (void)Py_IS_TYPE(o, &PyLong_Type)
0x030b0000||P|ok|Py_INCREF(o); Py_DECREF(o); Py_XINCREF(o); Py_XDECREF(o); Py_CLEAR(o); Py_IncRef(o); Py_DecRef(o)
0x030b0000||P|ok|kr_use(Py_NewRef(o)); kr_use(Py_XNewRef(o)); (void)Py_Is(o, Py_None); (void)Py_IsNone(o)
0x030b0000||P|ok|(void)sizeof(PyObject); (void)sizeof(PyVarObject); PyVarObject v = {PyObject_HEAD_INIT(NULL) 0}; (void)v
0x030b0000||P|ok|kr_use(PyType_GetSlot(Py_TYPE(o), Py_tp_new)); (void)PyType_GetFlags(Py_TYPE(o))
0x030b0000||P|ok|(void)PyType_HasFeature(Py_TYPE(o), Py_TPFLAGS_HEAPTYPE); (void)PyType_Check(o); (void)PyType_CheckExact(o)
0x030b0000||P|ok|(void)PyTuple_Check(o); (void)PyList_CheckExact(o); (void)PyUnicode_Check(o); (void)PyLong_Check(o); (void)PyDict_Check(o)
0x030b0000||P|ok|(void)PyExceptionClass_Check(o); (void)PyExceptionInstance_Check(o); kr_use(PyExceptionInstance_Class(o))
0x030b0000||P|ok|kr_use(PyType_GetName(Py_TYPE(o))); kr_use(PyType_GetQualName(Py_TYPE(o))); kr_use(PyType_GetModule(Py_TYPE(o)))
0x030b0000||P|ok|kr_use((void *)PyExceptionClass_Name(o))
0x030b0000||P|ok|static PyMethodDef m[] = {{"f", NULL, METH_VARARGS | METH_FASTCALL | METH_KEYWORDS, NULL}, {NULL, NULL, 0, NULL}}; kr_use(m)
0x030b0000||P|ok|static PyModuleDef d = {PyModuleDef_HEAD_INIT, "m", NULL, -1, NULL, NULL, NULL, NULL, NULL}; kr_use(PyModule_Create(&d))
0x030b0000||P|ok|static PyModuleDef_Slot s[] = {{Py_mod_exec, NULL}, {0, NULL}}; kr_use(s)
0x030b0000||P|ok|static PyType_Slot s[] = {{Py_tp_doc, "d"}, {0, NULL}}; static PyType_Spec sp = {"m.T", 16, 0, Py_TPFLAGS_DEFAULT, s}; kr_use(PyType_FromSpec(&sp))
0x030b0000||PS|ok|static PyMemberDef m[] = {{"x", T_INT, 0, READONLY, NULL}, {NULL, 0, 0, 0, NULL}}; kr_use(m)
0x030b0000||P|ok|PyMemberDef *m = NULL; kr_use(m)
0x030b0000||P|ok|Py_buffer b; if (PyObject_GetBuffer(o, &b, PyBUF_SIMPLE) == 0) PyBuffer_Release(&b)
0x030b0000||P|ok|kr_use(PyFrame_GetCode(NULL)); (void)PyFrame_GetLineNumber(NULL)
0x030b0000||P|ok|Py_tss_t *k = PyThread_tss_alloc(); PyThread_tss_free(k)
0x030b0000||P|ok|kr_use(Py_BuildValue("(is)", 1, "a")); int i; (void)PyArg_ParseTuple(o, "i", &i)
0x030b0000|PY_SSIZE_T_CLEAN|P|ok|const char *s; Py_ssize_t n; (void)PyArg_ParseTuple(o, "s#", &s, &n); kr_use(PyObject_CallFunction(o, "s#", s, n))
0x030b0000||P|ok|PyErr_SetString(PyExc_ValueError, "x"); kr_use(PyErr_GetHandledException()); kr_use(PyErr_Occurred())
0x030b0000||P|ok|Py_RETURN_RICHCOMPARE(1, 2, Py_LT)
0x030b0000||P|ok|kr_use(Py_None); kr_use(Py_True); kr_use(Py_Ellipsis); kr_use(Py_NotImplemented)
0x030b0000||P|ok|FILE *f = NULL; kr_use(f); (void)isalpha('a'); (void)sizeof(int64_t)
0x030a0000||P|ok|printf("x"); kr_use(malloc(1)); (void)strlen("x")
0x030a0000||P|fail|Py_buffer b; (void)b
0x030a0000||P|fail|kr_use(PyType_GetName(Py_TYPE(o)))
0x030a0000||P|ok|kr_use(PyType_FromModuleAndSpec(o, NULL, NULL)); kr_use(Py_NewRef(o))
0x03090000||P|ok|kr_use(Py_NewRef(o)); kr_use(_Py_NewRef(o))
0x03090000||P|ok|kr_use(PyObject_CallNoArgs(o)); (void)PyModule_AddType(o, NULL)
0x03080000||P|fail|kr_use(PyObject_CallNoArgs(o))
0x03080000||P|fail|kr_use(PyCMethod_New(NULL, NULL, NULL, NULL))
0x03040000||P|fail|static PyModuleDef_Slot s[] = {{0, NULL}}; kr_use(s)
0x03040000||P|ok|PyModuleDef_Slot *s = NULL; kr_use(s)
0x03030000||P|fail|kr_use(PyType_GetSlot(Py_TYPE(o), 1))
0x03020000|PY_SSIZE_T_CLEAN|P|fail|int i; (void)PyArg_ParseTuple(o, "i", &i)
0x03020000||P|ok|int i; (void)PyArg_ParseTuple(o, "i", &i)
3||P|fail|kr_use(PyType_FromSpecWithBases(NULL, NULL))
||P|fail|kr_use(PyImport_GetModule(o))
||P|ok|kr_use(PyType_FromSpec(NULL)); kr_use(PyModule_Create2(NULL, PYTHON_ABI_VERSION))
EOF
)

compiles() {   # $1 = include dir, $2 = version, $3 = defines, $4 = headers, $5 = body
    local f="$tmp/probe.c"
    {
        [ -n "$3" ] && echo "#define $3"
        if [ -n "$2" ]; then echo "#define Py_LIMITED_API $2"; else echo "#define Py_LIMITED_API"; fi
        echo "#include <Python.h>"
        [ "$4" = PS ] && echo "#include <structmember.h>"
        echo "$prelude"
        echo "PyObject *kr_probe(void);"
        echo "PyObject *kr_probe(void) { $5; return NULL; }"
    } > "$f"
    ${CC:-gcc} -std=c11 -fsyntax-only -Wall -Werror -Wno-unused-function -Wno-unused-value \
        -Wno-unused-but-set-variable -Wno-unused-variable -I"$1" "$f" 2> "$tmp/probe.err"
}

while IFS='|' read -r ver defs hdrs expect body; do
    [ -z "$body" ] && continue
    compiles "$kinc" "$ver" "$defs" "$hdrs" "$body"; k=$?
    compiles "$cinc" "$ver" "$defs" "$hdrs" "$body"; c=$?
    [ $k = 0 ] && kr=ok || kr=fail
    [ $c = 0 ] && cr=ok || cr=fail
    name="probe [${ver:-bare}${defs:+ $defs}] $body"
    if [ "$kr" = "$cr" ] && [ "$kr" = "$expect" ]; then
        ok "$name"
    else
        bad "$name: expected $expect, Krait $kr, CPython $cr"
        [ "$kr" = fail ] && compiles "$kinc" "$ver" "$defs" "$hdrs" "$body"; sed 's/^/    /' "$tmp/probe.err" | head -5
    fi
done <<< "$probes"

# ---- 2. declared names ----
# Krait-only names accepted under the limited API: the immortality test
# that Krait's inline Py_INCREF/Py_DECREF need (design, section 10).
KRAIT_ONLY='func _Py_IsImmortal'

cat > "$tmp/names.py" <<'EOF'
# Lists "kind name" for what <Python.h> + <structmember.h> declare from one
# header tree: func, data, type (complete) and opaque-type (an incomplete
# struct), from clang's AST; and macro, from the preprocessor.
import re, subprocess, sys
inc, lim, clean = sys.argv[1], sys.argv[2], sys.argv[3] == '1'
src = ('#define PY_SSIZE_T_CLEAN\n' if clean else '') + \
    '#include <Python.h>\n#include <structmember.h>\n'
defs = ['-DPy_LIMITED_API' + ('' if lim == 'bare' else '=' + lim)]
def run(args):
    return subprocess.run(['clang', '-x', 'c', '-', '-I' + inc] + defs + args, input=src,
                          capture_output=True, text=True).stdout
after_loc = re.compile(r'> (?:col:\d+|line:\d+:\d+|\S+:\d+:\d+) (.*)$')
out, structs, typedefs = set(), set(), []
last_file = ''
for line in run(['-fsyntax-only', '-Xclang', '-ast-dump']).splitlines():
    r = after_loc.search(line)
    head = line[:r.start(1)] if r else line
    # clang names a file only when it changes: follow it through every line
    for path in re.findall(r'[<, ]([^ <>,:]+\.h):\d+', head):
        last_file = path
    if not last_file.startswith(inc):
        continue
    m = re.match(r'^[|`]-(FunctionDecl|VarDecl|TypedefDecl|RecordDecl) ', line)
    if not m or not r:
        continue
    words = r.group(1).split(' ')
    while words and words[0] in ('used', 'referenced', 'implicit', 'invalid'):
        words.pop(0)
    if not words or words[0].startswith('__builtin'):
        continue
    kind = m.group(1)
    if kind == 'RecordDecl':
        if len(words) >= 3 and words[-1] == 'definition':
            structs.add(words[1])
    elif kind == 'TypedefDecl':
        t = re.match(r"'([^']*)'(?::'([^']*)')?", ' '.join(words[1:]))
        typedefs.append((words[0], t.group(1), t.group(2) or ''))
    else:
        out.add(('func' if kind == 'FunctionDecl' else 'data', words[0]))
for name, t, desugared in typedefs:
    m = re.match(r'struct (\w+)$', t)
    complete = True
    if m and (desugared == '' or desugared.startswith('struct')):
        complete = m.group(1) in structs
    out.add(('type' if complete else 'opaque-type', name))
cur = ''
for line in run(['-E', '-dD']).splitlines():
    m = re.match(r'# \d+ "([^"]*)"', line)
    if m:
        cur = m.group(1)
        continue
    m = re.match(r'#define (\w+)', line)
    # include guards differ by design
    if m and cur.startswith(inc) and not m.group(1).endswith('_H'):
        out.add(('macro', m.group(1)))
for kind, name in sorted(out):
    print(kind, name)
EOF

if ! command -v clang > /dev/null; then
    echo "no clang: declared-name comparison skipped"
else
    for ver in bare 0x03020000 0x03030000 0x03040000 0x03050000 0x03060000 0x03070000 \
               0x03080000 0x03090000 0x030a0000 0x030b0000; do
        for clean in 0 1; do
            name="declared names [$ver$([ $clean = 1 ] && echo ' PY_SSIZE_T_CLEAN')]"
            "$py" "$tmp/names.py" "$kinc" "$ver" "$clean" > "$tmp/k" || { bad "$name: no list"; continue; }
            "$py" "$tmp/names.py" "$cinc" "$ver" "$clean" > "$tmp/c" || { bad "$name: no list"; continue; }
            grep -v '^macro ' "$tmp/k" | grep -vxF "$KRAIT_ONLY" > "$tmp/kd"
            grep -v '^macro ' "$tmp/c" > "$tmp/cd"
            if [ ! -s "$tmp/cd" ]; then
                bad "$name: nothing declared by CPython's headers"
            elif cmp -s "$tmp/kd" "$tmp/cd"; then
                ok "$name"
            else
                bad "$name"
                comm -23 "$tmp/cd" "$tmp/kd" | sed 's/^/    missing: /'
                comm -13 "$tmp/cd" "$tmp/kd" | sed 's/^/    extra:   /'
            fi
            if [ "$ver" = 0x030b0000 ] && [ $clean = 0 ]; then
                # macros: reported, not counted
                grep '^macro ' "$tmp/c" > "$tmp/cm"; grep '^macro ' "$tmp/k" > "$tmp/km"
                echo "     macros of CPython's limited API missing from Krait's: $(comm -23 "$tmp/cm" "$tmp/km" | cut -d' ' -f2 | tr '\n' ' ')"
                echo "     macros Krait's limited API adds: $(comm -13 "$tmp/cm" "$tmp/km" | cut -d' ' -f2 | tr '\n' ' ')"
            fi
        done
    done
fi

echo "limited: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
