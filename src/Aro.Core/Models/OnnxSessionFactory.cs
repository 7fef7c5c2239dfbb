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
        var sessionOptions = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            IntraOpNumThreads = options.IntraOpThreads,
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
        };
        try
        {
            if (options.Device == ExecutionDevice.Cuda)
            {
                AppendCuda(sessionOptions);
            }

            return new InferenceSession(path, sessionOptions);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new AroInputException($"{path}: ONNX Runtime cannot load this graph: {FirstLine(ex.Message)}", ex);
        }
        finally
        {
            sessionOptions.Dispose();
        }
    }

    private static void AppendCuda(SessionOptions sessionOptions)
    {
        try
        {
            sessionOptions.AppendExecutionProvider_CUDA(0);
        }
        catch (Exception ex) when (ex is OnnxRuntimeException or EntryPointNotFoundException or DllNotFoundException)
        {
            throw new AroException(
                "--device cuda: the CUDA execution provider is not available in this build of aro " +
                "(it ships the CPU ONNX Runtime). Build with -p:AroGpu=true on a machine with CUDA 12 and cuDNN 9; " +
                $"see the README. ONNX Runtime said: {FirstLine(ex.Message)}", 2, ex);
        }
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();
}
