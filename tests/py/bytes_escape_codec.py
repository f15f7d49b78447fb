def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

import codecs
for s in [b'abc', b'\\n\\t\\r', b'\\x41\\x4a', b'\\101\\7\\0', b"\\'\\\"", b'\\a\\b\\f\\v', b'a\\\nb', b'\\q', b'\\777']:
    print(s, codecs.escape_decode(s))
for s, e in [(b'\\x4', 'strict'), (b'\\xzz', 'strict'), (b'\\x4', 'replace'), (b'\\xzzq', 'ignore'), (b'\\', 'strict'), (b'ab\\x', 'replace')]:
    try:
        print(s, e, codecs.escape_decode(s, e))
    except Exception as ex:
        print(s, e, type(ex).__name__ + ':', ex)
print(codecs.escape_encode(b'\x00a\n\''))
