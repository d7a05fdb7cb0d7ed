"""Writes feature-transcripts.json: NumPy's output of the generalised notebook (generalised_notebook of
make_deep_transcripts.py, run through make_optimizer_transcripts.py's run, both imported, not copied) with feature
inputs, no hidden layer and zero initial weights.

Feature inputs: the network's input is np.column_stack of the listed columns computed from the raw x1 = X[:, 0] and
x2 = X[:, 1]; the notebook then runs on that matrix as on any other. No hidden layer: layers [] (y_hat =
sigmoid(X @ W1 + b1)). Zero initial weights: init "zeros" (every W[l] = np.zeros, nothing drawn, so mini-batches
permute the untouched stream of np.random.seed(seed)).

Each case holds the XorNet command line that asks for the same run ("args", written as make_optimizer_transcripts.py
writes its own, CSV files named as in this folder), the transcript NumPy prints, and the log, final loss,
predictions and final weights. "sin" holds inputs and np.sin's outputs as IEEE-754 bits, the function the sin(x1)
and sin(x2) features compute.

Run as make_deep_transcripts.py is (Debian's NumPy 1.24.2, reference BLAS, AVX-512 kernels off: with them on,
NumPy 1.24 computes float64 np.sin with its own vectorised kernel, which differs from the C library's sin in the
last bit for more than half of all inputs):

    NPY_DISABLE_CPU_FEATURES="AVX512F AVX512CD AVX512_SKX AVX512_CLX AVX512_CNL AVX512_ICL" \\
        LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/blas /usr/bin/python3 make_feature_transcripts.py
"""
import json
import numpy as np
from make_deep_transcripts import read_csv
from make_optimizer_transcripts import run

FEATURES = {
    "x1": lambda X: X[:, 0],
    "x2": lambda X: X[:, 1],
    "x1^2": lambda X: X[:, 0] ** 2,
    "x2^2": lambda X: X[:, 1] ** 2,
    "x1*x2": lambda X: X[:, 0] * X[:, 1],
    "sin(x1)": lambda X: np.sin(X[:, 0]),
    "sin(x2)": lambda X: np.sin(X[:, 1]),
}

def feature_inputs(X, names):
    """The network's input for the raw two-input rows X: the named columns, in the order given."""
    return np.column_stack([FEATURES[name](X) for name in names])

ALL = list(FEATURES)

