λ\[True]
