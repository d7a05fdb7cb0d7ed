using System.Runtime.Intrinsics;

namespace XorNet.NumPy;

/// <summary>
/// The random stream of NumPy's legacy global generator: <c>np.random.seed(n)</c> followed by
/// <c>np.random.random_sample</c> and <c>np.random.randn</c> give the same numbers, bit for bit.
/// </summary>
/// <remarks>
/// MT19937 seeded with Matsumoto and Nishimura's <c>init_genrand</c> (what NumPy's legacy seeding does for an
/// integer seed), 53-bit doubles from two 32-bit draws, and the polar Box–Muller Gaussian that keeps its second
/// value for the next call.
/// </remarks>
public sealed class NumPyRandom
{
    private const int StateLength = 624;
    private const int Shift = 397;
    private const uint MatrixA = 0x9908b0df;
    private const uint UpperMask = 0x80000000;
    private const uint LowerMask = 0x7fffffff;

    private readonly uint[] _state = new uint[StateLength];
    private int _position;
    private bool _hasGauss;
    private double _gauss;

    /// <summary>Starts the stream that <c>np.random.seed(seed)</c> starts.</summary>
    /// <param name="seed">Any 32-bit unsigned seed, as NumPy accepts (0 to 4294967295).</param>
    public NumPyRandom(uint seed)
    {
        _state[0] = seed;
        for (int i = 1; i < StateLength; i++)
        {
            uint previous = _state[i - 1];
            _state[i] = (1812433253u * (previous ^ (previous >> 30))) + (uint)i;
        }

        _position = StateLength;
    }

    /// <summary>The next raw 32-bit output of the Mersenne Twister.</summary>
    public uint NextUInt32()
    {
        if (_position == StateLength)
        {
            Regenerate();
        }

        uint y = _state[_position++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >> 18;
        return y;
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits, as <c>np.random.random_sample()</c>.</summary>
    public double NextDouble()
    {
        uint a = NextUInt32() >> 5;
        uint b = NextUInt32() >> 6;
        return ((a * 67108864.0) + b) / 9007199254740992.0;
    }

    /// <summary>A standard normal draw, as one element of <c>np.random.randn()</c>.</summary>
    public double NextGaussian()
    {
        if (_hasGauss)
        {
            _hasGauss = false;
            return _gauss;
        }

        double x1, x2, r2;
        do
        {
            x1 = (2.0 * NextDouble()) - 1.0;
            x2 = (2.0 * NextDouble()) - 1.0;
            r2 = (x1 * x1) + (x2 * x2);
        }
        while (r2 >= 1.0 || r2 == 0.0);

        // NumPy returns the second coordinate first and keeps the first for the next call.
        double f = Math.Sqrt(-2.0 * Math.Log(r2) / r2);
        _gauss = f * x1;
        _hasGauss = true;
        return f * x2;
    }

    /// <summary>
    /// One draw of the legacy <c>uniform(low, high)</c>: <c>low + (high - low) * random_sample()</c>, the width
    /// computed first as NumPy does.
    /// </summary>
    public double NextUniform(double low, double high) => low + ((high - low) * NextDouble());

    /// <summary>One draw of the legacy <c>normal(loc, scale)</c>: <c>loc + scale * gauss</c>.</summary>
    public double NextNormal(double loc, double scale) => loc + (scale * NextGaussian());

    /// <summary>Fills <paramref name="destination"/> in order with Gaussian draws, as <c>np.random.randn</c> fills an array row-major.</summary>
    public void FillGaussian(Span<double> destination)
    {
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = NextGaussian();
        }
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with <c>np.random.permutation(destination.Length)</c>: 0 … n−1 shuffled by
    /// NumPy's legacy Fisher–Yates, from the last element down, each index drawn by <see cref="NextInterval"/>.
    /// </summary>
    public void Permutation(Span<int> destination)
    {
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = i;
        }

        for (int i = destination.Length - 1; i >= 1; i--)
        {
            int j = (int)NextInterval((uint)i);
            (destination[i], destination[j]) = (destination[j], destination[i]);
        }
    }

    /// <summary>
    /// A uniform integer in [0, <paramref name="max"/>] as NumPy's legacy <c>random_interval</c> draws it: raw 32-bit
    /// outputs masked to the smallest all-ones mask covering <paramref name="max"/>, rejected while above it.
    /// </summary>
    public uint NextInterval(uint max)
    {
        if (max == 0)
        {
            return 0;
        }

        uint mask = max;
        mask |= mask >> 1;
        mask |= mask >> 2;
        mask |= mask >> 4;
        mask |= mask >> 8;
        mask |= mask >> 16;
        uint value;
        while ((value = NextUInt32() & mask) > max)
        {
        }

        return value;
    }

    /// <summary>The generator's whole state (NumPy's <c>get_state()</c>): the 624 words, the position and the kept Gaussian.</summary>
    public NumPyRandomState State => new([.. _state], _position, _hasGauss, _gauss);

    /// <summary>A generator continuing from <paramref name="state"/>, as <c>set_state</c> makes one.</summary>
    /// <exception cref="ArgumentException">The state is not 624 words with a position from 0 to 624.</exception>
    public static NumPyRandom FromState(NumPyRandomState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Words.Count != StateLength || state.Position is < 0 or > StateLength)
        {
            throw new ArgumentException("A Mersenne Twister state is 624 words and a position from 0 to 624.", nameof(state));
        }

        var random = new NumPyRandom(0);
        for (int i = 0; i < StateLength; i++)
        {
            random._state[i] = state.Words[i];
        }

        random._position = state.Position;
        random._hasGauss = state.HasGauss;
        random._gauss = state.Gauss;
        return random;
    }

