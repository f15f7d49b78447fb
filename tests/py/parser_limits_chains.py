# Length limits of the parser and compiler: long operator chains,
# attribute/call/subscript chains and long flat constructs, compiled
# parse-only (PyCF_ONLY_AST) and fully (parser_limits.py covers nesting).
# Left-recursive chains parse at any length, as in CPython, but from about
# 3000 levels their trees are too deep for the AST conversion and the
# compiler (RecursionError); flat constructs have no limit.
PyCF_ONLY_AST = 0x400


def outcome(src, ast_only):
    try:
        compile(src, "<limits>", "exec", PyCF_ONLY_AST if ast_only else 0)
        return "ok"
    except (SyntaxError, RecursionError, MemoryError) as e:
        r = type(e).__name__
        if e.args:
            r += ": " + str(e.args[0])
        if isinstance(e, SyntaxError):
            r += " (line %s, offset %s)" % (e.lineno, e.offset)
        return r


FORMS = [
    ("binop", lambda n: "+".join(["1"] * n), [100, 2900, 3100, 100000]),
    ("binop names", lambda n: "-".join(["x"] * n), [2900, 3100, 20000]),
    ("mixed ops", lambda n: "x" + "".join(" %s x" % "+-*/|&^" [i % 7] for i in range(n)),
     [2900, 20000]),
    ("attribute", lambda n: "a" + ".b" * n, [2900, 3100, 100000]),
    ("call", lambda n: "f" + "()" * n, [2900, 3100, 20000]),
    ("subscript", lambda n: "a" + "[0]" * n, [2900, 3100, 20000]),
    ("and", lambda n: " and ".join(["x"] * n), [20000]),
    ("or", lambda n: " or ".join(["x"] * n), [20000]),
    ("compare", lambda n: " < ".join(["x"] * n), [20000]),
    ("tuple", lambda n: ", ".join(["x"] * n), [20000]),
    ("strings", lambda n: " ".join(["'a'"] * n), [20000]),
    ("statements", lambda n: "x = 1\n" * n, [20000]),
    ("semicolons", lambda n: "x = 1; " * n + "\n", [20000]),
    ("decorators", lambda n: "@d\n" * n + "def f(): pass\n", [20000]),
]

for name, make, sizes in FORMS:
    for n in sizes:
        src = make(n)
        parsed = outcome(src, True)
        compiled = outcome(src, False)
        if parsed == compiled:
            print("%-12s %6d: %s" % (name, n, parsed))
        else:
            print("%-12s %6d: parse %s / compile %s" % (name, n, parsed, compiled))

# Running what compiled: a long flat expression evaluates.
print(eval("+".join(["1"] * 2000)))
print(len(eval(", ".join(["1"] * 10000))))
