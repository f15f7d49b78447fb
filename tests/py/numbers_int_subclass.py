def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

class MyInt(int):
    def __repr__(self):
        return 'MyInt(%d)' % self
m = MyInt.from_bytes(b'\x05', 'big')
print(type(m).__name__, m, MyInt(7) + 1, type(MyInt(7) + 1).__name__, repr(MyInt('12', 8)), repr(MyInt()), -MyInt(3), type(-MyInt(3)).__name__, type(+MyInt(3)).__name__, type(abs(MyInt(3))).__name__, int(MyInt(9)), type(int(MyInt(9))).__name__)
print(MyInt(10**30), MyInt(-5) // 2, MyInt(2) ** 10, MyInt(5) == 5, hash(MyInt(5)) == hash(5), str(MyInt(5)), format(MyInt(255), 'x'), MyInt(5).bit_length())
class Idx:
    def __index__(self):
        return 7
class IntLike:
    def __int__(self):
        return 42
print(int(Idx()), int(IntLike()), [10, 20, 30, 40, 50, 60, 70, 80][Idx()], bin(Idx()), hex(Idx()), (1).to_bytes(Idx(), 'big'))
class BadInt:
    def __int__(self):
        return 'x'
show(lambda: int(BadInt()))
