def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

def s(code):
    g = {'b': bytearray(b'abcdef')}
    try:
        exec(code, g)
        print(code, '->', repr(g['b']))
    except Exception as e:
        print(code, '!!', type(e).__name__ + ':', e)
for c in ["m = memoryview(b); b.append(1)", "m = memoryview(b); b[0:1] = b''", "m = memoryview(b); b[0] = 65", "m = memoryview(b); b.clear()",
          "m = memoryview(b); b += b'x'", "m = memoryview(b); b *= 2", "m = memoryview(b); del b[0]", "m = memoryview(b); b.pop()", "m = memoryview(b); b.extend(b'')",
          "m = memoryview(b); b[0:2] = b'XY'", "m = memoryview(b); m.release(); b.append(33)", "m = memoryview(b); m2 = m[1:]; m.release(); b.append(33)",
          "m = memoryview(b); m2 = m[1:]; m.release(); m2.release(); b.append(33)", "with memoryview(b) as m: m[0] = 90\nb.append(33)",
          "m = memoryview(b); b.remove(97)", "m = memoryview(b); b.insert(0, 1)", "m = memoryview(b); b.reverse()", "m = memoryview(b); b *= 1", "m = memoryview(b); del b[1:1]"]:
    s(c)
