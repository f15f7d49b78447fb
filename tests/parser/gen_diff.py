#!/usr/bin/env python3
"""Differential checker: random Python 3.11 snippets, Krait vs CPython.

usage: gen_diff.py ASTDUMP [-n N] [--seed S] [--krait KRAIT] [--show K]
                   [--keep DIR]

Generates N snippets from a grammar of Python 3.11 (statements and
expressions at every precedence level, star-expressions, lambdas,
f-strings, decorators, walrus, match patterns, except*, async forms,
soft keywords used as names, string prefixes and numeric literals), half
of them then damaged by token-level mutations so that error paths are
exercised too.  Each snippet is parsed by CPython (this interpreter, which
must be /usr/bin/python3.11) and by Krait's parser:

  ASTDUMP        the standalone driver tests/parser/run.sh builds
                 (astdump -e -l LIST: bytes input, ast.dump with positions)
  --krait KRAIT  additionally runs every snippet through compile(str, ...,
                 PyCF_ONLY_AST) inside Krait itself, and compares a neutral
                 tree rendering and all SyntaxError fields (class, msg,
                 lineno, offset, end_lineno, end_offset, text)

A case matches when both accept with identical dumps, or both reject with
the same class, message, lineno, offset, end_lineno and end_offset.
Mismatches are printed (smallest first) and --keep writes them to DIR."""
import _ast
import ast
import os
import random
import subprocess
import sys
import tempfile
import tokenize
import io
import warnings

# ---- the grammar ----------------------------------------------------------

NAMES = ["a", "b", "c", "x", "y", "self", "match", "case", "_", "print",
         "type", "f", "g", "obj", "λ", "Δx"]
SOFT = ["match", "case", "_"]
KEYWORD_NAMES = ["None", "True", "False"]

NUMBERS = ["0", "1", "42", "1_000", "0x_ff", "0XAB", "0o17", "0O7", "0b1010",
           "0B_1", "1.5", "1.", ".5", "1e10", "1E-5", "1_0.0_1e+1_0", "10j",
           "1.5J", "0_0", "00", "1e3j", ".5e-2J", "0.0", "123456789012345678901234567890",
           "0xdead_beef", "3.14_15"]
BAD_NUMBERS = ["01", "1__0", "1_", "0x", "1e", "0b2", "0o8", "1.e", "0_x1",
               "09.5", "1_.5", "0b", "1j2", "1e+", "0x_"]

STR_PREFIXES = ["", "", "", "r", "u", "R", "U", "b", "B", "br", "rb", "Br",
                "bR", "BR", "Rb", "rB", "RB", "f", "F", "rf", "fr", "Rf",
                "fR", "RF", "FR", "rF", "Fr"]
# (no \N{...} escapes: the standalone driver has no Unicode name table)
STR_BODIES = ["", "abc", "a b", "\\n", "\\x41", "\\t\\\\", "it\\'s", "q\\\"q",
              "\\u00e9", "é", "\\101", "{{}}", "tab\\\tx",
              "\\d", "line\\\nnext"]


