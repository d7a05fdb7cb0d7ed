"""Writes NumPy's output of the generalised notebook (deep-transcripts.json and the CSV files it trains on).

The generalised notebook is the notebook's code with any number of hidden layers, a choice of hidden activation
(sigmoid, tanh, relu), of initial scale (normal, xavier, he, or zeros: every W a zero matrix, nothing drawn) and of
loss (mse, bce), any number of outputs, and no hidden layer at all (layers [], logistic regression).
With one hidden layer, sigmoid, normal and mse it is the notebook line for line.

Run with Debian's NumPy 1.24.2 on the reference BLAS, its AVX-512 kernels switched off (np.exp, np.log and
np.tanh are then the C library's):

    NPY_DISABLE_CPU_FEATURES="AVX512F AVX512CD AVX512_SKX AVX512_CLX AVX512_CNL AVX512_ICL" \
        LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/blas /usr/bin/python3 make_deep_transcripts.py
"""
import io, json, contextlib
import numpy as np

ACTIVATIONS = {
    "sigmoid": (lambda z: 1 / (1 + np.exp(-z)), lambda a: a * (1 - a)),
    "tanh": (lambda z: np.tanh(z), lambda a: 1 - a ** 2),
    "relu": (lambda z: np.maximum(z, 0), lambda a: (a > 0) * 1.0),
}
SCALES = {
    "normal": None,  # the notebook: no multiplication
    "xavier": lambda fan_in: np.sqrt(1 / fan_in),
    "he": lambda fan_in: np.sqrt(2 / fan_in),
}

def sigmoid(z):
    return 1 / (1 + np.exp(-z))

def loss_of(loss_name, y, y_hat):
    if loss_name == "mse":
        return np.mean((y - y_hat) ** 2)
    return -np.mean(y * np.maximum(np.log(y_hat), -100) + (1 - y) * np.maximum(np.log(1 - y_hat), -100))

def print_trace(epoch, named):
    """What `XorNet --trace` prints at the end of an epoch: a heading, then each array as print() shows it."""
    print(f"--- epoch {epoch} ---")
    for name, value in named:
        print(f"{name} =")
        print(value)

class Optimizer:
    """The update rule applied to every parameter array after each backward pass, each array with its own state,
    zero-initialised; g is the array's gradient as the notebook computes it (not divided by the rows). sgd is the
    notebook's own step; the others are PyTorch's algorithms with its defaults, written as a textbook writes them.
    weight_decay adds wd * W to the weights' gradients (not the biases') before the update."""

    def __init__(self, name="sgd", lr=0.1, momentum=0.9, betas=(0.9, 0.999), weight_decay=0.0):
        self.name, self.lr, self.mu, self.betas, self.wd = name, lr, momentum, betas, weight_decay
        self.state = {}
        self.t = 0

    def step(self, W, b, dW, db):
        """One update of every layer, the last first, as the notebook updates them."""
        self.t += 1
        for l in range(len(W) - 1, 0, -1):
            g = dW[l] + self.wd * W[l] if self.wd else dW[l]
            self.update(("W", l), W[l], g)
            self.update(("b", l), b[l], db[l])

    def update(self, key, p, g):
        lr, name = self.lr, self.name
        if name == "sgd":
            p -= lr * g
            return
        s = self.state.setdefault(key, {})
        if name in ("momentum", "nesterov"):
            v = self.mu * s.get("v", np.zeros_like(p)) + g
            s["v"] = v
            p -= lr * v if name == "momentum" else lr * (g + self.mu * v)
        elif name == "adam":
            b1, b2 = self.betas
            m = b1 * s.get("m", np.zeros_like(p)) + (1 - b1) * g
            v = b2 * s.get("v", np.zeros_like(p)) + (1 - b2) * (g * g)
            s["m"], s["v"] = m, v
            m_hat = m / (1 - b1 ** self.t)
            v_hat = v / (1 - b2 ** self.t)
            p -= lr * m_hat / (np.sqrt(v_hat) + 1e-8)
        elif name == "rmsprop":
            v = 0.99 * s.get("v", np.zeros_like(p)) + (1 - 0.99) * (g * g)
            s["v"] = v
            p -= lr * g / (np.sqrt(v) + 1e-8)
        elif name == "rprop":
            step = s.get("step", np.full_like(p, lr))
            sign = np.sign(g * s.get("g_prev", np.zeros_like(p)))
            step = np.clip(step * np.where(sign > 0, 1.2, np.where(sign < 0, 0.5, 1.0)), 1e-6, 50)
            g = np.where(sign < 0, 0.0, g)
            p -= np.sign(g) * step
            s["step"], s["g_prev"] = step, g
        else:
            raise ValueError(name)

