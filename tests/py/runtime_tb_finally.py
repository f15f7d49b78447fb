# an exception raised in finally and in an except block, uncaught
def cleanup():
    raise OSError("cleanup failed")

def work():
    try:
        return [][0]
    finally:
        cleanup()

try:
    work()
except OSError as e:
    print(type(e.__context__).__name__)

def handler():
    try:
        int("x")
    except ValueError as e:
        print("handling", e)
        raise KeyError("in handler") from None

handler()
