# A program that closes sys.stdout: the exit flush skips it, as CPython's does.
import sys
print("before close")
sys.stdout.close()
try:
    print("after close")
except ValueError as e:
    sys.stderr.write("ValueError: %s\n" % e)
print(sys.stdout.closed, file=sys.stderr)