# Each case: the options that differ from the notebook's (seed 42, hidden 4, sigmoid, normal, mse, lr 0.1, 10000
# epochs, log every 1000); "layers": [] is --layers none; "data" is a truth table or a CSV file with its targets.
CASES = [
    # Each feature alone, and with its partner.
    {"features": ["x1"], "epochs": 1000, "log": 250},
    {"features": ["x2"], "seed": 3, "epochs": 1000, "log": 250},
    {"features": ["x1^2"], "data": ("xor-square-200.csv", 1), "epochs": 300, "log": 50},
    {"features": ["x2^2"], "data": ("xor-square-200.csv", 1), "activation": "tanh", "epochs": 300, "log": 50},
    {"features": ["x1*x2"], "layers": [], "lr": 1.0, "epochs": 2000, "log": 500},
    {"features": ["sin(x1)"], "data": ("xor-square-200.csv", 1), "seed": 5, "epochs": 300, "log": 50},
    {"features": ["sin(x2)"], "data": ("xor-square-200.csv", 1), "activation": "relu", "init": "he", "epochs": 300, "log": 50},
    {"features": ["sin(x1)", "sin(x2)"], "lr": 0.5, "epochs": 3000, "log": 500},
    # Feature lists: the feature cross that makes XOR linearly separable, orders, every feature, several outputs.
    {"features": ["x1", "x2", "x1*x2"], "layers": [], "lr": 1.0},
    {"features": ["x1", "x2", "x1*x2"], "layers": [], "loss": "bce", "seed": 7, "lr": 0.5, "epochs": 2000, "log": 250},
    {"features": ["x1*x2", "x2", "x1"], "layers": [4, 4], "activation": "relu", "init": "he", "batch": 1, "seed": 9,
     "lr": 0.05, "epochs": 500, "log": 50},
    {"features": ["x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)"], "data": ("xor-square-200.csv", 1), "layers": [4],
     "activation": "tanh", "init": "xavier", "lr": 0.01, "epochs": 300, "log": 30},
    {"features": ALL, "data": ("xor-square-200.csv", 1), "layers": [], "loss": "bce", "batch": 32, "lr": 0.1,
     "epochs": 200, "log": 25},
    {"features": ALL, "layers": [8, 4], "activation": "relu", "init": "he", "loss": "bce", "seed": 11, "lr": 0.05,
     "epochs": 1000, "log": 100},
    {"features": ["sin(x2)", "x1"], "data": "half-adder", "hidden": 3, "seed": 2, "lr": 0.5, "epochs": 2000, "log": 250},
    {"features": ["x1", "x2", "x1^2", "x2^2"], "data": ("xor-square-200.csv", 1), "layers": [], "optimizer": "adam",
     "lr": 0.01, "epochs": 400, "log": 50},
    {"features": ["x1*x2", "sin(x1)"], "data": ("two-targets-300.csv", 2), "layers": [6], "activation": "tanh",
     "init": "xavier", "lr": 0.01, "epochs": 100, "log": 10, "validation": "two-targets-validation-100.csv",
     "metrics": True},
    {"features": ["x2", "x1"], "data": "and", "layers": [2], "seed": 4, "lr": 1.0, "epochs": 1500, "log": 300},
    # No hidden layer: logistic regression, which cannot learn XOR (its loss stays at 0.25).
    {"layers": []},
    {"layers": [], "loss": "bce", "seed": 7, "lr": 0.5, "epochs": 3000, "log": 500},
    {"layers": [], "data": "and", "seed": 3, "lr": 1.0, "epochs": 3000, "log": 500},
    {"layers": [], "data": "half-adder", "seed": 5, "lr": 0.5, "epochs": 2000, "log": 250},
    {"layers": [], "data": ("xor-square-200.csv", 1), "batch": 16, "seed": 1, "lr": 0.2, "epochs": 200, "log": 25},
    {"layers": [], "data": ("two-targets-300.csv", 2), "optimizer": "momentum", "lr": 0.001, "epochs": 200, "log": 20},
    {"layers": [], "epochs": 3, "log": 1, "trace": [0, 2], "metrics": True},
    {"layers": [], "data": "or", "batch": 3, "seed": 0, "epochs": 4, "log": 1, "trace": [1]},
    {"layers": [], "epochs": 0, "log": 1},
    # Zero initial weights: every hidden unit of a layer stays the same as the others.
    {"init": "zeros", "epochs": 2000, "log": 250},
    {"init": "zeros", "layers": [4, 4], "activation": "tanh", "lr": 0.5, "epochs": 1000, "log": 100},
    {"init": "zeros", "hidden": 3, "activation": "relu", "lr": 0.5, "epochs": 500, "log": 100},
    {"init": "zeros", "data": "half-adder", "loss": "bce", "seed": 5, "lr": 0.5, "epochs": 1000, "log": 200},
    {"init": "zeros", "batch": 1, "lr": 0.5, "epochs": 500, "log": 100},
    {"init": "zeros", "batch": 3, "seed": 7, "layers": [3, 2], "lr": 1.0, "epochs": 400, "log": 50},
    {"init": "zeros", "layers": [], "data": "and", "lr": 1.0, "epochs": 1000, "log": 200},
    {"init": "zeros", "features": ["x1", "x2", "x1*x2"], "hidden": 3, "data": ("xor-square-200.csv", 1), "batch": 50,
     "lr": 0.5, "epochs": 100, "log": 20},
    {"init": "zeros", "layers": [2, 2], "epochs": 2, "log": 1, "trace": [1]},
]

def with_defaults(c):
    """The case with this script's defaults filled in, as make_optimizer_transcripts.py's cases give every value."""
    return {"optimizer": "sgd", "lr": 0.1, "epochs": 10000, "log": 1000, **c}

def sin_table():
    """Inputs (special values, the features' own inputs, random magnitudes) and np.sin of each, as IEEE-754 bits."""
    rs = np.random.RandomState(2024)
    specials = [0.0, -0.0, 1.0, -1.0, np.pi, -np.pi, np.pi / 2, 1e-300, 5e-324, 1e22, 1e300, 1.7976931348623157e308,
                np.inf, -np.inf, np.nan]
    x = np.concatenate([specials, read_csv("xor-square-200.csv", 1)[0].ravel(), rs.uniform(-10, 10, 3000),
                        rs.normal(0, 1, 2000), 10.0 ** rs.uniform(-20, 20, 2000) * rs.choice([-1, 1], 2000)])
    bits = lambda a: [int(v) for v in a.view(np.uint64)]
    return {"x": bits(x), "sin": bits(np.sin(x))}

def main():
    cases = [run(with_defaults(c), (lambda X, names=c["features"]: feature_inputs(X, names)) if "features" in c else None)
             for c in CASES]
    with open("feature-transcripts.json", "w") as f:
        json.dump({"numpy": np.__version__, "sin": sin_table(), "cases": cases}, f, indent=1)

if __name__ == "__main__":
    main()
