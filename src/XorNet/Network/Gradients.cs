using XorNet.NumPy;


namespace XorNet.Network;

/// <summary>
/// The gradients the notebook's backpropagation computes, each shaped like its parameter.
/// </summary>
/// <remarks>
/// The notebook's <c>d2 = -(y - y_hat) * y_hat * (1 - y_hat)</c> differentiates half the summed squared error,
/// ½·Σ(y − ŷ)², which is rows / 2 times the mean squared error it logs.
/// </remarks>
/// <param name="W1">Gradient with respect to W1.</param>
/// <param name="B1">Gradient with respect to b1.</param>
/// <param name="W2">Gradient with respect to W2.</param>
/// <param name="B2">Gradient with respect to b2.</param>
public sealed record Gradients(Matrix W1, Matrix B1, Matrix W2, Matrix B2);
