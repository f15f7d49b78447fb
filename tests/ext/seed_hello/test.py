import demo
print(demo.__name__, demo.hello.__doc__, type(demo.hello).__name__)
r = demo.hello()
import sys
sys.stdout.flush()
print(r)
