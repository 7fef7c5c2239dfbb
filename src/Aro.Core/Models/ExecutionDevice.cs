namespace Aro.Core.Models;

/// <summary>Where ONNX Runtime runs the graphs (<c>--device</c>).</summary>
public enum ExecutionDevice
{
    Cpu,
    Cuda,
}
