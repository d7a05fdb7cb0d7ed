using XorNet.Data;
using XorNet.Files;
using XorNet.Text;


namespace XorNet.Commands.Train;

/// <summary>
/// <c>--validation PATH.csv</c>: a second table, read like a <c>--data</c> file, whose loss is printed beside the
/// training loss at every logged epoch. It must have the training data's columns: as many inputs, and as many
/// targets (<c>--targets</c> applies to both files).
/// </summary>
internal static class ValidationFile
{
    /// <summary>The option's name, which starts each of its messages.</summary>
    public const string Option = "--validation";

    /// <summary>Reads the validation table at <paramref name="path"/> (<paramref name="input"/> for <c>-</c>) for a network trained on <paramref name="training"/>.</summary>
    /// <exception cref="FileOptionException">The path is empty, a directory, or a missing or unreadable file.</exception>
    /// <exception cref="DataFileException">The CSV text is malformed, or its columns are not the training data's.</exception>
    public static Dataset Load(string path, Dataset training, TextReader input)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(input);
        Dataset validation;
        try
        {
            if (path == InputFile.StandardInput)
            {
                validation = CsvDataset.Read(input, InputFile.StandardInputName, training.Targets);
            }
            else
            {
                InputFile.Check(Option, path, "validation.csv", acceptsStandardInput: true);
                validation = CsvDataset.Load(path, training.Targets);
            }
        }
        catch (DataFileException e)
        {
            // The message names the file, the line and the column; the option says which of the two files it is.
            throw new DataFileException($"{Option} {e.Message}", e);
        }

        if (validation.Inputs != training.Inputs)
        {
            throw new DataFileException(
                $"{Option} {Shown(path)} has {Words.Count(validation.Inputs + validation.Targets, "column")}, but the training data {training.Name} has "
                + $"{training.Inputs + training.Targets} ({Words.Count(training.Inputs, "input")} and {Words.Count(training.Targets, "target")}); "
                + "give validation rows with the training data's columns.");
        }

        return validation;
    }

    private static string Shown(string path) => path == InputFile.StandardInput ? InputFile.StandardInputName : path;
}
