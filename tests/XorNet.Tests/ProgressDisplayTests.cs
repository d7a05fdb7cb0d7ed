using System.Diagnostics;
using FluentAssertions;

namespace XorNet.Tests;

public sealed class ProgressDisplayTests
{
    [Fact]
    public void Shows_nothing_in_the_first_second()
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
        var progress = new ProgressDisplay(terminal, int.MaxValue);
        var clock = Stopwatch.StartNew();
        int epoch = 0;
        while (clock.Elapsed < TimeSpan.FromSeconds(1.35))
        {
            progress.Report(epoch++, 0.125);
        }

        string drawn = terminal.ToString();
        progress.Dispose();
        string erased = terminal.ToString()[drawn.Length..];

        drawn.Should().StartWith("\repoch ").And.Contain("loss 0.125000").And.Contain("epochs/s").And.Contain("s left");
        drawn.Should().NotContain("\n");
        drawn.Count(c => c == '\r').Should().BeInRange(1, 5, "0.35 s of drawing at no more than ten a second");
        erased.Should().MatchRegex("^\r +\r$");
    }
}
