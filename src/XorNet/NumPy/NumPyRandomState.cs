namespace XorNet.NumPy;

/// <summary>Everything <see cref="NumPyRandom"/> needs to continue where it was (what NumPy's <c>get_state()</c> returns).</summary>
/// <param name="Words">The Mersenne Twister's 624 words.</param>
/// <param name="Position">How many of them have been used since they were last regenerated.</param>
/// <param name="HasGauss">Whether a second Gaussian is kept for the next call.</param>
/// <param name="Gauss">That Gaussian.</param>
public sealed record NumPyRandomState(IReadOnlyList<uint> Words, int Position, bool HasGauss, double Gauss);
