using System.Diagnostics;
using System.Runtime.Versioning;

namespace XorNet.Tests;

/// <summary>The shell tools the file tests use to make and inspect FIFOs, devices and links.</summary>
[UnsupportedOSPlatform("windows")]
internal static class Posix
{
    public static bool IsRoot => Environment.IsPrivilegedProcess;

    /// <summary>The file's type as stat(1) names it ("regular file", "character special file", "fifo", …), without following a link.</summary>
    public static string Type(string path) => Tool("stat", "-c", "%F", path).Output.Trim();

    /// <summary>The permission bits in octal, as stat(1) prints them.</summary>
    public static string Mode(string path) => Tool("stat", "-c", "%a", path).Output.Trim();

    private static readonly Lazy<string?> ReachableProgramCopy = new(CopyProgramWhereEveryoneCanReachIt);

    /// <summary>
    /// Runs XorNet as a user without privileges, for the permission checks that root, who may read and write
    /// anything, would pass: in process when the tests are not root, else as <c>nobody</c> through setpriv(1)
    /// (skipped when that is not possible). The paths given must be reachable by everyone. <c>nobody</c> runs a copy
    /// of the program in the temporary directory, as the clone itself may sit where other users cannot enter.
    /// </summary>
    public static (int ExitCode, string Output, string Error) RunAsOrdinaryUser(params string[] args)
    {
        if (!IsRoot)
        {
            return InProcess.Run(args);
        }

        Assert.SkipUnless(OperatingSystem.IsLinux() && File.Exists("/usr/bin/setpriv"), "needs setpriv(1) to drop root");
        string? program = ReachableProgramCopy.Value;
        Assert.SkipWhen(
            program is null,
            $"the temporary directory {Path.GetTempPath()} is not open to other users, so nobody could run XorNet there");
        string home = Directory.CreateTempSubdirectory("xornet-nobody-").FullName;
        try
        {
            File.SetUnixFileMode(home, (UnixFileMode)0x1FF); // 777: the home of the .NET host, which writes there
            var start = new ProcessStartInfo(
                "setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", "dotnet", program!, .. args])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.Environment["HOME"] = home;
            start.Environment["DOTNET_CLI_HOME"] = home;
            using Process process = Process.Start(start)!;
            Task<string> error = process.StandardError.ReadToEndAsync();
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output, error.Result);
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }

    /// <summary>
    /// XorNet.dll and what it loads (see <see cref="ProgramFiles"/>), copied into a
    /// directory of the temporary directory that everyone may enter and read, removed when the test process ends;
    /// null when a directory on the way there is closed to other users.
    /// </summary>
    private static string? CopyProgramWhereEveryoneCanReachIt()
    {
        const UnixFileMode openToOthers = UnixFileMode.OtherExecute;
        for (var up = new DirectoryInfo(Path.GetTempPath()); up is not null; up = up.Parent)
        {
            if ((File.GetUnixFileMode(up.FullName) & openToOthers) == 0)
            {
                return null;
            }
        }

        string directory = Directory.CreateTempSubdirectory("xornet-program-").FullName;
        File.SetUnixFileMode(directory, (UnixFileMode)0x1ED); // 755
        foreach (string name in ProgramFiles())
        {
            string copy = Path.Combine(directory, name);
            File.Copy(Path.Combine(AppContext.BaseDirectory, name), copy);
            File.SetUnixFileMode(copy, (UnixFileMode)0x1A4); // 644
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(directory, recursive: true);
        return Path.Combine(directory, "XorNet.dll");
    }

    /// <summary>The files <c>dotnet XorNet.dll</c> loads from its directory: its .deps.json and .runtimeconfig.json and the assemblies the .deps.json names.</summary>
    private static IEnumerable<string> ProgramFiles()
    {
        yield return "XorNet.deps.json";
        yield return "XorNet.runtimeconfig.json";
        using var deps = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "XorNet.deps.json")));
        foreach (var target in deps.RootElement.GetProperty("targets").EnumerateObject())
        {
            foreach (var package in target.Value.EnumerateObject())
            {
                if (package.Value.TryGetProperty("runtime", out var runtime))
                {
                    foreach (var assembly in runtime.EnumerateObject())
                    {
                        yield return Path.GetFileName(assembly.Name);
                    }
                }
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="script"/> with bash in <paramref name="directory"/> (the current one when null) and returns
    /// what it printed; a script still running after 60 s is killed with everything it started, and fails the test.
    /// </summary>
    public static (string Output, string Error) Shell(string script, string? directory = null)
    {
        var start = new ProcessStartInfo("bash", ["-c", script]) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (directory is not null)
        {
            start.WorkingDirectory = directory;
        }

        using Process shell = Process.Start(start)!;
        Task<string> error = shell.StandardError.ReadToEndAsync();
        Task<string> output = shell.StandardOutput.ReadToEndAsync();
        if (!shell.WaitForExit(60_000))
        {
            // A run that does not stop is the failure; it must not outlive the test.
            shell.Kill(entireProcessTree: true);
            Assert.Fail($"'{script}' was still running after 60 s");
        }

        return (output.Result, error.Result);
    }

    /// <summary>Runs a tool and returns its exit code and standard output.</summary>
    public static (int ExitCode, string Output) Tool(string name, params string[] args)
    {
        var start = new ProcessStartInfo(name, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using Process process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }

    /// <summary>
    /// Every name in <paramref name="directory"/> (hidden ones too) with its link target, size and modification time,
    /// to compare before and after a run. Links are listed, never followed.
    /// </summary>
    public static string[] Listing(string directory)
    {
        var entries = new List<string>();
        var options = new EnumerationOptions { AttributesToSkip = 0, RecurseSubdirectories = false, IgnoreInaccessible = false };
        void Add(DirectoryInfo parent)
        {
            foreach (FileSystemInfo entry in parent.EnumerateFileSystemInfos("*", options))
            {
                entries.Add(string.Join(
                    ' ', Path.GetRelativePath(directory, entry.FullName), entry.LinkTarget,
                    entry.LinkTarget is null ? (entry as FileInfo)?.Length : null, entry.LinkTarget is null ? entry.LastWriteTimeUtc.Ticks : null));
                if (entry is DirectoryInfo { LinkTarget: null } child)
                {
                    Add(child);
                }
            }
        }

        Add(new DirectoryInfo(directory));
        return [.. entries.Order(StringComparer.Ordinal)];
    }
}
