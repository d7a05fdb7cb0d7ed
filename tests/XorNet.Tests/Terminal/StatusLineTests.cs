using FluentAssertions;

namespace XorNet.Tests;

/// <summary>The terminal's bottom line, shared between the progress display and everything else written there.</summary>
public sealed class StatusLineTests
{
    [Theory]
    [InlineData(60, "epoch 7/10  loss 0.250000  9 epochs/s  1 s left")]
    [InlineData(40, "epoch 7/10  loss 0.250000  1 s left")]
    [InlineData(30, "epoch 7/10  loss 0.250000")]
    [InlineData(19, "epoch 7/10")]
    [InlineData(8, "")]
    [InlineData(0, "")]
    public void Fit_takes_the_first_form_that_fits_or_cuts_the_last_between_parts_never_inside_one(int columns, string expected) =>
        StatusLine.Fit(["epoch 7/10  loss 0.250000  9 epochs/s  1 s left", "epoch 7/10  loss 0.250000  1 s left"], columns)
            .Should().Be(expected);

    [Fact]
    public void A_write_erases_the_status_first_and_a_finished_line_brings_it_back()
    {
        using var terminal = new StringWriter { NewLine = "\n" };
        var clock = new FakeClock();
        var line = new StatusLine(terminal, () => 80, clock, ansi: true);
        using TextWriter error = line.Share(terminal);
        int asked = 0;

        line.Show(() => [$"status {++asked}"]);
        error.Write("XorNet: ");
        string midLine = terminal.ToString();
        error.WriteLine("something went wrong");

        midLine.Should().Be("\rstatus 1\u001b[K\r\u001b[KXorNet: ", "erased before the message, and not drawn in the middle of it");
        Screen.Of(terminal.ToString(), 80).Rows.Should().Equal("XorNet: something went wrong", "status 2");
    }

    [Fact]
    public void Is_not_drawn_while_a_line_is_half_written()
    {
        using var terminal = new StringWriter { NewLine = "\n" };
        var clock = new FakeClock();
        var line = new StatusLine(terminal, () => 80, clock, ansi: true);
        using TextWriter output = line.Share(terminal);

        output.Write("Epoch 5, ");
        line.Show(() => ["status"]);
        output.Write("Loss: 0.2500\n");

        Screen.Of(terminal.ToString(), 80).Rows.Should().Equal("Epoch 5, Loss: 0.2500", "status");
    }

    [Fact]
    public void Comes_back_at_most_ten_times_a_second_under_a_flood_of_lines()
    {
        using var terminal = new StringWriter { NewLine = "\n" };
        var clock = new FakeClock();
        var line = new StatusLine(terminal, () => 80, clock, ansi: true);
        using TextWriter output = line.Share(terminal);
        int drawn = 0;
        line.Show(() => [$"status {++drawn}"]);

        for (int i = 0; i < 1000; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(1));
            output.WriteLine($"line {i}");
        }

        drawn.Should().BeInRange(10, 11, "one draw, then one each 0.1 s of the 1 s of lines");
        Screen.Of(terminal.ToString(), 80).Lines.Where(l => l.StartsWith("status", StringComparison.Ordinal)).Should().HaveCountLessThanOrEqualTo(1);
    }

    [Fact]
    public void Clear_erases_the_status_and_stops_it_coming_back()
    {
        using var terminal = new StringWriter { NewLine = "\n" };
        var line = new StatusLine(terminal, () => 80, new FakeClock(), ansi: true);
        using TextWriter output = line.Share(terminal);

        line.Show(() => ["status"]);
        line.Clear();
        output.WriteLine("done");

        Screen.Of(terminal.ToString(), 80).Rows.Should().Equal("done", "");
    }

    [Fact]
    public void Announce_clears_the_row_of_the_status_and_of_an_echoed_ctrl_c_then_draws_the_status_again()
    {
        using var terminal = new StringWriter { NewLine = "\n" };
        var line = new StatusLine(terminal, () => 80, new FakeClock(), ansi: true);

        line.Show(() => ["epoch 3/10"]);
        terminal.Write("^C"); // the terminal's echo of the key, where the cursor was
        line.Announce(Interruption.Message);

        Screen.Of(terminal.ToString(), 80).Rows.Should().Equal(Interruption.Message, "epoch 3/10");
    }

    [Theory]
    [InlineData(0, 50)]
    [InlineData(120, 102)]
    public void Cuts_to_the_width_less_three_columns_taking_80_when_unknown(int columns, int shown)
    {
        using var terminal = new StringWriter();
        var line = new StatusLine(terminal, () => columns, new FakeClock(), ansi: true);

        line.Show(() => [new string('x', 50) + "  " + new string('y', 50)]);

        Screen.Of(terminal.ToString(), 200).Rows.Single().Length.Should().Be(shown);
    }

    [Fact]
    public void An_echoed_ctrl_c_after_the_status_stays_on_its_row_so_announce_clears_it()
    {
        using var terminal = new StringWriter { NewLine = "\n" };
        var line = new StatusLine(terminal, () => 20, new FakeClock(), ansi: true);

        line.Show(() => ["epoch 1234567  loss 0.250000"]);
        terminal.Write("^C");
        line.Announce(Interruption.Message);

        Screen screen = Screen.Of(terminal.ToString(), 20);
        screen.Lines.Should().Equal(Interruption.Message, "epoch 1234567");
        screen.Rows[0].Should().Be(Interruption.Message[..20], "the message starts on a clean row");
    }

    [Fact]
    public void Without_ansi_erases_with_spaces()
    {
        using var terminal = new StringWriter { NewLine = "\n" };
        var line = new StatusLine(terminal, () => 80, new FakeClock(), ansi: false);
        using TextWriter output = line.Share(terminal);

        line.Show(() => ["a longer status"]);
        line.Show(() => ["short"]);
        output.WriteLine("log");

        terminal.ToString().Should().StartWith("\ra longer status\rshort          \r     \rlog\n");
        Screen.Of(terminal.ToString(), 80).Rows.Should().Equal("log", "short");
    }

    [Fact]
    public void Messages_from_another_thread_never_tear_a_line()
    {
        using var terminal = new StringWriter { NewLine = "\n" };
        var line = new StatusLine(terminal, () => 80, new FakeClock(), ansi: true);
        using TextWriter output = line.Share(terminal);
        line.Show(() => ["status"]);

        var announcer = new Thread(() =>
        {
            for (int i = 0; i < 200; i++)
            {
                line.Announce("message");
            }
        });
        announcer.Start();
        for (int i = 0; i < 20_000; i++)
        {
            output.WriteLine($"Epoch {i}, Loss: 0.2500");
        }

        announcer.Join();

        IReadOnlyList<string> rows = Screen.Of(terminal.ToString(), 80).Rows;
        rows.Count(r => r == "message").Should().Be(200);
        rows.Where(r => r.StartsWith("Epoch", StringComparison.Ordinal)).Should().HaveCount(20_000)
            .And.OnlyContain(r => System.Text.RegularExpressions.Regex.IsMatch(r, "^Epoch [0-9]+, Loss: 0.2500$"));
    }
}
