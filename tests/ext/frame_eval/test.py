import sys
import frame_eval as fe

# PyEval_EvalFrame on module-style code with its own locals
g = {'__builtins__': __builtins__, 'base': 10}
loc = {}
code = compile("x = base + 1\ny = [i * 2 for i in range(3)]\n", "<fe>", "exec")
print(fe.eval_code(code, g, loc), sorted(loc.items()))

# an expression's value comes back
print(fe.eval_code(compile("base * 3", "<fe>", "eval"), g, {}))

# locals default to the globals for module code
g2 = {'__builtins__': __builtins__}
fe.eval_code(compile("z = 5", "<fe>", "exec"), g2, g2)
print(g2['z'])

# errors propagate
try:
    fe.eval_code(compile("1 / 0", "<fe>", "exec"), g, {})
except ZeroDivisionError as e:
    print('ZeroDivisionError', e)

# throwflag: the frame starts by raising the pending exception
body = compile("try:\n    pass\nexcept KeyError:\n    pass\n", "<fe>", "exec")
try:
    fe.eval_throw(body, g, KeyError('thrown'))
except KeyError as e:
    print('KeyError', e)

# generators from frames
def counter():
    yield 1
    yield 2
    return 3

gen = fe.make_gen(counter.__code__, globals())
print(type(gen).__name__, gen.__name__, gen.__qualname__, list(gen))
gen = fe.make_gen(counter.__code__, globals(), 'renamed', 'Some.renamed')
print(gen.__name__, gen.__qualname__, next(gen), next(gen))
try:
    next(gen)
except StopIteration as e:
    print('StopIteration', e.value)

# C-level trace and profile hooks
def work(n):
    total = 0
    for i in range(n):
        total += i
    return len([total])

log = []
fe.set_trace(log)
work(2)
fe.set_trace(None)
for entry in log:
    print(entry)
print(sys.gettrace())

log = []
fe.set_profile(log)
work(1)
fe.set_profile(None)
for entry in log:
    print(entry)

def victim():
    a = 1
    return a

def run_failing():
    flag = []
    fe.set_failing_trace(flag)
    victim()
    return flag

try:
    run_failing()
except RuntimeError as e:
    fe.set_trace(None)
    print('RuntimeError', e)
fe.set_trace(None)
print('end')
