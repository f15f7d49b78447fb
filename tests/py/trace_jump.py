# Assigning frame.f_lineno from a trace function (the debugger's jump):
# allowed moves, the stack checks, and CPython 3.11's error messages
import sys

class Jumper:
    """Jumps from relative line `frm` to relative line `to` of `func`, once."""
    def __init__(self, func, frm, to, event='line'):
        self.code = func.__code__
        self.frm, self.to, self.event = frm, to, event
        self.done = False

    def trace(self, frame, event, arg):
        if frame.f_code is not self.code:
            return None
        rel = frame.f_lineno - self.code.co_firstlineno
        if not self.done and event == self.event and (self.frm is None or rel == self.frm):
            self.done = True
            target = self.to if not isinstance(self.to, int) else self.to + self.code.co_firstlineno
            try:
                frame.f_lineno = target
                print('  jumped', rel, '->', self.to)
            except (ValueError, AttributeError) as e:
                print('  ', type(e).__name__, str(e).replace(str(self.code.co_firstlineno), 'FIRST'))
        return self.trace

def run(func, frm, to, event='line'):
    j = Jumper(func, frm, to, event)
    sys.settrace(j.trace)
    try:
        r = func()
    except Exception as e:
        r = f'{type(e).__name__}: {e}'
    sys.settrace(None)
    print(func.__name__, frm, to, event, '->', r)

def skip():
    out = [1]
    out.append(2)
    out.append(3)
    return out

def again():
    out = []
    out.append(1)
    out.append(2)
    return out

def loop_exit():
    out = []
    for i in range(3):
        out.append(i)
    out.append('after')
    return out

def into_loop():
    out = []
    out.append('before')
    for i in range(2):
        out.append(i)
    return out

def try_block():
    out = []
    try:
        out.append(1)
        raise ValueError
    except ValueError:
        out.append('handled')
    out.append('end')
    return out

def in_handler():
    out = []
    try:
        raise KeyError
    except KeyError:
        out.append('in')
        out.append('more')
    out.append('end')
    return out

class CM:
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        return False

def with_block():
    out = []
    with CM():
        out.append(1)
        out.append(2)
    out.append(3)
    return out

def nested_loops():
    out = []
    for a in range(2):
        for b in range(2):
            out.append((a, b))
    out.append('done')
    return out

run(skip, 2, 4)
run(skip, 3, 1)
run(again, 3, 2)
run(loop_exit, 3, 4)
run(loop_exit, 1, 3)
run(into_loop, 2, 4)
run(try_block, 3, 6)
run(try_block, 2, 6)
run(in_handler, 5, 7)
run(in_handler, 5, 2)
run(with_block, 4, 6)
run(with_block, 2, 5)
run(nested_loops, 4, 5)
run(nested_loops, 4, 2)
run(skip, 2, -5)
run(skip, 2, 100)
run(skip, 2, 'x')
run(skip, 2, 2.0)
run(skip, None, 3, 'call')
run(skip, None, 3, 'return')
run(try_block, None, 6, 'exception')

# not from a trace function
def plain():
    f = sys._getframe()
    try:
        f.f_lineno = f.f_lineno + 1
    except ValueError as e:
        print('plain', e)
    try:
        del f.f_lineno
    except AttributeError as e:
        print('del', e)
plain()
