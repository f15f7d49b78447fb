vals = [0j, 1j, -1j, 1+2j, -1-2j, complex(0.0, -0.0), complex(-0.0, 0.0), complex(-0.0, -0.0), 1.5-2.5j, 1e16j, 1e-5+1e20j, complex(float('nan'), float('inf')), complex(float('inf'), 0), 3+4j, 0.1+0.2j, complex(1e308, 1e308), 2+0j, complex(1, -0.0), complex(-1, float('nan')), 1e-310j]
for z in vals:
    print(repr(z), str(z), z.real, z.imag, z.conjugate(), bool(z), -z, +z, z == z)
print([1j, 2+3j], (1j,), f'{1+2j}', '%s %r' % (1j, 2j))
