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

    /// <summary>
    /// Runs XorNet as a user without privileges, for the permission checks that root, who may read and write
    /// anything, would pass: in process when the tests are not root, else as <c>nobody</c> through setpriv(1)
    /// (skipped when that is not possible). The paths given must be reachable by everyone.
    /// </summary>
    public static (int ExitCode, string Output, string Error) RunAsOrdinaryUser(params string[] args)
    {
        if (!IsRoot)
        {
            return Cli.Run(args);
        }

        Assert.SkipUnless(OperatingSystem.IsLinux() && File.Exists("/usr/bin/setpriv"), "needs setpriv(1) to drop root");
        string home = Directory.CreateTempSubdirectory("xornet-nobody-").FullName;
        try
        {
            File.SetUnixFileMode(home, (UnixFileMode)0x1FF); // 777: the home of the .NET host, which writes there
            var start = new ProcessStartInfo(
                "setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", "dotnet", Path.Combine(AppContext.BaseDirectory, "XorNet.dll"), .. args])
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
