# loop.py — loop.go in Python 3. Python ints never wrap; the sum stays far
# below 2**63, so the result is Go's.
def main():
    s = 0
    for i in range(100000000):
        s += i * i % 7
    print(s)


main()
