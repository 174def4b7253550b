print("lotsen")
