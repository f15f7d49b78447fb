VALUE = "from helper"
