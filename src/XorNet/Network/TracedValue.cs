using XorNet.NumPy;


namespace XorNet.Network;

/// <summary>One named value of an epoch's trace: an array, or (for the loss) a scalar.</summary>
/// <param name="Name">The variable's name in the notebook, such as <c>z1</c> or <c>d_loss_y_hat</c>.</param>
/// <param name="Array">The array, or null for a scalar.</param>
/// <param name="Scalar">The scalar's value when <paramref name="Array"/> is null.</param>
public sealed record TracedValue(string Name, Matrix? Array, double Scalar = 0);
