using XorNet.NumPy;


namespace XorNet.Data;

/// <summary>Rows read from a CSV file: the inputs, and the targets when the file has a target column.</summary>
/// <param name="X">Inputs, one sample a row.</param>
/// <param name="Y">Targets, one column per output, or null when the file has none.</param>
public sealed record CsvTable(Matrix X, Matrix? Y);
