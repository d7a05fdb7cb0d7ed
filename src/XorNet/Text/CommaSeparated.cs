using System.Globalization;

namespace XorNet.Text;

/// <summary>Lists written with commas between the elements, such as <c>8,4</c>.</summary>
internal static class CommaSeparated
{
    /// <summary>
    /// The numbers in <paramref name="text"/>, in the order given, or null unless it is one or more whole numbers of
    /// at least <paramref name="minimum"/> separated by commas (spaces around each allowed).
    /// </summary>
    public static int[]? WholeNumbers(string text, int minimum)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] cells = text.Split(',');
        var numbers = new int[cells.Length];
        for (int i = 0; i < cells.Length; i++)
        {
            if (!int.TryParse(cells[i].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]) || numbers[i] < minimum)
            {
                return null;
            }
        }

        return numbers;
    }
}
