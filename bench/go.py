# Go: random playouts on a 9x9 board with captures, liberties counted by
# flood fill, and a ko rule; a deterministic generator chooses moves.

SIZE = 9
EMPTY, BLACK, WHITE = 0, 1, 2


class Rng:
    def __init__(self, seed):
        self.s = seed

    def below(self, n):
        self.s = (self.s * 6364136223846793005 + 1442695040888963407) & 0xFFFFFFFFFFFFFFFF
        return (self.s >> 33) % n


def neighbours(p):
    x, y = p % SIZE, p // SIZE
    out = []
    if x > 0:
        out.append(p - 1)
    if x < SIZE - 1:
        out.append(p + 1)
    if y > 0:
        out.append(p - SIZE)
    if y < SIZE - 1:
        out.append(p + SIZE)
    return out


NEIGHBOURS = [neighbours(p) for p in range(SIZE * SIZE)]


class Board:
    def __init__(self):
        self.cells = [EMPTY] * (SIZE * SIZE)
        self.ko = -1
        self.captured = {BLACK: 0, WHITE: 0}

    def group(self, p):
        colour = self.cells[p]
        stones = {p}
        libs = set()
        stack = [p]
        while stack:
            q = stack.pop()
            for n in NEIGHBOURS[q]:
                c = self.cells[n]
                if c == EMPTY:
                    libs.add(n)
                elif c == colour and n not in stones:
                    stones.add(n)
                    stack.append(n)
        return stones, libs

    def legal(self, p, colour):
        if self.cells[p] != EMPTY or p == self.ko:
            return False
        self.cells[p] = colour
        try:
            other = WHITE if colour == BLACK else BLACK
            for n in NEIGHBOURS[p]:
                if self.cells[n] == other and not self.group(n)[1]:
                    return True
            return bool(self.group(p)[1])
        finally:
            self.cells[p] = EMPTY

    def play(self, p, colour):
        self.cells[p] = colour
        other = WHITE if colour == BLACK else BLACK
        removed = []
        for n in NEIGHBOURS[p]:
            if self.cells[n] == other:
                stones, libs = self.group(n)
                if not libs:
                    for s in stones:
                        self.cells[s] = EMPTY
                    removed.extend(stones)
        self.captured[colour] += len(removed)
        self.ko = removed[0] if len(removed) == 1 else -1

    def score(self):
        return self.cells.count(BLACK) - self.cells.count(WHITE)


def playout(rng):
    board = Board()
    colour = BLACK
    passes = 0
    moves = 0
    while passes < 2 and moves < 200:
        empties = [p for p in range(SIZE * SIZE) if board.cells[p] == EMPTY]
        played = False
        for _ in range(10):
            if not empties:
                break
            p = empties[rng.below(len(empties))]
            if board.legal(p, colour):
                board.play(p, colour)
                played = True
                break
        passes = 0 if played else passes + 1
        moves += 1
        colour = WHITE if colour == BLACK else BLACK
    return board.score(), board.captured[BLACK], board.captured[WHITE]


rng = Rng(42)
results = [playout(rng) for _ in range(30)]
print(sum(r[0] for r in results), sum(r[1] for r in results), sum(r[2] for r in results))
