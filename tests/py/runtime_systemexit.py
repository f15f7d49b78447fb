# SystemExit with a message: printed to stderr, status 1
import sys
print("before")
try:
    sys.exit(3)
except SystemExit as e:
    print("code", e.code)
raise SystemExit("goodbye message")
