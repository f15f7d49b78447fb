vals = [i for i in range(0x110000) if chr(i).isnumeric()]
print(len(vals), vals[:20], vals[-5:])
dec = [i for i in range(0x110000) if chr(i).isdecimal()]
print(len(dec), [hex(d) for d in dec if (d & 15) == 0][:30])
print(int("١٢٣"), int("\uff11\uff12"), float("\u0661.\u0665"), int(" \u3000 7 \u2003"), int("𝟘𝟙"))
for bad in ["½", "²", "1\u00a0x"]:
    try:
        print(int(bad))
    except ValueError as e:
        print(e)
