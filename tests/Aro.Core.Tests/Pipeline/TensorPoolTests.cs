using System.Runtime.InteropServices;
using Aro.Core.Pipeline;
using Xunit;

namespace Aro.Core.Tests.Pipeline;

/// <summary>
/// The pixel-tensor pool hands out full-batch buffers, reuses returned ones, keeps at most its capacity, and, asked
/// to page-lock where no CUDA runtime can be loaded, still hands out buffers and says they are pageable.
/// </summary>
public sealed class TensorPoolTests
{
    [Fact]
    public void Buffers_are_a_full_batch_long_whatever_the_batch_holds_and_a_returned_one_is_handed_out_again()
    {
        var pool = new TensorPool(length: 3 * 150, capacity: 2, pageLock: false);

        var first = pool.Rent(2 * 150);
        Assert.Equal(450, first.Length);
        pool.Return(first);

        Assert.Same(first, pool.Rent(450));
    }

    [Fact]
    public void At_most_capacity_buffers_are_kept()
    {
        var pool = new TensorPool(length: 8, capacity: 2, pageLock: false);
        var rented = Enumerable.Range(0, 3).Select(_ => pool.Rent(8)).ToList();
        foreach (var buffer in rented)
        {
            pool.Return(buffer);
        }

        var again = Enumerable.Range(0, 3).Select(_ => pool.Rent(8)).ToList();

        // Two of the three come back; the third is new.
        Assert.Equal(2, again.Count(b => rented.Any(r => ReferenceEquals(r, b))));
    }

    [SkippableFact]
    public void Without_a_cuda_runtime_page_locking_falls_back_to_pageable_buffers()
    {
        var cuda = NativeLibrary.TryLoad("libcudart.so.13", out var handle);
        if (cuda)
        {
            NativeLibrary.Free(handle);
        }

        Skip.If(cuda, "a CUDA runtime is installed here, so page-locking may succeed");

        var pool = new TensorPool(length: 16, capacity: 1, pageLock: true);
        Assert.True(pool.PageLocked);

        var buffer = pool.Rent(16);

        Assert.Equal(16, buffer.Length);
        Assert.False(pool.PageLocked);
    }
}
