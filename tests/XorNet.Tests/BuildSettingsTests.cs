using System.Diagnostics;
using System.Reflection;
using FluentAssertions;

namespace XorNet.Tests;

/// <summary>How the XorNet assembly the tests load was compiled.</summary>
public sealed class BuildSettingsTests
{
    /// <summary>
    /// `dotnet run` and `dotnet test` build Debug. Unless the project optimises in every configuration, the compiler
    /// marks a Debug assembly "JIT optimiser disabled" and training runs over ten times slower than in Release.
    /// </summary>
    [Fact]
    public void The_app_assembly_lets_the_JIT_optimise_in_every_configuration()
    {
        DebuggableAttribute? debuggable = typeof(Trainer).Assembly.GetCustomAttribute<DebuggableAttribute>();

        // No attribute at all means no debugging modes, so the JIT optimises.
        (debuggable?.IsJITOptimizerDisabled ?? false).Should().BeFalse();
    }
}
