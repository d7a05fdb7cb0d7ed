namespace XorNet.Network;

/// <summary>One logged epoch: its number and its loss before the update.</summary>
/// <param name="Epoch">The epoch, counted from 0.</param>
/// <param name="Loss">The mean squared error of that epoch's forward pass.</param>
public readonly record struct LogEntry(int Epoch, double Loss);
