namespace Aro.Core.Models;

/// <summary>ONNX Runtime settings shared by every session of a run.</summary>
/// <param name="Device">CPU, or CUDA when the GPU build of ONNX Runtime is present.</param>
/// <param name="IntraOpThreads">Threads per graph run; 0 lets ONNX Runtime use one per physical core.</param>
/// <param name="SpinWait">
/// Whether ONNX Runtime's worker threads spin while waiting for work (its default). Spinning wins when the encoders
/// own the cores; when decoding runs beside them on the same cores, spinning threads take time decoding needs.
/// </param>
public sealed record RuntimeOptions(ExecutionDevice Device = ExecutionDevice.Cpu, int IntraOpThreads = 0, bool SpinWait = true)
{
    public static RuntimeOptions Default { get; } = new();
}

/// <summary>Where ONNX Runtime runs the graphs (<c>--device</c>).</summary>
public enum ExecutionDevice
{
    Cpu,
    Cuda,
}
