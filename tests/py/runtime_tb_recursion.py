# RecursionError output: repeated lines collapse
import sys
def down(n):
    return down(n + 1)

def ping(n):
    return pong(n)

def pong(n):
    return ping(n)

try:
    down(0)
except RecursionError as e:
    print("caught:", e)
try:
    ping(0)
except RecursionError as e:
    print("caught:", e)
down(0)
