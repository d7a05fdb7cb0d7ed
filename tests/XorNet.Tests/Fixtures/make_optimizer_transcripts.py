"""Writes optimizer-transcripts.json: NumPy's output of the generalised notebook with each update rule, mini-batches
and weight decay (the Optimizer class and batch_size of make_deep_transcripts.py, imported, not copied).

Each case holds the XorNet command line that asks for the same run ("args", CSV files named as in this folder), the
transcript NumPy prints, and the log, final loss, predictions and final weights.

Run as make_deep_transcripts.py is (Debian's NumPy 1.24.2, reference BLAS, AVX-512 kernels off):

    NPY_DISABLE_CPU_FEATURES="AVX512F AVX512CD AVX512_SKX AVX512_CLX AVX512_CNL AVX512_ICL" \\
        LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/blas /usr/bin/python3 make_optimizer_transcripts.py
"""
import io, json, contextlib
import numpy as np
from make_deep_transcripts import Optimizer, generalised_notebook, read_csv, truth_table

# Each case: the options that differ from the notebook's (seed 42, hidden 4, sigmoid, normal, mse, lr 0.1); "data"
# is a built-in truth table or a CSV file of this folder with its number of targets.
CASES = [
    {"optimizer": "sgd", "batch": 1, "lr": 0.5, "epochs": 2000, "log": 200},                      # online learning
    {"optimizer": "momentum", "lr": 0.1, "epochs": 3000, "log": 300},                             # the 1986 setting
    {"optimizer": "nesterov", "momentum": 0.5, "lr": 0.2, "epochs": 2000, "log": 250},
    {"optimizer": "adam", "lr": 0.01, "epochs": 3000, "log": 500},
    {"optimizer": "adam", "betas": (0.8, 0.99), "lr": 0.05, "batch": 3, "epochs": 1500, "log": 150},  # ragged: 3 + 1
    {"optimizer": "rmsprop", "lr": 0.01, "epochs": 2000, "log": 250},
    {"optimizer": "rprop", "lr": 0.1, "epochs": 1000, "log": 100},
    {"optimizer": "rprop", "lr": 0.05, "batch": 2, "seed": 3, "epochs": 800, "log": 100},
    {"optimizer": "sgd", "wd": 0.01, "lr": 0.5, "epochs": 2000, "log": 250},
    {"optimizer": "momentum", "wd": 0.001, "momentum": 0.8, "batch": 1, "lr": 0.05, "epochs": 1000, "log": 100},
    {"optimizer": "adam", "data": "half-adder", "lr": 0.1, "epochs": 1000, "log": 100},          # two outputs
    {"optimizer": "rmsprop", "data": "full-adder", "layers": [8, 8], "activation": "tanh", "init": "xavier", "loss": "bce",
     "lr": 0.005, "epochs": 800, "log": 100},
    {"optimizer": "adam", "layers": [6, 5, 4], "activation": "relu", "init": "he", "batch": 3, "seed": 5, "lr": 0.01,
     "epochs": 600, "log": 60},                                                                 # three layers
    {"optimizer": "nesterov", "data": "parity3", "layers": [6, 6], "activation": "tanh", "init": "xavier", "batch": 5,
     "lr": 0.1, "epochs": 800, "log": 100},                                                     # ragged: 5 + 3
    {"optimizer": "adam", "data": ("two-targets-300.csv", 2), "layers": [8], "activation": "tanh", "init": "xavier",
     "batch": 64, "lr": 0.01, "epochs": 60, "log": 10},                                          # 4 × 64 + 44
    {"optimizer": "rprop", "data": ("three-targets-1200.csv", 3), "layers": [16, 8], "init": "xavier", "loss": "bce",
     "batch": 100, "seed": 3, "lr": 0.001, "epochs": 20, "log": 5},                              # summarised print
    {"optimizer": "momentum", "data": ("xor-square-200.csv", 1), "hidden": 8, "batch": 32, "lr": 0.05, "epochs": 200,
     "log": 25},                                                                                 # 6 × 32 + 8
    {"optimizer": "sgd", "batch": 10, "lr": 0.5, "epochs": 1000, "log": 100},                     # one shuffled batch
    {"optimizer": "rmsprop", "data": "and", "layers": [2, 2], "batch": 1, "lr": 0.01, "epochs": 300, "log": 50},
    {"optimizer": "adam", "wd": 0.01, "hidden": 2, "seed": 3, "lr": 0.05, "epochs": 1500, "log": 250},
    {"optimizer": "rprop", "wd": 0.001, "hidden": 3, "batch": 1, "seed": 11, "lr": 0.01, "epochs": 500, "log": 50},
    {"optimizer": "sgd", "data": "half-adder", "loss": "bce", "batch": 1, "lr": 0.3, "epochs": 800, "log": 100},
    {"optimizer": "adam", "lr": 0.1, "batch": 2, "epochs": 0, "log": 1},                          # no epoch
    {"optimizer": "nesterov", "momentum": 0.95, "hidden": 16, "batch": 3, "seed": 0, "lr": 0.02, "epochs": 1000,
     "log": 100, "metrics": True},
    {"optimizer": "adam", "layers": [3, 3], "batch": 3, "lr": 0.05, "epochs": 4, "log": 1, "trace": [0, 3]},
    {"optimizer": "momentum", "data": ("two-targets-300.csv", 2), "layers": [8], "activation": "tanh", "init": "xavier",
     "batch": 50, "lr": 0.02, "epochs": 40, "log": 10, "validation": "two-targets-validation-100.csv", "metrics": True},
    {"optimizer": "rmsprop", "lr": 0.001, "wd": 0.1, "data": "xnor", "layers": [4, 4], "activation": "relu", "init": "he",
     "batch": 4, "seed": 8, "epochs": 1000, "log": 100},                                         # one batch, every row
]

