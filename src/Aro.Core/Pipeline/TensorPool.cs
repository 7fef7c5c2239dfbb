using System.Collections.Concurrent;
using System.Diagnostics;

namespace Aro.Core.Pipeline;

/// <summary>
/// The batches' pixel tensors: buffers of one size (a full batch), allocated on the pinned object heap and reused, at
/// most <c>capacity</c> kept. Pinned, a buffer never moves, so ONNX Runtime reads it in place on the CPU and, once
/// <see cref="Models.CudaHostMemory"/> has page-locked it, a GPU copies it by DMA instead of through a staging buffer:
/// the copy of every batch to the device is the one transfer the GPU pipeline cannot avoid (19 MB per batch of 32
/// ViT-B/32 images).
/// </summary>
internal sealed class TensorPool
{
    private readonly ConcurrentBag<float[]> _free = [];
    private readonly int _capacity;

    // Every buffer this pool page-locked and has not unlocked: they must be unlocked before the GC frees them.
    private readonly HashSet<float[]> _locked = new(ReferenceEqualityComparer.Instance);
    private int _kept;
    private volatile bool _pageLock;

    public TensorPool(int length, int capacity, bool pageLock)
    {
        Length = Math.Max(1, length);
        _capacity = capacity;
        _pageLock = pageLock;
        if (!pageLock)
        {
            GC.SuppressFinalize(this);
        }
    }

    /// <summary>
    /// A pool that page-locked buffers is collected with them (nothing else refers to its buffers once it is
    /// unreachable): the finaliser unlocks them before their memory goes back to the GC.
    /// </summary>
    ~TensorPool()
    {
        foreach (var buffer in _locked)
        {
            Models.CudaHostMemory.Unregister(buffer);
        }
    }

    /// <summary>Floats per buffer.</summary>
    public int Length { get; }

    /// <summary>Whether new buffers are page-locked for the GPU's DMA: as asked, until the CUDA runtime refuses once.</summary>
    public bool PageLocked => _pageLock;

    /// <summary>A buffer of <see cref="Length"/> floats for <paramref name="floats"/> of them (at most <see cref="Length"/>); its contents are undefined.</summary>
    public float[] Rent(int floats)
    {
        Debug.Assert(floats <= Length, "a batch never holds more images than the pool's buffers were sized for");
        if (_free.TryTake(out var buffer))
        {
            Interlocked.Decrement(ref _kept);
            return buffer;
        }

        buffer = GC.AllocateUninitializedArray<float>(Length, pinned: true);
        if (_pageLock)
        {
            if (Models.CudaHostMemory.TryRegister(buffer))
            {
                lock (_locked)
                {
                    _locked.Add(buffer);
                }
            }
            else
            {
                // Only slower copies: the GPU reads pageable buffers through a staging copy.
                _pageLock = false;
            }
        }

        return buffer;
    }

    public void Return(float[] buffer)
    {
        if (Interlocked.Increment(ref _kept) <= _capacity)
        {
            _free.Add(buffer);
            return;
        }

        Interlocked.Decrement(ref _kept);
        lock (_locked)
        {
            if (_locked.Remove(buffer))
            {
                Models.CudaHostMemory.Unregister(buffer);
            }
        }
    }
}
