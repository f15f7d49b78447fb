class A: pass
class B(): pass
class C(object):
    x = 1
    def m(self): return self.x
