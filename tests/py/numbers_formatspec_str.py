def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
for s in ['', '10', '<10', '>10', '^10', '^11', '*^11', '.2', '10.2', '>10.0', 's', '10s', '05', '<05', '0', '=10', '+', ' ', '-', '#', 'z', ',', '_', 'd', 'x', '\u00e9<8', '\U0001f600^9', '.', '99999999999999999999', 'ss', '\x00<5']:
    show(lambda: format('abc', s))
    show(lambda: format('h\u00e9llo\u20ac', s))
show(lambda: '{:>8}|{:<8}|{:^8}|{:.1}'.format('a', 'b', 'c', 'xyz')); show(lambda: f'{"abc":*>{7}}'); show(lambda: format(str, ''))
class S(str): pass
show(lambda: format(S('abc'), '')); show(lambda: type(format(S('abc'), '')).__name__); show(lambda: type(format(S('abc'), '5')).__name__)
