using XorNet.NumPy;


namespace XorNet.Network;

/// <summary>Every array one epoch computes, as <see cref="ReadableBackpropagation"/> keeps them; lists run from layer 1 up.</summary>
/// <param name="Z">The pre-activations <c>z1</c> … <c>zL</c>.</param>
/// <param name="A">The activations <c>a1</c> … <c>aL</c>; <c>aL</c> is <paramref name="YHat"/>.</param>
/// <param name="YHat">The output, the notebook's <c>y_hat</c>.</param>
/// <param name="Loss">The loss before the update.</param>
/// <param name="LossGradient">For MSE, the notebook's <c>d_loss_y_hat = -(y - y_hat)</c>; null for cross-entropy, whose output error is formed directly.</param>
/// <param name="OutputDerivative">For MSE, the notebook's <c>d_y_hat_z2 = y_hat * (1 - y_hat)</c>; null for cross-entropy.</param>
/// <param name="Deltas">The error at each layer's pre-activation, <c>delta1</c> … <c>deltaL</c> (the notebook's <c>d1</c>, <c>d2</c>).</param>
/// <param name="Derivatives">The hidden activations' derivatives <c>act_derivative(a1)</c> … <c>act_derivative(a(L−1))</c> (the notebook's <c>d_a1_z1</c>).</param>
/// <param name="DW">The weight gradients <c>dW1</c> … <c>dWL</c>.</param>
/// <param name="DB">The bias gradients <c>db1</c> … <c>dbL</c>.</param>
public sealed record BackpropagationSteps(
    IReadOnlyList<Matrix> Z,
    IReadOnlyList<Matrix> A,
    Matrix YHat,
    double Loss,
    Matrix? LossGradient,
    Matrix? OutputDerivative,
    IReadOnlyList<Matrix> Deltas,
    IReadOnlyList<Matrix> Derivatives,
    IReadOnlyList<Matrix> DW,
    IReadOnlyList<Matrix> DB);
