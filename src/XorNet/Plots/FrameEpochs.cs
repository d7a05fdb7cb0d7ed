namespace XorNet.Plots;

/// <summary>Which epochs an animation of training shows: spaced logarithmically, as most of the change comes early.</summary>
public static class FrameEpochs
{
    /// <summary>
    /// <paramref name="count"/> distinct epochs from 0 to <paramref name="epochs"/>, both included, spaced evenly in
    /// log(1 + epoch); every epoch from 0 to <paramref name="epochs"/> when there are no more than that.
    /// </summary>
    /// <remarks>
    /// Rounding puts several of the early candidates on the same epoch; more candidates are taken until there are
    /// <paramref name="count"/> distinct ones, so a long run gets all its frames.
    /// </remarks>
    public static IReadOnlyList<int> LogSpaced(int epochs, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(epochs);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 2);
        if (epochs + 1L <= count)
        {
            return [.. Enumerable.Range(0, epochs + 1)];
        }

        double span = Math.Log(1.0 + epochs);
        for (int candidates = count; ; candidates++)
        {
            var chosen = new SortedSet<int> { 0, epochs };
            for (int j = 1; j < candidates - 1; j++)
            {
                chosen.Add((int)Math.Round(Math.Exp(j * span / (candidates - 1)) - 1));
            }

            if (chosen.Count >= count)
            {
                return [.. chosen];
            }
        }
    }
}
