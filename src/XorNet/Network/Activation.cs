using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using XorNet.NumPy;

namespace XorNet.Network;

/// <summary>The hidden layers' activation function (the output layer is always the sigmoid).</summary>
public enum Activation
{
    /// <summary><c>1 / (1 + np.exp(-z))</c>, derivative <c>a * (1 - a)</c>: the notebook's.</summary>
    Sigmoid,

    /// <summary><c>np.tanh(z)</c>, derivative <c>1 - a ** 2</c>.</summary>
    Tanh,

    /// <summary><c>np.maximum(z, 0)</c>, derivative <c>(a > 0) * 1.0</c>.</summary>
    Relu,
}

/// <summary>How a unit's output is read as a Boolean: on which side of the middle of its activation's range it falls.</summary>
public static class ActivationReading
{
    extension(Activation activation)
    {
        /// <summary>
        /// The middle of the activation's range, where a unit's output is read as 0 or 1: 0.5 for the sigmoid (0..1),
        /// 0 for tanh (-1..1), and 0 for ReLU, the edge of the range where the unit stops passing anything on.
        /// </summary>
        public double Midpoint => activation switch
        {
            Activation.Sigmoid => 0.5,
            Activation.Tanh or Activation.Relu => 0,
            _ => throw new ArgumentOutOfRangeException(nameof(activation)),
        };

        /// <summary>
        /// Whether an output exactly at the midpoint reads as 1: for the sigmoid and tanh, as predictions
        /// are judged (z = 0 reads as 1); not for ReLU, whose 0 is every input on the off side.
        /// </summary>
        public bool MidpointReadsAsOne => activation != Activation.Relu;

        /// <summary>The lowest and highest outputs there can be; ReLU has no highest.</summary>
        public (double Low, double High) Range => activation switch
        {
            Activation.Sigmoid => (0, 1),
            Activation.Tanh => (-1, 1),
            Activation.Relu => (0, double.PositiveInfinity),
            _ => throw new ArgumentOutOfRangeException(nameof(activation)),
        };

        /// <summary>Whether <paramref name="output"/> reads as 1 (a NaN reads as 0).</summary>
        public bool ReadsAsOne(double output) => activation.MidpointReadsAsOne ? output >= activation.Midpoint : output > activation.Midpoint;
    }
}

/// <summary>The activations applied to spans, each exactly as NumPy computes it.</summary>
public static class Activations
{
    /// <summary>The option name of an activation: <c>sigmoid</c>, <c>tanh</c> or <c>relu</c>.</summary>
    public static string Name(Activation activation) => Names[(int)activation];

    /// <summary>The activation an option name means.</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not one of <see cref="Names"/>.</exception>
    public static Activation Parse(string name) => (Activation)ChoiceNames.Index(Names, name);

    /// <summary>The option names, in <see cref="Activation"/> order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["sigmoid", "tanh", "relu"];

    /// <summary><c>values = act(values)</c>.</summary>
    public static void ApplyInPlace(Activation activation, Span<double> values)
    {
        switch (activation)
        {
            case Activation.Sigmoid:
                NumPyExp.SigmoidInPlace(values);
                break;
            case Activation.Tanh:
                NumPyTanh.TanhInPlace(values);
                break;
            case Activation.Relu:
                for (int i = 0; i < values.Length; i++)
                {
                    // np.maximum keeps a NaN.
                    values[i] = values[i] >= 0 || double.IsNaN(values[i]) ? values[i] : 0;
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(activation));
        }
    }

    /// <summary><c>delta *= act_derivative(a)</c>, the derivative written in terms of the activation <paramref name="a"/>.</summary>
    public static void MultiplyByDerivative(Activation activation, Span<double> delta, ReadOnlySpan<double> a)
    {
        if (delta.Length != a.Length)
        {
            throw new ArgumentException($"Spans of {delta.Length} and {a.Length} elements cannot be combined element-wise.", nameof(a));
        }

        // Four lanes at a time, each with the scalar expression's operations in its order.
        ref double dr = ref MemoryMarshal.GetReference(delta);
        ref double ar = ref MemoryMarshal.GetReference(a);
        Vector256<double> one = Vector256<double>.One;
        int n = delta.Length, v = n - (n % 4);
        switch (activation)
        {
            case Activation.Sigmoid:
                for (int i = 0; i < v; i += 4)
                {
                    Vector256<double> ai = Vector256.LoadUnsafe(ref ar, (nuint)i);
                    (Vector256.LoadUnsafe(ref dr, (nuint)i) * (ai * (one - ai))).StoreUnsafe(ref dr, (nuint)i);
                }

                for (int i = v; i < n; i++)
                {
                    delta[i] *= a[i] * (1 - a[i]);
                }

                break;
            case Activation.Tanh:
                for (int i = 0; i < v; i += 4)
                {
                    Vector256<double> ai = Vector256.LoadUnsafe(ref ar, (nuint)i);
                    (Vector256.LoadUnsafe(ref dr, (nuint)i) * (one - (ai * ai))).StoreUnsafe(ref dr, (nuint)i);
                }

                for (int i = v; i < n; i++)
                {
                    delta[i] *= 1 - (a[i] * a[i]);
                }

                break;
            case Activation.Relu:
                // A product, not a choice: 0 times a NaN stays NaN and a negative delta gives -0, as in NumPy.
                for (int i = 0; i < v; i += 4)
                {
                    Vector256<double> step = Vector256.GreaterThan(Vector256.LoadUnsafe(ref ar, (nuint)i), Vector256<double>.Zero) & one;
                    (Vector256.LoadUnsafe(ref dr, (nuint)i) * step).StoreUnsafe(ref dr, (nuint)i);
                }

                for (int i = v; i < n; i++)
                {
                    delta[i] *= a[i] > 0 ? 1.0 : 0.0;
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(activation));
        }
    }
}