class Gen:
    def __init__(self, rng):
        self.r = rng
        self.fdepth = 0       # nesting of f-strings (quotes used so far)
        self.quotes = []      # quote characters in use by enclosing f-strings

    def pick(self, seq):
        return self.r.choice(seq)

    def chance(self, p):
        return self.r.random() < p

    def name(self):
        return self.pick(NAMES)

    # -- literals
    def number(self):
        if self.chance(0.03):
            return self.pick(BAD_NUMBERS)
        return self.pick(NUMBERS)

    def string(self, d):
        prefix = self.pick(STR_PREFIXES)
        allowed = [q for q in ["'", '"', "'''", '"""']
                   if not any(q[0] == u[0] for u in self.quotes)]
        if not allowed or self.chance(0.02):
            allowed = ["'", '"']
        q = self.pick(allowed)
        if "f" in prefix.lower() and d > 0 and self.fdepth < 3:
            return prefix + q + self.fbody(d - 1, q) + q
        body = self.pick(STR_BODIES)
        if "b" in prefix.lower() and body == "é":
            body = "xyz"
        if len(q) == 1 and "\n" in body:
            body = "nl"
        if body.endswith("\\") or (q[0] in body and not body.startswith("\\")):
            body = "ok"
        return prefix + q + body + q

    def fbody(self, d, q):
        parts = []
        self.fdepth += 1
        self.quotes.append(q)
        for _ in range(self.r.randint(1, 3)):
            k = self.r.random()
            if k < 0.3:
                parts.append(self.pick(["text", " ", "{{", "}}", "a=1"]))
            else:
                inner = self.expr(d, 0)
                if inner.startswith("{") or inner.startswith("lambda") or \
                        ("\\" in inner):
                    inner = "(" + inner + ")" if "\\" not in inner else "x"
                field = "{" + self.pick(["", "", " "]) + inner
                if self.chance(0.2):
                    field += self.pick(["=", " = ", "="])
                if self.chance(0.25):
                    field += self.pick(["!r", "!s", "!a"])
                if self.chance(0.3):
                    spec = self.pick([">10", ".2f", "", "{x}", "0{w}.{p}",
                                      "^{width!r}", "x", "{a}{b}d"])
                    field += ":" + spec
                field += "}"
                parts.append(field)
        self.quotes.pop()
        self.fdepth -= 1
        return "".join(parts)

    def strings(self, d):
        n = 1 if self.chance(0.8) else self.r.randint(2, 3)
        sep = self.pick([" ", "", " ", "\\\n"]) if n > 1 else ""
        return sep.join(self.string(d) for _ in range(n))

    # -- expressions by precedence level
    # 0 ternary/lambda, 1 or, 2 and, 3 not, 4 compare, 5 |, 6 ^, 7 &,
    # 8 shift, 9 arith, 10 term, 11 unary, 12 power, 13 await, 14 primary,
    # 15 atom
    def expr(self, d, lvl=0):
        if d <= 0:
            form = 15
        else:
            form = self.r.randint(0, 15)
            if form < 14 and self.chance(0.3):
                form = self.r.randint(13, 15)
        s, L = self.form(form, d)
        if L < lvl:
            s = "(" + s + ")"
        return s

    def form(self, f, d):
        e = self.expr
        if f == 0:
            if self.chance(0.4):
                return "lambda" + self.params(d - 1, True) + ": " + e(d - 1, 0), 0
            return "%s if %s else %s" % (e(d - 1, 1), e(d - 1, 1), e(d - 1, 0)), 0
        if f in (1, 2):
            op = " or " if f == 1 else " and "
            return op.join(e(d - 1, f + 1) for _ in range(self.r.randint(2, 3))), f
        if f == 3:
            return "not " + e(d - 1, 3), 3
        if f == 4:
            ops = ["<", ">", "==", ">=", "<=", "!=", " in ", " not in ",
                   " is ", " is not "]
            s = e(d - 1, 5)
            for _ in range(self.r.randint(1, 3)):
                s += self.pick(ops) + e(d - 1, 5)
            return s, 4
        if 5 <= f <= 10:
            ops = {5: ["|"], 6: ["^"], 7: ["&"], 8: ["<<", ">>"],
                   9: ["+", "-"], 10: ["*", "/", "//", "%", "@"]}[f]
            s = e(d - 1, f)
            for _ in range(self.r.randint(1, 2)):
                sp = self.pick([" ", ""])
                s += sp + self.pick(ops) + sp + e(d - 1, f + 1)
            return s, f
        if f == 11:
            return self.pick(["-", "+", "~", "- ", "-"]) + e(d - 1, 11), 11
        if f == 12:
            return e(d - 1, 13) + self.pick(["**", " ** "]) + e(d - 1, 11), 12
        if f == 13:
            return "await " + e(d - 1, 14), 13
        if f == 14:
            base = e(d - 1, 14)
            if base[0].isdigit() and self.chance(0.7):
                base = "(" + base + ")"
            k = self.r.random()
            if k < 0.3:
                return base + "." + self.pick(NAMES + ["match", "if_", "real"]), 14
            if k < 0.65:
                return base + "(" + self.call_args(d - 1) + ")", 14
            return base + "[" + self.slices(d - 1) + "]", 14
        return self.atom(d), 15

    def atom(self, d):
        k = self.r.random()
        if d <= 0 or k < 0.35:
            return self.pick(NAMES + KEYWORD_NAMES + ["..."] + [self.number()])
        if k < 0.5:
            return self.strings(d)
        if k < 0.6:
            return "(" + self.pick(["", self.elts(d - 1) + ",", self.elts(d - 1),
                                    "yield", "yield " + self.star_exprs(d - 1),
                                    "yield from " + self.expr(d - 1),
                                    self.walrus(d - 1)]) + ")"
        if k < 0.7:
            return "[" + self.pick(["", self.elts(d - 1),
                                    self.elts(d - 1) + ","]) + "]"
        if k < 0.78:
            return "{" + self.pick([self.elts(d - 1), self.dict_items(d - 1),
                                    ""]) + "}"
        if k < 0.9:
            return self.comprehension(d - 1)
        return self.walrus_paren(d - 1)

    def walrus(self, d):
        return self.pick(["x", "y", "match", "_"]) + self.pick([":=", " := "]) + self.expr(d, 0)

    def walrus_paren(self, d):
        return "(" + self.walrus(d) + ")"

    def named(self, d):
        return self.walrus(d) if self.chance(0.25) else self.expr(d, 0)

    def star_item(self, d):
        k = self.r.random()
        if k < 0.15:
            return "*" + self.expr(d, 5)
        if k < 0.25:
            return self.walrus(d)
        return self.expr(d, 0)

    def elts(self, d):
        return ", ".join(self.star_item(d) for _ in range(self.r.randint(1, 3)))

    def dict_items(self, d):
        items = []
        for _ in range(self.r.randint(1, 3)):
            if self.chance(0.2):
                items.append("**" + self.expr(d, 5))
            else:
                items.append(self.expr(d, 0) + ": " + self.expr(d, 0))
        return ", ".join(items)

    def comp_for(self, d):
        s = ""
        for _ in range(self.r.randint(1, 2)):
            s += self.pick([" for ", " async for "]) + self.targets(d, for_=True)
            s += " in " + self.expr(d, 1)
            for _ in range(self.r.randint(0, 2)):
                s += " if " + (self.walrus(d) if self.chance(0.3) else self.expr(d, 1))
        return s

    def comprehension(self, d):
        k = self.r.randint(0, 3)
        elt = self.named(d) if self.chance(0.8) else self.expr(d)
        if k == 0:
            return "[" + elt + self.comp_for(d) + "]"
        if k == 1:
            return "{" + elt + self.comp_for(d) + "}"
        if k == 2:
            return "{" + self.expr(d) + ": " + self.expr(d) + self.comp_for(d) + "}"
        return "(" + elt + self.comp_for(d) + ")"

    def call_args(self, d):
        if self.chance(0.1):
            return self.expr(d) + self.comp_for(d)
        args = []
        for _ in range(self.r.randint(0, 4)):
            k = self.r.random()
            if k < 0.35:
                args.append(self.expr(d))
            elif k < 0.45:
                args.append("*" + self.expr(d))
            elif k < 0.55:
                args.append("**" + self.expr(d))
            elif k < 0.65:
                args.append(self.walrus(d))
            else:
                args.append(self.pick(NAMES[:8] + ["match", "case"]) + "=" + self.expr(d))
        s = ", ".join(args)
        if args and self.chance(0.2):
            s += ","
        return s

    def slice_item(self, d):
        k = self.r.random()
        o = lambda: self.expr(d) if self.chance(0.6) else ""
        if k < 0.3:
            return self.expr(d)
        if k < 0.4:
            return "*" + self.expr(d, 5)
        if k < 0.5:
            return self.walrus(d)
        s = o() + ":" + o()
        if self.chance(0.5):
            s += ":" + o()
        return s

    def slices(self, d):
        n = self.r.randint(1, 3)
        s = ", ".join(self.slice_item(d) for _ in range(n))
        if self.chance(0.1):
            s += ","
        return s

    def params(self, d, lam):
        ps = []
        def one(nm):
            if not lam and self.chance(0.3):
                return nm + ": " + self.expr(d)
            return nm
        names = iter(["a", "b", "c", "d", "e", "k", "m", "n", "p", "q"])
        npos = self.r.randint(0, 3)
        defaults = False
        for i in range(npos):
            p = one(next(names))
            if defaults or self.chance(0.3):
                p += "=" + self.expr(d)
                defaults = True
            ps.append(p)
        if npos and self.chance(0.25):
            ps.append("/")
        k = self.r.random()
        if k < 0.3:
            ps.append("*" + one(next(names)))
        elif k < 0.45:
            ps.append("*")
            ps.append(one(next(names)) + ("=" + self.expr(d) if self.chance(0.5) else ""))
        if ps and ps[-1] == "*" or self.chance(0.2):
            if ps and ps[-1] == "*":
                ps.append(one(next(names)))
            ps.append(one(next(names)) + ("=" + self.expr(d) if self.chance(0.3) else "")) if self.chance(0.3) and "*" in "".join(ps) else None
            if self.chance(0.5):
                ps.append("**" + one(next(names)))
        s = ", ".join(ps)
        if lam:
            return (" " + s) if s else ""
        return s

    # -- targets
    def target(self, d, star_ok=True):
        k = self.r.random()
        if k < 0.45:
            return self.pick(NAMES)
        if k < 0.6:
            return self.expr(d, 14) + "." + self.name()
        if k < 0.75:
            return self.expr(d, 14) + "[" + self.slices(d) + "]"
        if k < 0.85:
            return "(" + self.targets(d) + ")"
        if k < 0.92:
            return "[" + self.targets(d) + "]"
        if star_ok:
            return "*" + self.pick(NAMES)
        return self.name()

    def targets(self, d, for_=False):
        n = self.r.randint(1, 3)
        s = ", ".join(self.target(max(d - 1, 0)) for _ in range(n))
        if n == 1 and self.chance(0.15):
            s += ","
        return s

    def star_exprs(self, d):
        n = self.r.randint(1, 3)
        s = ", ".join(self.star_item(d) if self.chance(0.3) else self.expr(d)
                      for _ in range(n))
        if self.chance(0.1):
            s += ","
        return s

    # -- patterns
    def pattern(self, d, top=False):
        k = self.r.random()
        if d <= 0 or k < 0.3:
            return self.closed_pattern(0)
        if k < 0.45:
            return " | ".join(self.closed_pattern(d - 1) for _ in range(self.r.randint(2, 3)))
        if k < 0.55:
            return self.closed_pattern(d - 1) + " as " + self.pick(["x", "y", "rest"])
        return self.closed_pattern(d - 1)

    def closed_pattern(self, d):
        k = self.r.random()
        simple = ["1", "-1", "1.5", "-2j", "1+2j", "-1-0j", "'s'", "b'b'",
                  "'a' 'b'", "f'x'", "None", "True", "False", "x", "_",
                  "Color.RED", "a.b.c", "0x1f"]
        if d <= 0 or k < 0.4:
            return self.pick(simple)
        if k < 0.55:
            items = [self.pattern(d - 1) if not self.chance(0.2) else "*" + self.pick(["x", "_", "rest"])
                     for _ in range(self.r.randint(0, 3))]
            o, c = self.pick([("[", "]"), ("(", ")")])
            s = ", ".join(items)
            if len(items) == 1 and o == "(" and self.chance(0.5):
                s += ","
            return o + s + c
        if k < 0.7:
            items = [self.pick(["'k'", "1", "-1", "None", "a.b", "True"]) + ": " + self.pattern(d - 1)
                     for _ in range(self.r.randint(0, 2))]
            if self.chance(0.3):
                items.append("**" + self.pick(["rest", "kw", "_"]))
            return "{" + ", ".join(items) + "}"
        if k < 0.85:
            args = [self.pattern(d - 1) for _ in range(self.r.randint(0, 2))]
            args += [self.pick(["x", "y", "attr"]) + "=" + self.pattern(d - 1)
                     for _ in range(self.r.randint(0, 2))]
            return self.pick(["Point", "a.B", "int", "str"]) + "(" + ", ".join(args) + ")"
        return "(" + self.pattern(d - 1) + ")"

    def patterns(self, d):
        if self.chance(0.2):
            return ", ".join(self.pattern(d) if not self.chance(0.2) else "*rest"
                             for _ in range(self.r.randint(1, 3)))
        return self.pattern(d)

    # -- statements
    def simple(self, d):
        k = self.r.randint(0, 19)
        e = self.expr
        if k == 0:
            return self.star_exprs(d)
        if k in (1, 2):
            s = self.targets(d) + " = "
            if self.chance(0.2):
                s += self.targets(d) + " = "
            return s + (self.star_exprs(d) if self.chance(0.85) else "yield " + self.expr(d))
        if k == 3:
            return self.target(d, False) + " " + self.pick(
                ["+=", "-=", "*=", "@=", "/=", "//=", "%=", "&=", "|=", "^=",
                 "<<=", ">>=", "**="]) + " " + self.star_exprs(d)
        if k == 4:
            s = self.target(d, False) + ": " + e(d)
            if self.chance(0.6):
                s += " = " + self.star_exprs(d)
            return s
        if k == 5:
            return "del " + ", ".join(self.target(d, False) for _ in range(self.r.randint(1, 3)))
        if k == 6:
            return self.pick(["return", "return " + self.star_exprs(d)])
        if k == 7:
            return self.pick(["raise", "raise " + e(d), "raise " + e(d) + " from " + e(d)])
        if k == 8:
            return "assert " + e(d) + self.pick(["", ", " + e(d)])
        if k == 9:
            return self.pick(["global", "nonlocal"]) + " " + ", ".join(
                self.pick(NAMES) for _ in range(self.r.randint(1, 3)))
        if k == 10:
            return self.pick(["pass", "break", "continue"])
        if k == 11:
            return self.pick(["import a", "import a.b as c, d", "from . import x",
                              "from .. a import (b, c,)", "from a.b import *",
                              "from ...x import y as z", "import match, case",
                              "from .... import a"])
        if k == 12:
            return "yield " + self.pick(["", self.star_exprs(d), "from " + e(d)])
        if k == 13:
            return self.pick(NAMES) + " = " + self.walrus_paren(d)
        if k == 14:
            return self.pick(["match", "case", "_"]) + self.pick(
                [" = 1", "(x)", "[x]", ".a", " + 1", "(x).y = z", "[1:2] = y", ", b = c"])
        return self.star_exprs(d) if self.chance(0.5) else self.targets(d) + " = " + e(d)

    def simple_line(self, d):
        n = 1 if self.chance(0.8) else self.r.randint(2, 3)
        s = "; ".join(self.simple(d) for _ in range(n))
        if self.chance(0.1):
            s += ";"
        return s

    def block(self, d, ind):
        if self.chance(0.15):
            return " " + self.simple_line(d) + "\n"
        out = "\n"
        for _ in range(self.r.randint(1, 2)):
            out += self.stmt(d - 1, ind + "    ")
        return out

    def stmt(self, d, ind=""):
        if d <= 0 or self.chance(0.45):
            return ind + self.simple_line(max(d, 1)) + "\n"
        k = self.r.randint(0, 10)
        e = self.expr
        B = lambda: self.block(d, ind)
        if k == 0:
            s = ind + "if " + self.named(d - 1) + ":" + B()
            for _ in range(self.r.randint(0, 2)):
                s += ind + "elif " + self.named(d - 1) + ":" + B()
            if self.chance(0.4):
                s += ind + "else:" + B()
            return s
        if k == 1:
            s = ind + "while " + self.named(d - 1) + ":" + B()
            if self.chance(0.2):
                s += ind + "else:" + B()
            return s
        if k == 2:
            s = ind + self.pick(["for ", "async for "]) + self.targets(d - 1) + " in " + \
                self.star_exprs(d - 1) + ":" + B()
            if self.chance(0.2):
                s += ind + "else:" + B()
            return s
        if k == 3:
            items = []
            for _ in range(self.r.randint(1, 3)):
                it = e(d - 1)
                if self.chance(0.5):
                    it += " as " + self.target(d - 1, False)
                items.append(it)
            head = ", ".join(items)
            if self.chance(0.4):
                head = "(" + head + self.pick(["", ","]) + ")"
            return ind + self.pick(["with ", "async with "]) + head + ":" + B()
        if k == 4:
            s = ind + "try:" + B()
            star = self.chance(0.3)
            kw = "except*" if star else "except"
            nh = self.r.randint(0 if not star else 1, 2)
            for i in range(nh):
                h = kw
                if star or self.chance(0.8):
                    h += " " + self.pick([e(d - 1), "(A, B)", "A", "A.B"])
                    if self.chance(0.4):
                        h += " as " + self.pick(["err", "e"])
                s += ind + h + ":" + B()
            if nh and self.chance(0.3):
                s += ind + "else:" + B()
            if not nh or self.chance(0.3):
                s += ind + "finally:" + B()
            return s
        if k in (5, 6):
            s = ""
            for _ in range(self.r.randint(0, 2)):
                s += ind + "@" + self.pick([self.name(), e(d - 1), self.walrus(d - 1),
                                            "a.b(c)", "x[0].y"]) + "\n"
            if k == 5:
                s += ind + self.pick(["def ", "async def "]) + self.pick(["f", "match", "_"]) + \
                    "(" + self.params(d - 1, False) + ")" + \
                    self.pick(["", " -> " + e(d - 1)]) + ":" + B()
            else:
                s += ind + "class " + self.pick(["C", "match"]) + \
                    self.pick(["", "()", "(" + self.call_args(d - 1) + ")"]) + ":" + B()
            return s
        if k == 7:
            subj = self.pick([e(d - 1), self.star_exprs(d - 1), "x", "*a, b",
                              self.walrus(d - 1)])
            s = ind + "match " + subj + ":\n"
            for _ in range(self.r.randint(1, 3)):
                s += ind + "    case " + self.patterns(d)
                if self.chance(0.25):
                    s += " if " + self.named(d - 1)
                s += ":" + self.block(d, ind + "    ")
            return s
        if k == 8:
            return ind + self.simple(d) + " \\\n" + ind + "    " + "\n" if False else \
                ind + "x = (" + e(d - 1) + " +\n" + ind + "  " + e(d - 1) + ")\n"
        if k == 9:
            return ind + "x = " + e(d - 1) + " \\\n" + ind + "  + " + e(d - 1) + "\n"
        return ind + self.simple_line(d) + "\n"

    def program(self):
        d = self.r.randint(1, 4)
        if self.chance(0.5):
            return self.expr(d) + "\n"
        return "".join(self.stmt(d) for _ in range(self.r.randint(1, 3)))


