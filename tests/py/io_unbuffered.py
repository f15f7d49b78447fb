# -u: stdout and stderr are write-through over an unbuffered FileIO; stdin stays buffered.
import sys
print(type(sys.stdout.buffer).__name__, sys.stdout.write_through, sys.stdout.line_buffering)
print(type(sys.stderr.buffer).__name__, sys.stderr.write_through)
print(type(sys.stdin.buffer).__name__, sys.stdin.write_through)
sys.stdout.write("no newline")
sys.stderr.write("err first\n")
print()
