if x:
	pass
	if y:
		z
