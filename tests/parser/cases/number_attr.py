x = 1 .real
y = 1.0.real
z = 0x10.real
