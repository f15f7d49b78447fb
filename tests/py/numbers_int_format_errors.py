def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for s in ['z', 'zd', ',s', ',c', 's', 'q', 'xx', ',x', ',b', ',o', ',X', ',n', '_n', '_c', '__', ',,', ',_', '_,', '.', '.2', '.2d', 'z.2', '+c', ' c', '-c', '#c', '99999999999999999999', '1.2.3', '\x01', ',\x01', '=5c', '>5c', '^5c']:
    show(lambda: format(65, s))
show(lambda: format(-1, 'c')); show(lambda: format(0x110000, 'c')); show(lambda: format(2**70, 'c')); show(lambda: format(10**400, 'f')); show(lambda: format(10**400, 'e')); show(lambda: (5).__format__(5))
