using System.Text;
using XorNet.Models;
using XorNet.Network;
using XorNet.NumPy;

namespace XorNet.Fuzz;

/// <summary>
/// The model reader on arbitrary bytes (decoded as <see cref="File.ReadAllText(string)"/> decodes a file); a network it
/// accepts must also run. Only <see cref="ModelFileException"/> (how the reader reports a bad model) is expected.
/// </summary>
internal static class ModelTarget
{
    public static void Run(byte[] input)
    {
        string text;
        using (var reader = new StreamReader(new MemoryStream(input), Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
        {
            text = reader.ReadToEnd();
        }

        INetwork network;
        try
        {
            network = ModelFile.Parse(text, "fuzz.json");
        }
        catch (ModelFileException)
        {
            return;
        }

        Matrix predictions = network.Predict(new Matrix(2, network.Architecture.Inputs));
        if (predictions.Rows != 2)
        {
            throw new InvalidOperationException("a loaded network predicted the wrong number of rows");
        }
    }
}
