"""Writes numpy-cases.json: what NumPy prints and sums for hand-picked inputs, for the formatting and summation tests.

Run with Debian's NumPy 1.24.2: /usr/bin/python3 make_numpy_cases.py"""
import io, json, contextlib
import numpy as np

def printed(array):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        print(np.round(array, 3))
    return out.getvalue()[:-1]

COLUMNS = [
    [0.5, 1.0, 0.0, 0.0005, 0.9995, 0.0015, 0.12],
    [0.045, 0.929, 0.5, 0.507],
    [1.0, 0.0, 1.0, 0.0],
    [0.0, 0.0, 0.0],
    [0.999999, 0.000001],
    [0.03730284388772938, 0.949139796870518, 0.9448096366992904, 0.06425254594973087],
    [0.0004999, 0.0005, 0.0025, 0.0035, 0.1234567, 0.87654321],
    [0.25],
]

def summarised():
    rs = np.random.RandomState(5)
    return rs.random_sample(2500).reshape(-1, 1)

def main():
    cases = {"numpy": np.__version__, "columns": [], "fixed4": [], "sums": []}
    for values in COLUMNS:
        cases["columns"].append({"values": values, "printed": printed(np.array(values).reshape(-1, 1))})
    # A column of more than 1000 values: NumPy shows three rows, " ...", three rows. Regenerated in the test
    # from RandomState(5).random_sample(2500), which NumPyRandom reproduces.
    cases["summarisedColumn"] = {"seed": 5, "count": 2500, "printed": printed(summarised())}
    for x in [0.03125, 0.28318958906443983, 0.00005, 0.00015, 0.99995, 0.0, 1.0, 0.123456789, 2.5e-05, 0.0027881570716927675]:
        cases["fixed4"].append({"value": x, "text": f"{x:.4f}"})
    # Sums in NumPy's order: np.sum of a column and np.mean of it, for values random_sample(count) * 2 - 1.
    for seed, count in [(1, 5), (2, 8), (3, 9), (4, 127), (5, 128), (6, 129), (7, 1000), (8, 8192), (9, 10000), (10, 40000)]:
        v = np.random.RandomState(seed).random_sample(count) * 2 - 1
        column = v.reshape(-1, 1)
        cases["sums"].append({"seed": seed, "count": count,
                              "sum": float(np.sum(column, axis=0, keepdims=True)[0, 0]),
                              "mean": float(np.mean(column))})
    with open("numpy-cases.json", "w") as f:
        json.dump(cases, f, indent=1)

if __name__ == "__main__":
    main()
