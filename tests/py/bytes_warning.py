# Without -b: sys.flags.bytes_warning is 0 and bytes/str mixing is silent
import sys
print(sys.flags.bytes_warning)
b = b'abc'
ba = bytearray(b'abc')
print(str(b), str(ba), b == 'abc', b != 'abc', ba == 'abc', b == 97)
print('%s' % b, f'{ba}', b == ba, {b'k': 1}.get('k'))
