# an exception escaping while tracing, and a trace function that raises
# with nobody to catch it: the traceback shows both frames
import sys

def show(frame, event, arg):
    co = frame.f_code
    if event == 'exception':
        arg = (arg[0].__name__, str(arg[1]))
    elif event == 'call' or not isinstance(arg, (int, str, type(None))):
        arg = None
    print(f"{event:9} {co.co_name:10} {frame.f_lineno - co.co_firstlineno:3} {arg!r}")
    if co.co_name == 'victim' and event == 'line' and frame.f_lineno - co.co_firstlineno == 2:
        raise LookupError('from the trace function')
    return show

def inner():
    raise OSError('inner failed')

def outer():
    try:
        inner()
    finally:
        print('finally')

def victim():
    a = 1
    b = 2
    return a + b

sys.settrace(show)
try:
    outer()
except OSError as e:
    print('caught', e)
victim()
