# input() at the end of a non-terminal stdin (the runner gives /dev/null).
import sys
try:
    input('prompt> ')
except EOFError as e:
    print()
    print(type(e).__name__, e.args)
sys.stdout.flush()
