"""Per-epoch time of the generalised notebook's loop in NumPy (sigmoid hidden layers, sigmoid output, MSE, normal
initialisation), for side-by-side timings with XorNet's --layers.
Usage: python3 deep_numpy_epoch.py LAYERS EPOCHS [ROWS [CSV_OUT]]
LAYERS is the hidden sizes, as for --layers (64,64). ROWS omitted: the 4-row XOR table, learning rate 0.1. ROWS
given: the same points as ../shared/bench/numpy_epoch.py and BenchmarkData.UnitSquare (RandomState(0).rand pairs
labelled by XOR of x1 > 0.5, x2 > 0.5), learning rate 0.4 / ROWS; CSV_OUT given: those rows are written there as
`x1,x2,y` for XorNet's --data. Prints the wall time an epoch took and the CPU time the process spent on it (on a
busy machine the second leaves out the time spent waiting for a CPU), and the BLAS library NumPy loaded, so a run
states what it measured."""
import sys, time
import numpy as np

def make_rows(rows):
    rs = np.random.RandomState(0)
    X = rs.rand(rows, 2)
    y = ((X[:, 0] > 0.5) != (X[:, 1] > 0.5)).astype(float).reshape(-1, 1)
    return X, y

def blas():
    with open("/proc/self/maps") as maps:
        names = {line.split()[-1] for line in maps if "blas" in line.lower() and "/" in line}
    return ",".join(sorted(names)) or "unknown"

def train(X, y, hidden, epochs, lr, make_step=None):
    """The generalised notebook's loop from np.random.seed(42); make_step(p), when given, returns the update of the
    parameter array p by its gradient (plain gradient descent without it). Returns the wall and CPU seconds of the
    epochs and the last loss."""
    n = [X.shape[1]] + hidden + [y.shape[1]]
    L = len(n) - 1
    sigmoid = lambda z: 1 / (1 + np.exp(-z))
    np.random.seed(42)
    W = [None] + [np.random.randn(n[l - 1], n[l]) for l in range(1, L + 1)]
    b = [None] + [np.zeros((1, n[l])) for l in range(1, L + 1)]
    steps = None if make_step is None else [step for l in range(1, L + 1) for step in (make_step(W[l]), make_step(b[l]))]
    a = [None] * (L + 1); dW = [None] * (L + 1); db = [None] * (L + 1)
    start, cpu_start = time.perf_counter(), time.process_time()
    for _ in range(epochs):
        a[0] = X
        for l in range(1, L + 1):
            a[l] = sigmoid(a[l - 1] @ W[l] + b[l])
        y_hat = a[L]
        loss = np.mean((y - y_hat) ** 2)
        d = -(y - y_hat) * (y_hat * (1 - y_hat))
        for l in range(L, 0, -1):
            dW[l] = a[l - 1].T @ d; db[l] = np.sum(d, axis=0, keepdims=True)
            if l > 1:
                d = (d @ W[l].T) * (a[l - 1] * (1 - a[l - 1]))
        if steps is None:
            for l in range(L, 0, -1):
                W[l] -= lr * dW[l]; b[l] -= lr * db[l]
        else:
            for l in range(L, 0, -1):
                steps[2 * l - 2](dW[l]); steps[2 * l - 1](db[l])
    return time.perf_counter() - start, time.process_time() - cpu_start, loss

def main():
    hidden = [int(n) for n in sys.argv[1].split(",")]
    epochs = int(sys.argv[2])
    if len(sys.argv) > 3:
        X, y = make_rows(int(sys.argv[3])); lr = 0.4 / X.shape[0]
        if len(sys.argv) > 4:
            with open(sys.argv[4], "w") as f:
                f.write("x1,x2,y\n")
                for (a, b), t in zip(X, y[:, 0]):
                    f.write(f"{a!r},{b!r},{int(t)}\n")
    else:
        X, y = np.array([[0, 0], [0, 1], [1, 0], [1, 1]]), np.array([[0], [1], [1], [0]]); lr = 0.1
    seconds, cpu_seconds, loss = train(X, y, hidden, epochs, lr)
    print(f"rows={X.shape[0]} layers={sys.argv[1]} epochs={epochs} lr={lr!r} ns_per_epoch={seconds / epochs * 1e9:.1f} "
          f"cpu_ns_per_epoch={cpu_seconds / epochs * 1e9:.1f} final_loss={loss!r} blas={blas()}")

if __name__ == "__main__":
    main()