def arguments(c):
    """The XorNet command line for a case."""
    data = c.get("data", "xor")
    args = ["--data", data[0], "--targets", str(data[1])] if isinstance(data, tuple) else ["--dataset", data]
    args += ["--seed", str(c.get("seed", 42))]
    args += ["--layers", ",".join(map(str, c["layers"])) or "none"] if "layers" in c else ["--hidden", str(c.get("hidden", 4))]
    if "features" in c:
        args += ["--features", ",".join(c["features"])]
    for option, key in (("--activation", "activation"), ("--init", "init"), ("--loss", "loss")):
        if key in c:
            args += [option, c[key]]
    args += ["--lr", repr(c["lr"]), "--epochs", str(c["epochs"]), "--log-every", str(c["log"]), "--optimizer", c["optimizer"]]
    if "momentum" in c:
        args += ["--momentum", repr(c["momentum"])]
    if "betas" in c:
        args += ["--betas", ",".join(map(repr, c["betas"]))]
    if "wd" in c:
        args += ["--weight-decay", repr(c["wd"])]
    if "batch" in c:
        args += ["--batch-size", str(c["batch"])]
    if "validation" in c:
        args += ["--validation", c["validation"]]
    if c.get("metrics"):
        args += ["--metrics"]
    if "trace" in c:
        args += ["--trace", ",".join(map(str, c["trace"]))]
    return args

def run(c, inputs=None):
    """A case's record: its command line, and what the generalised notebook prints and ends with. inputs, when
    given, turns the raw rows of the training and validation tables into the network's inputs."""
    data = c.get("data", "xor")
    X, y = read_csv(data[0], data[1]) if isinstance(data, tuple) else truth_table(data)
    validation = read_csv(c["validation"], y.shape[1]) if "validation" in c else None
    if inputs is not None:
        X = inputs(X)
        validation = None if validation is None else (inputs(validation[0]), validation[1])
    optimizer = Optimizer(c["optimizer"], c["lr"], c.get("momentum", 0.9), c.get("betas", (0.9, 0.999)), c.get("wd", 0.0))
    layers = c.get("layers", [c.get("hidden", 4)])
    record = {"args": arguments(c)}
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        generalised_notebook(X, y, c.get("seed", 42), layers, c.get("activation", "sigmoid"), c.get("init", "normal"),
                             c.get("loss", "mse"), c["lr"], c["epochs"], c["log"], record, validation=validation,
                             trace=c.get("trace", ()), metrics=c.get("metrics", False), optimizer=optimizer,
                             batch_size=c.get("batch"))
    record["transcript"] = out.getvalue()
    return record

def main():
    cases = [run(c) for c in CASES]
    with open("optimizer-transcripts.json", "w") as f:
        json.dump({"numpy": np.__version__, "cases": cases}, f, indent=1)

if __name__ == "__main__":
    main()
