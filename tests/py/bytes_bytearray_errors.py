def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

def s(code):
    g = {'b': bytearray(b'abcdef')}
    try:
        exec(code, g)
        print(repr(g['b']), repr(g.get('r')))
    except Exception as e:
        print(type(e).__name__ + ':', e)
for c in ["b[0] = 300", "b[0] = -1", "b[0] = 'a'", "b[10] = 1", "b[-7] = 1", "b[1:3] = 5", "b[1:3] = 'xy'", "b[::2] = b'xy'", "b[1:3] = [1, 300]",
          "b['a']", "b['a'] = 1", "del b['a']", "del b[10]", "r = b[10]", "b.append(300)", "b.append('a')", "b.insert(0)", "b.insert('a', 1)",
          "r = b.pop(10)", "r = bytearray().pop()", "b.remove(120)", "b.remove(300)", "b.extend(5)", "b.extend('ab')", "b.extend([1, 'a'])", "b.extend([1, 256])",
          "r = b + 'a'", "r = b < 'a'", "b += 'a'", "b *= 'a'", "r = b * 'a'", "r = b.pop(x=1)", "b[1:3] = None", "r = b.pop(1, 2)", "b.clear(1)"]:
    s(c)
