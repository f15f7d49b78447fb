# Argument errors of builtin functions: messages must match CPython's.
tests = [
    "print(x=1)", "sorted()", "sorted([], 1)", "compile()", "compile(1,2,3,4,5,6,7,8)",
    "round()", "round(1,2,3)", "getattr(1)", "getattr(1,2)", "len()", "len(1,2)",
    "max()", "max(1)", "max([])", "max(1,2,default=3)", "max([], x=1)", "sum()",
    "sum([],[],[])", "sum(['a'])", "sum([b'a'], b'')", "sum([], '')", "chr(-1)", "chr(2**70)",
    "ord('ab')", "ord(1)", "iter(1,2)", "next(1)", "isinstance(1)", "divmod(1)", "pow()",
    "pow(1,2,3,4)", "vars(1)", "dir(1,2)", "hash([])", "abs('a')", "bin(1.5)", "exec()",
    "eval(1)", "eval('1', 1)", "eval('1', {}, 1)", "print(sep=1)", "print(end=1)",
    "__build_class__()", "__build_class__(1, 'a')", "__build_class__(lambda: None, 1)",
    "input(1,2)", "anext(1)", "aiter(1)", "setattr(1, 2, 3)", "delattr(1)",
    "min(1, 2, key=3, foo=4)", "sorted([], foo=1)", "compile('', 'f', 'x')",
    "compile('a\\0', 'f', 'exec')", "exec('1', None, 1)", "locals(1)", "globals(1)",
    "callable()", "id()", "repr()", "ascii(1,2)", "issubclass(1, int)", "isinstance(1, 1)",
    "hasattr(1)", "format(1, 2)", "min()", "min([])", "next(iter([]))",
]
for t in tests:
    try:
        r = eval(t)
        print(t, "->", repr(r))
    except BaseException as e:
        print(t, "!!", type(e).__name__, e)
