using XorNet.Data;
using XorNet.Files;

namespace XorNet.Commands.Data;

/// <summary>What <c>XorNet data</c> is asked to write, read and checked from its arguments.</summary>
/// <param name="Name">The built-in set: a truth table, or a generated plane.</param>
/// <param name="Recipe">How a generated plane is drawn (unused for a truth table).</param>
/// <param name="Out">The <c>--out</c> file, checked; standard output when null.</param>
internal sealed record DataRequest(string Name, PlaneRecipe Recipe, OutputFile? Out);
