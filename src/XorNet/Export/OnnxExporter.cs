using System.Buffers.Binary;
using System.Globalization;
using XorNet.Models;
using XorNet.Network;
using XorNet.NumPy;

namespace XorNet.Export;

/// <summary>
/// A trained network as an ONNX model: input <c>x</c> [N, inputs], output <c>y</c> [N, outputs], and per layer l a
/// <c>MatMul</c> by <c>Wl</c>, an <c>Add</c> of <c>bl</c> and the activation, each node named after its layer.
/// </summary>
/// <remarks>
/// Layer l computes <c>zl = a(l−1) · Wl + bl</c> and <c>al = act(zl)</c>, as XorNet does: the hidden layers with the
/// network's activation, the output layer with the sigmoid. The weights are stored as raw little-endian tensors
/// (<c>raw_data</c>), so that in double precision each is the model file's number bit for bit.
/// </remarks>
public static class OnnxExporter
{
    /// <summary>The producer name written in every exported model.</summary>
    public const string ProducerName = "XorNet";

    /// <summary>The name of the graph's input, <c>x</c>: N rows of inputs.</summary>
    public const string InputName = "x";

    /// <summary>The name of the graph's output, <c>y</c>: N rows of outputs.</summary>
    public const string OutputName = "y";

    /// <summary>The name of the input's and output's first dimension, the number of rows (any).</summary>
    public const string RowsName = "N";

    /// <summary>The ONNX operator of each activation: <c>Sigmoid</c>, <c>Tanh</c>, <c>Relu</c>.</summary>
    public static string Operator(Activation activation) => activation switch
    {
        Activation.Sigmoid => "Sigmoid",
        Activation.Tanh => "Tanh",
        Activation.Relu => "Relu",
        _ => throw new ArgumentOutOfRangeException(nameof(activation)),
    };

    /// <summary>
    /// The first weight that <paramref name="precision"/> cannot hold (beyond the largest float, which would become
    /// infinite), as its tensor name and value; null when every weight fits.
    /// </summary>
    public static (string Tensor, double Value)? Unrepresentable(INetwork network, OnnxPrecision precision)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (precision == OnnxPrecision.Binary64)
        {
            return null;
        }

        foreach ((string name, Matrix matrix) in Parameters(network))
        {
            foreach (double value in matrix.AsSpan())
            {
                if (float.IsInfinity((float)value))
                {
                    return (name, value);
                }
            }
        }

