# Structural pattern matching, including MATCH_CLASS's exact TypeErrors.

class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y

class NoArgs:
    def __init__(self):
        self.a = 1

def describe(v):
    match v:
        case 0 | 1:
            return "small int"
        case True:
            return "unreachable"
        case None:
            return "none"
        case str() as s if len(s) > 3:
            return "long str " + s
        case str(s):
            return "str " + s
        case [x, y, *rest]:
            return f"seq {x} {y} rest={rest}"
        case [x]:
            return f"one {x}"
        case []:
            return "empty seq"
        case {"k": val, **others}:
            return f"map k={val} others={sorted(others)}"
        case {}:
            return "mapping"
        case Point(x=0, y=0):
            return "origin"
        case Point(0, y):
            return f"on y axis {y}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Point(x, y):
            return f"point {x},{y}"
        case float() | complex():
            return "number"
        case int(n):
            return f"int {n}"
        case _:
            return "other " + type(v).__name__

for v in [0, 1, None, "hello", "hi", [1, 2, 3, 4], [9], [], (5, 6),
          {"k": 1, "z": 2, "a": 3}, {"q": 1}, Point(0, 0), Point(0, 5),
          Point(3, 3), Point(1, 2), 2.5, 1j, 42, b"x", {1, 2}, range(2)]:
    print(repr(v) if not isinstance(v, Point) else "Point", "->", describe(v))

# value patterns and guards
class Color:
    RED = "r"
    GREEN = "g"
for c in ["r", "g", "b"]:
    match c:
        case Color.RED:
            print("red")
        case Color.GREEN:
            print("green")
        case other:
            print("other", other)

# MATCH_CLASS errors
def try_match(v, f):
    try:
        print(f(v))
    except TypeError as e:
        print("TypeError:", e)

def too_many(v):
    match v:
        case Point(1, 2, 3):
            return "no"
    return "no match"
try_match(Point(1, 2), too_many)

def no_match_args(v):
    match v:
        case NoArgs(1):
            return "no"
    return "no match"
try_match(NoArgs(), no_match_args)

def dup_attr(v):
    match v:
        case Point(1, x=1):
            return "no"
    return "no match"
try_match(Point(1, 2), dup_attr)

class BadArgs:
    __match_args__ = ["a"]
def bad_match_args(v):
    match v:
        case BadArgs(1):
            return "no"
    return "no match"
try_match(BadArgs(), bad_match_args)

class BadArgs2:
    __match_args__ = (1,)
def bad_match_args2(v):
    match v:
        case BadArgs2(1):
            return "no"
    return "no match"
try_match(BadArgs2(), bad_match_args2)

notatype = 5
def not_type(v):
    match v:
        case notatype():
            return "no"
    return "no match"
try_match(1, not_type)

# self-matching builtins
for v in [5, "s", 2.0, b"b", [1], (1,), {1: 2}, {3}, frozenset(), True]:
    match v:
        case bool(x):
            print("bool", x)
        case int(x):
            print("int", x)
        case str(x) | bytes(x):
            print("text", x)
        case float(x):
            print("float", x)
        case list(x) | tuple(x):
            print("seq", x)
        case dict(x):
            print("dict", x)
        case set(x) | frozenset(x):
            print("set", x)

# mapping pattern duplicate keys are a syntax error; missing keys just fail
match {"a": 1}:
    case {"a": 1, "b": 2}:
        print("no")
    case {"a": x}:
        print("a is", x)

# sequence patterns don't match str/bytes
match "ab":
    case [a, b]:
        print("seq")
    case _:
        print("str is not a sequence here")

# star patterns
match [1, 2, 3, 4, 5]:
    case [first, *middle, last]:
        print(first, middle, last)

match (1, (2, 3)):
    case (a, (b, c)) if a < b < c:
        print("nested", a, b, c)

# walrus-like capture with as
match [1, [2, 3]]:
    case [1, [2, _] as inner]:
        print("inner", inner)
