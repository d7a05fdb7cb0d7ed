using System.Text;
using XorNet.Data;

namespace XorNet.Fuzz;

/// <summary>
/// The CSV reader on arbitrary bytes, as a training table and as prediction rows for two inputs. Only
/// <see cref="DataFileException"/> (how the reader reports a bad file) is expected; anything else is a crash.
/// </summary>
internal static class CsvTarget
{
    public static void Run(byte[] input)
    {
        try
        {
            using var reader = new StreamReader(new MemoryStream(input), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            _ = CsvDataset.Read(reader, "fuzz.csv");
        }
        catch (DataFileException)
        {
        }

        try
        {
            using var reader = new StreamReader(new MemoryStream(input), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            _ = CsvDataset.ReadTable(reader, "fuzz.csv", inputs: 2);
        }
        catch (DataFileException)
        {
        }
    }
}