def generalised_notebook(X, y, seed, layers, activation, init, loss_name, lr, epochs, log_every, record, stop=None,
                         validation=None, trace=(), metrics=False, optimizer=None, batch_size=None):
    """The notebook for any layers, activation, initial scale, loss and outputs; the other fixture scripts add to it:
    stop(epoch, loss, y_hat), when given, is asked after each epoch's update whether to end there (a sweep's
    convergence); validation, a table (X_val, y_val) whose loss is printed at each logged epoch with the weights of
    that epoch's loss (those before its update); trace, the epochs at whose end every array is printed after the log
    line; metrics, whether the epochs run, the final loss and the accuracy follow the predictions.

    optimizer, an Optimizer (sgd at lr when None); batch_size, when given, makes each epoch draw
    perm = np.random.permutation(n) from the stream the weights came from and take one step per slice of
    batch_size rows of it: the epoch's loss is the mean of the batches' losses weighted by their rows, its y_hat each
    row's output in the batch it was in (put back in row order), and the predictions printed at the end a forward
    pass of every row with the final weights. A traced epoch prints every batch, labelled with its rows."""
    act, act_derivative = ACTIVATIONS[activation]
    sizes = [X.shape[1]] + list(layers) + [y.shape[1]]
    L = len(sizes) - 1
    np.random.seed(seed)
    W, b = [None], [None]
    for l in range(1, L + 1):
        if init == "zeros":  # nothing drawn: mini-batches permute the untouched stream of np.random.seed(seed)
            w = np.zeros((sizes[l - 1], sizes[l]))
        else:
            w = np.random.randn(sizes[l - 1], sizes[l])
            if SCALES[init] is not None:
                w = w * SCALES[init](sizes[l - 1])
        W.append(w)
        b.append(np.zeros((1, sizes[l])))
    if optimizer is None:
        optimizer = Optimizer("sgd", lr)

    def forward(inputs):
        z, a = [None], [inputs]
        for l in range(1, L + 1):
            z.append(a[l - 1] @ W[l] + b[l])
            a.append(act(z[l]) if l < L else sigmoid(z[l]))
        return z, a

    def backward(z, a, yb):
        """The loss and every array of one forward and backward pass; the parameters are not touched."""
        y_hat = a[L]
        loss = loss_of(loss_name, yb, y_hat)
        if loss_name == "mse":
            d = -(yb - y_hat) * (y_hat * (1 - y_hat))
        else:
            d = y_hat - yb
        dW, db, delta = [None] * (L + 1), [None] * (L + 1), [None] * (L + 1)
        for l in range(L, 0, -1):
            delta[l] = d
            dW[l] = a[l - 1].T @ d
            db[l] = np.sum(d, axis=0, keepdims=True)
            if l > 1:
                d = (d @ W[l].T) * act_derivative(a[l - 1])
        return loss, dW, db, delta

    def print_pass(heading, z, a, loss, dW, db, delta):
        named = []
        for l in range(1, L + 1):
            named.append((f"z{l}", z[l]))
            if l < L:
                named.append((f"a{l}", a[l]))
        named += [("y_hat", a[L]), ("loss", loss)]
        for l in range(L, 0, -1):
            named += [(f"delta{l}", delta[l]), (f"dW{l}", dW[l]), (f"db{l}", db[l])]
        print_trace(heading, named)

    y_hat = forward(X)[1][L]  # what is printed when no epoch runs
    log = []
    loss = None
    n = X.shape[0]
    for epoch in range(epochs):
        logged = epoch % log_every == 0
        val_loss = loss_of(loss_name, validation[1], forward(validation[0])[1][L]) if validation is not None and logged else None
        traced = []
        if batch_size is None:
            z, a = forward(X)
            y_hat = a[L]
            loss, dW, db, delta = backward(z, a, y)
            optimizer.step(W, b, dW, db)
            traced.append((epoch, z, a, loss, dW, db, delta))
        else:
            perm = np.random.permutation(n)
            batches = [perm[start:start + batch_size] for start in range(0, n, batch_size)]
            total = 0.0
            y_hat = np.empty(y.shape)
            for k, idx in enumerate(batches):
                z, a = forward(X[idx])
                batch_loss, dW, db, delta = backward(z, a, y[idx])
                optimizer.step(W, b, dW, db)
                total += batch_loss * len(idx)
                y_hat[idx] = a[L]
                heading = f"{epoch}, batch {k + 1} of {len(batches)}, rows {', '.join(str(i) for i in idx)}"
                traced.append((heading, z, a, batch_loss, dW, db, delta))
            loss = total / n
        if logged:
            entry = {"epoch": epoch, "loss": float(loss)}
            if val_loss is None:
                print(f"Epoch {epoch}, Loss: {loss:.4f}")
            else:
                print(f"Epoch {epoch}, Loss: {loss:.4f}, Validation: {val_loss:.4f}")
                entry["validation"] = float(val_loss)
            log.append(entry)
        if epoch in trace:
            for arrays in traced:
                print_pass(*arrays)
        if stop is not None and stop(epoch, loss, y_hat):
            break
    if batch_size is not None and loss is not None:
        y_hat = forward(X)[1][L]
    print("\nPredictions after training:")
    print(np.round(y_hat, 3))
    record.update({"log": log, "finalLoss": None if loss is None else float(loss)})
    if metrics:
        right = int(np.sum(np.all(np.abs(y_hat - y) < 0.5, axis=1)))
        rows = y.shape[0]
        percent = f"{right / rows * 100:.2f}".rstrip("0").rstrip(".")
        every = "" if y.shape[1] == 1 else "with every output "
        print()
        print(f"Epochs run: {epochs}")
        print(f"Final loss: {float(loss)!r}" if loss is not None else "Final loss: none (no epoch ran)")
        print(f"Accuracy: {percent}% ({right} of {rows} {every}on the right side of 0.5)")
        record["accuracy"] = right / rows
    record.update({
        "predictions": y_hat.tolist(),
        "weights": [{"W": W[l].tolist(), "b": b[l].tolist()} for l in range(1, L + 1)],
    })

