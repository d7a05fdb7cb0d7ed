"""Writes sweep-runs.json: NumPy's runs and summaries for a few sweeps, to check `XorNet sweep` against.

Each run is the generalised notebook (make_deep_transcripts.py) with a convergence test after every epoch: every
output within 0.5 of its target (|y_hat - y| < 0.5, the 1986 paper's criterion) or, with a target loss, the loss at
most that. A run stops after the epoch at which it converges unless the sweep is "full". The summary per setting
uses np.median and np.percentile (linear interpolation, NumPy's default).

Run as make_deep_transcripts.py is (same NumPy, reference BLAS, AVX-512 kernels off):

    NPY_DISABLE_CPU_FEATURES="AVX512F AVX512CD AVX512_SKX AVX512_CLX AVX512_CNL AVX512_ICL" \\
        LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/blas /usr/bin/python3 make_sweep_runs.py
"""
import io, json, contextlib, itertools
import numpy as np
from make_deep_transcripts import generalised_notebook, truth_table

# Each sweep: the command-line options XorNet is given, and the lists they stand for (seeds vary fastest, then
# sizes, learning rates, activations, inits, losses).
SWEEPS = [
    {"args": ["--seed", "0-19", "--hidden", "1,2,4", "--learning-rate", "0.5,2", "--epochs", "3000"],
     "dataset": "xor", "seeds": range(0, 20), "sizes": [[1], [2], [4]], "sizesColumn": "hidden",
     "rates": [0.5, 2.0], "activations": ["sigmoid"], "inits": ["normal"], "losses": ["mse"], "epochs": 3000},
    {"args": ["--dataset", "half-adder", "--seed", "3,5,7,11,13", "--layers", "4", "--layers", "4,4",
              "--activation", "tanh,relu", "--init", "xavier", "--loss", "bce,mse", "--learning-rate", "0.5", "--epochs", "1500"],
     "dataset": "half-adder", "seeds": [3, 5, 7, 11, 13], "sizes": [[4], [4, 4]], "sizesColumn": "layers",
     "rates": [0.5], "activations": ["tanh", "relu"], "inits": ["xavier"], "losses": ["bce", "mse"], "epochs": 1500},
    {"args": ["--seed", "0-9", "--hidden", "3", "--learning-rate", "1", "--epochs", "2000", "--target-loss", "0.05", "--full"],
     "dataset": "xor", "seeds": range(0, 10), "sizes": [[3]], "sizesColumn": "hidden",
     "rates": [1.0], "activations": ["sigmoid"], "inits": ["normal"], "losses": ["mse"], "epochs": 2000,
     "targetLoss": 0.05, "full": True},
]

def run(X, y, seed, sizes, activation, init, loss, lr, epochs, target_loss, full):
    converged = []
    def stop(epoch, epoch_loss, y_hat):
        reached = epoch_loss <= target_loss if target_loss is not None else bool(np.all(np.abs(y_hat - y) < 0.5))
        if reached and not converged:
            converged.append(epoch)
        return bool(converged) and not full
    record = {}
    with contextlib.redirect_stdout(io.StringIO()):
        generalised_notebook(X, y, seed, sizes, activation, init, loss, lr, epochs, epochs + 1, record, stop)
    y_hat = np.array(record["predictions"])
    epoch = converged[0] if converged else None
    return {"converged": epoch is not None, "epoch": epoch,
            "epochsRun": epochs if full or epoch is None else epoch + 1,
            "finalLoss": record["finalLoss"],
            "accuracy": float(np.mean(np.all(np.abs(y_hat - y) < 0.5, axis=1)))}

def main():
    sweeps = []
    for sweep in SWEEPS:
        X, y = truth_table(sweep["dataset"])
        runs, summary = [], []
        for loss, init, activation, lr, sizes in itertools.product(
                sweep["losses"], sweep["inits"], sweep["activations"], sweep["rates"], sweep["sizes"]):
            setting = {"sizes": ",".join(map(str, sizes)), "learningRate": lr, "activation": activation, "init": init, "loss": loss}
            mine = []
            for seed in sweep["seeds"]:
                outcome = run(X, y, seed, sizes, activation, init, loss, lr, sweep["epochs"], sweep.get("targetLoss"), sweep.get("full", False))
                mine.append(outcome)
                runs.append({"seed": seed, **setting, **outcome})
            epochs = np.array([r["epoch"] for r in mine if r["converged"]])
            losses = np.array([r["finalLoss"] for r in mine if not r["converged"]])
            summary.append({**setting, "runs": len(mine), "converged": int(len(epochs)),
                            "convergedRate": len(epochs) / len(mine),
                            "epochs": None if len(epochs) == 0 else {
                                "median": float(np.median(epochs)),
                                "p10": float(np.percentile(epochs, 10)),
                                "p90": float(np.percentile(epochs, 90))},
                            "medianFinalLossNotConverged": None if len(losses) == 0 else float(np.median(losses))})
        # Runs are in sweep order: the loops above nest slowest first, seeds innermost, as the sweep's runs go.
        sweeps.append({"args": sweep["args"], "sizesColumn": sweep["sizesColumn"], "runs": runs, "summary": summary})
    # np.median and np.percentile on their own: whole numbers (epochs) and floats (losses), 1 to 60 values.
    rs = np.random.RandomState(2024)
    percentiles = []
    for n in list(range(1, 13)) + [17, 30, 59, 60]:
        for values in (rs.randint(0, 10000, n).astype(float), rs.rand(n) * 10.0 ** rs.randint(-6, 3)):
            percentiles.append({"values": values.tolist(), "median": float(np.median(values)),
                                "p10": float(np.percentile(values, 10)), "p90": float(np.percentile(values, 90)),
                                "p33": float(np.percentile(values, 33.3))})
    with open("sweep-runs.json", "w") as f:
        json.dump({"numpy": np.__version__, "sweeps": sweeps, "percentiles": percentiles}, f, indent=1)

if __name__ == "__main__":
    main()
