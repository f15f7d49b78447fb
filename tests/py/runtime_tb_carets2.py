# more caret cases: parentheses, unicode text, multi-line calls, tabs
import sys
def run(f):
    try:
        f()
    except Exception as e:
        sys.excepthook(type(e), e, e.__traceback__)

zero = 0
d = {"ключ": {"x": 1}}
def parens():
    return (zero + 1) / (zero)
def power():
    return 2 ** "x"
def compare():
    return zero < "a"
def unicode_line():
    return d["ключ"]["y"]
def multiline_call():
    return int(
        "not a number",
    )
def chained_sub():
    m = [[1]]
    return m[0][1]
def method_on_result():
    return "abc".split(",")[1].upper()
def augmented():
    x = 1
    x += "s"
def matmul():
    return zero @ zero
def tabbed():
	return 1 / zero
def unary():
    return -"s"
def nested_call():
    return str(int("q"))
def shift():
    return zero << "a"
for f in [parens, power, compare, unicode_line, multiline_call, chained_sub,
          method_on_result, augmented, matmul, tabbed, unary, nested_call, shift]:
    run(f)