def truth_table(name):
    bits = 3 if name in ("parity3", "full-adder") else 2
    X = np.array([[(row >> (bits - 1 - c)) & 1 for c in range(bits)] for row in range(2 ** bits)])
    ones = X.sum(axis=1)
    columns = {
        "xor": [ones % 2 == 1], "parity3": [ones % 2 == 1], "xnor": [ones % 2 == 0], "and": [ones == 2],
        "nand": [ones != 2], "or": [ones != 0], "nor": [ones == 0],
        "half-adder": [ones % 2 == 1, ones == 2],  # sum, carry
        "full-adder": [ones % 2 == 1, ones >= 2],  # sum, carry-out
    }[name]
    return X, np.stack(columns, axis=1).astype(int)

def read_csv(name, targets):
    """A fixture CSV file as XorNet reads it: '#' lines and blank lines skipped, a first line without numbers (the
    header) skipped; the values were written with repr, so float() gives the same doubles."""
    rows = []
    with open(name) as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            try:
                rows.append([float(v) for v in line.split(",")])
            except ValueError:
                assert not rows, line  # only the header may fail to parse
    table = np.array(rows)
    return table[:, :-targets], table[:, -targets:]

def write_csv(name, rows, inputs, targets, seed):
    """Random points in the unit cube; targets: the parity of the coordinates above 0.5, then whether the first is."""
    rs = np.random.RandomState(seed)
    X = rs.rand(rows, inputs)
    above = X > 0.5
    columns = [above.sum(axis=1) % 2 == 1, above[:, 0], above.all(axis=1)][:targets]
    y = np.stack(columns, axis=1).astype(float)
    with open(name, "w") as f:
        f.write(",".join([f"x{i + 1}" for i in range(inputs)] + [f"y{i + 1}" for i in range(targets)]) + "\n")
        for features, target in zip(X, y):
            f.write(",".join(repr(float(v)) for v in features) + "," + ",".join(str(int(t)) for t in target) + "\n")
    return X, y

