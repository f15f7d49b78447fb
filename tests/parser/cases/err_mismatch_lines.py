a = (
b ]
