using FluentAssertions;
using XorNet.Network.Optimizers;

namespace XorNet.Tests;

/// <summary>
/// Every update rule, four elements at a time, against the issue's NumPy text written out one element at a time in
/// plain C# (an independent transcription: np.sign, np.clip and np.where as NumPy defines them). Arrays of every
/// length from 0 to 13 cover whole vectors and last groups of one, two and three elements; the values include the
/// ones the vector code treats apart (both zeros, NaN, the infinities, subnormals, huge values), with and without
/// weight decay, over several steps so the state is exercised.
/// </summary>
public sealed class UpdateRuleTextTests
{
    private const int Cases = 3000;
    private const int Steps = 4;

    private static readonly double[] Special =
        [0.0, -0.0, double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.Epsilon, -double.Epsilon, 1e-300, -1e300, 1.0, -1.0];

    public static TheoryData<OptimizerKind> Kinds() => [.. Enum.GetValues<OptimizerKind>()];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Each_element_is_the_text_to_the_bit(OptimizerKind kind)
    {
        var random = new Random(20261202 + (int)kind); // fixed: a run in CI is repeatable
        for (int c = 0; c < Cases; c++)
        {
            int n = random.Next(14);
            double rate = random.Next(4) == 0 ? Value(random) : random.NextDouble();
            double decay = random.Next(3) == 0 ? 0 : random.NextDouble() * 0.1;
            var settings = new OptimizerSettings(kind, Momentum: random.NextDouble(), Beta1: random.NextDouble(), Beta2: random.NextDouble(), WeightDecay: decay);
            int slot = random.Next(2); // a weight slot (0: decayed) or a bias slot (1: not decayed)
            var optimizer = new Optimizer(settings, [n, n], rate);
            double[] parameters = Values(random, n), expected = [.. parameters];
            var text = new RuleText(settings, n, rate);
            for (int t = 1; t <= Steps; t++)
            {
                double[] gradient = Values(random, n);
                optimizer.BeginStep();
                optimizer.Apply(slot, 0, parameters, gradient, rate);
                text.Step(expected, gradient, t, slot == 0 ? decay : 0);

                // Tolerance 0: each lane must do the text's operations in its order, so any difference is in the
                // bits; only NaN's payload is free, as NumPy's is.
                for (int i = 0; i < n; i++)
                {
                    bool same = double.IsNaN(expected[i]) ? double.IsNaN(parameters[i]) : BitConverter.DoubleToInt64Bits(expected[i]) == BitConverter.DoubleToInt64Bits(parameters[i]);
                    same.Should().BeTrue($"{settings} at step {t}, element {i} of {n}: expected {expected[i]:R}, got {parameters[i]:R} (case {c})");
                }
            }
        }
    }

    [Fact]
    public void Rprop_sees_the_sign_of_a_product_that_underflows_as_NumPy_does()
    {
        // g * g_prev near 2^-1075, where NumPy's product rounds to zero or to the smallest subnormal: exact ties,
        // one ulp either side, subnormal factors, and random factors whose exponents sum to -1078 … -1072.
        var random = new Random(20261202);
        var pairs = new List<(double G, double Previous)>
        {
            (Math.ScaleB(1, -537), Math.ScaleB(1, -538)),
            (Math.ScaleB(1, -537), -Math.ScaleB(1, -538)),
            (Math.BitIncrement(Math.ScaleB(1, -537)), Math.ScaleB(1, -538)),
            (Math.BitDecrement(Math.ScaleB(1, -537)), Math.ScaleB(1, -538)),
            (double.Epsilon, 0.5),
            (double.Epsilon, Math.BitIncrement(0.5)),
            (-double.Epsilon, 0.75),
            (double.Epsilon, double.Epsilon),
            (Math.ScaleB(1, -1000), Math.ScaleB(1, 22)),
            (Math.ScaleB(1, -1000), Math.ScaleB(1, 23)),
        };
        for (int i = 0; i < 20000; i++)
        {
            int a = random.Next(-1074, 1), b = Math.Max(-1074, random.Next(-1078, -1071) - a);
            double Factor(int exponent) => (random.Next(2) == 0 ? 1 : -1) * Math.ScaleB(1 + random.NextDouble(), exponent);
            pairs.Add(random.Next(2) == 0 ? (Factor(a), Factor(b)) : (Factor(b), Factor(a)));
        }

        var settings = new OptimizerSettings(OptimizerKind.Rprop);
        foreach ((double G, double Previous)[] group in pairs.Chunk(4))
        {
            int n = group.Length;
            var optimizer = new Optimizer(settings, [n], 0.1);
            var text = new RuleText(settings, n, 0.1);
            double[] parameters = new double[n], expected = new double[n];
            double[][] gradients = [[.. group.Select(p => p.Previous)], [.. group.Select(p => p.G)]];
            for (int t = 1; t <= gradients.Length; t++)
            {
                optimizer.BeginStep();
                optimizer.Apply(0, 0, parameters, gradients[t - 1], 0.1);
                text.Step(expected, gradients[t - 1], t, 0);
            }

            // Tolerance 0: the step (grown, shrunk or kept) and the parameter are the text's bits.
            optimizer.FirstState[0].Should().Equal(text.Steps, $"the steps after g_prev {string.Join(", ", gradients[0])} and g {string.Join(", ", gradients[1])}");
            parameters.Should().Equal(expected);
        }
    }