CSV_FILES = {
    # file: rows, inputs, targets, seed
    "two-targets-300.csv": (300, 2, 2, 300),
    "three-targets-1200.csv": (1200, 3, 3, 1200),
}

CASES = [
    # data, seed, layers, activation, init, loss, lr, epochs, log every
    ("xor", 42, [4], "sigmoid", "normal", "mse", 0.1, 10000, 1000),  # the notebook itself
    ("xor", 42, [4], "tanh", "normal", "mse", 0.1, 3000, 500),
    ("xor", 42, [4], "relu", "normal", "mse", 0.1, 3000, 500),
    ("xor", 7, [8, 4], "sigmoid", "normal", "mse", 0.5, 4000, 500),
    ("xor", 3, [8, 8], "tanh", "xavier", "mse", 0.2, 3000, 300),
    ("xor", 11, [16, 16], "relu", "he", "bce", 0.05, 2000, 250),
    ("xor", 5, [6, 5, 4], "tanh", "xavier", "bce", 0.1, 3000, 500),
    ("xor", 9, [3, 3, 3], "relu", "he", "mse", 0.3, 2000, 200),
    ("xor", 1, [4], "sigmoid", "xavier", "mse", 1.0, 2000, 250),
    ("xor", 2, [4], "sigmoid", "he", "bce", 0.5, 2000, 250),
    ("xor", 42, [2], "relu", "normal", "bce", 0.1, 1000, 100),
    ("xor", 0, [4], "sigmoid", "normal", "bce", 0.1, 0, 1),  # no epoch: the initial network
    ("half-adder", 42, [4], "sigmoid", "normal", "mse", 0.5, 5000, 1000),
    ("half-adder", 4, [8, 4], "tanh", "xavier", "bce", 0.1, 3000, 500),
    ("full-adder", 42, [8], "sigmoid", "normal", "mse", 0.5, 6000, 1000),
    ("full-adder", 8, [8, 8], "relu", "he", "bce", 0.05, 3000, 500),
    ("parity3", 42, [6, 6], "tanh", "xavier", "mse", 0.3, 4000, 500),
    ("and", 6, [2, 2], "sigmoid", "normal", "mse", 1.0, 1500, 300),
    # Saturation: a large step drives outputs to 0 or 1 in float64, where the log is clamped at -100.
    ("xor", 42, [4], "sigmoid", "normal", "bce", 50.0, 300, 30),
    ("xor", 13, [8], "relu", "he", "bce", 20.0, 200, 20),
    # Chaotic steps make a last-bit difference anywhere show in the printed digits.
    ("xor", 31, [5, 5], "tanh", "normal", "mse", 4.0, 2000, 20),
    ("two-targets-300.csv", 42, [8], "tanh", "xavier", "mse", 0.01, 800, 100),
    ("two-targets-300.csv", 5, [8, 8], "relu", "he", "bce", 0.002, 500, 50),
    ("three-targets-1200.csv", 3, [16, 8], "sigmoid", "xavier", "bce", 0.001, 150, 25),  # summarised print
]

def main():
    data = {name: write_csv(name, *spec) for name, spec in CSV_FILES.items()}
    cases = []
    for name, seed, layers, activation, init, loss, lr, epochs, log_every in CASES:
        X, y = data[name] if name.endswith(".csv") else truth_table(name)
        case = {"seed": seed, "layers": layers, "activation": activation, "init": init, "loss": loss,
                "learningRate": lr, "epochs": epochs, "logEvery": log_every}
        case["data" if name.endswith(".csv") else "dataset"] = name
        if name.endswith(".csv"):
            case["targets"] = y.shape[1]
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            generalised_notebook(X, y, seed, layers, activation, init, loss, lr, epochs, log_every, case)
        case["transcript"] = out.getvalue()
        cases.append(case)
    with open("deep-transcripts.json", "w") as f:
        json.dump({"numpy": np.__version__, "cases": cases}, f, indent=1)

if __name__ == "__main__":
    main()
