namespace XorNet.Models;

/// <summary>A saved model that cannot be used: missing, not JSON, of another format or version, or inconsistent.</summary>
public sealed class ModelFileException : Exception
{
    /// <summary>Reports a problem with a model file as a one-line message.</summary>
    public ModelFileException(string message)
        : base(message)
    {
    }

    /// <summary>Reports a problem with a model file, keeping the error that caused it.</summary>
    public ModelFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
