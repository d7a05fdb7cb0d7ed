"""Writes NumPy's output of the generalised notebook with a validation set and metrics (validation-transcripts.json).

The training is make_deep_transcripts.py's generalised notebook. At each logged epoch the loss of a second table,
X_val and y_val, is computed with the same weights as that epoch's training loss (those before its update) and the
same loss function, and printed after it as f"..., Validation: {val_loss:.4f}". After the predictions come the
epochs run, the last epoch's loss as Python's repr, and the accuracy: the share of rows whose every output is within
0.5 of its target, as XorNet's --metrics prints them. The validation tables are CSV files read as XorNet reads them
(comments and a header skipped; the values were written with repr, so float() gives the same doubles); one,
two-targets-validation-100.csv, is written here with make_deep_transcripts.write_csv.

Run with Debian's NumPy 1.24.2 on the reference BLAS, its AVX-512 kernels switched off, from this folder:

    NPY_DISABLE_CPU_FEATURES="AVX512F AVX512CD AVX512_SKX AVX512_CLX AVX512_CNL AVX512_ICL" \
        LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/blas /usr/bin/python3 make_validation_transcripts.py
"""
import io, json, contextlib
import numpy as np
from make_deep_transcripts import generalised_notebook, read_csv, truth_table, write_csv

CASES = [
    # data, validation file (or None), seed, layers, activation, init, loss, lr, epochs, log every
    ("xor", "xor-square-200.csv", 42, [4], "sigmoid", "normal", "mse", 0.1, 10000, 1000),  # the notebook's network
    ("xor", None, 42, [4], "sigmoid", "normal", "mse", 0.1, 10000, 1000),  # --metrics alone
    ("xor", "xor-square-200.csv", 42, [4], "sigmoid", "normal", "mse", 0.1, 600, 100),  # not yet all right
    ("xor", "xor-square-200.csv", 11, [16, 16], "relu", "he", "bce", 0.05, 2000, 250),
    ("xor", "xor-square-200.csv", 0, [4], "sigmoid", "normal", "bce", 0.1, 0, 1),  # no epoch
    ("xor", "xor-square-200.csv", 31, [5, 5], "tanh", "normal", "mse", 4.0, 300, 1),  # every epoch, chaotic steps
    ("parity3", "parity-cube-1500.csv", 42, [6, 6], "tanh", "xavier", "mse", 0.3, 4000, 500),  # several row blocks
    ("parity3", "parity-cube-1500.csv", 42, [8], "sigmoid", "normal", "mse", 0.5, 3000, 500),  # the notebook's kind, 3 inputs
    ("half-adder", "two-targets-300.csv", 4, [8, 4], "tanh", "xavier", "bce", 0.1, 3000, 500),  # --targets from the dataset
    ("two-targets-300.csv", "two-targets-validation-100.csv", 42, [8], "tanh", "xavier", "mse", 0.01, 800, 100),
    ("three-targets-1200.csv", None, 3, [16, 8], "sigmoid", "xavier", "bce", 0.001, 150, 25),
]

def main():
    write_csv("two-targets-validation-100.csv", 100, 2, 2, 100)
    cases = []
    for name, validation, seed, layers, activation, init, loss, lr, epochs, log_every in CASES:
        case = {"seed": seed, "layers": layers, "activation": activation, "init": init, "loss": loss,
                "learningRate": lr, "epochs": epochs, "logEvery": log_every}
        if name.endswith(".csv"):
            targets = {"two-targets-300.csv": 2, "three-targets-1200.csv": 3}[name]
            X, y = read_csv(name, targets)
            case["data"], case["targets"] = name, targets
        else:
            X, y = truth_table(name)
            case["dataset"] = name
        table = None
        if validation is not None:
            table = read_csv(validation, y.shape[1])
            assert table[0].shape[1] == X.shape[1]
            case["validation"] = validation
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            generalised_notebook(X, y, seed, layers, activation, init, loss, lr, epochs, log_every, case, validation=table, metrics=True)
        case["transcript"] = out.getvalue()
        cases.append(case)
    with open("validation-transcripts.json", "w") as f:
        json.dump({"numpy": np.__version__, "cases": cases}, f, indent=1)

if __name__ == "__main__":
    main()
