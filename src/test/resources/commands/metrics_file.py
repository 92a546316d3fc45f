import json

with open("metrics.json", "w") as f:
    json.dump({"loss": 0.125, "accuracy": 0.875, "note": "not a number"}, f)
