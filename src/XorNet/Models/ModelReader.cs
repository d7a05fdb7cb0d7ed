using System.Globalization;
using System.Text;
using System.Text.Json;
using XorNet.Network;
using XorNet.NumPy;
using XorNet.Text;

namespace XorNet.Models;

/// <summary>
/// Reads a model file token by token, so that every problem is said in words with the place it is at: malformed
/// JSON at the line and column the parser stopped, a wrong value at the line and column where that value starts.
/// </summary>
/// <remarks>
/// A serializer would do the reading in one call, but its errors name .NET types and its own positions; here the
/// document is first read through once (which checks that it is JSON at all and notes where each field's value
/// starts), then the fields are checked in the order a reader of the message cares about: is it a model file, which
/// version, which sizes, and only then the weights.
/// </remarks>
internal static partial class ModelReader
{
    // The fields of each version's document, in the order --save writes them.
    private static readonly string[] Version1Fields = ["format", "version", "inputs", "hidden", "outputs", "activation", "weights", "training"];
    private static readonly string[] Version2Fields =
        ["format", "version", "inputs", "layers", "outputs", "activation", "initialization", "loss", "weights", "training", "features"];
    private static readonly string[] Version3Fields = [.. Version2Fields, "optimizer", "random"];

    /// <summary>Reads the network in <paramref name="text"/>; <paramref name="name"/> starts every message.</summary>
    /// <remarks>
    /// Version 1 (one sigmoid hidden layer, one output, <c>hidden</c>) gives the notebook's network, exactly as before;
    /// version 2 names every hidden size in <c>layers</c> and the activation, initialisation and loss; version 3 adds
    /// the optimiser's state and the random stream.
    /// </remarks>
    /// <exception cref="ModelFileException">The text is not a usable model; the message says what and where.</exception>
    public static INetwork Read(string text, string name) => ReadSaved(text, name, out _).Network;

    /// <summary>
    /// Reads the network in <paramref name="text"/>, and in <paramref name="training"/> how it was trained (null when
    /// the file does not say); <paramref name="name"/> starts every message.
    /// </summary>
    /// <exception cref="ModelFileException">The text is not a usable model; the message says what and where.</exception>
    public static INetwork Read(string text, string name, out ModelTraining? training) => ReadSaved(text, name, out training).Network;

