namespace XorNet.Network.Optimizers;

/// <summary>
/// What each optimiser setting accepts, in words: one text for the command line's refusals and the model reader's.
/// </summary>
public static class OptimizerValues
{
    /// <summary>What a momentum (<c>--momentum</c>, a model's <c>optimizer.momentum</c>) accepts.</summary>
    public const string Momentum = "a number from 0 up to but not including 1, such as 0.9";

    /// <summary>What Adam's betas (<c>--betas</c>) accept.</summary>
    public const string Betas = "two numbers B1,B2 each from 0 up to but not including 1, such as 0.9,0.999";

    /// <summary>What a weight decay (<c>--weight-decay</c>) accepts.</summary>
    public const string WeightDecay = "a finite number of at least 0, such as 0.0001";

    /// <summary>Whether <paramref name="value"/> is a momentum or one of Adam's betas: from 0 up to but not including 1.</summary>
    public static bool IsFraction(double value) => value is >= 0 and < 1;

    /// <summary>Whether <paramref name="value"/> is a weight decay: finite and at least 0.</summary>
    public static bool IsWeightDecay(double value) => double.IsFinite(value) && value >= 0;
}
