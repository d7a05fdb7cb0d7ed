namespace XorNet.Network.Optimizers;

/// <summary>Numbers the update rules' texts share.</summary>
internal static class OptimizerConstants
{
    /// <summary>The <c>1e-8</c> Adam and RMSprop add to the square root before dividing by it.</summary>
    public const double Epsilon = 1e-8;
}
