using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace XorNet.Network.Optimizers;

/// <summary>
/// RMSprop: <c>v = 0.99 * v + (1 - 0.99) * (g * g); p -= lr * g / (np.sqrt(v) + 1e-8)</c>; the state is <c>v</c>.
/// </summary>
/// <param name="learningRate">The learning rate <c>lr</c>.</param>
internal readonly struct RmsPropStep(double learningRate) : IUpdateStep
{
    private const double Alpha = 0.99;

    private readonly Vector256<double> _rate = Vector256.Create(learningRate);

    /// <inheritdoc/>
    public static int StateArrays => 1;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<double> Step(Vector256<double> parameters, Vector256<double> gradient, ref Vector256<double> first, ref Vector256<double> second)
    {
        // 1 - 0.99 is folded by the compiler in doubles, as Python evaluates it.
        Vector256<double> v = (Vector256.Create(Alpha) * first) + (Vector256.Create(1 - Alpha) * (gradient * gradient));
        first = v;
        return parameters - ((_rate * gradient) / (Vector256.Sqrt(v) + Vector256.Create(OptimizerConstants.Epsilon)));
    }
}
