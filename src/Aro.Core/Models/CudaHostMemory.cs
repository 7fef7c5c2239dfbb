using System.Runtime.InteropServices;

namespace Aro.Core.Models;

/// <summary>
/// Page-locks host buffers for the GPU with the CUDA runtime's <c>cudaHostRegister</c>, so the copies ONNX Runtime's
/// CUDA execution provider makes of a batch's input are direct DMA transfers (from pageable memory the driver copies
/// through a staging buffer first). The buffers must not move: they are pinned-heap arrays. The CUDA runtime is the
/// one the GPU build's execution provider loads (CUDA 13: <c>libcudart.so.13</c>); where it is absent or refuses, the
/// buffers stay pageable, which costs speed only. Not yet measured on a GPU (scripts/gpu_check.sh measures it).
/// </summary>
public static partial class CudaHostMemory
{
    private const string Runtime = "libcudart.so.13";

    // cudaHostRegisterPortable: page-locked for every CUDA context, whichever the execution provider uses.
    private const uint Portable = 1;

    /// <summary>Page-locks <paramref name="pinned"/> (a pinned-heap array); false when CUDA is unavailable or refuses.</summary>
    public static bool TryRegister(float[] pinned)
    {
        try
        {
            return cudaHostRegister(Marshal.UnsafeAddrOfPinnedArrayElement(pinned, 0), (nuint)pinned.Length * sizeof(float), Portable) == 0;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    /// <summary>Ends the page-locking of a buffer <see cref="TryRegister"/> locked, before it is dropped.</summary>
    public static void Unregister(float[] pinned)
    {
        try
        {
            _ = cudaHostUnregister(Marshal.UnsafeAddrOfPinnedArrayElement(pinned, 0));
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            // Never registered, then.
        }
    }

    [LibraryImport(Runtime)]
    private static partial int cudaHostRegister(IntPtr pointer, nuint bytes, uint flags);

    [LibraryImport(Runtime)]
    private static partial int cudaHostUnregister(IntPtr pointer);
}
