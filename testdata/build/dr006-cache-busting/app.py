import json


def main():
    print(json.dumps({"status": "ok"}))


if __name__ == "__main__":
    main()
