été = 1
日本 = été
class Ça: pass
