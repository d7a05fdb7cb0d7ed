using System.Globalization;
using System.Text.Json;
using FluentAssertions;

namespace XorNet.Tests;

/// <summary>
/// <c>XorNet sweep</c> against NumPy: each run's convergence epoch, epochs run, final loss and accuracy, and each
/// setting's summary, as make_sweep_runs.py computed them with the generalised notebook, np.median and
/// np.percentile. Exact: every run repeats NumPy's arithmetic, and the summary statistics are NumPy's formulas.
/// </summary>
public sealed class SweepFidelityTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("xornet-sweep-fidelity-").FullName;

    public static TheoryData<int> Sweeps => [.. Enumerable.Range(0, Fixture.Json("sweep-runs.json").GetProperty("sweeps").GetArrayLength())];

    [Theory]
    [MemberData(nameof(Sweeps))]
    public void Every_run_and_the_summary_are_numpys(int sweep)
    {
        JsonElement expected = Fixture.Json("sweep-runs.json").GetProperty("sweeps")[sweep];
        string records = Path.Combine(_directory, $"runs-{sweep}.jsonl");
        string[] args = [.. expected.GetProperty("args").EnumerateArray().Select(a => a.GetString()!)];
        (int exitCode, string output, string error) = InProcess.Run(["sweep", .. args, "--out", records, "--format", "json", "--jobs", "2"]);
        exitCode.Should().Be(0, error);

        string[] lines = File.ReadAllLines(records);
        JsonElement[] runs = [.. expected.GetProperty("runs").EnumerateArray()];
        lines.Should().HaveCount(runs.Length);
        string sizesColumn = expected.GetProperty("sizesColumn").GetString()!;
        for (int i = 0; i < runs.Length; i++)
        {
            using JsonDocument line = JsonDocument.Parse(lines[i]);
            JsonElement actual = line.RootElement, run = runs[i];
            string because = $"run {i + 1}: {lines[i]}";
            actual.GetProperty("seed").GetUInt32().Should().Be(run.GetProperty("seed").GetUInt32(), because);
            Sizes(actual.GetProperty(sizesColumn)).Should().Be(run.GetProperty("sizes").GetString(), because);
            actual.GetProperty("learningRate").GetDouble().Should().Be(run.GetProperty("learningRate").GetDouble(), because);
            foreach (string name in new[] { "activation", "init", "loss" })
            {
                actual.GetProperty(name).GetString().Should().Be(run.GetProperty(name).GetString(), because);
            }

            actual.GetProperty("converged").GetBoolean().Should().Be(run.GetProperty("converged").GetBoolean(), because);
            actual.GetProperty("epoch").ToString().Should().Be(run.GetProperty("epoch").ToString(), because);
            actual.GetProperty("epochsRun").GetInt32().Should().Be(run.GetProperty("epochsRun").GetInt32(), because);
            actual.GetProperty("finalLoss").GetDouble().Should().Be(run.GetProperty("finalLoss").GetDouble(), because);
            actual.GetProperty("accuracy").GetDouble().Should().Be(run.GetProperty("accuracy").GetDouble(), because);
        }

        using JsonDocument summary = JsonDocument.Parse(output);
        JsonElement[] settings = [.. summary.RootElement.GetProperty("settings").EnumerateArray()];
        JsonElement[] numpy = [.. expected.GetProperty("summary").EnumerateArray()];
        settings.Should().HaveCount(numpy.Length);
        foreach (JsonElement want in numpy)
        {
            JsonElement got = settings.Single(s => Sizes(s.GetProperty(sizesColumn)) == want.GetProperty("sizes").GetString()
                && s.GetProperty("learningRate").GetDouble() == want.GetProperty("learningRate").GetDouble()
                && s.GetProperty("activation").GetString() == want.GetProperty("activation").GetString()
                && s.GetProperty("init").GetString() == want.GetProperty("init").GetString()
                && s.GetProperty("loss").GetString() == want.GetProperty("loss").GetString());
            foreach (string name in new[] { "runs", "converged", "convergedRate", "medianFinalLossNotConverged" })
            {
                got.GetProperty(name).ToString().Should().Be(want.GetProperty(name).ToString(), name);
            }

            if (want.GetProperty("epochs").ValueKind == JsonValueKind.Null)
            {
                got.GetProperty("epochs").ValueKind.Should().Be(JsonValueKind.Null);
                continue;
            }

            foreach (string name in new[] { "median", "p10", "p90" })
            {
                got.GetProperty("epochs").GetProperty(name).GetDouble().Should().Be(want.GetProperty("epochs").GetProperty(name).GetDouble(), name);
            }
        }
    }

    [Fact]
    public void Percentiles_and_medians_are_numpys_to_the_bit()
    {
        foreach (JsonElement c in Fixture.Json("sweep-runs.json").GetProperty("percentiles").EnumerateArray())
        {
            double[] values = [.. c.GetProperty("values").EnumerateArray().Select(v => v.GetDouble())];
            string because = string.Join(", ", values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
            Percentiles.Median(values).Should().Be(c.GetProperty("median").GetDouble(), because);
            Percentiles.Linear(values, 10).Should().Be(c.GetProperty("p10").GetDouble(), because);
            Percentiles.Linear(values, 90).Should().Be(c.GetProperty("p90").GetDouble(), because);
            Percentiles.Linear(values, 33.3).Should().Be(c.GetProperty("p33").GetDouble(), because);
        }
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string Sizes(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array ? string.Join(',', value.EnumerateArray().Select(e => e.GetInt32())) : value.GetInt32().ToString(CultureInfo.InvariantCulture);
}
