# Threads still running when the program ends (spinning in Python code,
# blocked on a lock, sleeping, a daemon threading.Thread) do not stop the
# exit or crash it: they are stopped where they are, as CPython does.
import _thread
import time
try:
    import os
except ImportError:
    # Krait has no posix module yet: threading needs only a module named os
    import sys, types
    sys.modules['os'] = types.ModuleType('os')
import threading


def spin():
    x = 0
    while True:
        x += 1


blocked = _thread.allocate_lock()
blocked.acquire()
for i in range(3):
    _thread.start_new_thread(spin, ())
_thread.start_new_thread(blocked.acquire, ())
_thread.start_new_thread(time.sleep, (30,))
threading.Thread(target=spin, daemon=True).start()
time.sleep(0.05)
print('main thread exits')