    /// <summary>
    /// Reads the network in <paramref name="text"/> with its training state (version 3), and in
    /// <paramref name="training"/> how it was trained; <paramref name="name"/> starts every message.
    /// </summary>
    /// <exception cref="ModelFileException">The text is not a usable model; the message says what and where.</exception>
    public static SavedModel ReadSaved(string text, string name, out ModelTraining? training)
    {
        // File.ReadAllText drops a byte-order mark, but text from elsewhere may still start with one.
        text = text.StartsWith('\uFEFF') ? text[1..] : text;
        if (text.AsSpan().Trim().IsEmpty)
        {
            throw new ModelFileException($"{name}: the file is empty; expected a model written by XorNet --save");
        }

        var document = new Document(Encoding.UTF8.GetBytes(text), name);
        Dictionary<string, int> fields = document.Fields(0, out JsonTokenType rootType, whole: true);
        if (rootType != JsonTokenType.StartObject || !fields.TryGetValue("format", out int format)
            || document.TokenAt(format) != JsonTokenType.String)
        {
            throw new ModelFileException($"{name}: not a model file (no \"format\": \"{ModelFile.FormatName}\"); write one with XorNet --save");
        }

        string formatName = document.StringAt(format);
        document.Require(formatName == ModelFile.FormatName, format,
            $"not a model file: \"format\" is {Excerpt.Quoted(formatName)}, not \"{ModelFile.FormatName}\"");

        int version = document.WholeNumber(fields, "version", minimum: int.MinValue);
        document.Require(version is >= 1 and <= ModelFile.StateVersion, fields["version"],
            $"version {version} is not supported; this program reads versions 1 to {ModelFile.StateVersion}");
        string[] known = version switch { 1 => Version1Fields, 2 => Version2Fields, _ => Version3Fields };
        document.RequireOnly(fields, known, $"a version {version} model file has {Listed(known)}");
        int inputs = document.WholeNumber(fields, "inputs", minimum: 1);
        int[] hidden = version == 1
            ? [document.WholeNumber(fields, "hidden", minimum: 1)]
            : document.WholeNumbers(document.Field(fields, "layers"), "layers", minimum: 1, allowEmpty: true);
        int outputs = document.WholeNumber(fields, "outputs", minimum: 1);
        if (version == 1)
        {
            document.Require(outputs == 1, fields["outputs"], $"\"outputs\" is {outputs}; version 1 files hold networks with one output");
        }

        int[] sizes = [inputs, .. hidden, outputs];
        for (int l = 1; l < sizes.Length; l++)
        {
            document.Require((long)sizes[l - 1] * sizes[l] <= Array.MaxLength, fields[l == 1 ? "inputs" : version == 1 ? "hidden" : "layers"],
                $"{sizes[l - 1]} × {sizes[l]} weights in layer {l} are more than this program can hold");
        }

        Activation activation = Activation.Sigmoid;
        if (version == 1)
        {
            document.Choice(fields, "activation", ["sigmoid"], "only \"sigmoid\" is supported");
        }
        else
        {
            activation = Activations.Parse(document.Choice(fields, "activation", Activations.Names, Expected(Activations.Names)));
        }

        Initialization initialization = version == 1
            ? Initialization.Normal
            : Initializations.Parse(document.Choice(fields, "initialization", Initializations.Names, Expected(Initializations.Names)));
        LossFunction loss = version == 1
            ? LossFunction.Mse
            : Losses.Parse(document.Choice(fields, "loss", Losses.Names, Expected(Losses.Names)));
        var architecture = new Architecture(sizes, activation, initialization, loss)
        {
            Features = fields.TryGetValue("features", out int featuresAt) ? document.Features(featuresAt, inputs) : null,
        };

        string[] weightFields = [.. Enumerable.Range(1, architecture.LayerCount).SelectMany(l => new[] { $"W{l}", $"b{l}" })];
        string listed = weightFields.Length == 4 ? "W1, b1, W2 and b2" : $"W1, b1, … W{architecture.LayerCount}, b{architecture.LayerCount}";
        int weights = document.Field(fields, "weights");
        document.Require(document.TokenAt(weights) == JsonTokenType.StartObject, weights,
            $"\"weights\" must be an object holding {listed}, not {Kind(document.TokenAt(weights))}");
        Dictionary<string, int> matrices = document.Fields(weights, out _, whole: false);
        foreach (string field in weightFields)
        {
            document.Require(matrices.ContainsKey(field), weights, $"\"weights\" has no \"{field}\"");
        }

        // A matrix the layers do not have would be silently dropped: the file is not what it says it is.
        document.RequireOnly(matrices, weightFields, $"\"weights\" of a network with layers [{string.Join(", ", hidden)}] holds {listed}");
        training = fields.TryGetValue("training", out int trained) ? document.Training(trained) : null;

        string described = hidden.Length == 1
            ? $"{inputs} input{(inputs == 1 ? "" : "s")} and {hidden[0]} hidden unit{(hidden[0] == 1 ? "" : "s")}"
            : $"layer sizes {string.Join(", ", sizes)}";
        if (version >= 2 && hidden.Length == 1 && outputs != 1)
        {
            described += $" and {outputs} outputs";
        }

        var w = new Matrix[architecture.LayerCount];
        var b = new Matrix[architecture.LayerCount];
        for (int l = 0; l < architecture.LayerCount; l++)
        {
            w[l] = document.Matrix(matrices[$"W{l + 1}"], $"W{l + 1}", sizes[l], sizes[l + 1], described);
            b[l] = document.Matrix(matrices[$"b{l + 1}"], $"b{l + 1}", 1, sizes[l + 1], described);
        }

        INetwork network = version == 1 ? new TwoLayerNetwork(w[0], b[0], w[1], b[1]) : Networks.FromParameters(architecture, w, b);
        return new SavedModel(network, version == ModelFile.StateVersion ? State(document, fields, sizes, described) : null);
    }

