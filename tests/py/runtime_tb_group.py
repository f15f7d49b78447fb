# printing an uncaught exception group
def f():
    raise ValueError("bad value")

def g():
    errors = []
    for i in range(3):
        try:
            if i == 1:
                f()
            raise TypeError(f"type {i}")
        except Exception as e:
            errors.append(e)
    raise ExceptionGroup("several", errors)

try:
    g()
except ExceptionGroup as eg:
    eg.add_note("note on the group")
    raise
