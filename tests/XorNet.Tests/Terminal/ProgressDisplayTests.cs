using System.Text.RegularExpressions;
using FluentAssertions;

namespace XorNet.Tests;

public sealed class ProgressDisplayTests
{
    private static readonly TimeSpan Millisecond = TimeSpan.FromMilliseconds(1);

    [Fact]
    public void Shows_nothing_in_the_first_second()
    {
        using var terminal = new StringWriter();
        var clock = new FakeClock();
        using (var progress = new ProgressDisplay(new StatusLine(terminal, () => 80, clock, ansi: true), 1000, clock))
        {
            for (int epoch = 0; epoch < 990; epoch++)
            {
                clock.Advance(Millisecond);
                progress.Report(epoch, 0.25);
            }
        }

        terminal.ToString().Should().BeEmpty();
    }

    [Fact]
    public void Shows_nothing_on_a_plain_writer_in_the_first_second()
    {
        using var terminal = new StringWriter();
        using (var progress = new ProgressDisplay(terminal, 1000))
        {
            for (int epoch = 0; epoch < 1000; epoch++)
            {
                progress.Report(epoch, 0.25);
            }
        }

        terminal.ToString().Should().BeEmpty();
    }

    [Fact]
    public void After_a_second_draws_one_line_at_most_ten_times_a_second_and_erases_it()
    {
        using var terminal = new StringWriter();
        var clock = new FakeClock();
        var progress = new ProgressDisplay(new StatusLine(terminal, () => 80, clock, ansi: true), 1_000_000, clock);

        // 1.35 s at a thousand epochs a second.
        for (int epoch = 0; epoch < 1350; epoch++)
        {
            clock.Advance(Millisecond);
            progress.Report(epoch, 0.125);
        }

        string drawn = terminal.ToString();
        progress.Dispose();
        string erased = terminal.ToString()[drawn.Length..];

        drawn.Should().StartWith("\repoch ").And.Contain("loss 0.125").And.Contain("1,000 epochs/s").And.Contain("s left");
        drawn.Should().NotContain("\n");
        Regex.Count(drawn, "\repoch ").Should().BeInRange(3, 4, "draws at 1.0 s and then every 0.1 s up to 1.35 s");
        erased.Should().Be("\r\u001b[K");
        Screen.Of(terminal.ToString(), 80).Rows.Should().Equal([""], "the line is gone");
    }

    [Fact]
    public void Is_erased_before_a_log_line_and_comes_back_under_it()
    {
        using var terminal = new StringWriter { NewLine = "\n" };
        var clock = new FakeClock();
        var line = new StatusLine(terminal, () => 80, clock, ansi: true);
        using TextWriter output = line.Share(terminal);
        using var progress = new ProgressDisplay(line, 1_000_000, clock);

        for (int epoch = 0; epoch <= 1500; epoch++)
        {
            clock.Advance(Millisecond);
            progress.Report(epoch, 0.5);
            if (epoch % 500 == 0)
            {
                output.WriteLine($"Epoch {epoch}, Loss: 0.5000");
            }
        }

        IReadOnlyList<string> rows = Screen.Of(terminal.ToString(), 80).Rows;
        rows.Should().HaveCount(5);
        rows.Take(4).Should().Equal("Epoch 0, Loss: 0.5000", "Epoch 500, Loss: 0.5000", "Epoch 1000, Loss: 0.5000", "Epoch 1500, Loss: 0.5000");

        // Drawn again at once after the line, for the epoch that line was logged at.
        rows[4].Should().StartWith("epoch 1501/1000000  loss 0.5");
    }

    [Fact]
    public void Is_cut_to_fit_a_terminal_of_20_columns_leaving_room_for_an_echoed_ctrl_c()
    {
        using var terminal = new StringWriter();
        var clock = new FakeClock();
        using var progress = new ProgressDisplay(new StatusLine(terminal, () => 20, clock, ansi: true), 2_000_000, clock);

        for (int epoch = 0; epoch < 2000; epoch++)
        {
            clock.Advance(Millisecond);
            progress.Report(epoch, 0.473333);
        }

        Screen screen = Screen.Of(terminal.ToString(), 20);
        screen.Wraps.Should().Be(0);
        screen.Rows.Should().ContainSingle().Which.Should().MatchRegex("^epoch [0-9]+$");
    }

