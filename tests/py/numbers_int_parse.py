def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

strs = ['0', '-0', '+5', ' 12 ', '\t-7\n', '1_000', '0x1f', '0X1F', '0o17', '0b101', '0x_1', '0_0', '00', '007', '12a', 'abc', 'ABC', 'zz', 'Z',
        '99999999999999999999999', '-123456789012345678901234567890', '0x' + 'f' * 40, '1' * 100, '\u0663\u0664', '\u00a012\u2003', '\u0661\u0662\u0663']
for s in strs:
    for base in (10, 0, 2, 8, 16, 36, 7):
        show(lambda: int(s, base))
print(int('z', 36), int('Z' * 10, 36), int('777', 8), int('-11', 2), int(' 0b1 ', 0), int('1_2_3'), int('0_0', 0))
print(int(b'42'), int(b' -42 '), int(b'0x10', 0), int(bytearray(b'77'), 8), int(memoryview(b'12')))
