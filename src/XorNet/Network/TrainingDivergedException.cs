using XorNet.NumPy;


namespace XorNet.Network;

/// <summary>Training produced a loss that is not a finite number, so further epochs would be meaningless.</summary>
public sealed class TrainingDivergedException : Exception
{
    /// <summary>Reports that the loss of <paramref name="epoch"/> was <paramref name="loss"/>.</summary>
    public TrainingDivergedException(int epoch, double loss)
        : base($"the loss became {NumPyFormat.Repr(loss)} at epoch {epoch}")
    {
        Epoch = epoch;
        Loss = loss;
    }

    /// <summary>The first epoch whose loss was not finite.</summary>
    public int Epoch { get; }

    /// <summary>That epoch's loss (NaN or an infinity).</summary>
    public double Loss { get; }
}
