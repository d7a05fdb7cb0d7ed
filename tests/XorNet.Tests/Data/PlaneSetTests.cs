using System.Text.Json.Nodes;
using FluentAssertions;
using XorNet.Data;

namespace XorNet.Tests;

/// <summary>
/// The generated sets against NumPy's (dataset-transcripts.json, made by make_dataset_transcripts.py): every point
/// and label the same double, bit for bit, for each set with and without noise, 1, 2, 3 and 7 rows, the largest data
/// seed and more than 1000 rows.
/// </summary>
public sealed class PlaneSetTests
{
    private static readonly JsonNode Fixtures = JsonNode.Parse(Fixture.Text("dataset-transcripts.json"))!;

    public static TheoryData<int> Sets() => [.. Enumerable.Range(0, Fixtures["sets"]!.AsArray().Count)];

    /// <summary>The recipe of a fixture set, and its name.</summary>
    internal static (string Name, PlaneRecipe Recipe) Spec(JsonNode set) =>
        (set["name"]!.GetValue<string>(), new PlaneRecipe(set["samples"]!.GetValue<int>(), set["noise"]!.GetValue<double>(), set["dataSeed"]!.GetValue<uint>()));

    /// <summary>A fixture array's numbers as IEEE-754 bits, row by row.</summary>
    internal static long[] Bits(JsonNode rows) => [.. FixtureCases.Flatten(rows).Select(BitConverter.DoubleToInt64Bits)];

    [Theory]
    [MemberData(nameof(Sets))]
    public void Every_point_and_label_is_NumPys_to_the_bit(int index)
    {
        JsonNode set = Fixtures["sets"]![index]!;
        (string name, PlaneRecipe recipe) = Spec(set);

        Dataset data = PlaneSets.Generate(name, recipe);

        data.X.AsSpan().ToArray().Select(BitConverter.DoubleToInt64Bits).Should().Equal(Bits(set["X"]!));
        data.Y.AsSpan().ToArray().Select(BitConverter.DoubleToInt64Bits).Should().Equal(Bits(set["y"]!));
        data.X.Shape.Should().Be($"({recipe.Samples}, 2)");
    }

    [Fact]
    public void The_data_seed_changes_the_points_and_a_seed_draws_the_same_points_every_time()
    {
        Dataset first = PlaneSets.Generate("circle", new PlaneRecipe(dataSeed: 1));

        PlaneSets.Generate("circle", new PlaneRecipe(dataSeed: 1)).X.AsSpan().ToArray().Should().Equal(first.X.AsSpan().ToArray());
        PlaneSets.Generate("circle", new PlaneRecipe(dataSeed: 2)).X.AsSpan().ToArray().Should().NotEqual(first.X.AsSpan().ToArray());
    }

    [Fact]
    public void Every_name_is_listed_once_and_the_recipe_refuses_what_the_options_refuse()
    {
        DatasetNames.All.Should().OnlyHaveUniqueItems().And.Contain(PlaneSets.Names).And.Contain(Dataset.TruthTables);
        FluentActions.Invoking(() => new PlaneRecipe(0)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => new PlaneRecipe(noise: -1)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => new PlaneRecipe(noise: double.NaN)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => PlaneSets.Generate("xor", PlaneRecipe.Default)).Should().Throw<ArgumentException>();
    }
}
