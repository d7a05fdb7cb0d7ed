using FluentAssertions;

using Google.Protobuf;

namespace XorNet.Tests;

/// <summary>
/// A protocol-buffer message read field by field with Google.Protobuf's <see cref="CodedInputStream"/>, with no
/// schema: each field number with its whole-number or length-delimited values, for checking an ONNX file's structure.
/// </summary>
internal sealed class ProtoFields
{
    private readonly List<(int Number, long Varint, ByteString? Bytes)> _fields = [];

    public ProtoFields(ByteString message)
    {
        CodedInputStream input = message.CreateCodedInput();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            int number = WireFormat.GetTagFieldNumber(tag);
            switch (WireFormat.GetTagWireType(tag))
            {
                case WireFormat.WireType.Varint:
                    _fields.Add((number, input.ReadInt64(), null));
                    break;
                case WireFormat.WireType.LengthDelimited:
                    _fields.Add((number, 0, input.ReadBytes()));
                    break;
                default:
                    throw new InvalidDataException($"Field {number} has wire type {WireFormat.GetTagWireType(tag)}, which ONNX does not use for it.");
            }
        }
    }

    public static ProtoFields Read(string path) => new(ByteString.CopyFrom(File.ReadAllBytes(path)));

    public IEnumerable<int> Numbers => _fields.Select(f => f.Number);

    public long[] Varints(int number) => [.. _fields.Where(f => f.Number == number && f.Bytes is null).Select(f => f.Varint)];

    public long Varint(int number) => Varints(number).Should().ContainSingle($"field {number}").Which;

    public ProtoFields[] Messages(int number) => [.. _fields.Where(f => f.Number == number && f.Bytes is not null).Select(f => new ProtoFields(f.Bytes!))];

    public ProtoFields Message(int number) => Messages(number).Should().ContainSingle($"field {number}").Which;

    public string[] Strings(int number) => [.. _fields.Where(f => f.Number == number && f.Bytes is not null).Select(f => f.Bytes!.ToStringUtf8())];

    public string String(int number) => Strings(number).Should().ContainSingle($"field {number}").Which;

    public byte[] Bytes(int number) => _fields.Where(f => f.Number == number && f.Bytes is not null).Should().ContainSingle().Which.Bytes!.ToByteArray();
}
