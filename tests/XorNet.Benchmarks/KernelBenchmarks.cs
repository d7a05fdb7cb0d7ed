using BenchmarkDotNet.Attributes;

namespace XorNet.Benchmarks;

/// <summary>The sigmoid over 4096 values (an epoch's worth at hidden 1024), vectorised and through Math.Exp.</summary>
public class KernelBenchmarks
{
    private readonly double[] _inputs = new double[4096];
    private readonly double[] _values = new double[4096];

    [GlobalSetup]
    public void Fill()
    {
        var random = new NumPyRandom(1);
        for (int i = 0; i < _inputs.Length; i++)
        {
            _inputs[i] = (random.NextDouble() * 8) - 4;
        }
    }

    [Benchmark(Baseline = true)]
    public void ScalarSigmoid()
    {
        _inputs.CopyTo(_values, 0);
        for (int i = 0; i < _values.Length; i++)
        {
            _values[i] = TwoLayerNetwork.Sigmoid(_values[i]);
        }
    }

    [Benchmark]
    public void VectorSigmoid()
    {
        _inputs.CopyTo(_values, 0);
        NumPyExp.SigmoidInPlace(_values);
    }
}
