# -b: BytesWarning for str() of bytes/bytearray and for comparing them
# with str (or bytes with int); each warning shows once per location
import sys
print(sys.flags.bytes_warning)
b = b'abc'
ba = bytearray(b'abc')
print(str(b))
print(str(ba))
print(b == 'abc')
print(b != 'abc')
print('abc' == b)
print(ba == 'abc')
print(ba != 'abc')
print(b == 97)
print(97 != b)
print(ba == 97)
print(b < b'b', b == ba, ba == b)
print(repr(b), repr(ba))
print('%s' % b)
print(f'{ba}')
print('{}'.format(b))
for i in range(3):
    print(b == 'x')
try:
    b < 'abc'
except TypeError as e:
    print('TypeError', e)
print(b'k' in {'k': 1}, 'k' in {b'k': 1})
print(b in ['abc'])
import warnings
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    str(b)
    b == 'z'
    ba == 'z'
print([(w.category.__name__, str(w.message)) for w in caught])
