namespace XorNet.Network;

/// <summary>Where a name stands in a list of option names, for the enums' <c>Parse</c>.</summary>
internal static class ChoiceNames
{
    /// <summary>The index of <paramref name="name"/> in <paramref name="names"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not in the list.</exception>
    public static int Index(IReadOnlyList<string> names, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        for (int i = 0; i < names.Count; i++)
        {
            if (names[i] == name)
            {
                return i;
            }
        }

        throw new ArgumentException($"'{name}' is not one of {string.Join(", ", names)}.", nameof(name));
    }
}
