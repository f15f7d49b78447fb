# frame.f_trace, f_trace_lines, f_trace_opcodes, local trace functions,
# f_locals write-back, trace functions that raise, sys.call_tracing
import sys

def fmt(frame, event, arg):
    co = frame.f_code
    if event == 'exception':
        arg = (arg[0].__name__, str(arg[1]))
    elif event == 'call' or not isinstance(arg, (int, str, type(None))):
        arg = type(arg).__name__ if event != 'call' else None
    return f"{event:9} {co.co_name:10} {frame.f_lineno - co.co_firstlineno:3} {arg!r}"

def target(n):
    a = n
    b = a * 2
    return a + b

def other():
    return target(1)

# 1. the global function traces only 'call'; the local one sees the rest
def global_only(frame, event, arg):
    print('G', fmt(frame, event, arg))
    if frame.f_code.co_name == 'target':
        return local
    return None

def local(frame, event, arg):
    print('L', fmt(frame, event, arg))
    return local

sys.settrace(global_only)
other()
sys.settrace(None)

# 2. f_trace_lines = False: no 'line' events, but returns still
def no_lines(frame, event, arg):
    print(fmt(frame, event, arg))
    if event == 'call':
        frame.f_trace_lines = False
    return no_lines

sys.settrace(no_lines)
target(2)
sys.settrace(None)

# 3. f_trace_opcodes: count events only (offsets are Krait's own)
counts = {}
def opcodes(frame, event, arg):
    if frame.f_code.co_name == 'target':
        if event == 'call':
            frame.f_trace_opcodes = True
        counts[event] = counts.get(event, 0) + 1
    return opcodes

sys.settrace(opcodes)
target(3)
sys.settrace(None)
print(sorted(k for k in counts), counts['line'], counts['call'], counts['return'], counts['opcode'] > 3)

# 4. changing a local from the trace function
def changer(frame, event, arg):
    if frame.f_code.co_name == 'target' and event == 'line':
        if frame.f_lineno - frame.f_code.co_firstlineno == 2:
            frame.f_locals['a'] = 100
    return changer

sys.settrace(changer)
print('changed', target(1))
sys.settrace(None)

# 5. changing a cell variable
def with_cell():
    x = 1
    def inner():
        return x
    y = 0
    return inner()

def cell_changer(frame, event, arg):
    if frame.f_code.co_name == 'with_cell' and event == 'line':
        if frame.f_lineno - frame.f_code.co_firstlineno == 4:
            frame.f_locals['x'] = 42
    return cell_changer

sys.settrace(cell_changer)
print('cell', with_cell())
sys.settrace(None)

# 6. f_locals seen by the trace function
def peek(frame, event, arg):
    if frame.f_code.co_name == 'target':
        print(event, sorted(frame.f_locals.items()))
    return peek

sys.settrace(peek)
target(5)
sys.settrace(None)

# 7. a trace function that raises: the hook is removed, the error propagates
def bad(frame, event, arg):
    if event == 'line' and frame.f_code.co_name == 'target':
        raise RuntimeError('trace failed')
    return bad

sys.settrace(bad)
try:
    target(1)
except RuntimeError as e:
    print('raised', e, sys.gettrace())
sys.settrace(None)

# 8. a local trace function that raises on 'return'
def bad_ret(frame, event, arg):
    if event == 'return' and frame.f_code.co_name == 'target':
        raise ValueError('on return')
    return bad_ret

sys.settrace(bad_ret)
try:
    other()
except ValueError as e:
    print('raised', e, sys.gettrace())
sys.settrace(None)

# 9. setting f_trace of the current frame, then settrace (pdb's way)
def here(frame, event, arg):
    print('H', fmt(frame, event, arg))
    return here

def pdb_like():
    sys._getframe().f_trace = here
    sys.settrace(here)
    x = 1
    y = x + 1
    sys.settrace(None)
    return y

pdb_like()

# 10. events are not reported inside the trace function itself
def inside(frame, event, arg):
    target(0)
    print('I', fmt(frame, event, arg))
    return inside

sys.settrace(inside)
other()
sys.settrace(None)

# 11. sys.call_tracing traces even from inside a trace function
def calls(frame, event, arg):
    if frame.f_code.co_name == 'calls_me':
        print('C', fmt(frame, event, arg))
        return calls
    if event == 'call' and frame.f_code.co_name == 'target':
        sys.call_tracing(calls_me, (1,))
    return None

def calls_me(v):
    return v

sys.settrace(calls)
target(1)
sys.settrace(None)

# 12. f_trace attribute values
def noop(frame, event, arg):
    return noop
f = sys._getframe()
print(f.f_trace, f.f_trace_lines, f.f_trace_opcodes)
f.f_trace = noop
print(f.f_trace is noop)
f.f_trace = None
print(f.f_trace)
try:
    f.f_trace_lines = 1
except TypeError as e:
    print('TypeError', e)
print('end')