# ---- mutations ------------------------------------------------------------

INSERTS = ["(", ")", "[", "]", "{", "}", ",", ":", "=", ":=", "*", "**", ".",
           "lambda", "if", "else", "not", "in", "is", "for", "async", "await",
           "yield", "import", "as", "from", "->", "@", ";", "\n", "    ",
           "'", '"', "f'{", "}", "\\", "1", "x", "del", "return", "match",
           "case", "_", "|", "!", "$", "?", "0b", "except*", "\t", "\n  x"]


def mutate(rng, src):
    try:
        toks = [t for t in tokenize.generate_tokens(io.StringIO(src).readline)
                if t.type not in (tokenize.ENDMARKER, tokenize.DEDENT,
                                  tokenize.INDENT)]
    except (tokenize.TokenError, SyntaxError, IndentationError):
        toks = []
    lines = src.splitlines(keepends=True)
    starts = [0]
    for l in lines:
        starts.append(starts[-1] + len(l))
    def off(pos):
        r, c = pos
        return starts[r - 1] + c if r - 1 < len(starts) else len(src)
    spans = [(off(t.start), off(t.end)) for t in toks if t.end > t.start]
    if not spans:
        i = rng.randrange(len(src) + 1)
        return src[:i] + rng.choice(INSERTS) + src[i:]
    for _ in range(rng.randint(1, 2)):
        if not spans:
            break
        a, b = rng.choice(spans)
        k = rng.random()
        if k < 0.3:
            src = src[:a] + src[b:]
        elif k < 0.6:
            src = src[:a] + rng.choice(INSERTS) + " " * rng.randint(0, 1) + src[a:]
        elif k < 0.75:
            src = src[:a] + rng.choice(INSERTS) + src[b:]
        elif k < 0.85:
            src = src[:b] + src[a:b] + src[b:]
        else:
            src = src[:a]
        spans = [(x, y) for (x, y) in spans if y <= len(src)]
    return src


