using FluentAssertions;

namespace XorNet.Tests;

/// <summary>The update-rule options refuse bad values, and options the chosen rule does not use, in one line with exit 2.</summary>
public sealed class OptimizerOptionTests
{
    [Theory]
    [InlineData("--batch-size 0", "--batch-size")]
    [InlineData("--batch-size 1.5", "--batch-size")]
    [InlineData("--optimizer momentum --momentum -1", "--momentum")]
    [InlineData("--optimizer momentum --momentum 1", "--momentum")]
    [InlineData("--optimizer adam --betas 1,0.9", "--betas")]
    [InlineData("--optimizer adam --betas 0.9", "--betas")]
    [InlineData("--optimizer adam --betas 0.9,0.99,0.9", "--betas")]
    [InlineData("--weight-decay -1", "--weight-decay")]
    [InlineData("--weight-decay nan", "--weight-decay")]
    [InlineData("--optimizer adagrad", "--optimizer")]
    [InlineData("--optimizer adam --momentum 0.9", "--momentum")]
    [InlineData("--momentum 0.9", "--momentum")]
    [InlineData("--optimizer rprop --betas 0.9,0.999", "--betas")]
    [InlineData("--optimizer nesterov --betas 0.9,0.999", "--betas")]
    public void A_bad_value_or_an_unused_option_is_one_line_and_exit_2(string arguments, string option)
    {
        (int exitCode, string output, string error) = InProcess.Run(arguments.Split(' '));

        exitCode.Should().Be(ExitCodes.BadInput);
        output.Should().BeEmpty();
        error.TrimEnd('\n').Should().NotContain("\n").And.StartWith($"XorNet: {option} ");
        error.Should().NotContain("Exception");
    }

    [Theory]
    [InlineData("--optimizer momentum --momentum 0")]
    [InlineData("--optimizer nesterov --momentum 0.99")]
    [InlineData("--optimizer adam --betas 0,0.5")]
    [InlineData("--optimizer rprop --weight-decay 0")]
    [InlineData("--batch-size 2147483647")]
    public void Values_at_the_edges_of_what_is_accepted_train(string arguments)
    {
        (int exitCode, _, string error) = InProcess.Run([.. arguments.Split(' '), "--epochs", "3"]);

        error.Should().BeEmpty();
        exitCode.Should().Be(ExitCodes.Success);
    }

    [Fact]
    public void Plain_sgd_named_or_not_is_the_notebook_to_the_byte()
    {
        string notebook = Fixture.Text("notebook-transcript.txt");

        InProcess.Run().Output.Should().Be(notebook);
        InProcess.Run("--optimizer", "sgd", "--weight-decay", "0").Output.Should().Be(notebook);
    }

    [Theory]
    [InlineData("--optimizer adam --betas 0.8,0.99 --batch-size 2", "{\"name\":\"adam\",\"betas\":[0.8,0.99],\"weightDecay\":0.0,\"batchSize\":2}")]
    [InlineData("--optimizer nesterov --weight-decay 0.001", "{\"name\":\"nesterov\",\"momentum\":0.9,\"weightDecay\":0.001}")]
    [InlineData("--seed 1", "{\"name\":\"sgd\",\"weightDecay\":0.0}")]
    public void The_json_report_names_the_optimiser_and_its_settings(string arguments, string expected)
    {
        (int exitCode, string output, _) = InProcess.Run([.. arguments.Split(' '), "--epochs", "5", "--format", "json"]);

        exitCode.Should().Be(ExitCodes.Success);
        System.Text.Json.Nodes.JsonNode.Parse(output)!["optimizer"]!.ToJsonString().Should().Be(expected);
    }

    [Theory]
    [InlineData("sgd", null)]
    [InlineData("momentum", null)]
    [InlineData("adam", 3)]
    [InlineData("rprop", 1)]
    [InlineData("rmsprop", 64)]
    [InlineData("nesterov", 300)]
    public void An_epoch_allocates_nothing_with_any_optimiser_and_batch_size(string optimizer, int? batchSize)
    {
        // A table of 300 rows and a deeper network, and the notebook's own: the batch buffers, the workspaces of
        // both batch sizes (64 leaves a last batch of 44) and the optimiser's state are all made before the first epoch ends.
        foreach ((XorNet.Data.Dataset data, XorNet.Network.Architecture architecture) in new[]
        {
            (RandomTable(300, 3, 2), new XorNet.Network.Architecture([3, 8, 5, 2], XorNet.Network.Activation.Tanh)),
            (RandomTable(300, 2, 1), XorNet.Network.Architecture.Notebook(2, 4)),
        })
        {
            var random = new XorNet.NumPy.NumPyRandom(1);
            XorNet.Network.INetwork network = XorNet.Network.Networks.Initialize(architecture, random);
            var settings = new XorNet.Network.Optimizers.OptimizerSettings(XorNet.Network.Optimizers.OptimizerSettings.Parse(optimizer)!.Value, WeightDecay: 0.001);
            var rule = XorNet.Network.Optimizers.Optimizer.For(settings, network, 0.01);
            var batches = batchSize is { } size ? new XorNet.Network.MiniBatches(data.X, data.Y, size, random) : null;
            double Epoch() => batches is null ? network.TrainEpoch(data.X, data.Y, 0.01, rule) : batches.TrainEpoch(network, 0.01, rule);
            Epoch();

            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int epoch = 0; epoch < 20; epoch++)
            {
                Epoch();
            }

            (GC.GetAllocatedBytesForCurrentThread() - before).Should().Be(0, "{0} with batch size {1} on {2}", optimizer, batchSize, architecture.Sizes.Count);
        }
    }

    private static XorNet.Data.Dataset RandomTable(int rows, int inputs, int targets)
    {
        var random = new XorNet.NumPy.NumPyRandom(9);
        var x = new XorNet.NumPy.Matrix(rows, inputs);
        var y = new XorNet.NumPy.Matrix(rows, targets);
        for (int i = 0; i < x.AsSpan().Length; i++)
        {
            x.AsSpan()[i] = random.NextDouble();
        }

        for (int i = 0; i < y.AsSpan().Length; i++)
        {
            y.AsSpan()[i] = random.NextDouble() < 0.5 ? 0 : 1;
        }

        return new XorNet.Data.Dataset("random", x, y);
    }
}
