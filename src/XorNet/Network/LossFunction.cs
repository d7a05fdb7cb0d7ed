namespace XorNet.Network;

/// <summary>What training minimises.</summary>
public enum LossFunction
{
    /// <summary><c>np.mean((y - y_hat) ** 2)</c>, output delta <c>-(y - y_hat) * (y_hat * (1 - y_hat))</c>: the notebook's.</summary>
    Mse,

    /// <summary>
    /// Binary cross-entropy, each log clamped at −100 as PyTorch's <c>BCELoss</c> does, output delta
    /// <c>y_hat - y</c>. Neither delta is divided by the number of elements, as the notebook's is not.
    /// </summary>
    Bce,
}

/// <summary>The losses, element by element, exactly as NumPy computes them.</summary>
public static class Losses
{
    /// <summary>The option name of a loss: <c>mse</c> or <c>bce</c>.</summary>
    public static string Name(LossFunction loss) => Names[(int)loss];

    /// <summary>The loss an option name means.</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not one of <see cref="Names"/>.</exception>
    public static LossFunction Parse(string name) => (LossFunction)ChoiceNames.Index(Names, name);

    /// <summary>The option names, in <see cref="LossFunction"/> order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["mse", "bce"];

    /// <summary>
    /// The terms whose mean is the loss: <c>(y - y_hat) ** 2</c>, or for cross-entropy
    /// <c>y * max(log(y_hat), -100) + (1 - y) * max(log(1 - y_hat), -100)</c> (the loss is minus their mean).
    /// </summary>
    public static void Terms(LossFunction loss, ReadOnlySpan<double> y, ReadOnlySpan<double> yHat, Span<double> terms)
    {
        for (int i = 0; i < terms.Length; i++)
        {
            terms[i] = loss == LossFunction.Mse
                ? (y[i] - yHat[i]) * (y[i] - yHat[i])
                : (y[i] * Math.Max(Math.Log(yHat[i]), -100)) + ((1 - y[i]) * Math.Max(Math.Log(1 - yHat[i]), -100));
        }
    }

    /// <summary>The loss from the sum of its <see cref="Terms"/> over <paramref name="count"/> elements.</summary>
    public static double FromSum(LossFunction loss, double sum, int count) => loss == LossFunction.Mse ? sum / count : -(sum / count);

    /// <summary>The error at the output layer's pre-activation, for each element.</summary>
    public static void OutputDelta(LossFunction loss, ReadOnlySpan<double> y, ReadOnlySpan<double> yHat, Span<double> delta)
    {
        for (int i = 0; i < delta.Length; i++)
        {
            delta[i] = loss == LossFunction.Mse ? -(y[i] - yHat[i]) * (yHat[i] * (1 - yHat[i])) : yHat[i] - y[i];
        }
    }
}