# ---- running both sides ---------------------------------------------------

def ref_bin(src_bytes):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            t = ast.parse(src_bytes)
        return "OK " + ast.dump(t, include_attributes=True)
    except SyntaxError as e:
        return "ERR %s|%s|%s|%s|%s|%s" % (type(e).__name__, e.msg, e.lineno,
                                         e.offset, e.end_lineno, e.end_offset)
    except (ValueError, MemoryError, RecursionError) as e:
        return "ERR %s|%s|%s|%s|%s|%s" % (type(e).__name__, str(e), 0, 0, 0, 0)


# Shared by both interpreters: a neutral rendering of the tree and of the
# error, so that the comparison does not depend on the ast module.
CANON = r'''
import _ast
def canon(n):
    if isinstance(n, _ast.AST):
        return "(" + type(n).__name__ + " " + " ".join(
            f + "=" + canon(getattr(n, f, "<unset>"))
            for f in n._fields + n._attributes) + ")"
    if isinstance(n, list):
        return "[" + ", ".join(canon(x) for x in n) + "]"
    return repr(n)
def run_one(src):
    try:
        t = compile(src, "<case>", "exec", _ast.PyCF_ONLY_AST)
        return "OK " + canon(t)
    except SyntaxError as e:
        return "ERR %s|%s|%r|%r|%r|%r|%r" % (type(e).__name__, e.msg, e.lineno,
            e.offset, e.end_lineno, e.end_offset, e.text)
    except (ValueError, MemoryError, RecursionError) as e:
        return "ERR %s|%s" % (type(e).__name__, e)
'''
DRIVER = CANON + r'''
import sys
data = sys.stdin.buffer.read().decode("utf-8", "surrogatepass")
for src in data.split("\x1e"):
    r = run_one(src)
    sys.stdout.write(r.replace("\n", "\\n") + "\n")
'''
ns = {}
exec(CANON, ns)


