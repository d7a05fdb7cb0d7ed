using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CsCheck;
using FluentAssertions;

namespace XorNet.Tests;

/// <summary>
/// Generated command lines, data files and model files through <see cref="Program.Run"/>: whatever the input, the exit
/// code is 0, 1, 2 or 130, no exception escapes, bad input is one line on stderr and nothing on stdout, and a run
/// that fails creates, changes or removes no file.
/// </summary>
/// <remarks>
/// The cases come from a fixed seed, so a run in CI is repeatable; <c>XORNET_PROPERTY_ITERATIONS</c> and
/// <c>XORNET_PROPERTY_SEED</c> run more or other cases. Every distinct failure is collected and reported with one
/// example, rather than stopping at the first, so one run shows everything that is wrong.
/// </remarks>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PropertyTests
{
    private const int DefaultIterations = 800;
    private const ulong DefaultSeed = 20_260_825;

    private static readonly Lazy<(string Xor, string Parity)> Models = new(SaveModels);

    [Fact]
    public void No_input_crashes_the_command_or_changes_files_when_it_fails()
    {
        int iterations = Setting("XORNET_PROPERTY_ITERATIONS", DefaultIterations);
        ulong seed = (ulong)Setting("XORNET_PROPERTY_SEED", (long)DefaultSeed);
        (string xor, string parity) = Models.Value;
        Gen<PropertyCase> cases = PropertyGenerators.Cases(xor, parity);

        // Nothing here should read standard input; should a change make it do so, it must not wait for a terminal.
        Console.SetIn(TextReader.Null);

        var failures = new Dictionary<string, string>(StringComparer.Ordinal);
        var random = new PCG(1, seed);
        for (int i = 0; i < iterations; i++)
        {
            PropertyCase example = cases.Generate(random, null, out _);
            if (Check(example) is { } problem && !failures.ContainsKey(problem))
            {
                failures[problem] = $"case {i} (seed {seed}): {example}";
            }
        }

        if (failures.Count > 0)
        {
            Assert.Fail(
                $"Every run should end in 0, 1, 2 or 130 with its files intact; {failures.Count} distinct failure(s) in {iterations} cases:\n"
                + string.Join("\n", failures.Select(f => $"- {f.Key}\n  {f.Value}")));
        }
    }

    // Runs one case in a fresh directory; returns what went wrong, in words that group like failures together.
    private static string? Check(PropertyCase example)
    {
        DirectoryInfo directory = Directory.CreateTempSubdirectory("xornet-property-");
        string dir = directory.FullName;
        try
        {
            Populate(dir, example);
            Dictionary<string, string> before = Snapshot(dir);
            using var cancellation = new CancellationTokenSource();
            if (example.Cancelled)
            {
                cancellation.Cancel();
            }

            int exitCode;
            string output, error;
            try
            {
                (exitCode, output, error) = InProcess.Run(example.ArgsIn(dir), cancellation.Token);
            }
#pragma warning disable CA1031 // Any exception escaping Program.Run is the failure this test looks for.
            catch (Exception e)
#pragma warning restore CA1031
            {
                return $"{e.GetType().Name} escaped from {Origin(e)}: {Generalise(e.Message, dir)}";
            }

            Dictionary<string, string> after = Snapshot(dir);
            string firstLine = Generalise(error.Split('\n')[0], dir);
            if (exitCode is not (ExitCodes.Success or ExitCodes.Failed or ExitCodes.BadInput or ExitCodes.Interrupted))
            {
                return $"exit code {exitCode}: {firstLine}";
            }

            if (error.Contains("   at ", StringComparison.Ordinal))
            {
                return $"exit {exitCode} with a stack trace: {firstLine}";
            }

            if (exitCode == ExitCodes.BadInput)
            {
                if (output.Length > 0)
                {
                    return $"exit 2 with output on stdout: {firstLine}";
                }

                if (error.TrimEnd('\n').Split('\n').Length != 1 || !error.EndsWith('\n'))
                {
                    return $"exit 2 without exactly one line on stderr: {firstLine}";
                }

                if (!error.StartsWith("XorNet: ", StringComparison.Ordinal))
                {
                    return $"exit 2 with a message not starting 'XorNet: ': {firstLine}";
                }
            }

            if (after.Keys.Except(before.Keys).FirstOrDefault(k => k.Contains(".tmp", StringComparison.Ordinal)) is { } temporary)
            {
                return $"exit {exitCode} left a temporary file behind: {Generalise(temporary, dir)}";
            }

            if (exitCode is ExitCodes.Failed or ExitCodes.BadInput && Difference(before, after) is { } changed)
            {
                return $"exit {exitCode} but {changed}: {firstLine}";
            }

            return null;
        }
        finally
        {
            MakeWritable(directory);
            directory.Delete(recursive: true);
        }
    }

    private static void Populate(string dir, PropertyCase example)
    {
        (string xor, string parity) = Models.Value;
        File.WriteAllBytes(Path.Combine(dir, "data.csv"), example.Csv);
        File.WriteAllBytes(Path.Combine(dir, "model.json"), example.Model);
        File.WriteAllText(Path.Combine(dir, "good.json"), xor);
        File.WriteAllText(Path.Combine(dir, "good3.json"), parity);
        File.WriteAllText(Path.Combine(dir, "existing.json"), "an earlier output\n");
        File.WriteAllText(Path.Combine(dir, "readonly.json"), "read only\n");
        File.SetUnixFileMode(Path.Combine(dir, "readonly.json"), UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        File.WriteAllText(Path.Combine(dir, "empty.csv"), "");
        File.WriteAllText(Path.Combine(dir, "ü ñ.csv"), "a,b,y\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n");
        Directory.CreateDirectory(Path.Combine(dir, "sub"));
        File.WriteAllText(Path.Combine(dir, "sub", "keep.txt"), "keep\n");
    }

    // Every entry under the directory: its kind, permission bits and, for a file, a hash of its content.
    private static Dictionary<string, string> Snapshot(string dir)
    {
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string path in Directory.EnumerateFileSystemEntries(dir, "*", SearchOption.AllDirectories))
        {
            var info = new FileInfo(path);
            string mode = File.GetUnixFileMode(path).ToString();
            entries[Path.GetRelativePath(dir, path)] = info.Attributes.HasFlag(FileAttributes.Directory)
                ? $"directory {mode}"
                : $"file {mode} {Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)))}";
        }

        return entries;
    }

    private static string? Difference(Dictionary<string, string> before, Dictionary<string, string> after)
    {
        if (after.Keys.Except(before.Keys).FirstOrDefault() is { } created)
        {
            return $"created {created}";
        }

        if (before.Keys.Except(after.Keys).FirstOrDefault() is { } removed)
        {
            return $"removed {removed}";
        }

        return before.FirstOrDefault(e => after[e.Key] != e.Value).Key is { } changed ? $"changed {changed}" : null;
    }

    private static void MakeWritable(DirectoryInfo directory)
    {
        foreach (FileSystemInfo entry in directory.EnumerateFileSystemInfos("*", SearchOption.AllDirectories))
        {
            entry.UnixFileMode |= UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        }
    }

    // Groups failures: the directory and numbers vary from case to case, the kind of failure does not.
    private static string Generalise(string message, string dir)
    {
        var text = new StringBuilder(message.Replace(dir, "$TMP", StringComparison.Ordinal));
        string result = System.Text.RegularExpressions.Regex.Replace(text.ToString(), @"\d+", "N");
        return result.Length > 160 ? result[..160] + "…" : result;
    }

    // The innermost XorNet method the exception passed through: the same message from two places is two failures.
    private static string Origin(Exception e) =>
        new System.Diagnostics.StackTrace(e).GetFrames()
            .Select(f => f.GetMethod())
            .Where(m => m?.DeclaringType?.Namespace?.StartsWith("XorNet", StringComparison.Ordinal) == true)
            .Select(m => $"{m!.DeclaringType!.Name}.{m.Name}")
            .FirstOrDefault() ?? "outside XorNet";

    private static (string Xor, string Parity) SaveModels()
    {
        DirectoryInfo directory = Directory.CreateTempSubdirectory("xornet-property-models-");
        try
        {
            string xor = Path.Combine(directory.FullName, "xor.json");
            string parity = Path.Combine(directory.FullName, "parity.json");
            InProcess.Run("--epochs", "50", "--save", xor).ExitCode.Should().Be(ExitCodes.Success);
            InProcess.Run("--dataset", "parity3", "--hidden", "3", "--epochs", "50", "--save", parity).ExitCode.Should().Be(ExitCodes.Success);
            return (File.ReadAllText(xor), File.ReadAllText(parity));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static long Setting(string name, long defaultValue) =>
        long.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out long value) && value > 0
            ? value
            : defaultValue;

    private static int Setting(string name, int defaultValue) => (int)Math.Min(Setting(name, (long)defaultValue), int.MaxValue);
}
