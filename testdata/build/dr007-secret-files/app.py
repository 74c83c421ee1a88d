import os

print("token configured:", bool(os.environ.get("API_TOKEN")))
