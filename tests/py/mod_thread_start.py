# _thread.start_new_thread, thread identity, _local, exit, stack_size,
# _set_sentinel, _excepthook and _ExceptHookArgs, interrupt_main.
import _thread
import sys
import time


def attempt(label, f, *args, **kw):
    try:
        print(label, f(*args, **kw))
    except BaseException as e:
        print(label, type(e).__name__, e)


class Capture:
    """A stand-in sys.stderr that signals when a report is complete."""

    def __init__(self, last_line):
        self.text = ''
        self.last_line = last_line
        self.done = _thread.allocate_lock()
        self.done.acquire()

    def write(self, s):
        self.text += s
        if self.last_line in self.text:
            self.done.release()
            self.last_line = '\0never'
        return len(s)

    def flush(self):
        pass


main_ident = _thread.get_ident()
print(type(main_ident), main_ident == _thread.get_ident(), type(_thread.get_native_id()))

# results collected under a lock, one thread after another
lock = _thread.allocate_lock()
results = []
done = _thread.allocate_lock()


def worker(n, *, scale=1):
    with lock:
        results.append((n * scale, _thread.get_ident() != main_ident))
        if len(results) == 4:
            done.release()


done.acquire()
for i in range(4):
    _thread.start_new(worker, (i,), {'scale': 10})
done.acquire()
print(sorted(results))

attempt('not callable:', _thread.start_new_thread, 1, ())
attempt('args list:', _thread.start_new_thread, print, [])
attempt('kwargs int:', _thread.start_new_thread, print, (), 1)
attempt('one arg:', _thread.start_new_thread, print)
attempt('four args:', _thread.start_new_thread, print, (), {}, 1)

# exit / SystemExit are silent in a thread; other exceptions are reported
attempt('exit:', _thread.exit)
attempt('exit_thread:', _thread.exit_thread)


quit_done = _thread.allocate_lock()
quit_done.acquire()


def quits():
    try:
        _thread.exit()
    finally:
        quit_done.release()


class Failing:
    def __call__(self):
        raise ValueError('from thread')

    def __repr__(self):
        return '<Failing callable>'


_thread.start_new_thread(quits, ())
quit_done.acquire()
cap = Capture('ValueError: from thread\n')
real_stderr, sys.stderr = sys.stderr, cap
_thread.start_new_thread(Failing(), ())
cap.done.acquire()
sys.stderr = real_stderr
print(cap.text, end='')
print('after failing thread')

# stack_size
print(_thread.stack_size())
attempt('stack_size(100):', _thread.stack_size, 100)
attempt('stack_size(-1):', _thread.stack_size, -1)
attempt("stack_size('a'):", _thread.stack_size, 'a')
attempt('stack_size(1, 2):', _thread.stack_size, 1, 2)
print(_thread.stack_size(65536), _thread.stack_size(0), _thread.stack_size())
_thread.stack_size(1 << 20)
ok = _thread.allocate_lock()
ok.acquire()
_thread.start_new_thread(ok.release, ())
print('thread with a set stack size ran:', ok.acquire(timeout=5))
_thread.stack_size(0)

# the sentinel lock is released when its thread ends
sentinels = []
started = _thread.allocate_lock()
started.acquire()


def with_sentinel():
    s = _thread._set_sentinel()
    s.acquire()
    sentinels.append(s)
    started.release()


print(type(_thread._set_sentinel()), _thread._set_sentinel().locked())
_thread.start_new_thread(with_sentinel, ())
started.acquire()
print('sentinel released at thread end:', sentinels[0].acquire(timeout=5))

# _local
loc = _thread._local()
loc.x = 'main'
print(loc.x, loc.__dict__)
attempt('missing:', getattr, loc, 'y')
attempt('set __dict__:', setattr, loc, '__dict__', {})
attempt('del __dict__:', delattr, loc, '__dict__')
attempt('args:', _thread._local, 1)
attempt('kwargs:', _thread._local, a=1)
seen = []
fin = _thread.allocate_lock()
fin.acquire()


class Counter(_thread._local):
    inits = 0

    def __init__(self, start, step=1):
        Counter.inits += 1
        self.value = start
        self.step = step

    def bump(self):
        self.value += self.step
        return self.value


c = Counter(10, step=5)
c.bump()


def in_thread():
    seen.append(hasattr(loc, 'x'))
    loc.x = 'thread'
    seen.append(loc.x)
    seen.append(sorted(loc.__dict__))
    seen.append(c.value)
    seen.append(c.bump())
    fin.release()


_thread.start_new_thread(in_thread, ())
fin.acquire()
print(seen, loc.x, c.value, Counter.inits)
del loc
print(isinstance(c, _thread._local), type(c).__mro__[1])


class NeedsArg(_thread._local):
    def __init__(self, n):
        if n < 0:
            raise ValueError('negative')
        self.n = n


attempt('init error:', NeedsArg, -1)
print(NeedsArg(3).n)

# _excepthook and _ExceptHookArgs
A = _thread._ExceptHookArgs
print(A, A.n_fields, A.__doc__)
a = A((1, 2, 3, 4))
print(a, a.exc_type, a.thread)
attempt('3 fields:', A, (1, 2, 3))
attempt('excepthook(1):', _thread._excepthook, 1)
print(_thread._excepthook(A((SystemExit, SystemExit(), None, None))))


class FakeThread:
    name = 'fake-thread'


try:
    raise KeyError('hooked')
except KeyError as e:
    sys.stderr.flush()
    print(_thread._excepthook(A((KeyError, e, e.__traceback__, FakeThread()))))
    sys.stderr.flush()

# interrupt_main
attempt('interrupt_main(1000):', _thread.interrupt_main, 1000)
attempt('interrupt_main(0):', _thread.interrupt_main, 0)
try:
    _thread.interrupt_main()
    for i in range(1000):
        pass
    time.sleep(0.01)
    print('not interrupted')
except KeyboardInterrupt:
    print('KeyboardInterrupt')
