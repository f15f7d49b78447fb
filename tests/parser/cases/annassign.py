x: int
y: list[int] = []
(z): int = 3
a.b: str
c[0]: float = 1.0
