using XorNet.Export;

namespace XorNet.Commands.Export;

/// <summary>What <c>XorNet export</c> is asked to do, read from its options.</summary>
/// <param name="ModelPath">The model file written by <c>--save</c>.</param>
/// <param name="OutPath">The ONNX file to write.</param>
/// <param name="Precision">Whether the ONNX tensors are 64-bit or 32-bit floats.</param>
internal sealed record ExportRequest(string ModelPath, string OutPath, OnnxPrecision Precision);
