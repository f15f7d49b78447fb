# The threading module over _thread: Thread/join, Lock, RLock, Condition,
# Event, Semaphore, Barrier, Timer, local, excepthook, and the wait for
# non-daemon threads at exit (threading._shutdown).
try:
    import os
except ImportError:
    # Krait has no posix module yet: threading needs only a module named os
    import sys, types
    sys.modules['os'] = types.ModuleType('os')
import threading, _thread, time
results = []
lock = threading.Lock()
def worker(n):
    s = 0
    for i in range(20000):
        s += i
    with lock:
        results.append((n, s))
ts = [threading.Thread(target=worker, args=(i,)) for i in range(5)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(results))
print(threading.active_count(), threading.current_thread().name)
ev = threading.Event()
out = []
def waiter():
    ev.wait()
    out.append('woke')
t = threading.Thread(target=waiter); t.start()
ev.set(); t.join(); print(out)
cond = threading.Condition()
items = []
def consumer():
    with cond:
        while not items:
            cond.wait()
        out.append(items.pop())
t = threading.Thread(target=consumer); t.start()
with cond:
    items.append(42); cond.notify()
t.join(); print(out)
sem = threading.Semaphore(2)
print(sem.acquire(), sem.acquire(), sem.acquire(timeout=0.01))
loc = threading.local()
loc.v = 'main'
def lw():
    loc.v = 'thread'
    out.append(loc.v)
t = threading.Thread(target=lw); t.start(); t.join()
print(loc.v, out[-1])
b = threading.Barrier(3)
def bw():
    b.wait()
bt = [threading.Thread(target=bw) for _ in range(2)]
for t in bt: t.start()
b.wait()
for t in bt: t.join()
print('barrier ok')
tm = threading.Timer(0.01, lambda: out.append('timer'))
tm.start(); tm.join(); print(out[-1])
def bad():
    raise ValueError('boom')
t = threading.Thread(target=bad, name='T-bad'); t.start(); t.join()
ids = set()
def gid(): ids.add(threading.get_ident())
ts = [threading.Thread(target=gid) for _ in range(3)]
for t in ts: t.start()
for t in ts: t.join()
print(len(ids) >= 1, threading.get_ident() not in ids)
r = threading.RLock()
with r:
    with r:
        print(r._is_owned())
d = threading.Thread(target=lambda: time.sleep(0.05), daemon=True)
d.start(); d.join()
names = []
def named():
    names.append(threading.current_thread().name)
t = threading.Thread(target=named, name='worker-x'); t.start(); t.join()
print(names, t.is_alive(), t.name)
hooked = []
old_hook = threading.excepthook
threading.excepthook = lambda args: hooked.append((args.exc_type.__name__, str(args.exc_value), args.thread.name))
t = threading.Thread(target=bad, name='T-hooked'); t.start(); t.join()
threading.excepthook = old_hook
print(hooked)
def exits():
    raise SystemExit(3)
t = threading.Thread(target=exits); t.start(); t.join()
print('SystemExit in a thread is silent')
c = 0
def spin():
    global c
    for i in range(200000):
        c += 1
ts = [threading.Thread(target=spin) for _ in range(2)]
for t in ts: t.start()
for t in ts: t.join()
print('spun', c > 0)
def late():
    time.sleep(0.05); print('late thread done')
threading.Thread(target=late).start()
print('main done')
