# -bb: BytesWarning is an error (the 'error::BytesWarning' filter)
import sys
print(sys.flags.bytes_warning)
import warnings
print(warnings.filters[0][:3])
b = b'abc'
for what, f in [('str', lambda: str(b)), ('eq', lambda: b == 'abc'), ('ne', lambda: 'abc' != b),
                ('int', lambda: b == 1), ('ba', lambda: bytearray(b) == 'abc'),
                ('bastr', lambda: str(bytearray(b))), ('format', lambda: '%s' % b)]:
    try:
        print(what, f())
    except BytesWarning as e:
        print(what, 'BytesWarning', e)
print(b == b'abc', repr(b))
print(str(b))
