# b'' and the one-byte bytes objects are shared singletons.
print(bytes([65]) is bytes([65]), b'a'[0:1] is b'xa'[1:2], bytes() is b'', b''.join([]) is b'')
print(bytes(bytearray(b'q')) is b'q', b'abc'[1:2] is b'b', bytes([255]) is b'\xff')
x = b'abc'
print(x[:] is x, x[0:3] is x, bytes(x) is x, x * 1 is x, x + b'' is x, b'' + x is x)
