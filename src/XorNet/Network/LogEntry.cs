namespace XorNet.Network;

/// <summary>One logged epoch: its number and its loss before the update.</summary>
/// <param name="Epoch">The epoch, counted from 0.</param>
/// <param name="Loss">The training loss of that epoch's forward pass, by the run's <see cref="LossFunction"/>.</param>
public readonly record struct LogEntry(int Epoch, double Loss);
