using System.Text.Json;
using XorNet.Text;
using XorNet.NumPy;
using XorNet.Network.Optimizers;

namespace XorNet.Models;

/// <summary>The version 3 part of a model file: the optimiser with its settings and state, and the random stream.</summary>
internal static partial class ModelReader
{
    private static readonly string[] OptimizerFields = ["name", "momentum", "betas", "weightDecay", "batchSize", "steps", "state"];
    private static readonly string[] RandomFields = ["key", "pos", "hasGauss", "cachedGaussian"];

    // Words of the Mersenne Twister's state, and how far into them the generator is.
    private const int KeyLength = 624;

    private static TrainingState State(Document document, Dictionary<string, int> fields, int[] sizes, string described)
    {
        int at = document.Field(fields, "optimizer");
        document.Require(document.TokenAt(at) == JsonTokenType.StartObject, at,
            $"\"optimizer\" must be an object naming the update rule and holding its state, not {Kind(document.TokenAt(at))}");
        Dictionary<string, int> o = document.FieldsOf(at, OptimizerFields);
        RequireFields(document, o, at, "optimizer", ["name", "weightDecay", "steps", "state"]);
        OptimizerKind kind = OptimizerSettings.Parse(document.Choice(o, "name", OptimizerSettings.Names, Expected(OptimizerSettings.Names)))!.Value;
        var settings = new OptimizerSettings(kind);
        if (settings.UsesMomentum)
        {
            RequireFields(document, o, at, "optimizer", ["momentum"]);
            settings = settings with { Momentum = document.Number(o, "momentum", "optimizer.momentum", IsFraction, OptimizerValues.Momentum) };
        }

        if (settings.UsesBetas)
        {
            RequireFields(document, o, at, "optimizer", ["betas"]);
            double[] betas = document.Numbers<double>(o["betas"], "optimizer.betas", 2, r => r.TryGetDouble(out double b) && IsFraction(b) ? b : null, "numbers each from 0 up to but not including 1, such as [0.9, 0.999]");
            settings = settings with { Beta1 = betas[0], Beta2 = betas[1] };
        }

        settings = settings with
        {
            WeightDecay = document.Number(o, "weightDecay", "optimizer.weightDecay", w => double.IsFinite(w) && w >= 0, OptimizerValues.WeightDecay),
        };
        if (o.ContainsKey("batchSize"))
        {
            document.WholeNumber(o, "batchSize", "optimizer.batchSize", 1, int.MaxValue);
        }

        long steps = document.WholeNumber(o, "steps", "optimizer.steps", 0, long.MaxValue);

        int stateAt = o["state"];
        (string? firstName, string? secondName) = ModelOptimizer.StateNames(kind);
        string[] names = [.. new[] { firstName, secondName }.OfType<string>()];
        document.Require(document.TokenAt(stateAt) == JsonTokenType.StartObject, stateAt,
            $"\"optimizer.state\" must be an object holding {(names.Length == 0 ? "nothing for sgd" : string.Join(" and ", names.Select(n => $"\"{n}\"")))}, not {Kind(document.TokenAt(stateAt))}");
        Dictionary<string, int> arrays = document.FieldsOf(stateAt, names);
        RequireFields(document, arrays, stateAt, "optimizer.state", names);
        double[][] Slots(string? arrayName) => arrayName is null
            ? [.. Enumerable.Range(0, 2 * (sizes.Length - 1)).Select(_ => Array.Empty<double>())]
            : Parameters(document, arrays[arrayName], $"optimizer.state.{arrayName}", sizes, described);

        return new TrainingState(settings, steps, Slots(firstName), Slots(secondName), fields.TryGetValue("random", out int random) ? Random(document, random) : null);
    }

    // One matrix for each parameter, shaped as it, flattened into slot order (W1, b1, W2, b2, …).
    private static double[][] Parameters(Document document, int at, string label, int[] sizes, string described)
    {
        int layers = sizes.Length - 1;
        string[] names = [.. Enumerable.Range(1, layers).SelectMany(l => new[] { $"W{l}", $"b{l}" })];
        document.Require(document.TokenAt(at) == JsonTokenType.StartObject, at,
            $"\"{label}\" must be an object holding one array per parameter, W1, b1, …, not {Kind(document.TokenAt(at))}");
        Dictionary<string, int> matrices = document.FieldsOf(at, names);
        RequireFields(document, matrices, at, label, names);
        return [.. names.Select((n, i) => document.Matrix(matrices[n], $"{label}.{n}", i % 2 == 0 ? sizes[i / 2] : 1, sizes[(i / 2) + 1], described).AsSpan().ToArray())];
    }

    private static NumPyRandomState Random(Document document, int at)
    {
        document.Require(document.TokenAt(at) == JsonTokenType.StartObject, at,
            $"\"random\" must be an object holding the random generator's \"key\", \"pos\", \"hasGauss\" and \"cachedGaussian\", not {Kind(document.TokenAt(at))}");
        Dictionary<string, int> r = document.FieldsOf(at, RandomFields);
        RequireFields(document, r, at, "random", RandomFields);
        uint[] key = document.Numbers<uint>(r["key"], "random.key", KeyLength, w => w.TryGetUInt32(out uint v) ? v : null, "whole numbers from 0 to 4294967295");
        int pos = (int)document.WholeNumber(r, "pos", "random.pos", 0, KeyLength);
        bool hasGauss = document.WholeNumber(r, "hasGauss", "random.hasGauss", 0, 1) == 1;
        double gauss = document.Number(r, "cachedGaussian", "random.cachedGaussian", double.IsFinite, "a finite number");
        return new NumPyRandomState(key, pos, hasGauss, gauss);
    }

    private static void RequireFields(Document document, Dictionary<string, int> fields, int at, string label, IEnumerable<string> names)
    {
        foreach (string field in names)
        {
            document.Require(fields.ContainsKey(field), at, $"\"{label}\" has no \"{field}\"");
        }
    }

    private static bool IsFraction(double value) => value is >= 0 and < 1;
}
