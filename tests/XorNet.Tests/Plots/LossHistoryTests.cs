using FluentAssertions;

namespace XorNet.Tests;

/// <summary>The loss plot's bounded summary: fixed memory, exact extremes per bucket, nothing allocated per epoch.</summary>
public sealed class LossHistoryTests
{
    [Fact]
    public void Ten_million_epochs_allocate_nothing_and_the_capacity_stays()
    {
        var history = new LossHistory();
        history.Add(0, 1.0);
        int epoch = 1;
        while (epoch < 10_000_000)
        {
            // Windows of a million epochs each, merging the buckets again and again, until one allocates nothing.
            Allocations.PerWindow(() =>
            {
                for (int end = epoch + 1_000_000; epoch < end; epoch++)
                {
                    history.Add(epoch, 1.0 / epoch);
                }
            }).Should().Be(0, "Add only overwrites the fixed arrays");
        }

        history.Capacity.Should().Be(LossHistory.DefaultCapacity);
        history.Count.Should().BeLessThanOrEqualTo(history.Capacity);
        history.Added.Should().Be(epoch);
        history.Points().Length.Should().BeLessThanOrEqualTo(history.Capacity);
    }

    [Fact]
    public void Extremes_per_bucket_match_a_naive_scan_on_random_data()
    {
        var random = new Random(8);
        for (int trial = 0; trial < 300; trial++)
        {
            int capacity = 2 * random.Next(1, 20);
            int epochs = random.Next(0, 3000);

            // Small integers give ties, which must resolve to the first epoch as a scan in order does.
            bool ties = trial % 2 == 0;
            double[] losses = [.. Enumerable.Range(0, epochs).Select(_ => ties ? random.Next(5) : random.NextDouble())];
            var history = new LossHistory(capacity);
            for (int e = 0; e < epochs; e++)
            {
                history.Add(e, losses[e]);
            }

            // The width is the smallest power of two that fits every epoch into the buckets.
            long width = 1;
            while ((epochs + width - 1) / width > capacity)
            {
                width *= 2;
            }

            history.BucketWidth.Should().Be(width, "{0} epochs in {1} buckets", epochs, capacity);
            history.Count.Should().Be((int)((epochs + width - 1) / width));
            for (int b = 0; b < history.Count; b++)
            {
                int start = (int)(b * width), end = (int)Math.Min(epochs, (b + 1) * width);
                int min = start, max = start;
                for (int e = start + 1; e < end; e++)
                {
                    min = losses[e] < losses[min] ? e : min;
                    max = losses[e] > losses[max] ? e : max;
                }

                history.Bucket(b).Should().Be((min, losses[min], max, losses[max]), "bucket {0} of {1} epochs, width {2}", b, epochs, width);
            }
        }
    }

    [Fact]
    public void A_run_up_to_the_capacity_keeps_every_epoch()
    {
        var history = new LossHistory();
        double[] losses = [.. Enumerable.Range(0, LossHistory.DefaultCapacity).Select(e => Math.Sin(e) + 2)];
        for (int e = 0; e < losses.Length; e++)
        {
            history.Add(e, losses[e]);
        }

        history.Points().Should().Equal(losses.Select((loss, epoch) => (epoch, loss)));
    }

    [Fact]
    public void Spikes_survive_a_long_run()
    {
        var history = new LossHistory();
        for (int e = 0; e < 100_000; e++)
        {
            history.Add(e, e == 54_321 ? 0.9 : e == 77_777 ? 1e-9 : 0.1);
        }

        (int Epoch, double Loss)[] points = history.Points();

        points.Length.Should().BeLessThanOrEqualTo(2000);
        points.Should().Contain((54_321, 0.9)).And.Contain((77_777, 1e-9));
        points.Select(p => p.Epoch).Should().BeInAscendingOrder();
    }

    [Fact]
    public void What_the_loss_plot_allocates_does_not_grow_with_the_epochs()
    {
        // Through the command: what --plot-loss adds to a run of 202 000 epochs must be what it adds to one of 2 000
        // (the chart has at most 2000 points either way). A list of every loss would add 8 bytes an epoch, 1.6 MB
        // more (3.2 MB with its growth); the bound leaves 128 KB for noise. Runs without the plot are the baselines,
        // as epochs of a Debug build allocate temporaries of their own.
        string directory = Directory.CreateTempSubdirectory("xornet-history-").FullName;
        try
        {
            long Allocated(int epochs, bool plot)
            {
                string[] args = ["--epochs", epochs.ToString(System.Globalization.CultureInfo.InvariantCulture), "--log-every", "1000000"];
                long before = GC.GetAllocatedBytesForCurrentThread();
                InProcess.Run(plot ? [.. args, "--plot-loss", Path.Combine(directory, "loss.svg")] : args).ExitCode.Should().Be(ExitCodes.Success);
                return GC.GetAllocatedBytesForCurrentThread() - before;
            }

            // The runtime's own allocations (tiered compilation) can land in any of the four runs on a loaded
            // machine, so the fewest extra bytes over a few rounds is the plot's; a list would show in every round.
            Allocated(2_000, plot: true);
            long shortRun = 0;
            long longRun = 0;
            long fewest = long.MaxValue;
            for (int round = 0; round < 3 && fewest >= 128 * 1024; round++)
            {
                shortRun = Allocated(2_000, plot: true) - Allocated(2_000, plot: false);
                longRun = Allocated(202_000, plot: true) - Allocated(202_000, plot: false);
                fewest = Math.Min(fewest, longRun - shortRun);
            }

            fewest.Should().BeLessThan(128 * 1024, "the plot added {0} bytes to 2 000 epochs and {1} to 202 000", shortRun, longRun);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
