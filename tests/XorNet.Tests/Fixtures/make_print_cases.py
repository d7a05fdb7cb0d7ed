"""Writes numpy-print.json: float64 arrays (1-D and 2-D) and scalars with what NumPy prints for them.

Run with NumPy 1.24 at its default print options: /usr/bin/python3 make_print_cases.py
Each array is stored as its shape and its elements' IEEE-754 bits (16 hex digits each, row after row), with
str(array), which print(array) writes; each scalar as its bits and str(np.float64(x)), which print(x) writes.
"""
import json
import struct

import numpy as np

assert np.__version__.startswith('1.24'), np.__version__
np.set_printoptions()  # the defaults: precision 8, threshold 1000, edgeitems 3, linewidth 75, maxprec

rng = np.random.default_rng(9)


def bits(x):
    return '%016x' % struct.unpack('<Q', struct.pack('<d', float(x)))[0]


SHAPES = [(1, 1), (4, 1), (1, 4), (4, 2), (8, 2), (3, 5), (7, 7), (4, 20), (2, 300), (6, 200), (7, 150),
          (10, 100), (1000, 1), (1001, 1), (334, 3), (1500, 3), (1, 1500), (5,), (6,), (7,), (20,), (100,),
          (1000,), (1001,), (2000,), (1,), (3, 12), (12, 3)]

ZERO_SHAPES = [(0,), (0, 3)]


def magnitudes(n):
    """A generator of values for each style: name -> array of n float64."""
    styles = {}
    styles['unit'] = rng.random(n)
    styles['signed'] = rng.uniform(-1, 1, n)
    styles['sigmoid'] = 1 / (1 + np.exp(-rng.normal(0, 4, n)))
    styles['rounded3'] = np.round(1 / (1 + np.exp(-rng.normal(0, 4, n))), 3)
    styles['rounded1'] = np.round(rng.normal(0, 3, n), 1)
    styles['integers'] = rng.integers(-50, 50, n).astype(np.float64)
    styles['thirds'] = rng.integers(1, 30, n) / 3.0
    for k in (-12, -8, -5, -4, -3, 0, 3, 5, 7, 8, 12):
        styles['normal_e%d' % k] = rng.normal(0, 1, n) * 10.0 ** k
    styles['loguniform'] = 10.0 ** rng.uniform(-12, 12, n) * rng.choice([-1, 1], n)
    styles['logmid'] = 10.0 ** rng.uniform(-3, 3, n)
    styles['logwide'] = 10.0 ** rng.uniform(-4, 0, n)
    styles['near_1e8'] = rng.uniform(9.9999e7, 1.00001e8, n)
    styles['tiny_grad'] = rng.normal(0, 1e-12, n)
    styles['huge'] = rng.normal(0, 1e200, n)
    styles['subnormal'] = rng.normal(0, 1e-310, n)
    return styles


def decorate(values, rng_):
    """Variants of one array: with exact zeros, -0.0, nan and infinities scattered in."""
    out = {'plain': values}
    v = values.copy(); v[rng_.random(v.size) < 0.3] = 0.0; out['zeros'] = v
    v = values.copy(); v[rng_.random(v.size) < 0.2] = -0.0; out['negzero'] = v
    v = values.copy(); v[rng_.random(v.size) < 0.2] = np.nan; out['nan'] = v
    v = values.copy(); m = rng_.random(v.size); v[m < 0.15] = np.inf; v[m > 0.9] = -np.inf; out['inf'] = v
    return out


cases = []


def add(array, label):
    array = np.asarray(array, dtype=np.float64)
    cases.append({'label': label, 'shape': list(array.shape),
                  'bits': ''.join(bits(x) for x in array.ravel()), 'printed': str(array)})


for shape in SHAPES:
    n = int(np.prod(shape))
    large = n > 250
    styles = magnitudes(n)
    names = sorted(styles)
    if large:
        # Large arrays are costly to store: a few styles each.
        names = [names[i] for i in rng.choice(len(names), 3, replace=False)]
    for name in names:
        variants = decorate(styles[name], rng)
        keys = ['plain'] if large else sorted(variants)
        if not large:
            keys = ['plain'] + [keys[i] for i in rng.choice(len(keys), 1)]
        for key in dict.fromkeys(keys):
            add(variants[key].reshape(shape), '%s %s %s' % (shape, name, key))

