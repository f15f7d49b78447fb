# sys.excepthook is called for uncaught exceptions, and errors in it
import sys
def hook(t, v, tb):
    print("hook called:", t.__name__, v, tb is not None)
sys.excepthook = hook
raise ValueError("handled by the hook")
