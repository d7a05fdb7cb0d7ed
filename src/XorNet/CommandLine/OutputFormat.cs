namespace XorNet.CommandLine;

/// <summary>How a run reports its results.</summary>
public enum OutputFormat
{
    /// <summary>The notebook's own transcript.</summary>
    Text,

    /// <summary>One JSON document with the log, predictions and weights.</summary>
    Json,
}
