using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace XorNet.Network.Optimizers;

/// <summary>
/// Adam: <c>m = b1 * m + (1 - b1) * g; v = b2 * v + (1 - b2) * (g * g); p -= lr * (m / c1) / (np.sqrt(v / c2) + 1e-8)</c>,
/// where <c>c1 = 1 - b1 ** t</c> and <c>c2 = 1 - b2 ** t</c> are the step's bias corrections (the NumPy text's
/// <c>m_hat</c> and <c>v_hat</c> are <c>m / c1</c> and <c>v / c2</c>); the state is <c>m</c> and <c>v</c>.
/// </summary>
/// <param name="learningRate">The learning rate <c>lr</c>.</param>
/// <param name="beta1">The first moment's decay <c>b1</c>.</param>
/// <param name="beta2">The second moment's decay <c>b2</c>.</param>
/// <param name="correction1">This step's <c>1 - b1 ** t</c>.</param>
/// <param name="correction2">This step's <c>1 - b2 ** t</c>.</param>
internal readonly struct AdamStep(double learningRate, double beta1, double beta2, double correction1, double correction2) : IUpdateStep
{
    private readonly Vector256<double> _rate = Vector256.Create(learningRate);
    private readonly Vector256<double> _b1 = Vector256.Create(beta1);
    private readonly Vector256<double> _b2 = Vector256.Create(beta2);
    private readonly Vector256<double> _keep1 = Vector256.Create(1 - beta1);
    private readonly Vector256<double> _keep2 = Vector256.Create(1 - beta2);
    private readonly Vector256<double> _c1 = Vector256.Create(correction1);
    private readonly Vector256<double> _c2 = Vector256.Create(correction2);

    /// <inheritdoc/>
    public static int StateArrays => 2;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<double> Step(Vector256<double> parameters, Vector256<double> gradient, ref Vector256<double> first, ref Vector256<double> second)
    {
        Vector256<double> m = (_b1 * first) + (_keep1 * gradient);
        Vector256<double> v = (_b2 * second) + (_keep2 * (gradient * gradient));
        first = m;
        second = v;
        return parameters - ((_rate * (m / _c1)) / (Vector256.Sqrt(v / _c2) + Vector256.Create(OptimizerConstants.Epsilon)));
    }
}
