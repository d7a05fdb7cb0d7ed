using XorNet.CommandLine;
using XorNet.Data;
using XorNet.Network;

namespace XorNet.Commands.Train;

/// <summary>What a training run (<c>XorNet</c> with no command) is asked to do, read and checked from its options.</summary>
/// <param name="Data">The data to train on.</param>
/// <param name="Settings">The hyper-parameters, the update rule and the network to start from.</param>
/// <param name="Format">How the results are printed: the notebook's transcript, or one JSON document.</param>
/// <param name="CheckGradients">Whether backpropagation is checked against finite differences before training.</param>
/// <param name="Files">The files to write, each checked.</param>
/// <param name="Start">The saved model training continues from (<c>--init-from</c>), or null to draw the weights.</param>
/// <param name="Additions">What the transcript adds to the notebook's: validation, metrics, traced epochs, explanation.</param>
internal sealed record TrainRequest(
    Dataset Data, TrainingSettings Settings, OutputFormat Format, bool CheckGradients, OutputFiles Files, InitialModel.Start? Start,
    TranscriptAdditions Additions);
