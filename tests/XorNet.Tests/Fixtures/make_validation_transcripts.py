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
from make_deep_transcripts import ACTIVATIONS, SCALES, sigmoid, truth_table, write_csv

def read_csv(name, targets):
    rows = []
    with open(name) as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            try:
                rows.append([float(v) for v in line.split(",")])
            except ValueError:
                if rows:
                    raise
                continue  # the header
    table = np.array(rows)
    return table[:, :-targets], table[:, -targets:]

def loss_of(loss_name, y, y_hat):
    if loss_name == "mse":
        return np.mean((y - y_hat) ** 2)
    return -np.mean(y * np.maximum(np.log(y_hat), -100) + (1 - y) * np.maximum(np.log(1 - y_hat), -100))

def notebook_with_validation(X, y, X_val, y_val, seed, layers, activation, init, loss_name, lr, epochs, log_every, record):
    act, act_derivative = ACTIVATIONS[activation]
    sizes = [X.shape[1]] + list(layers) + [y.shape[1]]
    L = len(sizes) - 1
    np.random.seed(seed)
    W, b = [None], [None]
    for l in range(1, L + 1):
        w = np.random.randn(sizes[l - 1], sizes[l])
        if SCALES[init] is not None:
            w = w * SCALES[init](sizes[l - 1])
        W.append(w)
        b.append(np.zeros((1, sizes[l])))

    def forward(inputs):
        a = [inputs]
        for l in range(1, L + 1):
            z = a[l - 1] @ W[l] + b[l]
            a.append(act(z) if l < L else sigmoid(z))
        return a

    y_hat = forward(X)[L]
    log = []
    loss = None
    for epoch in range(epochs):
        a = forward(X)
        y_hat = a[L]
        loss = loss_of(loss_name, y, y_hat)
        if loss_name == "mse":
            d = -(y - y_hat) * (y_hat * (1 - y_hat))
        else:
            d = y_hat - y
        # The validation loss with this epoch's weights, before they are updated.
        val_loss = None if X_val is None or epoch % log_every != 0 else loss_of(loss_name, y_val, forward(X_val)[L])
        dW, db = [None] * (L + 1), [None] * (L + 1)
        for l in range(L, 0, -1):
            dW[l] = a[l - 1].T @ d
            db[l] = np.sum(d, axis=0, keepdims=True)
            if l > 1:
                d = (d @ W[l].T) * act_derivative(a[l - 1])
        for l in range(L, 0, -1):
            W[l] -= lr * dW[l]
            b[l] -= lr * db[l]
        if epoch % log_every == 0:
            entry = {"epoch": epoch, "loss": float(loss)}
            if val_loss is None:
                print(f"Epoch {epoch}, Loss: {loss:.4f}")
            else:
                print(f"Epoch {epoch}, Loss: {loss:.4f}, Validation: {val_loss:.4f}")
                entry["validation"] = float(val_loss)
            log.append(entry)
    print("\nPredictions after training:")
    print(np.round(y_hat, 3))
    right = int(np.sum(np.all(np.abs(y_hat - y) < 0.5, axis=1)))
    rows = y.shape[0]
    accuracy = right / rows
    percent = f"{accuracy * 100:.2f}".rstrip("0").rstrip(".")
    every = "" if y.shape[1] == 1 else "with every output "
    print()
    print(f"Epochs run: {epochs}")
    print(f"Final loss: {float(loss)!r}" if loss is not None else "Final loss: none (no epoch ran)")
    print(f"Accuracy: {percent}% ({right} of {rows} {every}on the right side of 0.5)")
    record.update({
        "log": log,
        "finalLoss": None if loss is None else float(loss),
        "accuracy": accuracy,
        "predictions": y_hat.tolist(),
    })

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
        X_val = y_val = None
        if validation is not None:
            X_val, y_val = read_csv(validation, y.shape[1])
            assert X_val.shape[1] == X.shape[1]
            case["validation"] = validation
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            notebook_with_validation(X, y, X_val, y_val, seed, layers, activation, init, loss, lr, epochs, log_every, case)
        case["transcript"] = out.getvalue()
        cases.append(case)
    with open("validation-transcripts.json", "w") as f:
        json.dump({"numpy": np.__version__, "cases": cases}, f, indent=1)

if __name__ == "__main__":
    main()
