namespace XorNet.Plots;

/// <summary>
/// A bounded summary of the loss per epoch for <see cref="LossPlot"/>: a fixed number of buckets of equal width in
/// epochs, each holding its smallest and largest loss and the epochs they came from.
/// </summary>
/// <remarks>
/// Buckets start one epoch wide, so a run of up to <see cref="Capacity"/> epochs is kept exactly. When every bucket
/// is full, neighbouring pairs merge and the width doubles, so memory stays the same whatever the number of epochs,
/// and spikes survive because each bucket keeps its extremes. <see cref="Add"/> allocates nothing and does a few
/// comparisons, amortised O(1): it runs after every epoch of training.
/// </remarks>
public sealed class LossHistory
{
    /// <summary>The number of buckets of a history made with the parameterless constructor.</summary>
    public const int DefaultCapacity = 2000;

    private readonly double[] _min, _max;
    private readonly int[] _minEpoch, _maxEpoch;
    private int _count;
    private long _inLastBucket;

    /// <summary>A history of <see cref="DefaultCapacity"/> buckets: as many epochs as today's plot draws one by one.</summary>
    public LossHistory()
        : this(DefaultCapacity)
    {
    }

    /// <summary>A history of <paramref name="capacity"/> buckets (an even number, at least 2).</summary>
    public LossHistory(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 2);
        if (capacity % 2 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "The capacity must be even, so that buckets merge in pairs.");
        }

        _min = new double[capacity];
        _max = new double[capacity];
        _minEpoch = new int[capacity];
        _maxEpoch = new int[capacity];
    }

    /// <summary>The most buckets the history holds; it never grows.</summary>
    public int Capacity => _min.Length;

    /// <summary>How many buckets are in use.</summary>
    public int Count => _count;

    /// <summary>How many consecutive epochs each bucket covers (the last one may hold fewer so far): a power of two.</summary>
    public long BucketWidth { get; private set; } = 1;

    /// <summary>How many losses were added.</summary>
    public long Added { get; private set; }

    /// <summary>The epoch of the last loss added, or -1 when none was.</summary>
    public int LastEpoch { get; private set; } = -1;

    /// <summary>Adds the loss of <paramref name="epoch"/>; epochs come one after another, as training runs them.</summary>
    public void Add(int epoch, double loss)
    {
        int i;
        if (_inLastBucket == 0)
        {
            if (_count == _min.Length)
            {
                MergePairs();
            }

            i = _count++;
            _min[i] = _max[i] = loss;
            _minEpoch[i] = _maxEpoch[i] = epoch;
        }
        else
        {
            i = _count - 1;

            // Strict comparisons keep the first of equal extremes, as a scan in epoch order would.
            if (loss < _min[i])
            {
                _min[i] = loss;
                _minEpoch[i] = epoch;
            }

            if (loss > _max[i])
            {
                _max[i] = loss;
                _maxEpoch[i] = epoch;
            }
        }

        _inLastBucket = _inLastBucket + 1 == BucketWidth ? 0 : _inLastBucket + 1;
        Added++;
        LastEpoch = epoch;
    }

    /// <summary>The smallest and largest loss of bucket <paramref name="index"/> and their epochs.</summary>
    public (int MinEpoch, double Min, int MaxEpoch, double Max) Bucket(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _count);
        return (_minEpoch[index], _min[index], _maxEpoch[index], _max[index]);
    }

    /// <summary>
    /// The points to draw, in epoch order, at most <see cref="Capacity"/>: every epoch of a run no longer than that,
    /// else the smallest and largest loss (one point when they are the same epoch) of each of at most
    /// <see cref="Capacity"/> / 2 groups of neighbouring buckets.
    /// </summary>
    public (int Epoch, double Loss)[] Points()
    {
        // Once buckets hold more than one epoch each draws two points, so pairs of them are drawn together.
        int group = BucketWidth > 1 && _count > _min.Length / 2 ? 2 : 1;
        var points = new List<(int, double)>(_min.Length);
        for (int start = 0; start < _count; start += group)
        {
            int min = start, max = start;
            for (int b = start + 1; b < Math.Min(start + group, _count); b++)
            {
                min = _min[b] < _min[min] ? b : min;
                max = _max[b] > _max[max] ? b : max;
            }

            (int first, double firstLoss, int second, double secondLoss) = _minEpoch[min] <= _maxEpoch[max]
                ? (_minEpoch[min], _min[min], _maxEpoch[max], _max[max])
                : (_maxEpoch[max], _max[max], _minEpoch[min], _min[min]);
            points.Add((first, firstLoss));
            if (second != first)
            {
                points.Add((second, secondLoss));
            }
        }

        return [.. points];
    }

    // Called only when every bucket is full: bucket i takes buckets 2i and 2i + 1, keeping the earlier of equal extremes.
    private void MergePairs()
    {
        for (int i = 0; i < _count / 2; i++)
        {
            int left = 2 * i, right = left + 1;
            (_min[i], _minEpoch[i]) = _min[right] < _min[left] ? (_min[right], _minEpoch[right]) : (_min[left], _minEpoch[left]);
            (_max[i], _maxEpoch[i]) = _max[right] > _max[left] ? (_max[right], _maxEpoch[right]) : (_max[left], _maxEpoch[left]);
        }

        _count /= 2;
        BucketWidth *= 2;
    }
}
