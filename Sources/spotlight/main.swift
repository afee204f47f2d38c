print("spotlight")
