# marshal: round trips of every marshallable type, every format version,
# shared and recursive references, exact bytes of simple values, and the
# errors of bad input.
import marshal

class BytesFile:
    # a minimal binary file: write() appends, read(n) consumes
    def __init__(self):
        self.data = b''
        self.pos = 0
    def write(self, b):
        self.data += bytes(b)
        return len(b)
    def read(self, n=-1):
        end = len(self.data) if n < 0 else self.pos + n
        r = self.data[self.pos:end]
        self.pos += len(r)
        return r
    def readinto(self, buf):
        r = self.read(len(buf))
        buf[:len(r)] = r
        return len(r)

values = [
    None, True, False, ..., StopIteration,
    0, 1, -1, 255, 2**31 - 1, -2**31, 2**31, -2**31 - 1, 2**63, -2**100, 2**1000 + 12345,
    0.0, -0.0, 1.5, -2.25e300, 1e-310, float('inf'), float('-inf'),
    1j, 3 + 4j, -0.5 - 1e300j,
    b'', b'xy', bytes(range(256)), b'z' * 1000,
    '', 'abc', 'x' * 255, 'x' * 256, 'h\u00e9llo', '\u20ac' * 3, '\U0001f600 smile', '\ud800 lone',
    (), (1,), (1, (2, (3,))), tuple(range(300)),
    [], [1, [2, [3]]], list(range(1000)),
    {}, {'a': 1, 'b': [2, 3]}, {1: {2: {3: None}}},
    set(), {1, 2, 3}, frozenset(), frozenset({'a', 'b'}), frozenset({(1, 2), 3.5}),
]

for v in values:
    ok = True
    for version in range(5):
        r = marshal.loads(marshal.dumps(v, version))
        if type(r) is not type(v) or (r != v and v == v):
            ok = False
            print('MISMATCH', repr(v)[:50], version, repr(r)[:50])
    print(type(v).__name__, repr(v)[:40], ok)

nan = marshal.loads(marshal.dumps(float('nan')))
print('nan', nan != nan)
print(repr(marshal.loads(marshal.dumps(-0.0))))

# buffers are written as bytes
print(marshal.loads(marshal.dumps(bytearray(b'abc'))))
print(marshal.loads(marshal.dumps(memoryview(b'def'))))

# exact bytes of simple values (version 4)
for v in [None, True, 1, -1, 2**31, -2**31, 2**70, 1.5, 'a', 'abc', b'ab', (), (1, 2), [1], {1: 2},
          frozenset({'b', 'a', 'c'}), {3, 1, 2}, 1 + 2j]:
    print(type(v).__name__, marshal.dumps(v))
for version in range(5):
    print(version, marshal.dumps(1.5, version), marshal.dumps(('xxx',), version))

# shared references are kept, recursion works
s = 'shared string ' * 3
t = marshal.loads(marshal.dumps([s, s]))
print(t[0] is t[1], t[0] == s)
l = [1]
l.append(l)
r = marshal.loads(marshal.dumps(l))
print(r[1] is r, r[0])
d = {}
d['self'] = d
r = marshal.loads(marshal.dumps(d))
print(r['self'] is r)

# interned strings stay interned
k = marshal.loads(marshal.dumps('interned_name'))
print(k == 'interned_name')

# dump / load on files, several objects in a row
f = BytesFile()
marshal.dump({'a': 1}, f)
marshal.dump([1, 2], f, 2)
marshal.dump('end', f)
print(marshal.load(f), marshal.load(f), marshal.load(f))
try:
    marshal.load(f)
except EOFError as e:
    print('EOFError', e)

# extra bytes are ignored by loads
print(marshal.loads(marshal.dumps(7) + b'garbage'))

print(marshal.version)

def err(f, *a):
    try:
        r = f(*a)
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print('no error', repr(r)[:40])

for bad in [b'', b'i', b'i\x01\x00', b'\x01', b'?', b'l\x01\x00\x00\x00\x00\x80',
            b'l\x01\x00\x00\x00\x00\x00', b'r\x05\x00\x00\x00', b's\x05\x00\x00\x00ab',
            b'(\x02\x00\x00\x00N', b'{N', b'[\xff\xff\xff\xff', b'z\x05ab', b'u\x02\x00\x00\x00\xff\xfe']:
    err(marshal.loads, bad)
err(marshal.dumps, object())
err(marshal.dumps, [1, 2, object()])
err(marshal.dumps, lambda: 0)
class MyInt(int): pass
err(marshal.dumps, MyInt(3))
err(marshal.loads, 'not bytes')
err(marshal.dumps)
err(marshal.dumps, 1, 2, 3)
nested = []
for i in range(3000):
    nested = [nested]
err(marshal.dumps, nested)
