def show(f):
    try:
        r = f()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__ + ":", e)
a = list[int]
print(a, a.__origin__, a.__args__, a.__parameters__, type(a).__name__)
print(dict[str, list[int]], tuple[()], tuple[int, ...], set[frozenset[int]])
print(list[int] == list[int], list[int] == list[str], list[int] != list[int], hash(list[int]) == hash(list[int]))
print(a([1, 2]), type(a(range(2))).__name__)
print(a.append is list.append, dict[str, int].fromkeys("ab"))
show(lambda: isinstance([], list[int]))
show(lambda: issubclass(list, list[int]))
print(list[int].__mro_entries__(()))
class MyList(list[int]):
    pass
print(MyList.__bases__, MyList([1]))
print(type(list[int]).__name__, type(list[int]).__module__ if hasattr(type(list[int]), "__module__") else None)
class C:
    pass
print(list[C], dict[C, "x"])
show(lambda: list[int][int])
print(list[int].__reduce__())
