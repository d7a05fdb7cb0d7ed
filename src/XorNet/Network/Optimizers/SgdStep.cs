using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace XorNet.Network.Optimizers;

/// <summary>The notebook's gradient descent: <c>p -= lr * g</c>.</summary>
/// <param name="learningRate">The learning rate <c>lr</c>.</param>
internal readonly struct SgdStep(double learningRate) : IUpdateStep
{
    private readonly Vector256<double> _rate = Vector256.Create(learningRate);

    /// <inheritdoc/>
    public static int StateArrays => 0;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<double> Step(Vector256<double> parameters, Vector256<double> gradient, ref Vector256<double> first, ref Vector256<double> second) =>
        parameters - (_rate * gradient);
}
