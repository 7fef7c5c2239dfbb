using Aro.Core.IO;
using Microsoft.ML.OnnxRuntime;

namespace Aro.Core.Models;

/// <summary>Creates ONNX Runtime sessions with one set of options, and turns load failures into clear errors.</summary>
public static class OnnxSessionFactory
{
    /// <summary>The ONNX Runtime version in use, for run.json.</summary>
    public static string RuntimeVersion { get; } =
        typeof(InferenceSession).Assembly.GetName().Version?.ToString(3) ?? "unknown";

    public static InferenceSession Create(string path, RuntimeOptions options)
    {
        OrtCUDAProviderOptions? cuda = null;
        var sessionOptions = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            IntraOpNumThreads = options.IntraOpThreads,
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
        };
        sessionOptions.AddSessionConfigEntry("session.intra_op.allow_spinning", options.SpinWait ? "1" : "0");
        try
        {
            if (options.Device == ExecutionDevice.Cuda)
            {
                cuda = AppendCuda(sessionOptions);
            }

            return new InferenceSession(RegularFile.Require(path, "ONNX graph"), sessionOptions);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new AroInputException($"{path}: ONNX Runtime cannot load this graph: {FirstLine(ex.Message)}", ex);
        }
        finally
        {
            sessionOptions.Dispose();
            cuda?.Dispose();
        }
    }

    /// <summary>
    /// Adds the CUDA execution provider with TF32 off: ONNX Runtime enables TensorFloat-32 matrix products by
    /// default, which moved tiny-BLIP ITM+ITC scores by 1e-2 against the CPU on an H100; the reference is float32.
    /// </summary>
    private static OrtCUDAProviderOptions AppendCuda(SessionOptions sessionOptions)
    {
        var gpuBuild = OrtEnv.Instance().GetAvailableProviders().Contains("CUDAExecutionProvider");
        OrtCUDAProviderOptions? cuda = null;
        try
        {
            cuda = new OrtCUDAProviderOptions();
            cuda.UpdateOptions(new Dictionary<string, string> { ["device_id"] = "0", ["use_tf32"] = "0" });
            sessionOptions.AppendExecutionProvider_CUDA(cuda);
            return cuda;
        }
        catch (Exception ex) when (ex is OnnxRuntimeException or EntryPointNotFoundException or DllNotFoundException)
        {
            var why = gpuBuild
                ? "this build has the CUDA execution provider, but it could not start: CUDA 13 and cuDNN 9 libraries (libcudart.so.13, libcublas.so.13, libcudnn.so.9) and an NVIDIA driver must be installed"
                : "this build of aro ships the CPU ONNX Runtime; build it with `dotnet publish src/Aro.Cli -c Release -p:AroGpu=true` on a machine with CUDA 13 and cuDNN 9 (see the README)";
            cuda?.Dispose();
            throw new AroException($"--device cuda: {why}. ONNX Runtime said: {FirstLine(ex.Message)}", 2, ex);
        }
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();
}
