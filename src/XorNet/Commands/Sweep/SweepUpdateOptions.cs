using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using XorNet.Commands.Train;
using XorNet.Network.Optimizers;
using XorNet.Sweeps;
using XorNet.Text;

namespace XorNet.Commands.Sweep;

/// <summary>
/// The sweep's lists of how runs update their weights: <c>--optimizer</c>, <c>--momentum</c>, <c>--weight-decay</c>
/// and <c>--batch-size</c> take values separated by commas, and <c>--betas</c>, itself a pair, is repeated for more.
/// Each value means what the training option of that name means.
/// </summary>
internal sealed class SweepUpdateOptions
{
    private readonly SweepOptions _sweep;

    public SweepUpdateOptions(SweepOptions sweep)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        _sweep = sweep;
        Optimizers = sweep.Choices("--optimizer", "The update rules, sgd being the notebook's", OptimizerSettings.Names, "sgd");
        Momenta = sweep.List<double>(
            "--momentum", null, "momentum and nesterov: the fractions of the last step kept (default 0.9)",
            $"{OptimizerValues.Momentum.Replace("a number", "numbers", StringComparison.Ordinal)}, separated by commas", "0.9",
            (string text, out double mu) => (mu = OptimizerOptions.ParseMomentum(text) ?? double.NaN) is >= 0 and < 1,
            null);
        WeightDecays = sweep.List<double>(
            "--weight-decay", null, "Weight decays, added times the weights to their gradients (default 0)",
            "finite numbers of at least 0 separated by commas, such as 0,0.0001", "0",
            (string text, out double wd) => (wd = OptimizerOptions.ParseWeightDecay(text) ?? -1) >= 0,
            null);
        BatchSizes = sweep.List<int>(
            "--batch-size", null, "Rows per update, the rows shuffled every epoch (default: the whole data in order, the notebook)",
            "whole numbers from 1 separated by commas, or ranges such as 1-4", "1",
            (string text, out int size) => (size = OptimizerOptions.ParseBatchSize(text) ?? 0) >= 1,
            (1, int.MaxValue, n => (int)n));
        Betas = sweep.Training.Common.Register(
            new Option<(double, double)[]>("--betas")
            {
                Description = $"adam: the decay rates of its two moment averages (default 0.9,0.999): {OptimizerValues.Betas}; repeat it for more (--betas 0.9,0.999 --betas 0.5,0.999)",
                HelpName = "b1,b2",
                AllowMultipleArgumentsPerToken = false,
                Arity = ArgumentArity.OneOrMore,
                CustomParser = ParseBetas,
            },
            OptimizerValues.Betas);
    }

    public Option<string[]> Optimizers { get; }

    public Option<double[]> Momenta { get; }

    public Option<(double, double)[]> Betas { get; }

    public Option<double[]> WeightDecays { get; }

    public Option<int[]> BatchSizes { get; }

    /// <summary>The options, in the order help lists them.</summary>
    public IEnumerable<Option> All => [Optimizers, Momenta, Betas, WeightDecays, BatchSizes];

    /// <summary>Refuses <c>--momentum</c> or <c>--betas</c> when no listed rule reads it, as training refuses them for its one rule.</summary>
    public void Validate(CommandResult command)
    {
        ArgumentNullException.ThrowIfNull(command);
        // Read from the tokens: a list that does not parse reports its own error, and that one comes first.
        string[] names = command.GetResult(Optimizers) is { Tokens: [.., var last] } ? last.Value.Split(',').Select(n => n.Trim()).ToArray() : ["sgd"];
        if (names.Any(n => OptimizerSettings.Parse(n) is null))
        {
            return;
        }

        OptimizerSettings[] rules = [.. names.Select(n => new OptimizerSettings(OptimizerSettings.Parse(n)!.Value))];
        string listed = names.Length == 1 ? names[0] : $"{string.Join(", ", names[..^1])} or {names[^1]}";
        if (command.GetResult(Momenta) is { Tokens.Count: > 0 } && !rules.Any(r => r.UsesMomentum))
        {
            command.AddError($"--momentum is used by --optimizer momentum and nesterov, not {listed}; drop it or list one of those.");
        }
        else if (command.GetResult(Betas) is { Tokens.Count: > 0 } && !rules.Any(r => r.UsesBetas))
        {
            command.AddError($"--betas is used by --optimizer adam, not {listed}; drop it or list adam.");
        }
    }

    /// <summary>Every update the lists make (see <see cref="SweepUpdate.Expand"/>).</summary>
    public IReadOnlyList<SweepUpdate> Updates(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        (double, double)[] betas = parse.GetResult(Betas) is null ? [(OptimizerSettings.DefaultBeta1, OptimizerSettings.DefaultBeta2)] : parse.GetValue(Betas)!;
        int?[] batchSizes = parse.GetResult(BatchSizes) is null ? [null] : [.. parse.GetValue(BatchSizes)!.Select(b => (int?)b)];
        return SweepUpdate.Expand(
            [.. _sweep.Values(parse, Optimizers).Select(n => OptimizerSettings.Parse(n)!.Value)], _sweep.Values(parse, Momenta), betas, _sweep.Values(parse, WeightDecays), batchSizes);
    }

    private static (double, double)[] ParseBetas(ArgumentResult result)
    {
        var pairs = new List<(double, double)>();
        foreach (Token token in result.Tokens)
        {
            if (OptimizerOptions.ParseBetas(token.Value) is not { } pair)
            {
                result.AddError($"--betas does not accept '{Excerpt.Of(token.Value)}': expected {OptimizerValues.Betas}.");
                return [];
            }

            if (pairs.Contains(pair))
            {
                result.AddError(string.Create(CultureInfo.InvariantCulture, $"--betas lists {token.Value} twice."));
                return [];
            }

            pairs.Add(pair);
        }

        return [.. pairs];
    }
}
