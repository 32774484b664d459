print("senani")