def run_bin(astdump, srcs, tmp):
    paths = []
    for i, s in enumerate(srcs):
        pth = os.path.join(tmp, "c%05d.py" % i)
        with open(pth, "wb") as f:
            f.write(s.encode("utf-8", "surrogatepass"))
        paths.append(pth)
    lst = os.path.join(tmp, "list.txt")
    with open(lst, "w") as f:
        f.write("\n".join(paths) + "\n")
    out = subprocess.run([astdump, "-e", "-l", lst], capture_output=True,
                         timeout=600).stdout.decode("utf-8", "surrogateescape")
    res = out.split("\n")
    if len(res) < len(srcs) + 1:
        # a crash: redo the rest one by one to find the culprit
        res = res[:-1]
        for pth in paths[len(res):]:
            p = subprocess.run([astdump, "-e", pth], capture_output=True,
                               timeout=60)
            r = p.stdout.decode("utf-8", "surrogateescape").strip()
            res.append(r if p.returncode == 0 else "CRASH rc=%d" % p.returncode)
    return res


def run_krait(krait, srcs):
    data = "\x1e".join(srcs).encode("utf-8", "surrogatepass")
    p = subprocess.run([krait, "-c", DRIVER], input=data, capture_output=True,
                       timeout=600)
    res = p.stdout.decode("utf-8", "surrogateescape").split("\n")
    if len(res) < len(srcs) + 1:
        res = res[:-1]
        for s in srcs[len(res):]:
            p = subprocess.run([krait, "-c", DRIVER], capture_output=True,
                               input=s.encode("utf-8", "surrogatepass"),
                               timeout=60)
            out = p.stdout.decode("utf-8", "surrogateescape").strip()
            res.append(out if p.returncode == 0 else "CRASH rc=%d" % p.returncode)
    return res


