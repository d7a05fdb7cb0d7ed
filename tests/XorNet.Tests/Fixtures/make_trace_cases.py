"""Writes trace-cases.json: NumPy's stdout of the notebook, and of the generalised notebook, with prints added at
the end of chosen epochs, which is what `XorNet --trace EPOCHS` must print (and two of the data files it uses, wide-range-1100.csv and
overflow-4.csv).

At the end of each traced epoch (after its "Epoch N, Loss" line when it has one) the code prints "--- epoch N ---",
then for each array a line "name =" and print(name), with NumPy's default print options. The values are the
epoch's own, computed from its weights before the update.

- The notebook's network (one sigmoid hidden layer, one output, np.random.randn weights unscaled, mean squared
  error) prints the notebook's own variables: z1 a1 z2 y_hat loss d_loss_y_hat d_y_hat_z2 dW2 db2 d_a1_z1 dW1 db1.
  The notebook's line d1 = (d2 @ W2.T) * (a1 * (1 - a1)) is written d_a1_z1 = a1 * (1 - a1) and
  d1 = (d2 @ W2.T) * d_a1_z1, which computes the same bits.
- Every other network (more layers, another activation, initial scale or loss, several outputs) prints
  z1 a1 ... zL y_hat loss, then for l = L ... 1 delta{l} dW{l} db{l}, delta{l} being the error at layer l's
  pre-activation (the generalised notebook's d when it computes dW[l]).

Each case stores the command line that must print the same text ("args"; a CSV file is named as it is here).
Run with Debian's NumPy 1.24.2 on the reference BLAS, its AVX-512 kernels switched off (np.exp, np.log and np.tanh
are then the C library's):

    NPY_DISABLE_CPU_FEATURES="AVX512F AVX512CD AVX512_SKX AVX512_CLX AVX512_CNL AVX512_ICL" \
        LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/blas /usr/bin/python3 make_trace_cases.py
"""
import io, json, contextlib
import numpy as np
from make_deep_transcripts import generalised_notebook, print_trace, read_csv, truth_table

assert np.__version__.startswith('1.24'), np.__version__
np.set_printoptions()  # the defaults: precision 8, threshold 1000, edgeitems 3, linewidth 75


def notebook(X, y, seed, hidden, lr, epochs, log_every, trace):
    """The notebook's cells, with the trace's prints added."""
    def sigmoid(z):
        return 1 / (1 + np.exp(-z))
    np.random.seed(seed)
    W1 = np.random.randn(X.shape[1], hidden)
    b1 = np.zeros((1, hidden))
    W2 = np.random.randn(hidden, 1)
    b2 = np.zeros((1, 1))
    y_hat = sigmoid(sigmoid(X @ W1 + b1) @ W2 + b2)  # what is printed when no epoch runs
    for epoch in range(epochs):
        z1 = X @ W1 + b1
        a1 = sigmoid(z1)
        z2 = a1 @ W2 + b2
        y_hat = sigmoid(z2)
        loss = np.mean((y - y_hat) ** 2)
        d_loss_y_hat = -(y - y_hat)
        d_y_hat_z2 = y_hat * (1 - y_hat)
        d2 = d_loss_y_hat * d_y_hat_z2
        dW2 = a1.T @ d2
        db2 = np.sum(d2, axis=0, keepdims=True)
        d_a1_z1 = a1 * (1 - a1)
        d1 = (d2 @ W2.T) * d_a1_z1
        dW1 = X.T @ d1
        db1 = np.sum(d1, axis=0, keepdims=True)
        W2 -= lr * dW2
        b2 -= lr * db2
        W1 -= lr * dW1
        b1 -= lr * db1
        if epoch % log_every == 0:
            print(f"Epoch {epoch}, Loss: {loss:.4f}")
        if epoch in trace:
            print_trace(epoch, [("z1", z1), ("a1", a1), ("z2", z2), ("y_hat", y_hat), ("loss", loss),
                                ("d_loss_y_hat", d_loss_y_hat), ("d_y_hat_z2", d_y_hat_z2), ("dW2", dW2), ("db2", db2),
                                ("d_a1_z1", d_a1_z1), ("dW1", dW1), ("db1", db1)])
    print("\nPredictions after training:")
    print(np.round(y_hat, 3))


def write_wide_range_csv(name, rows):
    """Points whose two coordinates span 1e-6 to 1e3, so that the printed arrays are in scientific notation."""
    rs = np.random.RandomState(rows)
    X = rs.rand(rows, 2) * 10.0 ** rs.randint(-6, 4, size=(rows, 2))
    y = ((X > 0.5).sum(axis=1) % 2).reshape(-1, 1)
    with open(name, "w") as f:
        f.write("x1,x2,y\n")
        for features, target in zip(X, y[:, 0]):
            f.write(",".join(repr(float(v)) for v in features) + f",{int(target)}\n")


def write_overflow_csv(name):
    """XOR with a first row so large that X @ W1 overflows to inf, which the sigmoid saturates (the loss stays finite)."""
    with open(name, "w") as f:
        f.write("x1,x2,y\n1.7e308,1.7e308,1\n0,1,1\n1,0,1\n1,1,0\n")


