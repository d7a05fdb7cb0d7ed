using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace XorNet.Network.Optimizers;

/// <summary>
/// Heavy-ball momentum, <c>v = mu * v + g; p -= lr * v</c>, or Nesterov's, <c>v = mu * v + g; p -= lr * (g + mu * v)</c>;
/// the state is <c>v</c>.
/// </summary>
/// <param name="learningRate">The learning rate <c>lr</c>.</param>
/// <param name="momentum">The momentum <c>mu</c>.</param>
/// <param name="nesterov">Whether the step looks ahead (Nesterov) rather than following <c>v</c>.</param>
internal readonly struct MomentumStep(double learningRate, double momentum, bool nesterov) : IUpdateStep
{
    private readonly Vector256<double> _rate = Vector256.Create(learningRate);
    private readonly Vector256<double> _mu = Vector256.Create(momentum);

    /// <inheritdoc/>
    public static int StateArrays => 1;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<double> Step(Vector256<double> parameters, Vector256<double> gradient, ref Vector256<double> first, ref Vector256<double> second)
    {
        Vector256<double> v = (_mu * first) + gradient;
        first = v;
        return parameters - (nesterov ? _rate * (gradient + (_mu * v)) : _rate * v);
    }
}
