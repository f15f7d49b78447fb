def outer():
    def inner(a=lambda: 1):
        class K:
            def m(self): return [x for x in range(3)]
        return K
    return inner
