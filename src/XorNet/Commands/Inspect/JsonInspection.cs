using System.Text.Json.Serialization;
using XorNet.Explain;

using XorNet.NumPy;

namespace XorNet.Commands.Inspect;

/// <summary>The <c>inspect --format json</c> document: what each unit of the saved network computes.</summary>
internal sealed record JsonInspection(Explanation Explanation);

/// <summary>Source-generated serialisation, so JSON output needs no reflection (trimming and AOT safe).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, Converters = [typeof(ReprJsonNumber), typeof(ReprJsonNumberArray)])]
[JsonSerializable(typeof(JsonInspection))]
internal sealed partial class InspectionJsonContext : JsonSerializerContext;