    private static string Listed(string[] names) => names.Length switch
    {
        0 => "no fields",
        1 => $"\"{names[0]}\"",
        _ => $"{string.Join(", ", names[..^1].Select(n => $"\"{n}\""))} and \"{names[^1]}\"",
    };

    internal static string Expected(IReadOnlyList<string> names) =>
        $"expected {string.Join(", ", names.Take(names.Count - 1).Select(n => $"\"{n}\""))} or \"{names[^1]}\"";

    internal static string Kind(JsonTokenType type) => type switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        _ => "null",
    };

    // The UTF-8 text of the file and where things are in it; every offset is a byte offset into Bytes.
    private sealed partial class Document(byte[] bytes, string name)
    {
        private static readonly JsonReaderOptions Options = new() { MaxDepth = 64 };

        // Where each property's name begins, for the message that refuses it.
        private readonly Dictionary<int, int> _names = [];

        // Where the value of each property of the object at 'start' begins. With 'whole', the document is read
        // to its end first, so that malformed JSON anywhere is reported before any field is checked.
        public Dictionary<string, int> Fields(int start, out JsonTokenType type, bool whole)
        {
            var fields = new Dictionary<string, int>(StringComparer.Ordinal);
            var reader = new Utf8JsonReader(bytes.AsSpan(start), Options);
            try
            {
                if (whole)
                {
                    while (reader.Read())
                    {
                    }

                    reader = new Utf8JsonReader(bytes.AsSpan(start), Options);
                }

                reader.Read();
                type = reader.TokenType;
                if (type != JsonTokenType.StartObject)
                {
                    return fields;
                }

                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    int name = start + (int)reader.TokenStartIndex;
                    string property = TryGetString(ref reader) ?? throw Problem(name, InvalidEscape);
                    reader.Read();
                    int at = start + (int)reader.TokenStartIndex;
                    if (!fields.TryAdd(property, at))
                    {
                        throw Problem(at, $"\"{property}\" appears twice");
                    }

                    _names[at] = name;

                    reader.Skip();
                }
            }
            catch (JsonException e)
            {
                throw Malformed(e);
            }

            return fields;
        }

        // Refuses the first field, in the file's order, that is not one of 'known'.
        // The fields of the object at 'start', which may hold only 'known' (a field it does not know is refused).
        public Dictionary<string, int> FieldsOf(int start, string[] known)
        {
            Dictionary<string, int> fields = Fields(start, out _, whole: false);
            RequireOnly(fields, known, $"this object holds {Listed(known)}");
            return fields;
        }

        public void RequireOnly(Dictionary<string, int> fields, string[] known, string expected)
        {
            foreach ((string field, int at) in fields.OrderBy(f => f.Value))
            {
                Require(Array.IndexOf(known, field) >= 0, _names[at], $"\"{Excerpt.Of(field)}\" is not a field this program knows; {expected}");
            }
        }

        // The training record at 'offset', as --save writes it.
        public ModelTraining Training(int offset)
        {
            var reader = new Utf8JsonReader(bytes.AsSpan(offset), Options);
            try
            {
                if (JsonSerializer.Deserialize(ref reader, ModelJsonContext.Default.ModelTraining) is { } training)
                {
                    return training;
                }
            }
            catch (JsonException)
            {
                // Said below in words: the serializer's message names its own types.
            }

            throw Problem(offset, "\"training\" is not a record of training as --save writes it (data, seed, learningRate, epochs and finalLoss; for a continued run also initFrom, epochsBefore and earlier)");
        }

        public JsonTokenType TokenAt(int offset)
        {
            var reader = new Utf8JsonReader(bytes.AsSpan(offset), Options);
            reader.Read();
            return reader.TokenType;
        }

        public string StringAt(int offset)
        {
            var reader = new Utf8JsonReader(bytes.AsSpan(offset), Options);
            reader.Read();
            return TryGetString(ref reader) ?? throw Problem(offset, InvalidEscape);
        }

        public int Field(Dictionary<string, int> fields, string field) =>
            fields.TryGetValue(field, out int offset)
                ? offset
                : throw new ModelFileException($"{name}: the model has no \"{field}\"");

        public int WholeNumber(Dictionary<string, int> fields, string field, int minimum)
        {
            int offset = Field(fields, field);
            var reader = new Utf8JsonReader(bytes.AsSpan(offset), Options);
            reader.Read();
            string bound = minimum == int.MinValue ? "" : string.Create(CultureInfo.InvariantCulture, $" ≥ {minimum}");
            Require(reader.TokenType == JsonTokenType.Number, offset,
                $"\"{field}\" must be a whole number{bound}, not {Kind(reader.TokenType)}");
            Require(reader.TryGetInt32(out int value) && value >= minimum, offset,
                $"\"{field}\" must be a whole number{bound}, not {Excerpt.Of(Encoding.UTF8.GetString(reader.ValueSpan))}");
            return value;
        }

        // A number field that 'accept' takes; 'label' names it in messages.
        public double Number(Dictionary<string, int> fields, string field, string label, Func<double, bool> accept, string expected)
        {
            int offset = Field(fields, field);
            var reader = new Utf8JsonReader(bytes.AsSpan(offset), Options);
            reader.Read();
            Require(reader.TokenType == JsonTokenType.Number, offset, $"\"{label}\" must be {expected}, not {Kind(reader.TokenType)}");
            Require(reader.TryGetDouble(out double value) && accept(value), offset,
                $"\"{label}\" must be {expected}, not {Excerpt.Of(Encoding.UTF8.GetString(reader.ValueSpan))}");
            return value;
        }

        // A whole-number field from 'minimum' to 'maximum'; 'label' names it in messages.
        public long WholeNumber(Dictionary<string, int> fields, string field, string label, long minimum, long maximum)
        {
            int offset = Field(fields, field);
            var reader = new Utf8JsonReader(bytes.AsSpan(offset), Options);
            reader.Read();
            string expected = string.Create(CultureInfo.InvariantCulture, $"\"{label}\" must be a whole number from {minimum} to {maximum}");
            Require(reader.TokenType == JsonTokenType.Number, offset, $"{expected}, not {Kind(reader.TokenType)}");
            Require(reader.TryGetInt64(out long value) && value >= minimum && value <= maximum, offset,
                $"{expected}, not {Excerpt.Of(Encoding.UTF8.GetString(reader.ValueSpan))}");
            return value;
        }

        // An array of exactly 'count' numbers that 'accept' takes, each converted by 'convert'.
        public T[] Numbers<T>(int offset, string label, int count, Func<Utf8JsonReader, T?> convert, string expected)
            where T : struct
        {
            string wanted = string.Create(CultureInfo.InvariantCulture, $"\"{label}\" must be an array of {count} {expected}");
            var reader = new Utf8JsonReader(bytes.AsSpan(offset), Options);
            reader.Read();
            Require(reader.TokenType == JsonTokenType.StartArray, offset, $"{wanted}, not {Kind(reader.TokenType)}");
            var values = new List<T>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                int at = offset + (int)reader.TokenStartIndex;
                Require(values.Count < count, at, $"{wanted}; it has more");
                Require(reader.TokenType == JsonTokenType.Number, at, $"{wanted}; found {Kind(reader.TokenType)}");
                T? value = convert(reader);
                Require(value is not null, at, $"{wanted}; found {Excerpt.Of(Encoding.UTF8.GetString(reader.ValueSpan))}");
                values.Add(value!.Value);
            }

            Require(values.Count == count, offset, string.Create(CultureInfo.InvariantCulture, $"{wanted}; it has {values.Count}"));
            return [.. values];
        }

        // The string value of a field that must be one of 'choices'.
        public string Choice(Dictionary<string, int> fields, string field, IReadOnlyList<string> choices, string expected)
        {
            int offset = Field(fields, field);
            Require(TokenAt(offset) == JsonTokenType.String, offset, $"\"{field}\" must be a string, not {Kind(TokenAt(offset))}");
            string value = StringAt(offset);
            Require(choices.Contains(value, StringComparer.Ordinal), offset, $"\"{field}\" is {Excerpt.Quoted(value)}; {expected}");
            return value;
        }

        // An array of whole numbers, each at least 'minimum', and not empty unless 'allowEmpty'.
        public int[] WholeNumbers(int offset, string field, int minimum, bool allowEmpty = false)
        {
            string expected = string.Create(CultureInfo.InvariantCulture, $"\"{field}\" must be an array of whole numbers ≥ {minimum}, such as [8, 4]");
            var reader = new Utf8JsonReader(bytes.AsSpan(offset), Options);
            reader.Read();
            Require(reader.TokenType == JsonTokenType.StartArray, offset, $"{expected}, not {Kind(reader.TokenType)}");
            var values = new List<int>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                int at = offset + (int)reader.TokenStartIndex;
                Require(reader.TokenType == JsonTokenType.Number, at, $"{expected}; found {Kind(reader.TokenType)}");
                Require(reader.TryGetInt32(out int value) && value >= minimum, at,
                    $"{expected}; found {Excerpt.Of(Encoding.UTF8.GetString(reader.ValueSpan))}");
                values.Add(value);
            }

            Require(allowEmpty || values.Count > 0, offset, $"{expected}, not an empty array");
            return [.. values];
        }

        // The "features" array: one name per input, each a feature --features takes, none twice.
        public InputFeatures Features(int offset, int inputs)
        {
            string expected = $"\"features\" must be an array of {inputs} names from {string.Join(", ", InputFeatures.Names)}, one per input";
            var reader = new Utf8JsonReader(bytes.AsSpan(offset), Options);
            reader.Read();
            Require(reader.TokenType == JsonTokenType.StartArray, offset, $"{expected}, not {Kind(reader.TokenType)}");
            var names = new List<string>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                int at = offset + (int)reader.TokenStartIndex;
                Require(reader.TokenType == JsonTokenType.String, at, $"{expected}; found {Kind(reader.TokenType)}");
                string feature = TryGetString(ref reader) ?? throw Problem(at, InvalidEscape);
                Require(!feature.Contains(',', StringComparison.Ordinal) && InputFeatures.Names.Contains(feature, StringComparer.Ordinal), at,
                    $"{expected}; found {Excerpt.Quoted(feature)}");
                Require(!names.Contains(feature), at, $"\"features\" lists {Excerpt.Quoted(feature)} twice");
                names.Add(feature);
            }

            Require(names.Count == inputs, offset, $"{expected}, not {names.Count}");
            return InputFeatures.Parse(string.Join(',', names));
        }

        // Reads an array of 'rows' rows of 'columns' finite numbers, stopping at the first thing that is not, so that
        // a file claiming huge sizes costs no more memory than the numbers it really holds.
        public Matrix Matrix(int offset, string field, int rows, int columns, string sizes)
        {
            string shape = $"{field} must be {rows} × {columns} for {sizes}";
            string expected = $"{field} must be an array of rows of numbers";
            var reader = new Utf8JsonReader(bytes.AsSpan(offset), Options);
            reader.Read();
            Require(reader.TokenType == JsonTokenType.StartArray, offset, $"{expected}, not {Kind(reader.TokenType)}");
            var result = new List<double[]>();
            var row = new List<double>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                int rowStart = offset + (int)reader.TokenStartIndex;
                Require(reader.TokenType == JsonTokenType.StartArray, rowStart, $"{expected}; found {Found(ref reader)}");
                Require(result.Count < rows, rowStart, $"{field} has more than {rows} row{(rows == 1 ? "" : "s")}; {shape}");
                row.Clear();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    int at = offset + (int)reader.TokenStartIndex;
                    Require(reader.TokenType == JsonTokenType.Number, at, $"{expected}; found {Found(ref reader)}");
                    Require(row.Count < columns, at, $"row {result.Count + 1} of {field} has more than {columns} number{(columns == 1 ? "" : "s")}; {shape}");
                    Require(reader.TryGetDouble(out double value) && double.IsFinite(value), at,
                        $"{field} holds {Excerpt.Of(Encoding.UTF8.GetString(reader.ValueSpan))}, which is not a finite number");
                    row.Add(value);
                }

                Require(row.Count == columns, rowStart,
                    $"row {result.Count + 1} of {field} has {row.Count} number{(row.Count == 1 ? "" : "s")}; {shape}");
                result.Add([.. row]);
            }

            Require(result.Count == rows, offset, $"{field} has {result.Count} row{(result.Count == 1 ? "" : "s")}; {shape}");
            return XorNet.NumPy.Matrix.FromRows([.. result]);
        }

        public void Require(bool condition, int offset, string problem)
        {
            if (!condition)
            {
                throw Problem(offset, problem);
            }
        }

        private static string Found(ref Utf8JsonReader reader) => reader.TokenType switch
        {
            JsonTokenType.String => TryGetString(ref reader) is { } text ? $"the string {Excerpt.Quoted(text)}" : "a string that is not valid text",
            JsonTokenType.Number => $"the number {Excerpt.Of(Encoding.UTF8.GetString(reader.ValueSpan))} where a row was expected",
            JsonTokenType.StartArray => "an array where a number was expected",
            var other => Kind(other),
        };

        // A \u escape that is half of a surrogate pair (\ud800 alone) is valid JSON syntax but no text: the reader
        // refuses to give it as a string.
        private const string InvalidEscape = "a string has a \\u escape that is not valid text (half of a surrogate pair)";

        private static string? TryGetString(ref Utf8JsonReader reader)
        {
            try
            {
                return reader.GetString();
            }
            catch (InvalidOperationException)
            {
                return null;
            }
        }

        private ModelFileException Problem(int offset, string problem)
        {
            (int line, int column) = Position(offset);
            return new ModelFileException(string.Create(CultureInfo.InvariantCulture, $"{name}, line {line}, column {column}: {problem}"));
        }

        // Malformed JSON in words: the parser's own message names its internals, so only its position is kept.
        private ModelFileException Malformed(JsonException e)
        {
            int offset = Offset(e.LineNumber ?? 0, e.BytePositionInLine ?? 0);
            int first = bytes.AsSpan().IndexOfAnyExcept(" \t\r\n"u8);
            if (bytes[first] is not (byte)'{' and not (byte)'[')
            {
                // Not an object at all (text, a CSV file, binary data): where the parser gave up is of no help.
                return new ModelFileException($"{name}: not a model file: it is not JSON (it begins {Quote(first)})");
            }

            if (bytes.AsSpan(Math.Min(offset, bytes.Length)).IndexOfAnyExcept(" \t\r\n"u8) < 0)
            {
                return Problem(bytes.Length, "the JSON ends too early (is the file cut short?)");
            }

            return Problem(offset, $"the JSON is malformed at {Quote(offset)}");
        }

        // The text from a byte offset, as an excerpt; enough bytes for an excerpt of four-byte characters.
        private string Quote(int offset) =>
            Excerpt.Quoted(Encoding.UTF8.GetString(bytes, offset, Math.Min(bytes.Length - offset, 4 * (Excerpt.MaxLength + 1))));

        // The byte offset of a 0-based line and byte position in it, as JsonException reports them.
        private int Offset(long line, long bytePosition)
        {
            int offset = 0;
            for (long l = 0; l < line && offset < bytes.Length; l++)
            {
                int next = bytes.AsSpan(offset).IndexOf((byte)'\n');
                offset = next < 0 ? bytes.Length : offset + next + 1;
            }

            return (int)Math.Min(bytes.Length, offset + bytePosition);
        }

        // 1-based line and character column of a byte offset: UTF-8 continuation bytes do not start a character.
        private (int Line, int Column) Position(int offset)
        {
            ReadOnlySpan<byte> before = bytes.AsSpan(0, Math.Min(offset, bytes.Length));
            int lineStart = before.LastIndexOf((byte)'\n') + 1;
            int column = 1;
            foreach (byte b in before[lineStart..])
            {
                column += (b & 0xC0) == 0x80 ? 0 : 1;
            }

            return (before.Count((byte)'\n') + 1, column);
        }
    }
}
