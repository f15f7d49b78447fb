def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

samples = [b'', b'hello World', b'HELLO', b'hello wORLD 123 \xe9\xc9', b"they're bill's friends", b'a1b2 c3', b'\x00A\xffz', b'123abc']
for s in samples:
    print(s.lower(), s.upper(), s.swapcase(), s.capitalize(), s.title())
ba = bytearray(b'mixed Case')
print(ba.lower(), ba.upper(), ba.swapcase(), ba.capitalize(), ba.title())
r = ba.lower(); print(r is ba, type(r).__name__)
t(lambda: b'x'.upper(1))
class B(bytes): pass
print(type(B(b'ab').upper()).__name__)
