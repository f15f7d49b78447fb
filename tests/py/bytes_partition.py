def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

for s in [b'a=b=c', b'abc', b'', b'=', b'==']:
    print(s.partition(b'='), s.rpartition(b'='), s.partition(b'=='), s.rpartition(bytearray(b'b=')))
t(lambda: b'a'.partition(b''))
t(lambda: b'a'.rpartition(b''))
t(lambda: b'a'.partition('a'))
t(lambda: b'a'.partition())
ba = bytearray(b'k:v')
print(ba.partition(b':'), ba.rpartition(b'x'))
s = b'abc'
print(s.partition(b'x')[0] is s, s.rpartition(b'x')[2] is s)
