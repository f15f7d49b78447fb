# _thread.lock and _thread.RLock: acquire/release, timeouts, argument
# errors, reprs (addresses and idents masked), the Condition helpers.
import _thread


def mask(r):
    # "<... at 0x7f...>" and "owner=NNN": keep only what does not vary
    r = r.split(' at 0x')[0]
    if 'owner=' in r:
        head, tail = r.split('owner=')
        r = head + 'owner=' + ('ME' if tail.split()[0] == str(_thread.get_ident()) else tail.split()[0]) + ' ' + ' '.join(tail.split()[1:])
    return r


def attempt(label, f, *args, **kw):
    try:
        print(label, f(*args, **kw))
    except Exception as e:
        print(label, type(e).__name__, e)


print(sorted(n for n in dir(_thread) if not n.startswith('__')))
print(_thread.LockType, _thread.RLock, _thread.error, _thread.TIMEOUT_MAX)
print(_thread.allocate_lock is not _thread.allocate, type(_thread.allocate()))

l = _thread.allocate_lock()
print(type(l) is _thread.LockType, mask(repr(l)), l.locked())
print(l.acquire(), l.locked(), mask(repr(l)))
print(l.acquire(False), l.acquire(blocking=False), l.acquire(True, 0.01), l.acquire(timeout=0))
print(l.release(), l.locked())
attempt('release unlocked:', l.release)
print(l.acquire_lock(), l.locked_lock(), l.release_lock(), l.locked_lock())
with l:
    print('in with', l.locked())
print('after with', l.locked())
print(l.__enter__(), l.__exit__(None, None, None), l.locked())
try:
    with l:
        raise KeyError('x')
except KeyError:
    print('with released on error:', l.locked())

for args, kw in [((False, 1), {}), ((False, 0), {}), ((True, -2), {}), ((True, -1), {}),
                 ((), {'timeout': 1e20}), ((), {'timeout': float('nan')}), (('x',), {}),
                 ((2.5,), {}), ((None,), {}), ((True, None), {}), ((), {'timeout': 'x'}),
                 ((1, 2, 3), {}), ((), {'bogus': 1}), ((), {'blocking': 0}),
                 ((), {'timeout': -1.0}), ((0, -1), {}), ((True, 5e-10), {}),
                 ((), {'timeout': 10**30}), ((), {'timeout': 9223372037.0})]:
    try:
        r = l.acquire(*args, **kw)
        print(args, kw, r)
        if r:
            l.release()
    except Exception as e:
        print(args, kw, type(e).__name__, e)
attempt('locked(1):', l.locked, 1)
attempt('release(1):', l.release, 1)
attempt('LockType():', _thread.LockType)
l2 = _thread.allocate_lock()
l2.acquire()
print(l2._at_fork_reinit(), l2.locked())

import weakref
w = weakref.ref(l2)
print(w() is l2)

# RLock
r = _thread.RLock()
print(mask(repr(r)), r._is_owned())
print(r.acquire(), r.acquire(), mask(repr(r)), r._is_owned())
state = r._release_save()
print(state[0], state[1] == _thread.get_ident(), r._is_owned(), mask(repr(r)))
print(r._acquire_restore(state), r._is_owned(), mask(repr(r)))
print(r.release(), r.release(), r._is_owned())
attempt('release un-acquired:', r.release)
attempt('_release_save un-acquired:', r._release_save)
attempt('_acquire_restore(1):', r._acquire_restore, 1)
attempt('_acquire_restore((1,)):', r._acquire_restore, (1,))
attempt('_acquire_restore((1,2,3)):', r._acquire_restore, (1, 2, 3))
for args, kw in [((False, 1), {}), ((True, -2), {}), ((2.5,), {}), ((), {'bogus': 0}),
                 ((False,), {}), ((), {'timeout': 0.01})]:
    try:
        ok = r.acquire(*args, **kw)
        print(args, kw, ok)
        if ok:
            r.release()
    except Exception as e:
        print(args, kw, type(e).__name__, e)
with r:
    with r:
        print('nested with', mask(repr(r)))
print(mask(repr(r)))
print(_thread.RLock(1, x=2) is not None)


class MyRLock(_thread.RLock):
    pass


m = MyRLock()
print(mask(repr(m)), m.acquire(), m._is_owned())
m.release()
print(r._at_fork_reinit(), r._is_owned())

# another thread cannot take a held lock; it can release a plain lock
held = _thread.allocate_lock()
held.acquire()
done = _thread.allocate_lock()
done.acquire()
seen = []


def other():
    seen.append(held.acquire(False))
    seen.append(held.acquire(timeout=0.01))
    seen.append(r.acquire(False))
    seen.append(r._is_owned())
    held.release()   # a plain lock has no owner
    done.release()


r.acquire()
_thread.start_new_thread(other, ())
done.acquire()
r.release()
print(seen, held.locked())
