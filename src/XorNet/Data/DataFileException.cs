namespace XorNet.Data;

/// <summary>A data file that cannot be used, with the place that is wrong (file, and line and column where known).</summary>
public sealed class DataFileException : Exception
{
    /// <summary>Reports a problem with a data file as a one-line message.</summary>
    public DataFileException(string message)
        : base(message)
    {
    }

    /// <summary>Reports a problem with a data file, keeping the I/O error that caused it.</summary>
    public DataFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