        return null;
    }

    /// <summary>Writes <paramref name="network"/> as an ONNX model to <paramref name="stream"/>.</summary>
    /// <param name="network">The network.</param>
    /// <param name="training">How it was trained, for the metadata; null when the model file does not say.</param>
    /// <param name="precision">The type of the weights, input and output.</param>
    /// <param name="version">The program's version, written as the producer version.</param>
    /// <param name="stream">Where the model goes.</param>
    public static void Write(INetwork network, ModelTraining? training, OnnxPrecision precision, string version, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Model(network, training, precision, version).WriteTo(stream);
    }

    // The ModelProto.
    private static ProtoMessage Model(INetwork network, ModelTraining? training, OnnxPrecision precision, string version)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(version);
        Architecture architecture = network.Architecture;
        var model = new ProtoMessage()
            .Add(OnnxProto.Model.IrVersion, OnnxProto.IrVersion)
            .Add(OnnxProto.Model.OpsetImport, new ProtoMessage()
                .Add(OnnxProto.OperatorSetId.Domain, "")
                .Add(OnnxProto.OperatorSetId.Version, OnnxProto.OpsetVersion))
            .Add(OnnxProto.Model.ProducerName, ProducerName)
            .Add(OnnxProto.Model.ProducerVersion, version)
            .Add(OnnxProto.Model.Domain, "xornet")
            .Add(OnnxProto.Model.ModelVersion, ModelFile.Version)
            .Add(OnnxProto.Model.DocString, Description(architecture, precision))
            .Add(OnnxProto.Model.Graph, Graph(network, precision));
        foreach ((string key, string value) in Metadata(architecture, training, precision))
        {
            model.Add(OnnxProto.Model.MetadataProps, new ProtoMessage()
                .Add(OnnxProto.StringStringEntry.Key, key)
                .Add(OnnxProto.StringStringEntry.Value, value));
        }

        return model;
    }

    /// <summary>
    /// The metadata written with the model, key and value: the architecture, the precision and, when the model file
    /// records it, how the network was trained. Numbers are written as Python's <c>repr</c> writes them.
    /// </summary>
    public static IReadOnlyList<(string Key, string Value)> Metadata(Architecture architecture, ModelTraining? training, OnnxPrecision precision)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        var metadata = new List<(string, string)>
        {
            ("architecture", string.Join('-', architecture.Sizes)),
            ("hidden_activation", Activations.Name(architecture.Activation)),
            ("output_activation", "sigmoid"),
            ("initialization", Initializations.Name(architecture.Initialization)),
            ("loss", Losses.Name(architecture.Loss)),
            ("precision", OnnxPrecisions.Names[(int)precision]),
        };
        if (training is not null)
        {
            metadata.Add(("training_data", training.Data));
            if (training.Seed is { } seed)
            {
                metadata.Add(("seed", seed.ToString(CultureInfo.InvariantCulture)));
            }

            metadata.Add(("learning_rate", NumPyFormat.Repr(training.LearningRate)));
            metadata.Add(("epochs", training.Epochs.ToString(CultureInfo.InvariantCulture)));
            if (training.FinalLoss is { } loss)
            {
                metadata.Add(("final_loss", NumPyFormat.Repr(loss)));
            }
        }

        return metadata;
    }

    private static string Description(Architecture architecture, OnnxPrecision precision) =>
        $"A {string.Join('-', architecture.Sizes)} network trained by XorNet: {Words(architecture)}, in {OnnxPrecisions.Names[(int)precision]} precision.";

    private static string Words(Architecture architecture) => architecture.LayerCount == 1
        ? "no hidden layer, a sigmoid output"
        : $"{(architecture.LayerCount == 2 ? "one hidden layer" : $"{architecture.LayerCount - 1} hidden layers")} of {Activations.Name(architecture.Activation)} units, a sigmoid output";

    // The GraphProto: the nodes in order, then the weights, the input and the output.
    private static ProtoMessage Graph(INetwork network, OnnxPrecision precision)
    {
        Architecture architecture = network.Architecture;
        int elementType = precision == OnnxPrecision.Binary64 ? OnnxProto.DataType.Double : OnnxProto.DataType.Float;
        var graph = new ProtoMessage()
            .Add(OnnxProto.Graph.Name, "xornet")
            .Add(OnnxProto.Graph.DocString, "Layer l: z_l = a_(l-1) · W_l + b_l, a_l = activation(z_l), with a_0 = x and y = a_L.");
        string previous = InputName;
        for (int l = 1; l <= architecture.LayerCount; l++)
        {
            string layer = $"layer{l}";
            string product = $"{layer}/xW", z = $"z{l}";
            string a = l == architecture.LayerCount ? OutputName : $"a{l}";
            string activation = Operator(l == architecture.LayerCount ? Activation.Sigmoid : architecture.Activation);
            graph.Add(OnnxProto.Graph.Node, Node($"{layer}/MatMul", "MatMul", [previous, $"W{l}"], product));
            graph.Add(OnnxProto.Graph.Node, Node($"{layer}/Add", "Add", [product, $"b{l}"], z));
            graph.Add(OnnxProto.Graph.Node, Node($"{layer}/{activation}", activation, [z], a));
            previous = a;
        }

        foreach ((string name, Matrix matrix) in Parameters(network))
        {
            graph.Add(OnnxProto.Graph.Initializer, Tensor(name, matrix, precision));
        }

        graph.Add(OnnxProto.Graph.Input, Value(InputName, elementType, architecture.Inputs));
        graph.Add(OnnxProto.Graph.Output, Value(OutputName, elementType, architecture.Outputs));
        return graph;
    }

    // W1, b1, … WL, bL with their names.
    private static IEnumerable<(string Name, Matrix Matrix)> Parameters(INetwork network)
    {
        for (int l = 0; l < network.Architecture.LayerCount; l++)
        {
            yield return ($"W{l + 1}", network.Weights[l]);
            yield return ($"b{l + 1}", network.Biases[l]);
        }
    }

    private static ProtoMessage Node(string name, string operation, string[] inputs, string output)
    {
        var node = new ProtoMessage();
        foreach (string input in inputs)
        {
            node.Add(OnnxProto.Node.Input, input);
        }

        return node
            .Add(OnnxProto.Node.Output, output)
            .Add(OnnxProto.Node.Name, name)
            .Add(OnnxProto.Node.OpType, operation);
    }

    // A TensorProto holding the matrix row by row, little-endian whatever this machine's byte order.
    private static ProtoMessage Tensor(string name, Matrix matrix, OnnxPrecision precision)
    {
        ReadOnlySpan<double> values = matrix.AsSpan();
        int width = precision == OnnxPrecision.Binary64 ? sizeof(double) : sizeof(float);
        byte[] raw = new byte[values.Length * width];
        for (int i = 0; i < values.Length; i++)
        {
            if (precision == OnnxPrecision.Binary64)
            {
                BinaryPrimitives.WriteDoubleLittleEndian(raw.AsSpan(i * width), values[i]);
            }
            else
            {
                BinaryPrimitives.WriteSingleLittleEndian(raw.AsSpan(i * width), (float)values[i]);
            }
        }

        return new ProtoMessage()
            .Add(OnnxProto.Tensor.Dims, matrix.Rows)
            .Add(OnnxProto.Tensor.Dims, matrix.Columns)
            .Add(OnnxProto.Tensor.DataType, precision == OnnxPrecision.Binary64 ? OnnxProto.DataType.Double : OnnxProto.DataType.Float)
            .Add(OnnxProto.Tensor.Name, name)
            .Add(OnnxProto.Tensor.RawData, raw);
    }

    // A ValueInfoProto: a tensor of N rows (any number) and the given columns.
    private static ProtoMessage Value(string name, int elementType, int columns) => new ProtoMessage()
        .Add(OnnxProto.ValueInfo.Name, name)
        .Add(OnnxProto.ValueInfo.Type, new ProtoMessage()
            .Add(OnnxProto.Type.TensorType, new ProtoMessage()
                .Add(OnnxProto.TensorType.ElemType, elementType)
                .Add(OnnxProto.TensorType.Shape, new ProtoMessage()
                    .Add(OnnxProto.TensorShape.Dim, new ProtoMessage().Add(OnnxProto.Dimension.DimParam, RowsName))
                    .Add(OnnxProto.TensorShape.Dim, new ProtoMessage().Add(OnnxProto.Dimension.DimValue, columns)))));
}
