import fmt
print(fmt.formats("é\n"))
print(fmt.formats([1, "two"]))
print(fmt.pointer().lower().endswith("1234"), fmt.doubles())
try:
    fmt.err(3.5)
except TypeError as e:
    print("TypeError", e)