    private static double[] Values(Random random, int n) => [.. Enumerable.Range(0, n).Select(_ => Value(random))];

    private static double Value(Random random) => random.Next(5) == 0 ? Special[random.Next(Special.Length)] : (random.NextDouble() - 0.5) * 8;

    /// <summary>The issue's NumPy text for one parameter array, element by element.</summary>
    private sealed class RuleText(OptimizerSettings settings, int n, double rate)
    {
        private readonly double[] _m = new double[n], _v = new double[n], _gPrev = new double[n], _step = Enumerable.Repeat(rate, n).ToArray();

        /// <summary>Rprop's step sizes.</summary>
        public double[] Steps => _step;

        public void Step(double[] p, double[] dp, int t, double wd)
        {
            for (int i = 0; i < n; i++)
            {
                double g = wd == 0 ? dp[i] : dp[i] + (wd * p[i]);
                switch (settings.Kind)
                {
                    case OptimizerKind.Sgd:
                        p[i] -= rate * g;
                        break;
                    case OptimizerKind.Momentum:
                        _v[i] = (settings.Momentum * _v[i]) + g;
                        p[i] -= rate * _v[i];
                        break;
                    case OptimizerKind.Nesterov:
                        _v[i] = (settings.Momentum * _v[i]) + g;
                        p[i] -= rate * (g + (settings.Momentum * _v[i]));
                        break;
                    case OptimizerKind.Adam:
                        _m[i] = (settings.Beta1 * _m[i]) + ((1 - settings.Beta1) * g);
                        _v[i] = (settings.Beta2 * _v[i]) + ((1 - settings.Beta2) * (g * g));
                        double mHat = _m[i] / (1 - Math.Pow(settings.Beta1, t)), vHat = _v[i] / (1 - Math.Pow(settings.Beta2, t));
                        p[i] -= rate * mHat / (Math.Sqrt(vHat) + 1e-8);
                        break;
                    case OptimizerKind.RmsProp:
                        _v[i] = (0.99 * _v[i]) + ((1 - 0.99) * (g * g));
                        p[i] -= rate * g / (Math.Sqrt(_v[i]) + 1e-8);
                        break;
                    case OptimizerKind.Rprop:
                        double s = Sign(g * _gPrev[i]);
                        _step[i] = Clip(_step[i] * (s > 0 ? 1.2 : s < 0 ? 0.5 : 1.0), 1e-6, 50);
                        g = s < 0 ? 0.0 : g;
                        p[i] -= Sign(g) * _step[i];
                        _gPrev[i] = g;
                        break;
                    default:
                        throw new InvalidOperationException($"No text for {settings.Kind}.");
                }
            }
        }

        // NumPy's sign: 1, -1, 0 (positive, for either zero) and NaN for NaN.
        private static double Sign(double x) => x > 0 ? 1 : x < 0 ? -1 : x == 0 ? 0 : x;

        // np.clip(x, lo, hi) is np.minimum(np.maximum(x, lo), hi), each of which propagates NaN.
        private static double Clip(double x, double lo, double hi)
        {
            double raised = double.IsNaN(x) || x >= lo ? x : lo;
            return double.IsNaN(raised) || raised <= hi ? raised : hi;
        }
    }
}
