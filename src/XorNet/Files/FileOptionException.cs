namespace XorNet.Files;

/// <summary>
/// A file named on the command line that cannot be read or written. The message is one line naming the option and
/// the path as typed, and what is wrong in words (never a temporary file, an absolute path the user did not type,
/// or .NET's own text).
/// </summary>
public sealed class FileOptionException : Exception
{
    /// <summary>Reports a problem with a file named by an option.</summary>
    public FileOptionException(string message)
        : base(message)
    {
    }

    /// <summary>Reports a problem with a file named by an option, keeping the error that caused it.</summary>
    public FileOptionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
