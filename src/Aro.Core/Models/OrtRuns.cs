using Microsoft.ML.OnnxRuntime;

namespace Aro.Core.Models;

/// <summary>
/// Runs a session so that cancellation stops it mid-graph: the token sets ONNX Runtime's terminate flag, and the
/// resulting error becomes an <see cref="OperationCanceledException"/>. A ViT-B/32 batch takes seconds on a CPU;
/// Ctrl-C must not wait for it.
/// </summary>
internal static class OrtRuns
{
    public static IDisposableReadOnlyCollection<OrtValue> Run(
        InferenceSession session,
        IReadOnlyCollection<string> inputNames,
        IReadOnlyCollection<OrtValue> inputs,
        IReadOnlyCollection<string> outputNames,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var options = new RunOptions();
        using var registration = cancellationToken.Register(() => options.Terminate = true);
        try
        {
            return session.Run(options, inputNames, inputs, outputNames);
        }
        catch (OnnxRuntimeException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("evaluation cancelled during an ONNX Runtime run", cancellationToken);
        }
    }
}
