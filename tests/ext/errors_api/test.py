import errs
import warnings


def show(label, f):
    try:
        print(label, f())
    except BaseException as e:
        print(label, "!!", type(e).__name__, e, repr(e.__cause__) if e.__cause__ else "")


show("format", lambda: errs.raise_format(1, "x"))
show("fetch", errs.fetch_restore)
show("given", lambda: (errs.given_matches(KeyError, LookupError), errs.given_matches(KeyError(), (ValueError, KeyError)), errs.given_matches(ValueError, KeyError)))
show("mine", lambda: errs.raise_mine(("a", 1)))
print(errs.MyError.__doc__, errs.MyError.__mro__)
show("errno", errs.errno_error)
try:
    errs.errno_error()
except FileNotFoundError as e:
    print(e.errno, e.strerror, e.filename, type(e).__name__)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    errs.warn("careful")
    print([str(x.message) for x in w], [x.category.__name__ for x in w])
show("null", errs.null_no_error)
show("result+error", errs.result_with_error)
show("badarg", errs.bad_argument)
