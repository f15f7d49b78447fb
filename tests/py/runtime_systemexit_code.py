# SystemExit with an int code sets the exit status
print("exiting with 7")
raise SystemExit(7)
