# Text processing: building, splitting, formatting and counting strings
# with dicts; f-strings, str methods, sorting with keys.

WORDS = ("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi "
         "omicron pi rho sigma tau upsilon phi chi psi omega").split()


class Rng:
    def __init__(self, seed):
        self.s = seed

    def below(self, n):
        self.s = (self.s * 1103515245 + 12345) & 0x7FFFFFFF
        return self.s % n


def make_text(rng, n):
    return " ".join(WORDS[rng.below(len(WORDS))] for _ in range(n))


def count(text):
    counts = {}
    for w in text.split():
        counts[w] = counts.get(w, 0) + 1
    return counts


def report(counts):
    lines = [f"{w:>10}: {c:6d} {c / 1000:8.3f}" for w, c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    return "\n".join(lines)


def transform(text):
    out = []
    for w in text.split(" "):
        if w.startswith("p"):
            out.append(w.upper())
        elif w.endswith("a"):
            out.append(w[::-1])
        else:
            out.append(w.capitalize().replace("e", "3"))
    return "-".join(out)


rng = Rng(7)
total = 0
for _ in range(6):
    text = make_text(rng, 60000)
    counts = count(text)
    rep = report(counts)
    t = transform(text)
    total += len(rep) + len(t) + t.count("3") + text.find("omega omega")
print(total)