    // MT19937's twist of all 624 words. Each new word k reads word k + 1, not yet replaced, and word k + 397, not yet
    // replaced, or from word 227 on word k - 227, already replaced. Groups of eight read the same words (a group reads
    // all of its words before writing, and the words 227 behind were replaced by earlier groups or words), so where
    // the vector unit is fast each range goes eight words at a time and its last few one at a time: mini-batches draw
    // a permutation of every row each epoch.
    private void Regenerate()
    {
        uint[] mt = _state;
        Twist(mt, 0, StateLength - Shift, Shift);
        Twist(mt, StateLength - Shift, StateLength - 1, Shift - StateLength);
        uint last = (mt[StateLength - 1] & UpperMask) | (mt[0] & LowerMask);
        mt[StateLength - 1] = mt[Shift - 1] ^ (last >> 1) ^ ((last & 1) * MatrixA);
        _position = 0;
    }

    // Words [start, end) of the twist, each mixed with the word `offset` away.
    private static void Twist(uint[] mt, int start, int end, int offset)
    {
        int k = start;
        if (Vector256.IsHardwareAccelerated)
        {
            const int Width = 8; // Vector256<uint>.Count
            Vector256<uint> upper = Vector256.Create(UpperMask), lower = Vector256.Create(LowerMask), matrix = Vector256.Create(MatrixA);
            for (; k + Width <= end; k += Width)
            {
                Vector256<uint> y = (Vector256.Create(mt.AsSpan(k, Width)) & upper) | (Vector256.Create(mt.AsSpan(k + 1, Width)) & lower);
                Vector256<uint> twisted = Vector256.Create(mt.AsSpan(k + offset, Width)) ^ (y >> 1) ^ ((y & Vector256<uint>.One) * matrix);
                twisted.CopyTo(mt.AsSpan(k, Width));
            }
        }

        for (; k < end; k++)
        {
            uint y = (mt[k] & UpperMask) | (mt[k + 1] & LowerMask);
            mt[k] = mt[k + offset] ^ (y >> 1) ^ ((y & 1) * MatrixA);
        }
    }
}
