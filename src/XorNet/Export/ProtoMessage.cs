using Google.Protobuf;

namespace XorNet.Export;

/// <summary>
/// One protocol-buffer message being built: its fields in the order added, each a whole number, a string, bytes or a
/// nested message. Written with Google.Protobuf's <see cref="CodedOutputStream"/>, which does the wire encoding.
/// </summary>
/// <remarks>
/// A nested message is written after its length, so the sizes are computed first (and kept): the whole model goes to
/// the stream in one pass, and the weights' bytes are never copied into a second buffer.
/// </remarks>
internal sealed class ProtoMessage
{
    private readonly List<Field> _fields = [];
    private int _size = -1;

    /// <summary>Adds a whole-number field (int32 or int64 on the wire: both are varints).</summary>
    public ProtoMessage Add(int number, long value) => Append(new Field(number, value, null, null, null));

    /// <summary>Adds a string field, written as UTF-8.</summary>
    public ProtoMessage Add(int number, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Append(new Field(number, 0, value, null, null));
    }

    /// <summary>Adds a bytes field; <paramref name="value"/> is kept, not copied, so it must not change afterwards.</summary>
    public ProtoMessage Add(int number, byte[] value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Append(new Field(number, 0, null, UnsafeByteOperations.UnsafeWrap(value), null));
    }

    /// <summary>Adds a nested message, which must be complete: its size is fixed once this one is measured.</summary>
    public ProtoMessage Add(int number, ProtoMessage value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Append(new Field(number, 0, null, null, value));
    }

    /// <summary>The size of the encoded message in bytes, without a tag or length of its own.</summary>
    public int Size
    {
        get
        {
            if (_size < 0)
            {
                long size = 0;
                foreach (Field entry in _fields)
                {
                    size += CodedOutputStream.ComputeTagSize(entry.Number) + entry switch
                    {
                        { Text: { } text } => CodedOutputStream.ComputeStringSize(text),
                        { Bytes: { } bytes } => CodedOutputStream.ComputeBytesSize(bytes),
                        { Message: { } message } => CodedOutputStream.ComputeLengthSize(message.Size) + message.Size,
                        _ => CodedOutputStream.ComputeInt64Size(entry.Number64),
                    };
                }

                // A protocol-buffer message is at most 2 GB; ONNX keeps larger weights in external files.
                _size = size <= int.MaxValue ? (int)size : throw new InvalidOperationException("The message is larger than 2 GB, the most a protocol-buffer message can be.");
            }

            return _size;
        }
    }

    /// <summary>Writes the message's fields (without a tag or length of its own) to <paramref name="output"/>.</summary>
    public void WriteTo(CodedOutputStream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        foreach (Field entry in _fields)
        {
            switch (entry)
            {
                case { Text: { } text }:
                    output.WriteTag(entry.Number, WireFormat.WireType.LengthDelimited);
                    output.WriteString(text);
                    break;
                case { Bytes: { } bytes }:
                    output.WriteTag(entry.Number, WireFormat.WireType.LengthDelimited);
                    output.WriteBytes(bytes);
                    break;
                case { Message: { } message }:
                    output.WriteTag(entry.Number, WireFormat.WireType.LengthDelimited);
                    output.WriteLength(message.Size);
                    message.WriteTo(output);
                    break;
                default:
                    output.WriteTag(entry.Number, WireFormat.WireType.Varint);
                    output.WriteInt64(entry.Number64);
                    break;
            }
        }
    }

    /// <summary>Writes the message to <paramref name="stream"/> as a whole protocol-buffer document.</summary>
    public void WriteTo(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var output = new CodedOutputStream(stream, leaveOpen: true);
        WriteTo(output);
        output.Flush();
    }

    private ProtoMessage Append(Field field)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(field.Number, 1);
        _fields.Add(field);
        _size = -1;
        return this;
    }

    // Exactly one of Text, Bytes and Message is set, or none for a whole number (Number64).
    private sealed record Field(int Number, long Number64, string? Text, ByteString? Bytes, ProtoMessage? Message);
}
