def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for v in [0, 1, -1, 127, 128, -128, -129, 255, 256, 65535, -32768, 2**63, -2**63, 2**64 - 1, 10**30, -10**30]:
    for n in [0, 1, 2, 3, 8, 9, 16]:
        for order in ['big', 'little']:
            for signed in [False, True]:
                show(lambda: v.to_bytes(n, order, signed=signed))
    show(lambda: v.to_bytes(8)); show(lambda: v.to_bytes())
for b in [b'', b'\x00', b'\x01', b'\xff', b'\x80', b'\x7f', b'\x00\xff', b'\xff\x00', b'\xff\xff\xff', b'\x00\x00\x80', bytes(range(1, 10)), b'\xff' * 20, b'\x80' + b'\x00' * 15]:
    for order in ['big', 'little']:
        print(int.from_bytes(b, order), int.from_bytes(b, order, signed=True))
show(lambda: int.from_bytes([1, 2, 3], 'big')); show(lambda: int.from_bytes(b'\x01\x00')); show(lambda: int.from_bytes(b'\x01', 'middle')); show(lambda: int.from_bytes(bytearray(b'\x01\x02'), 'little'))
show(lambda: (1).to_bytes(-1)); show(lambda: (1).to_bytes(1, 5)); show(lambda: (1).to_bytes(1, 'big', True)); show(lambda: (1).to_bytes(foo=1)); show(lambda: (1).to_bytes(1, length=1)); show(lambda: (1).to_bytes('x'))
show(lambda: int.from_bytes()); show(lambda: int.from_bytes(b'\x05', byteorder='little', signed=True)); show(lambda: (-1).to_bytes(4, 'big', signed=True)); show(lambda: (2**31).to_bytes(4, 'big', signed=True))
