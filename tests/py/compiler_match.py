# match statements: literal, capture, wildcard, value, sequence (with
# star), mapping (with **rest), class (positional and keyword, with
# __match_args__), or-patterns, as-patterns, guards, singletons.
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return f"Point(x={self.x}, y={self.y})"

class Vec:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return f"Vec({self.x}, {self.y})"

class Color:
    RED = "red"
    GREEN = "green"

def describe(v):
    match v:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case -1:
            return "minus one"
        case 1.5 | 2j:
            return "odd number"
        case "hello":
            return "greeting"
        case None:
            return "none"
        case True:
            return "true"
        case Color.RED:
            return "red!"
        case []:
            return "empty list"
        case [x]:
            return f"one item {x}"
        case [1, 2, *rest]:
            return f"starts 1,2 rest={rest}"
        case [first, *_, last] if first == last:
            return f"same ends {first}"
        case (a, b, c):
            return f"triple {a} {b} {c}"
        case {"type": "circle", "r": r}:
            return f"circle {r}"
        case {"type": t, **others}:
            return f"typed {t} {sorted(others)}"
        case Point(x=0, y=0):
            return "origin"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Vec(x, y=0):
            return f"vec on x axis {x}"
        case Vec(x=vx, y=vy) as vec:
            return f"vec {vx},{vy} {type(vec).__name__}"
        case str() as s:
            return f"string {s!r}"
        case int(n) if n > 100:
            return f"big {n}"
        case {**kw} if not kw:
            return "empty dict"
        case _:
            return "other"

tests = [0, 2, -1, 1.5, 2j, "hello", None, True, "red", [], [9], [1, 2, 3, 4],
         [5, 6, 5], (7, 8, 9), {"type": "circle", "r": 2},
         {"type": "sq", "w": 1, "h": 2}, Point(0, 0), Point(3, 3), Point(1, 2),
         Vec(4, 0), Vec(1, 2), "text", 1000, {}, 55, [1, 2]]
for t in tests:
    print(repr(t), "->", describe(t))

def nested(v):
    match v:
        case [("a" | "b") as letter, [int(), *_] as inner]:
            return letter, inner
        case {"k": [_, {"deep": d}]}:
            return "deep", d
    return "nomatch"

print(nested(["a", [1, 2]]), nested({"k": [0, {"deep": 5}]}), nested(["c", [1]]))

match 42:
    case x:
        print("bound", x)

cmd = "go north"
match cmd.split():
    case ["go", direction]:
        print("going", direction)
    case _:
        print("?")

def seqs(v):
    match v:
        case [*_]:
            return "any sequence"
    return "not a sequence"

print(seqs("abc"), seqs([1]), seqs((1,)), seqs({1}))
