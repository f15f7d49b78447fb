import sys
import demo
print(demo.__name__, demo.hello.__doc__, type(demo.hello).__name__)
sys.stdout.flush()
# The C printf output sits in C's stdio buffer until exit; report the
# result on stderr so the order of the lines is the same on any runtime.
r = demo.hello()
sys.stderr.write("returned %r\n" % (r,))
