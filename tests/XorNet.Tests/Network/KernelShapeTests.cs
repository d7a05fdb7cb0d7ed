using FluentAssertions;

namespace XorNet.Tests;

/// <summary>
/// The block kernels read and write without bounds checks, so each checks its spans' lengths once on entry. These
/// calls pass spans that do not fit one shape, including products that overflow 32 bits and a shape with no inputs,
/// and must throw before any element is touched, rather than read or write outside the spans.
/// </summary>
public sealed class KernelShapeTests
{
    // A stride whose product with 4 rows wraps a 32-bit int to 0, so an unchecked product would accept empty spans.
    private const int WrappingStride = 1 << 30;

    [Fact]
    public void Hidden_activations_refuse_a_short_output() =>
        Invoking(() => NotebookKernels.HiddenActivations(new double[8], new double[8], new double[4], new double[12], 4));

    [Fact]
    public void Hidden_activations_refuse_a_stride_narrower_than_the_layer() =>
        Invoking(() => NotebookKernels.HiddenActivations(new double[8], new double[8], new double[4], new double[12], 3));

    [Fact]
    public void Hidden_activations_refuse_a_stride_whose_product_overflows() =>
        Invoking(() => NotebookKernels.HiddenActivations(new double[8], new double[8], new double[4], [], WrappingStride));

    [Fact]
    public void Hidden_activations_refuse_weights_that_are_not_inputs_times_hidden() =>
        Invoking(() => NotebookKernels.HiddenActivations(new double[8], new double[7], new double[4], new double[16], 4));

    [Fact]
    public void Row_dots_refuse_rows_that_do_not_match_the_dots() =>
        Invoking(() => LayerKernels.RowDots(new double[12], 4, new double[4], new double[4]));

    [Fact]
    public void Row_dots_refuse_a_stride_whose_product_overflows() =>
        Invoking(() => LayerKernels.RowDots([], WrappingStride, new double[4], new double[4]));

    [Fact]
    public void Backward_block_refuses_a_gradient_with_no_inputs() =>
        Invoking(() => NotebookKernels.BackwardBlock(
            new double[2], new double[8], new double[4], [], new double[4], [], new double[4], default, 4));

    [Fact]
    public void Backward_block_refuses_more_rows_than_a_block() =>
        Invoking(() => NotebookKernels.BackwardBlock(
            new double[9], new double[36], new double[4], new double[18], new double[4], new double[8], new double[4], default, 4));

    [Fact]
    public void Backward_block_refuses_gradients_not_shaped_as_the_output_weights() =>
        Invoking(() => NotebookKernels.BackwardBlock(
            new double[2], new double[8], new double[4], new double[8], new double[5], new double[8], new double[4], default, 4));

    [Fact]
    public void A_network_refuses_a_table_with_the_wrong_number_of_inputs()
    {
        var network = TwoLayerNetwork.Initialize(2, 4, new NumPyRandom(42));
        Action train = () => network.TrainEpoch(new Matrix(4, 3), new Matrix(4, 1), 0.1);
        train.Should().Throw<ArgumentException>().WithMessage("*2 inputs*(4, 3)*");
    }

    private static void Invoking(Action call) => call.Should().Throw<ArgumentException>();
}