    [Fact]
    public void Reads_the_width_again_at_each_draw()
    {
        using var terminal = new StringWriter();
        var clock = new FakeClock();
        int columns = 100;
        using var progress = new ProgressDisplay(new StatusLine(terminal, () => columns, clock, ansi: true), 2_000_000, clock);
        for (int epoch = 0; epoch < 1050; epoch++)
        {
            clock.Advance(Millisecond);
            progress.Report(epoch, 0.25);
        }

        Screen.Of(terminal.ToString(), 100).Rows.Single().Should().Contain("epochs/s").And.EndWith("left");

        columns = 30;
        int before = terminal.ToString().Length;
        for (int epoch = 1050; epoch < 1200; epoch++)
        {
            clock.Advance(Millisecond);
            progress.Report(epoch, 0.25);
        }

        // What the narrower terminal receives is no wider than it, less three columns.
        Regex.Matches(terminal.ToString()[before..], "\r([^\r\u001b]*)\u001b\\[K").Select(m => m.Groups[1].Value)
            .Should().NotBeEmpty().And.OnlyContain(text => text.Length <= 27 && text.StartsWith("epoch 1", StringComparison.Ordinal));
    }

    [Fact]
    public void Shows_seconds_per_epoch_when_an_epoch_takes_longer_than_a_second()
    {
        using var terminal = new StringWriter();
        var clock = new FakeClock();
        using var progress = new ProgressDisplay(new StatusLine(terminal, () => 200, clock, ansi: true), 100, clock);
        for (int epoch = 0; epoch < 3; epoch++)
        {
            clock.Advance(TimeSpan.FromSeconds(2.4));
            progress.Report(epoch, 0.25);
        }

        Screen.Of(terminal.ToString(), 200).Rows.Should().Equal("epoch 3/100  loss 0.25  2.4 s per epoch  3 m 53 s left");
    }

    [Theory]
    [InlineData(80, "epoch 885/200000  loss 0.473333  333 epochs/s  9 m 57 s left")]
    [InlineData(50, "epoch 885/200000  loss 0.473333  9 m 57 s left")]
    [InlineData(35, "epoch 885/200000  9 m 57 s left")]
    [InlineData(30, "epoch 885  9 m 57 s left")]
    [InlineData(20, "epoch 885")]
    [InlineData(11, "")]
    public void A_narrower_terminal_drops_the_speed_then_the_loss_then_the_epoch_count_then_the_time_left(int columns, string expected)
    {
        using var terminal = new StringWriter();
        var line = new StatusLine(terminal, () => columns, new FakeClock(), ansi: true);

        // 885 epochs in 2.655 s: 333 epochs a second, 199 115 epochs (597.345 s) to go.
        line.Show(() => ProgressDisplay.Forms(884, 200_000, 0.473333, TimeSpan.FromSeconds(2.655)));

        Screen.Of(terminal.ToString(), columns).Rows.Should().Equal(expected);
    }

    [Theory]
    [InlineData(4.476399634372746e-05, "loss 4.4764e-05")]
    [InlineData(1.5e-300, "loss 1.5e-300")]
    [InlineData(0.473333, "loss 0.473333")]
    public void A_small_loss_keeps_its_significant_digits(double loss, string expected) =>
        ProgressDisplay.Forms(884, 200_000, loss, TimeSpan.FromSeconds(2.655))[0].Should().Contain($"  {expected}  ");

    [Theory]
    [InlineData(0.001, "1,000 epochs/s")]
    [InlineData(1.0, "1 epoch/s")]
    [InlineData(0.6, "2 epochs/s")]
    [InlineData(1.04, "1.0 s per epoch")]
    [InlineData(12.25, "12.3 s per epoch")]
    [InlineData(59.96, "1 m 00 s per epoch")]
    [InlineData(125, "2 m 05 s per epoch")]
    public void Speed_is_epochs_per_second_or_seconds_per_epoch(double secondsPerEpoch, string expected) =>
        ProgressDisplay.Speed(secondsPerEpoch).Should().Be(expected);

    [Theory]
    [InlineData(0, "0 s")]
    [InlineData(12.4, "12 s")]
    [InlineData(59.6, "1 m 00 s")]
    [InlineData(185, "3 m 05 s")]
    [InlineData(3599.4, "59 m 59 s")]
    [InlineData(3599.6, "1 h 00 m")]
    [InlineData(3720, "1 h 02 m")]
    [InlineData(3749, "1 h 02 m")]
    [InlineData(90000, "25 h 00 m")]
    [InlineData(double.PositiveInfinity, "277777777777 h 47 m")]
    [InlineData(double.NaN, "0 s")]
    public void Time_left_is_in_hours_minutes_and_seconds(double seconds, string expected) =>
        ProgressDisplay.Duration(seconds).Should().Be(expected);
}
