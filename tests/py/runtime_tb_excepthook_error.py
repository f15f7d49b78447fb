# an exception inside sys.excepthook
import sys
def hook(t, v, tb):
    raise RuntimeError("hook failed")
sys.excepthook = hook
raise ValueError("original")
