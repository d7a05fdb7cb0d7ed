"""The notebook's own run (seed 42, 2-4-1, lr 0.1, 10000 epochs), for timing XorNet's whole process against it.

    hyperfine -N --warmup 3 'publish/XorNet' '/usr/bin/python3 tests/XorNet.Benchmarks/notebook.py'

Prints the same transcript as XorNet's default run."""
import numpy as np

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])
y = np.array([[0], [1], [1], [0]])

def sigmoid(z):
    return 1 / (1 + np.exp(-z))

np.random.seed(42)
W1 = np.random.randn(2, 4)
b1 = np.zeros((1, 4))
W2 = np.random.randn(4, 1)
b2 = np.zeros((1, 1))
lr = 0.1
for epoch in range(10000):
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
    if epoch % 1000 == 0:
        print(f"Epoch {epoch}, Loss: {loss:.4f}")
print("\nPredictions after training:")
print(np.round(y_hat, 3))
