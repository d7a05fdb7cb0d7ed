"""Writes dataset-transcripts.json: the Playground's generated sets (circle, gauss, xor-plane, spiral) drawn by NumPy,
and NumPy's output of the generalised notebook of make_deep_transcripts.py (imported, not copied) trained on them.

A set has n rows, the first k = n // 2 of class 1 and the rest of class 0, every draw from its own generator
rng = np.random.RandomState(data_seed), separate from the weights' np.random.seed(seed), with Gaussian noise of
standard deviation `noise` added last (see plane_set). "sets" holds each drawn set (its X and y; json writes every
double with repr, so each reads back to the same bits); "cases" holds XorNet command lines ("args") with NumPy's
transcript and, for the JSON report, the log, final loss, predictions and final weights. A case with "validation"
names a set that `XorNet data` writes to a file, which training then reads with --validation.

Run as make_deep_transcripts.py is (Debian's NumPy 1.24.2, reference BLAS, AVX-512 kernels off, so that np.cos,
np.sin, np.exp and np.log are the C library's):

    NPY_DISABLE_CPU_FEATURES="AVX512F AVX512CD AVX512_SKX AVX512_CLX AVX512_CNL AVX512_ICL" \\
        LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/blas /usr/bin/python3 make_dataset_transcripts.py
"""
import io, json, contextlib
import numpy as np
from make_deep_transcripts import generalised_notebook


def plane_set(name, n=200, noise=0.1, data_seed=0):
    """The rule, line for line."""
    rng = np.random.RandomState(data_seed)
    k = n // 2
    if name == "circle":
        r = np.concatenate([rng.uniform(0, 0.5, k), rng.uniform(0.7, 1.0, n - k)])
        t = rng.uniform(0, 2 * np.pi, n)
        X = np.column_stack([r * np.cos(t), r * np.sin(t)])
    elif name == "gauss":
        X = np.concatenate([rng.normal(0.5, 0.25, (k, 2)), rng.normal(-0.5, 0.25, (n - k, 2))])
    elif name == "xor-plane":
        X = rng.uniform(-1, 1, (n, 2))
    elif name == "spiral":
        i = np.concatenate([np.arange(k), np.arange(n - k)])
        m = np.concatenate([np.full(k, k), np.full(n - k, n - k)])
        r = i / m
        t = 1.75 * 2 * np.pi * i / m + np.concatenate([np.zeros(k), np.full(n - k, np.pi)])
        X = np.column_stack([r * np.sin(t), r * np.cos(t)])
    else:
        raise ValueError(name)
    if name == "xor-plane":
        y = ((X[:, 0] > 0) != (X[:, 1] > 0)).astype(float).reshape(-1, 1)
    else:
        y = np.concatenate([np.ones(k), np.zeros(n - k)]).reshape(-1, 1)
    if noise > 0:
        X = X + rng.normal(0, noise, (n, 2))
    return X, y


SETS = [
    # name, samples, noise, data seed
    *[(name, 200, 0.1, 0) for name in ("circle", "gauss", "xor-plane", "spiral")],  # the defaults
    *[(name, 200, 0.0, 0) for name in ("circle", "gauss", "xor-plane", "spiral")],  # no noise: nothing more drawn
    *[(name, n, 0.1, 3) for name in ("circle", "gauss", "xor-plane", "spiral") for n in (1, 2, 3, 7)],  # odd and tiny
    *[(name, 101, 0.25, 4294967295) for name in ("circle", "gauss", "xor-plane", "spiral")],  # the largest data seed
    ("spiral", 1500, 0.05, 1), ("circle", 1200, 0.0, 9),  # more than 1000 rows
]

