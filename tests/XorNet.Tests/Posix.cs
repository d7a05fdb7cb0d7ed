using System.Diagnostics;

namespace XorNet.Tests;

/// <summary>The shell tools the file tests use to make and inspect FIFOs, devices and links.</summary>
internal static class Posix
{
    public static bool IsRoot => Environment.IsPrivilegedProcess;

    /// <summary>The file's type as stat(1) names it ("regular file", "character special file", "fifo", …), without following a link.</summary>
    public static string Type(string path) => Tool("stat", "-c", "%F", path).Output.Trim();

    /// <summary>The permission bits in octal, as stat(1) prints them.</summary>
    public static string Mode(string path) => Tool("stat", "-c", "%a", path).Output.Trim();

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
    /// to compare before and after a run.
    /// </summary>
    public static string[] Listing(string directory) =>
        [.. new DirectoryInfo(directory).EnumerateFileSystemInfos("*", SearchOption.AllDirectories)
            .Select(f => string.Join(
                ' ', Path.GetRelativePath(directory, f.FullName), f.LinkTarget, f.LinkTarget is null ? (f as FileInfo)?.Length : null, f.LastWriteTimeUtc.Ticks))
            .Order(StringComparer.Ordinal)];
}
