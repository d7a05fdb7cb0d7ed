"""Per-epoch time of the generalised notebook's loop in NumPy with each update rule of the optimisers' issue text
(sgd, momentum, nesterov, adam, rmsprop, rprop; each parameter array with its own state), for side-by-side timings
with XorNet's --optimizer.
Usage: python3 optimizer_numpy_epoch.py RULE LAYERS EPOCHS [ROWS]
RULE is sgd, momentum, nesterov, adam, rmsprop, rprop or all (each in turn). LAYERS and ROWS as for
deep_numpy_epoch.py (the 4-row XOR table at learning rate 0.1 without ROWS; ROWS points of the unit square at
0.4 / ROWS with it). Prints, per rule, the wall and CPU time an epoch took and the BLAS library NumPy loaded."""
import sys, time
import numpy as np
from deep_numpy_epoch import make_rows, blas, train

MU, B1, B2 = 0.9, 0.9, 0.999

def make_update(rule, lr, p):
    """The issue's rule for one parameter array p: a function of its gradient g that updates p in place."""
    if rule == "sgd":
        def step(g):
            p[...] -= lr * g
    elif rule in ("momentum", "nesterov"):
        v = np.zeros_like(p)
        def step(g):
            v[...] = MU * v + g
            p[...] -= lr * v if rule == "momentum" else lr * (g + MU * v)
    elif rule == "adam":
        m, v, t = np.zeros_like(p), np.zeros_like(p), [0]
        def step(g):
            t[0] += 1
            m[...] = B1 * m + (1 - B1) * g
            v[...] = B2 * v + (1 - B2) * (g * g)
            m_hat = m / (1 - B1 ** t[0]); v_hat = v / (1 - B2 ** t[0])
            p[...] -= lr * m_hat / (np.sqrt(v_hat) + 1e-8)
    elif rule == "rmsprop":
        v = np.zeros_like(p)
        def step(g):
            v[...] = 0.99 * v + (1 - 0.99) * (g * g)
            p[...] -= lr * g / (np.sqrt(v) + 1e-8)
    elif rule == "rprop":
        step_size, g_prev = np.full_like(p, lr), np.zeros_like(p)
        def step(g):
            s = np.sign(g * g_prev)
            step_size[...] = np.clip(step_size * np.where(s > 0, 1.2, np.where(s < 0, 0.5, 1.0)), 1e-6, 50)
            g = np.where(s < 0, 0.0, g)
            p[...] -= np.sign(g) * step_size
            g_prev[...] = g
    else:
        raise SystemExit(f"unknown rule {rule}")
    return step

def run(rule, hidden, epochs, X, y, lr):
    seconds, cpu_seconds, loss = train(X, y, hidden, epochs, lr, lambda p: make_update(rule, lr, p))
    print(f"rule={rule} rows={X.shape[0]} layers={','.join(map(str, hidden))} epochs={epochs} lr={lr!r} "
          f"ns_per_epoch={seconds / epochs * 1e9:.1f} cpu_ns_per_epoch={cpu_seconds / epochs * 1e9:.1f} final_loss={loss!r} blas={blas()}")

def main():
    rules = ["sgd", "momentum", "nesterov", "adam", "rmsprop", "rprop"] if sys.argv[1] == "all" else [sys.argv[1]]
    hidden = [int(n) for n in sys.argv[2].split(",")]
    epochs = int(sys.argv[3])
    if len(sys.argv) > 4:
        X, y = make_rows(int(sys.argv[4])); lr = 0.4 / X.shape[0]
    else:
        X, y = np.array([[0, 0], [0, 1], [1, 0], [1, 1]]), np.array([[0], [1], [1], [0]]); lr = 0.1
    for rule in rules:
        run(rule, hidden, epochs, X, y, lr)

if __name__ == "__main__":
    main()