def main():
    args = sys.argv[1:]
    def opt(name, default):
        if name in args:
            i = args.index(name)
            v = args[i + 1]
            del args[i:i + 2]
            return v
        return default
    n = int(opt("-n", "2000"))
    seed = int(opt("--seed", "1"))
    krait = opt("--krait", None)
    show = int(opt("--show", "10"))
    keep = opt("--keep", None)
    astdump = args[0]
    rng = random.Random(seed)
    g = Gen(rng)
    srcs = []
    for i in range(n):
        s = g.program()
        if i % 2:
            s = mutate(rng, s)
        if "\x00" in s or "\x1e" in s:
            s = "x\n"
        srcs.append(s)
    bad = []
    nvalid = 0
    with tempfile.TemporaryDirectory() as tmp:
        for chunk in range(0, n, 2000):
            part = srcs[chunk:chunk + 2000]
            mine = run_bin(astdump, part, tmp)
            for s, m in zip(part, mine):
                r = ref_bin(s.encode("utf-8", "surrogatepass"))
                nvalid += r.startswith("OK")
                if m != r:
                    bad.append((s, m, r, "bin"))
            if krait:
                kmine = run_krait(krait, part)
                for s, m in zip(part, kmine):
                    r = ns["run_one"](s).replace("\n", "\\n")
                    if m != r:
                        bad.append((s, m, r, "krait"))
    # differences on valid code first, then by size
    bad.sort(key=lambda b: (not (b[1].startswith("OK") or b[2].startswith("OK")),
                            len(b[0])))
    for s, m, r, where in bad[:show]:
        print("MISMATCH (%s) %r" % (where, s))
        k = 0
        if m.startswith("OK") and r.startswith("OK"):
            while k < min(len(m), len(r)) and m[k] == r[k]:
                k += 1
            k = max(0, k - 150)
        print("  krait: ", m[k:k + 300])
        print("  python:", r[k:k + 300])
    if keep:
        os.makedirs(keep, exist_ok=True)
        for i, (s, m, r, where) in enumerate(bad):
            with open(os.path.join(keep, "m%04d.py" % i), "w",
                      encoding="utf-8", errors="surrogatepass") as f:
                f.write(s)
    accept = sum(1 for b in bad if b[1].startswith("OK") or b[2].startswith("OK"))
    print("%d cases (%d valid for CPython), %d mismatches (%d where either "
          "side accepts, %d in error details)" % (n, nvalid, len(bad), accept,
                                                   len(bad) - accept))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
