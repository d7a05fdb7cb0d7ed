using System.Buffers.Binary;
using FluentAssertions;
using XorNet.Export;

namespace XorNet.Tests;

/// <summary>
/// The exported file as ONNX defines it, read back with a schema-less protocol-buffer reader: IR version, operator
/// set, graph input, output and nodes with their names, and the initialisers equal to the model's weights bit for bit.
/// </summary>
public sealed class OnnxStructureTests : IDisposable
{
    // onnx.proto's field numbers, written out here rather than taken from the program, so that a wrong one fails.
    private const int ModelIrVersion = 1, ModelProducerName = 2, ModelProducerVersion = 3, ModelGraph = 7, ModelOpset = 8, ModelMetadata = 14;
    private const int GraphNode = 1, GraphInitializer = 5, GraphInput = 11, GraphOutput = 12;
    private const int NodeInput = 1, NodeOutput = 2, NodeName = 3, NodeOpType = 4;
    private const int TensorDims = 1, TensorDataType = 2, TensorName = 8, TensorRawData = 9;
    private const int Float = 1, Double = 11;

    private readonly string _directory = Directory.CreateTempSubdirectory("xornet-onnx-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("double", Double)]
    [InlineData("float", Float)]
    public void The_file_has_the_graph_names_shapes_and_weights_the_issue_lists(string precision, int elementType)
    {
        var architecture = new Architecture([3, 5, 4, 2], Activation.Tanh);
        INetwork network = Networks.Initialize(architecture, seed: 7);
        string model = Path.Combine(_directory, "m.json"), onnx = Path.Combine(_directory, "m.onnx");
        ModelFile.Save(OutputFile.Check("--save", model, "m.json"), network, new ModelTraining("parity", 7, 0.5, 300, 0.125));
        InProcess.Run("export", "--model", model, "--out", onnx, "--precision", precision).ExitCode.Should().Be(ExitCodes.Success);

        ProtoFields file = ProtoFields.Read(onnx);
        file.Varint(ModelIrVersion).Should().Be(8);
        ProtoFields opset = file.Message(ModelOpset);
        opset.String(1).Should().BeEmpty("the default domain, ai.onnx");
        opset.Varint(2).Should().Be(17);
        file.String(ModelProducerName).Should().Be("XorNet");
        file.String(ModelProducerVersion).Should().NotBeEmpty();
        file.Messages(ModelMetadata).ToDictionary(e => e.String(1), e => e.String(2)).Should().Contain(new Dictionary<string, string>
        {
            ["architecture"] = "3-5-4-2",
            ["hidden_activation"] = "tanh",
            ["output_activation"] = "sigmoid",
            ["precision"] = precision,
            ["training_data"] = "parity",
            ["seed"] = "7",
            ["learning_rate"] = "0.5",
            ["epochs"] = "300",
            ["final_loss"] = "0.125",
        });

        ProtoFields graph = file.Message(ModelGraph);
        graph.Messages(GraphNode).Select(n => (n.String(NodeName), n.String(NodeOpType), string.Join(' ', n.Strings(NodeInput)), n.String(NodeOutput)))
            .Should().Equal(
                ("layer1/MatMul", "MatMul", "x W1", "layer1/xW"), ("layer1/Add", "Add", "layer1/xW b1", "z1"), ("layer1/Tanh", "Tanh", "z1", "a1"),
                ("layer2/MatMul", "MatMul", "a1 W2", "layer2/xW"), ("layer2/Add", "Add", "layer2/xW b2", "z2"), ("layer2/Tanh", "Tanh", "z2", "a2"),
                ("layer3/MatMul", "MatMul", "a2 W3", "layer3/xW"), ("layer3/Add", "Add", "layer3/xW b3", "z3"), ("layer3/Sigmoid", "Sigmoid", "z3", "y"));
        ExpectTensorValue(graph.Message(GraphInput), "x", elementType, 3);
        ExpectTensorValue(graph.Message(GraphOutput), "y", elementType, 2);

        ProtoFields[] initializers = graph.Messages(GraphInitializer);
        initializers.Select(t => t.String(TensorName)).Should().Equal("W1", "b1", "W2", "b2", "W3", "b3");
        Matrix[] parameters = [.. Enumerable.Range(0, 3).SelectMany(l => new[] { network.Weights[l], network.Biases[l] })];
        foreach ((ProtoFields tensor, Matrix matrix) in initializers.Zip(parameters))
        {
            tensor.Varints(TensorDims).Should().Equal(matrix.Rows, matrix.Columns);
            tensor.Varint(TensorDataType).Should().Be(elementType);
            byte[] raw = tensor.Bytes(TensorRawData);
            double[] stored = elementType == Double
                ? [.. Enumerable.Range(0, raw.Length / 8).Select(i => BinaryPrimitives.ReadDoubleLittleEndian(raw.AsSpan(i * 8)))]
                : [.. Enumerable.Range(0, raw.Length / 4).Select(i => (double)BinaryPrimitives.ReadSingleLittleEndian(raw.AsSpan(i * 4)))];
            double[] expected = elementType == Double ? matrix.AsSpan().ToArray() : [.. matrix.AsSpan().ToArray().Select(v => (double)(float)v)];
            stored.Select(BitConverter.DoubleToInt64Bits).Should().Equal(expected.Select(BitConverter.DoubleToInt64Bits), $"{tensor.String(TensorName)} holds the weights bit for bit");
        }
    }

    [Fact]
    public void A_model_file_without_its_training_exports_with_the_architecture_alone()
    {
        string model = Path.Combine(_directory, "m.json"), onnx = Path.Combine(_directory, "m.onnx");
        string text = Fixture.Text("model-v1.json");
        File.WriteAllText(model, text[..text.IndexOf(",\n  \"training\"", StringComparison.Ordinal)] + "\n}\n");

        InProcess.Run("export", "--model", model, "--out", onnx).Should().Be((ExitCodes.Success, "", ""));

        string[] keys = [.. ProtoFields.Read(onnx).Messages(ModelMetadata).Select(e => e.String(1))];
        keys.Should().Contain("architecture").And.NotContain("seed");
    }

    // A ValueInfoProto of a tensor [N, columns]: rows of any number, named N.
    private static void ExpectTensorValue(ProtoFields value, string name, int elementType, int columns)
    {
        value.String(1).Should().Be(name);
        ProtoFields tensor = value.Message(2).Message(1);
        tensor.Varint(1).Should().Be(elementType);
        ProtoFields[] dims = tensor.Message(2).Messages(1);
        dims.Should().HaveCount(2);
        dims[0].String(2).Should().Be(OnnxExporter.RowsName);
        dims[1].Varint(1).Should().Be(columns);
    }
}
