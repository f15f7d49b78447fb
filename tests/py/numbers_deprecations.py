class T:
    def __trunc__(self):
        return 9
class SubInt(int):
    pass
class I:
    def __int__(self):
        return SubInt(4)
class SubF(float):
    pass
class F:
    def __float__(self):
        return SubF(2.5)
print(int(T()))
print(int(I()), type(int(I())).__name__)
print(float(F()), type(float(F())).__name__)
