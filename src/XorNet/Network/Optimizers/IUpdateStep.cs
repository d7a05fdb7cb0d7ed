using System.Runtime.Intrinsics;

namespace XorNet.Network.Optimizers;

/// <summary>
/// One update rule's step on four elements at once: the parameters, their gradients and the rule's state for those
/// elements in, the new parameters out (the state updated in place). Each lane must do exactly the scalar operations
/// of the rule's NumPy text, unfused and in that order: IEEE addition, multiplication, division and square root are
/// exactly rounded, so a lane's result is the scalar result to the bit.
/// </summary>
internal interface IUpdateStep
{
    /// <summary>How many state arrays the rule keeps for each parameter array: 0, 1 or 2.</summary>
    static abstract int StateArrays { get; }

    /// <summary>The new parameters for <paramref name="parameters"/> and their gradients <paramref name="gradient"/>.</summary>
    Vector256<double> Step(Vector256<double> parameters, Vector256<double> gradient, ref Vector256<double> first, ref Vector256<double> second);
}
