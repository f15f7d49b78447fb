# Importing broken extension modules, where CPython is the reference: the
# runner builds each module against Krait's and CPython's headers, runs
# this under both interpreters and compares them line by line.  One line
# per case, "CASE: outcome".
import sys


def stem(path):
    # The file's name without its interpreter-specific suffix.
    return path.rsplit('/', 1)[-1].split('.', 1)[0] if isinstance(path, str) else path


def describe(exc):
    parts = [type(exc).__name__, repr(str(exc))]
    if isinstance(exc, ImportError):
        parts.append(f"name={exc.name!r} path={stem(exc.path)!r}")
    for link in ("__cause__", "__context__"):
        value = getattr(exc, link)
        if value is not None:
            parts.append(f"{link}={type(value).__name__}({value})")
    return " ".join(parts)


def attempt(case, name, show=None):
    try:
        mod = __import__(name)
    except BaseException as exc:
        outcome = describe(exc)
    else:
        outcome = "imported " + (show(mod) if show else type(mod).__name__)
    print(f"{case}: {outcome}; in sys.modules: {name in sys.modules}")


attempt("no init function", "noinit")
attempt("init raises", "nullexc")
attempt("init raises, again", "nullexc")
attempt("init returns NULL, nothing raised", "nullnoexc")
attempt("init returns an int", "notmod")
attempt("init leaves an exception pending", "excset")
attempt("exec slot raises", "execfail")
attempt("exec slot fails, nothing raised", "execnoexc")
attempt("create slot fails, nothing raised", "createnull")
attempt("create slot returns an int", "createobj", lambda m: f"{type(m).__name__} {m}")
attempt("create slot returns an int, with state", "createstate")
attempt("unknown slot", "badslot")
attempt("single-phase m_name differs", "othername",
        lambda m: f"__name__={m.__name__} __file__={stem(m.__file__)}")
attempt("multi-phase m_name differs", "othername2",
        lambda m: f"__name__={m.__name__} __file__={stem(m.__file__)}")
attempt("submodule without init", "pkg.nosub")
print(f"pkg still imported: {'pkg' in sys.modules}; has nosub: {hasattr(sys.modules['pkg'], 'nosub')}")


# The dynamic loader's own message differs between the interpreters only
# in what Krait puts around it; the rest must agree.
def loader_failure(case, name, loader_text):
    try:
        __import__(name)
    except ImportError as exc:
        print(f"{case}: {type(exc).__name__} name={exc.name!r} path={stem(exc.path)!r}"
              f" loader message included: {loader_text in str(exc)}"
              f" ends with it: {str(exc).endswith(loader_text)}")
    else:
        print(f"{case}: imported")


loader_failure("undefined symbol", "undef", "undefined symbol: ext_bad_no_such_function")
loader_failure("not an ELF file", "notelf", "file too short")
loader_failure("not an ELF file, again", "notelf", "file too short")


# PyArg_ParseTupleAndKeywords given bad arguments.
import kwparse

calls = [
    ("parse", ("x", None), {"count": 2}),
    ("parse", (1, None), {"count": 2}),
    ("parse", (1,), {"count": 1}),
    ("parse", (1,), {"obj": 2, "zz": 3}),
    ("parse", (1, 2), {"obj": 3}),
    ("parse", (), {"count": "x", "obj": 1}),
    ("parse", (1, 2, 3), {"scale": 1.0}),
    ("parse", (1,), {"scale": "bad"}),
    ("parse", (1, 2, 3, 4), {}),
    ("parse", (), {}),
    ("parse", (1,), {"obj": 5, "scale": 2.0}),
    ("parse", (), {"count": 1, "obj": 5, "scale": 2.5}),
    ("parse", (), {"count": 1, "obj": 5, "scale": 2.5, "extra": 1}),
    ("parse", (1.5, 2), {}),
    ("parse", (2**40, 2), {}),
    ("posonly", (1,), {}),
    ("posonly", (1, 2), {"c": 3}),
    ("posonly", (1, 2, 3), {}),
    ("posonly", (), {"b": 1}),
    ("posonly", (1,), {"": 1}),
    ("posonly", (1,), {"a": 1}),
    ("posonly", (1,), {"b": 2, "c": 3}),
]
for name, args, kwargs in calls:
    try:
        result = getattr(kwparse, name)(*args, **kwargs)
    except Exception as exc:
        result = f"{type(exc).__name__}: {exc}"
    print(f"{name}{args} {kwargs}: {result}")
