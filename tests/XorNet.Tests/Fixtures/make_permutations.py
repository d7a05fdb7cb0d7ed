"""Writes numpy-permutations.json: np.random.permutation(n) of NumPy's legacy global generator, for checking
NumPyRandom.Permutation.

For each case: np.random.seed(seed), then optionally np.random.randn of the listed shapes (weights drawn first, as
training with --batch-size does), then np.random.permutation(n) for each listed n in turn from the same stream. Each
permutation is kept as the SHA-256 of its values as little-endian 32-bit integers (a thousand permutations of up to a
thousand rows would be megabytes), with the first ones in full; then one np.random.random_sample(), to check that the
stream is left where NumPy leaves it.

No BLAS or CPU features are involved; run with Debian's NumPy:

    /usr/bin/python3 make_permutations.py
"""
import hashlib, json
import numpy as np

SIZES = list(range(1, 1001)) + [4096, 65535, 65536, 65537, 100000]
CASES = [
    {"seed": 0, "drawn": []},
    {"seed": 42, "drawn": []},
    {"seed": 42, "drawn": [[2, 4], [4, 1]]},  # the notebook's weights
    {"seed": 7, "drawn": [[2, 8], [8, 4], [4, 1]]},  # an odd number of Gaussians: one is kept for later
    {"seed": 123456789, "drawn": [[3, 5]]},
    {"seed": 4294967295, "drawn": []},
]

def main():
    cases = []
    for case in CASES:
        np.random.seed(case["seed"])
        for shape in case["drawn"]:
            np.random.randn(*shape)
        digests, full = [], []
        for n in SIZES:
            perm = np.random.permutation(n)
            digests.append(hashlib.sha256(perm.astype("<i4").tobytes()).hexdigest())
            if n <= 10:
                full.append(perm.tolist())
        sample = np.random.random_sample()
        cases.append({**case, "sizes": SIZES, "sha256": digests, "first": full, "thenSample": float(sample)})
    with open("numpy-permutations.json", "w") as f:
        json.dump({"numpy": np.__version__, "cases": cases}, f, indent=1)

if __name__ == "__main__":
    main()
