"""Writes NumPy's transcripts of the notebook for a spread of configurations (transcripts.json).

Run with Debian's NumPy 1.24.2, its AVX-512 kernels switched off so that np.exp is the C library's exp, as it
was on the machine that recorded the notebook's reference output (this setting reproduces
notebook-seed42-losses.csv bit for bit; with AVX-512 NumPy's own vectorised exp differs in the last bit):

    NPY_DISABLE_CPU_FEATURES="AVX512F AVX512CD AVX512_SKX AVX512_CLX AVX512_CNL AVX512_ICL" \
        /usr/bin/python3 make_transcripts.py

The training code is the notebook's own; only seed, hidden size, learning rate, epochs and the logging
interval vary. Each transcript is exactly what the notebook's cells print with those values."""
import io, json, contextlib
import numpy as np

def notebook(seed, hidden, lr, epochs, log_every, X=None, y=None):
    if X is None:
        X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])
        y = np.array([[0], [1], [1], [0]])
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
        d1 = (d2 @ W2.T) * (a1 * (1 - a1))
        dW1 = X.T @ d1
        db1 = np.sum(d1, axis=0, keepdims=True)
        W2 -= lr * dW2
        b2 -= lr * db2
        W1 -= lr * dW1
        b1 -= lr * db1
        if epoch % log_every == 0:
            print(f"Epoch {epoch}, Loss: {loss:.4f}")
    print("\nPredictions after training:")
    print(np.round(y_hat, 3))

CONFIGS = [
    # seed, hidden, learning rate, epochs, log every
    (0, 4, 0.1, 10000, 1000),
    (1, 4, 0.1, 3000, 250),
    (7, 2, 0.5, 2000, 100),
    (123, 1, 0.1, 500, 50),
    (2024, 8, 1.0, 4000, 400),
    (4294967295, 4, 0.1, 1000, 100),
    (99, 16, 0.05, 1500, 300),
    (5, 3, 2.5, 800, 37),
    (42, 4, 0.1, 0, 1000),
    (42, 4, 0.1, 1, 1),
    (42, 32, 0.3, 1200, 200),
    (31337, 6, 10.0, 600, 60),
    (11, 4, 1e-3, 200, 1),
    (3, 64, 0.2, 700, 100),
    # Large steps make training chaotic, so a last-bit difference anywhere shows in the printed digits.
    (3009493992, 32, 5.9114, 3000, 100),
    (5, 4, 19.2105, 3000, 10),
]

# The truth tables of --dataset: inputs in counting order, first column most significant.
def truth_table(name):
    bits = 3 if name == "parity3" else 2
    X = np.array([[(row >> (bits - 1 - c)) & 1 for c in range(bits)] for row in range(2 ** bits)])
    ones = X.sum(axis=1)
    target = {"xor": ones % 2 == 1, "parity3": ones % 2 == 1, "xnor": ones % 2 == 0, "and": ones == 2,
              "nand": ones != 2, "or": ones != 0, "nor": ones == 0}[name]
    return X, target.astype(int).reshape(-1, 1)

DATASETS = [
    # dataset, seed, hidden, learning rate, epochs, log every
    ("xor", 42, 4, 0.1, 10000, 1000),
    ("and", 42, 4, 0.1, 5000, 1000),
    ("or", 3, 2, 0.5, 3000, 500),
    ("nand", 9, 4, 0.1, 4000, 1000),
    ("nor", 42, 1, 1.0, 2000, 250),
    ("xnor", 5, 6, 0.8, 6000, 1000),
    ("parity3", 42, 4, 0.5, 10000, 1000),
    ("parity3", 17, 8, 1.5, 8000, 800),
]

# CSV files for --data: points in the unit square (or cube) labelled by XOR of the halves, written with repr
# so that the file parses back to exactly these doubles.
CSV_FILES = [
    # file, rows, inputs, header, seed, hidden, learning rate, epochs, log every
    ("xor-square-200.csv", 200, 2, True, 42, 8, 0.02, 3000, 500),
    ("parity-cube-1500.csv", 1500, 3, False, 7, 16, 0.002, 400, 100),
]

def write_csv(name, rows, inputs, header):
    rs = np.random.RandomState(rows)
    X = rs.rand(rows, inputs)
    y = ((X > 0.5).sum(axis=1) % 2).astype(float).reshape(-1, 1)
    with open(name, "w") as f:
        f.write("# points labelled by the parity of their coordinates above 0.5\n")
        if header:
            f.write(",".join([f"x{i + 1}" for i in range(inputs)] + ["y"]) + "\n")
        for features, target in zip(X, y[:, 0]):
            f.write(",".join(repr(float(v)) for v in features) + f",{int(target)}\n")
    return X, y

def transcript(*args, **kwargs):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        notebook(*args, **kwargs)
    return out.getvalue()

def main():
    cases = []
    for seed, hidden, lr, epochs, log_every in CONFIGS:
        cases.append({"seed": seed, "hidden": hidden, "learningRate": lr, "epochs": epochs,
                      "logEvery": log_every, "transcript": transcript(seed, hidden, lr, epochs, log_every)})
    for dataset, seed, hidden, lr, epochs, log_every in DATASETS:
        X, y = truth_table(dataset)
        cases.append({"dataset": dataset, "seed": seed, "hidden": hidden, "learningRate": lr, "epochs": epochs,
                      "logEvery": log_every, "transcript": transcript(seed, hidden, lr, epochs, log_every, X, y)})
    for name, rows, inputs, header, seed, hidden, lr, epochs, log_every in CSV_FILES:
        X, y = write_csv(name, rows, inputs, header)
        cases.append({"data": name, "seed": seed, "hidden": hidden, "learningRate": lr, "epochs": epochs,
                      "logEvery": log_every, "transcript": transcript(seed, hidden, lr, epochs, log_every, X, y)})
    with open("transcripts.json", "w") as f:
        json.dump({"numpy": np.__version__, "cases": cases}, f, indent=1)

if __name__ == "__main__":
    main()
