namespace XorNet.Export;

/// <summary>
/// The field numbers and constants of ONNX's <c>onnx.proto</c> that an exported network uses, message by message.
/// </summary>
/// <remarks>
/// Only the fields written are listed. The numbers are ONNX's wire format, fixed since IR version 3 and the same in
/// every later release, so a file written with them reads in every ONNX tool.
/// </remarks>
internal static class OnnxProto
{
    /// <summary>The IR version written: 8 (ONNX 1.10), which ONNX 1.12's checker and every later reader accept.</summary>
    public const long IrVersion = 8;

    /// <summary>The version of the default operator set (<c>ai.onnx</c>) the graph uses.</summary>
    public const long OpsetVersion = 17;

    /// <summary><c>ModelProto</c>.</summary>
    public static class Model
    {
        public const int IrVersion = 1;
        public const int ProducerName = 2;
        public const int ProducerVersion = 3;
        public const int Domain = 4;
        public const int ModelVersion = 5;
        public const int DocString = 6;
        public const int Graph = 7;
        public const int OpsetImport = 8;
        public const int MetadataProps = 14;
    }

    /// <summary><c>OperatorSetIdProto</c>.</summary>
    public static class OperatorSetId
    {
        public const int Domain = 1;
        public const int Version = 2;
    }

    /// <summary><c>StringStringEntryProto</c>.</summary>
    public static class StringStringEntry
    {
        public const int Key = 1;
        public const int Value = 2;
    }

    /// <summary><c>GraphProto</c>.</summary>
    public static class Graph
    {
        public const int Node = 1;
        public const int Name = 2;
        public const int Initializer = 5;
        public const int DocString = 10;
        public const int Input = 11;
        public const int Output = 12;
    }

    /// <summary><c>NodeProto</c>.</summary>
    public static class Node
    {
        public const int Input = 1;
        public const int Output = 2;
        public const int Name = 3;
        public const int OpType = 4;
    }

    /// <summary><c>TensorProto</c>.</summary>
    public static class Tensor
    {
        public const int Dims = 1;
        public const int DataType = 2;
        public const int Name = 8;
        public const int RawData = 9;
    }

    /// <summary><c>TensorProto.DataType</c>.</summary>
    public static class DataType
    {
        public const int Float = 1;
        public const int Double = 11;
    }

    /// <summary><c>ValueInfoProto</c>.</summary>
    public static class ValueInfo
    {
        public const int Name = 1;
        public const int Type = 2;
    }

    /// <summary><c>TypeProto</c>.</summary>
    public static class Type
    {
        public const int TensorType = 1;
    }

    /// <summary><c>TypeProto.Tensor</c>.</summary>
    public static class TensorType
    {
        public const int ElemType = 1;
        public const int Shape = 2;
    }

    /// <summary><c>TensorShapeProto</c>.</summary>
    public static class TensorShape
    {
        public const int Dim = 1;
    }

    /// <summary><c>TensorShapeProto.Dimension</c>.</summary>
    public static class Dimension
    {
        public const int DimValue = 1;
        public const int DimParam = 2;
    }
}