NOTEBOOK_CASES = [
    # data, seed, hidden, lr, epochs, log every, traced epochs (as --trace is given)
    ("xor", 42, 4, 0.1, 10000, 1000, "0,1,9999"),  # the notebook's own run
    ("xor", 7, 2, 0.5, 300, 100, "299,0,150,100,150"),  # unsorted, repeated: printed in epoch order, once
    ("xor", 3, 64, 0.2, 50, 10, "49"),  # wide rows that wrap at 75 characters
    ("xor", 123, 1, 0.1, 20, 5, "0,7,19"),  # one hidden unit: db1 is one column, summed pairwise
    ("parity3", 17, 8, 1.5, 800, 100, "0,799"),
    ("xor", 5, 4, 19.2105, 3000, 500, "2998,2999"),  # large steps: saturated units, scientific notation
    ("xor", 42, 4, 0.1, 1, 1, "0"),
    ("xor-square-200.csv", 42, 8, 0.02, 30, 10, "0,29"),  # 1600 elements: summarised
    ("parity-cube-1500.csv", 7, 16, 0.002, 3, 1, "2"),  # a 1500-row y_hat: summarised
    ("wide-range-1100.csv", 1, 4, 0.001, 2, 1, "0,1"),  # scientific and summarised
    ("overflow-4.csv", 42, 4, 0.1, 2, 1, "0,1"),  # inf in z1
]

DEEP_CASES = [
    # data, seed, layers, activation, init, loss, lr, epochs, log every, traced epochs
    ("xor", 7, [8, 4], "sigmoid", "normal", "mse", 0.5, 100, 50, "0,1,99"),
    ("xor", 3, [8, 8], "tanh", "xavier", "mse", 0.2, 50, 10, "0,49"),
    ("xor", 11, [16, 16], "relu", "he", "bce", 0.05, 40, 10, "0,39"),  # -0. where dead units meet negative errors
    ("xor", 5, [6, 5, 4], "tanh", "xavier", "bce", 0.1, 10, 5, "3"),
    ("xor", 42, [4], "sigmoid", "normal", "bce", 0.1, 5, 1, "0,4"),  # the notebook's shape, another loss
    ("xor", 1, [4], "sigmoid", "xavier", "mse", 1.0, 5, 1, "0"),  # the notebook's shape, another initial scale
    ("xor", 42, [4], "relu", "normal", "mse", 0.1, 3, 1, "2"),
    ("xor", 42, [4], "sigmoid", "normal", "bce", 50.0, 300, 30, "299"),  # saturated: logs clamped at -100
    ("half-adder", 42, [4], "sigmoid", "normal", "mse", 0.5, 500, 100, "0,499"),
    ("full-adder", 8, [8, 8], "relu", "he", "bce", 0.05, 30, 10, "0,29"),
    ("two-targets-300.csv", 42, [8], "tanh", "xavier", "mse", 0.01, 5, 1, "0,4"),
    ("three-targets-1200.csv", 3, [16, 8], "sigmoid", "xavier", "bce", 0.001, 3, 1, "1"),
    ("wide-range-1100.csv", 2, [6, 3], "tanh", "he", "mse", 0.001, 2, 1, "1"),
]

CSV_TARGETS = {"overflow-4.csv": 1, "xor-square-200.csv": 1, "parity-cube-1500.csv": 1, "wide-range-1100.csv": 1,
               "two-targets-300.csv": 2, "three-targets-1200.csv": 3}


def data_of(name):
    return read_csv(name, CSV_TARGETS[name]) if name.endswith(".csv") else truth_table(name)


def data_args(name):
    if name.endswith(".csv"):
        return ["--data", name] + (["--targets", str(CSV_TARGETS[name])] if CSV_TARGETS[name] > 1 else [])
    return ["--dataset", name]


def traced(text):
    return {int(e) for e in text.split(",")}


def run(function, *args):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        function(*args)
    return out.getvalue()


def main():
    write_wide_range_csv("wide-range-1100.csv", 1100)
    write_overflow_csv("overflow-4.csv")
    cases = []
    for name, seed, hidden, lr, epochs, log_every, trace in NOTEBOOK_CASES:
        X, y = data_of(name)
        args = data_args(name) + ["--seed", str(seed), "--hidden", str(hidden), "--lr", repr(lr),
                                  "--epochs", str(epochs), "--log-every", str(log_every), "--trace", trace]
        cases.append({"args": args, "transcript": run(notebook, X, y, seed, hidden, lr, epochs, log_every, traced(trace))})
    for name, seed, layers, activation, init, loss, lr, epochs, log_every, trace in DEEP_CASES:
        X, y = data_of(name)
        args = data_args(name) + ["--seed", str(seed), "--layers", ",".join(map(str, layers)),
                                  "--activation", activation, "--init", init, "--loss", loss, "--lr", repr(lr),
                                  "--epochs", str(epochs), "--log-every", str(log_every), "--trace", trace]
        cases.append({"args": args, "transcript": run(lambda: generalised_notebook(
            X, y, seed, layers, activation, init, loss, lr, epochs, log_every, {}, trace=traced(trace)))})
    with open("trace-cases.json", "w") as f:
        json.dump({"numpy": np.__version__, "cases": cases}, f, indent=1)


if __name__ == "__main__":
    main()
