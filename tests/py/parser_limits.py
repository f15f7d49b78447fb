# Nesting limits of the parser and compiler: what compile() gives for
# deeply nested or very long sources, parse-only (PyCF_ONLY_AST) and
# compiled.  Bracket nesting stops at 200 in the tokenizer, indentation at
# 100 levels; prefix-operator chains, conditional expressions, lambdas and
# '**' run into the parser's stack limit (a bare MemoryError); long
# left-recursive chains parse but are too deep for the AST conversion and
# the compiler (RecursionError).  Depths are kept away from the exact
# RecursionError boundary, which depends on the caller's stack depth.
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


def nested(opening, closing, n, inner="1"):
    return opening * n + inner + closing * n


def fstrings(n):
    s = "x"
    quotes = ["'", '"', "'''", '"""']
    for i in range(n):
        q = quotes[i % 4]
        s = "f" + q + "{" + s + "}" + q
    return s


def blocks(n, head):
    return "".join(" " * i + head + "\n" for i in range(n)) + " " * n + "pass\n"


def elifs(n):
    return "if a:\n pass\n" + "elif a:\n pass\n" * n


FORMS = [
    ("parens", lambda n: nested("(", ")", n), [199, 200, 1000]),
    ("brackets", lambda n: nested("[", "]", n), [199, 200]),
    ("braces", lambda n: nested("{", "}", n), [199, 200]),
    ("mixed", lambda n: nested("([{", "}])", n // 3), [198, 201]),
    ("walrus", lambda n: nested("(x := ", ")", n), [150, 200]),
    ("unary", lambda n: "-" * n + "x", [100, 2900, 3100, 5969, 5970, 20000]),
    ("unary spaced", lambda n: "- " * n + "x", [2900, 5970]),
    ("invert", lambda n: "~" * n + "x", [2900, 5970]),
    ("plus minus", lambda n: "+-" * (n // 2) + "x", [2900, 6000]),
    ("not", lambda n: "not " * n + "x", [100, 2900, 3100, 5969, 5970]),
    ("power", lambda n: "**".join(["x"] * n), [2900, 2985, 2986, 5000]),
    ("lambda", lambda n: "lambda: " * n + "x", [100, 2900, 2984, 2985]),
    ("lambda args", lambda n: "lambda a, *b: " * n + "x", [2984, 2985]),
    ("ifexp", lambda n: "x if y else " * n + "z", [2900, 3100, 5969, 5970]),
    ("fstrings", fstrings, [2, 3, 4, 5, 199, 200, 1000]),
    ("if blocks", lambda n: blocks(n, "if x:"), [99, 100, 101]),
    ("def blocks", lambda n: blocks(n, "def f():"), [99, 100]),
    ("class blocks", lambda n: blocks(n, "class C:"), [99, 100]),
    ("elif chain", elifs, [100, 2900, 3100, 10000]),
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