# Hand-picked arrays: the boundaries of NumPy's choice of notation, signs, and all-non-finite arrays.
hand = [
    [0.0], [-0.0], [0.0, -0.0], [np.nan], [np.inf], [-np.inf], [np.nan, np.inf, -np.inf], [np.nan, 0.5],
    [-np.inf, 0.5], [1.0, 0.0, 1.0, 0.0], [1e8, 1.0], [99999999.0, 1.0], [99999999.99999999, 1.0],
    [1e-4, 0.1], [9.999999999999999e-05, 0.05], [0.001, 1.0], [0.00099999, 1.0], [1000.0, 1.0], [1000.0000000001, 1.0],
    [1 / 3, 2 / 3], [0.1 + 0.2], [123456.789012345678], [9.9999999999e-5, 1e-5], [9.99999999999e-5],
    [1e100, 1e-100], [1e-300, 1e300, -1e-5], [5e-324], [1.7976931348623157e308, -1.7976931348623157e308],
    [0.5, 0.0005, 0.9995, 0.0015, 0.12], [-1.5, 2.25, -3.125], [12345678.9, 0.1], [1e7, 1e4],
    [0.0, np.nan, 1e-20], [-0.0, 1e20], [np.nan, 1e-20], [-np.inf, 1e20, -1e-20],
    [9.999999995e-5, 1e-3], [9.9999999995, 1e-2], [1.23456789e-5, 1.5e-5], [1.000000005e-5],
    # Exact ties at the eighth decimal (multiples of 1/512) and at the ninth significant digit: half to even.
    [0.001953125, 0.005859375, 1.001953125, 3.033203125], [123456789.5, 123456788.5, -987654321.5],
    [0.001953125, 0.005859375, 0.5], [1.001953125, 3.033203125], [1234567890.5, 0.5], [2.0 ** -20, 2.0 ** -21, 3 * 2.0 ** -22],
]
for i, values in enumerate(hand):
    add(np.array(values), 'hand %d' % i)
    add(np.array(values).reshape(-1, 1), 'hand column %d' % i)

# Rows that wrap at 75 characters, with widths that land on the limit.
for width in range(1, 12):
    for count in (5, 6, 7, 8, 12, 13, 14, 25, 40):
        values = np.round(rng.random(count) * 10 ** (width - 2), max(0, 10 - width) % 9)
        add(values, 'wrap %d %d' % (width, count))
        add(values.reshape(1, -1), 'wrap row %d %d' % (width, count))
        add(np.vstack([values, values[::-1]]), 'wrap rows %d %d' % (width, count))

# Summarised arrays whose hidden middle would change the notation if NumPy looked at it.
middle = np.full((50, 30), 0.5); middle[10:40, 5:25] = 1e-9; middle[20, 20] = np.nan
add(middle, 'hidden middle 2-D')
line = np.linspace(0.1, 0.9, 1500); line[100:1400] = 1e12
add(line, 'hidden middle 1-D')

# Predictions of several outputs: y_hat unrounded, and print(np.round(y_hat, 3)) as the notebook prints it.
predictions = []
for shape in [(4, 2), (8, 2), (4, 3), (300, 2), (1200, 3), (400, 3), (1500, 3), (4, 20), (8, 40), (3, 400)]:
    yhat = 1 / (1 + np.exp(-rng.normal(0, 5, shape)))
    add(np.round(yhat, 3), 'predictions %s' % (shape,))
    predictions.append({'shape': list(shape), 'bits': ''.join(bits(x) for x in yhat.ravel()),
                        'printed': str(np.round(yhat, 3))})

for shape in ZERO_SHAPES:
    add(np.zeros(shape), 'empty %s' % (shape,))

scalars = [0.0, -0.0, 1.0, 0.1, 1e-4, 9.999999999999999e-05, 1e-5, 1e16, 9999999999999998.0, 1e15, 5e-324,
           1.7976931348623157e308, np.nan, np.inf, -np.inf, 0.25, 123456789.0, 1.5e-10, 0.6931471805599453,
           2.0 ** 53, 2.0 ** 60, -2.5e-7, 1e22, 1e23]
for k in range(-320, 310, 3):
    scalars.append(float(rng.uniform(1, 10)) * 10.0 ** k)
for _ in range(200):
    scalars.append(struct.unpack('<d', struct.pack('<Q', int(rng.integers(0, 2 ** 63)) * 2 + int(rng.integers(0, 2))))[0])
for _ in range(100):
    # Losses as the notebook computes them: np.mean of squares, an np.float64.
    e = rng.random(4) * 10.0 ** rng.uniform(-8, 0)
    scalars.append(np.mean(e ** 2))

scalar_cases = [[bits(x), str(np.float64(x))] for x in scalars]

with open('numpy-print.json', 'w') as f:
    json.dump({'arrays': cases, 'scalars': scalar_cases, 'predictions': predictions}, f, separators=(',', ':'))
    f.write('\n')
print(len(cases), 'arrays,', len(scalar_cases), 'scalars')
