x = a + b =
