VALUE = "pure"
