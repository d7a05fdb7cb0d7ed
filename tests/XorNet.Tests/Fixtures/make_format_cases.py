"""Writes python-format.json: doubles (as their IEEE-754 bits) and what Python's format() prints for them with
".Ne" and ".Ng" for N from 0 to 6 (".0g" is ".1g"), the notations XorNet writes numbers for reading in.
Plain Python, no NumPy: python3 make_format_cases.py"""
import json
import random
import struct

random.seed(15)
values = [0.0, -0.0, 1.0, 0.1, 1e-5, 9.9995, 9.99949, 0.00099995, 999999.5, 1e6, 123456.0, 0.127, 5.464e-06,
          4.476399634372746e-05, 0.5, 2.5, 0.125, 1e-4, 0.0001234, 5e-324, 1.7976931348623157e308,
          -9.384349858567082e305, 1e22, 1e-300, 99.5, 0.015, 1.0000002e6, float('inf'), float('-inf'), float('nan')]
for _ in range(200):
    values.append(struct.unpack('d', struct.pack('Q', random.getrandbits(64)))[0])
    values.append(random.uniform(-1, 1) * 10 ** random.randint(-12, 12))

bits = lambda v: struct.unpack('Q', struct.pack('d', v))[0]
cases = []
for v in values:
    for n in range(0, 7):
        cases.append([bits(v), 'e', n, format(v, f'.{n}e')])
        cases.append([bits(v), 'g', max(n, 1), format(v, f'.{max(n, 1)}g')])
with open('python-format.json', 'w') as f:
    json.dump(cases, f)
