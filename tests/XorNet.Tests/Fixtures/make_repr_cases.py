"""Writes python-repr.json: doubles (as their IEEE-754 bits) and what Python's repr() prints for them."""
import json
import random
import struct

random.seed(1)
values = [0.0, -0.0, 1.0, 0.1, 1e-5, 1e16, 1e15, 123456789012345678.0, 0.0001, 0.00012345, 8.039823226157152e-06,
          5e-324, 1.7976931348623157e308, -2.5, 100.0, 1e22, 1.5e-10, 0.5, 2.0**53, float('inf'), float('-inf'),
          float('nan'), 9999999999999998.0, 1e-4, 0.001]
for _ in range(300):
    values.append(struct.unpack('d', struct.pack('Q', random.getrandbits(64)))[0])
    values.append(random.uniform(-1, 1) * 10 ** random.randint(-8, 20))

bits = lambda v: struct.unpack('Q', struct.pack('d', v))[0]
with open('python-repr.json', 'w') as f:
    json.dump([[bits(v), repr(v)] for v in values], f)