# Each case: the set, then what differs from the notebook (seed 42, hidden 4, sigmoid, normal, mse, lr 0.1, 10000
# epochs, log every 1000).
CASES = [
    {"set": ("circle", 200, 0.1, 0), "layers": [4], "epochs": 2000, "log": 250, "lr": 0.5},
    {"set": ("circle", 200, 0.0, 0), "layers": [8], "activation": "tanh", "init": "xavier", "epochs": 1500, "log": 300, "lr": 0.05},
    {"set": ("gauss", 200, 0.1, 0), "layers": [4], "epochs": 500, "log": 100},
    {"set": ("gauss", 200, 0.0, 0), "layers": [2], "activation": "relu", "init": "he", "loss": "bce", "epochs": 400, "log": 50, "lr": 0.01},
    {"set": ("xor-plane", 200, 0.1, 0), "layers": [8, 8], "activation": "tanh", "init": "xavier", "epochs": 1500, "log": 250, "lr": 0.02},
    {"set": ("xor-plane", 200, 0.0, 0), "layers": [4], "seed": 7, "epochs": 1000, "log": 200, "lr": 1.0},
    {"set": ("spiral", 200, 0.1, 0), "layers": [16, 16], "activation": "tanh", "init": "xavier", "loss": "bce", "epochs": 2000, "log": 250, "lr": 0.005},
    {"set": ("spiral", 200, 0.0, 0), "layers": [8, 8], "activation": "relu", "init": "he", "seed": 3, "epochs": 1000, "log": 200, "lr": 0.01},
    {"set": ("circle", 7, 0.1, 3), "layers": [3], "seed": 1, "epochs": 300, "log": 50},
    {"set": ("spiral", 1, 0.1, 3), "layers": [4], "epochs": 100, "log": 25},
    {"set": ("gauss", 2, 0.1, 3), "layers": [2, 2], "activation": "tanh", "epochs": 100, "log": 20},
    {"set": ("xor-plane", 3, 0.1, 3), "layers": [4], "seed": 5, "loss": "bce", "epochs": 200, "log": 40},
    {"set": ("xor-plane", 101, 0.25, 4294967295), "layers": [6], "activation": "relu", "init": "he", "epochs": 600, "log": 100, "lr": 0.05},
    {"set": ("spiral", 1500, 0.05, 1), "layers": [8], "activation": "tanh", "epochs": 40, "log": 10, "lr": 0.001},  # summarised print
    {"set": ("circle", 200, 0.1, 0), "layers": [4], "epochs": 800, "log": 200, "lr": 0.3, "validation": ("circle", 200, 0.1, 1)},
    # No hidden layer (--layers none) and zero initial weights (--init zeros) on planes.
    {"set": ("circle", 200, 0.1, 0), "layers": [], "epochs": 500, "log": 100, "lr": 0.05},  # a line cannot cut a ring
    {"set": ("gauss", 200, 0.1, 0), "layers": [], "loss": "bce", "seed": 3, "epochs": 300, "log": 50, "lr": 0.05},
    {"set": ("spiral", 200, 0.1, 0), "layers": [4, 4], "init": "zeros", "activation": "tanh", "epochs": 300, "log": 50, "lr": 0.01},
    {"set": ("xor-plane", 200, 0.0, 0), "layers": [], "init": "zeros", "epochs": 200, "log": 50},
    {"set": ("circle", 7, 0.1, 3), "layers": [3], "init": "zeros", "seed": 1, "epochs": 100, "log": 25, "lr": 0.5},
]


def set_args(spec):
    name, n, noise, data_seed = spec
    return ["--dataset", name, "--samples", str(n), "--noise", repr(noise), "--data-seed", str(data_seed)]


def main():
    sets = []
    for spec in SETS:
        X, y = plane_set(*spec)
        sets.append({"name": spec[0], "samples": spec[1], "noise": spec[2], "dataSeed": spec[3],
                     "X": X.tolist(), "y": y.tolist()})
    cases = []
    for c in CASES:
        seed, layers = c.get("seed", 42), c["layers"]
        activation, init, loss = c.get("activation", "sigmoid"), c.get("init", "normal"), c.get("loss", "mse")
        lr, epochs, log_every = c.get("lr", 0.1), c["epochs"], c["log"]
        args = [*set_args(c["set"]), "--seed", str(seed), "--layers", ",".join(map(str, layers)) or "none", "--activation", activation,
                "--init", init, "--loss", loss, "--lr", repr(lr), "--epochs", str(epochs), "--log-every", str(log_every)]
        record = {"args": args}
        validation = None
        if "validation" in c:
            validation = plane_set(*c["validation"])
            record["validation"] = set_args(c["validation"])[1:]
        X, y = plane_set(*c["set"])
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            generalised_notebook(X, y, seed, layers, activation, init, loss, lr, epochs, log_every, record, validation=validation)
        record["transcript"] = out.getvalue()
        cases.append(record)
    with open("dataset-transcripts.json", "w") as f:
        json.dump({"numpy": np.__version__, "sets": sets, "cases": cases}, f, indent=1)


if __name__ == "__main__":
    main()
