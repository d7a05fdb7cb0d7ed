namespace XorNet.Fuzz;

/// <summary>The fuzzing targets by name.</summary>
internal static class Targets
{
    public static Action<byte[]>? Find(string name) => name switch
    {
        "csv" => CsvTarget.Run,
        "model" => ModelTarget.Run,
        "args" => ArgsTarget.Run,
        _ => null,
    };
}
