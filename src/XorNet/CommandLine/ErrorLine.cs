namespace XorNet.CommandLine;

/// <summary>A line on standard error for the user: the program's name, then the message, as every message starts.</summary>
internal static class ErrorLine
{
    /// <summary>Writes <c>XorNet: </c><paramref name="message"/> on <paramref name="error"/>.</summary>
    public static void Write(TextWriter error, string message)
    {
        ArgumentNullException.ThrowIfNull(error);
        error.WriteLine($"{CommandNames.Program}: {message}");
    }

    /// <summary>Writes the line as <see cref="Write"/> does and returns <paramref name="exitCode"/>, for a command that stops there.</summary>
    public static int Fail(TextWriter error, string message, int exitCode)
    {
        Write(error, message);
        return exitCode;
    }
}
