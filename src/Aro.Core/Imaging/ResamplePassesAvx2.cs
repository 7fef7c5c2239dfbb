using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Aro.Core.Imaging;

/// <summary>
/// <see cref="PilResampler"/>'s two passes on AVX2, 8 int32 lanes at a time, with the same 32-bit products and sums
/// as the scalar passes (integer addition is associative, so the order of the sums cannot change a bit).
/// <para>
/// Vertical pass: the lanes are 8 consecutive bytes of a row; each output row is the weighted sum of whole input
/// rows. Horizontal pass: an output pixel's window differs from its neighbour's, so lanes along a row would need
/// gathers; instead the lanes are 8 rows. Each block of 8 rows is transposed (byte column j of row r to
/// <c>block[j * 8 + r]</c>), every output byte column is then 8 contiguous bytes times one broadcast weight per tap,
/// and the results are transposed back into the 8 output rows.
/// </para>
/// Rounding out of fixed point is <c>clip8</c> exactly: an arithmetic shift, then signed 32→16 and unsigned 16→8
/// saturating packs, which clamp to 0..255.
/// </summary>
internal static class ResamplePassesAvx2
{
    private const int Half = 1 << (ResampleKernel.PrecisionBits - 1);
    private const int Lanes = 8;

    public static bool IsSupported => Avx2.IsSupported;

    /// <summary>The horizontal pass: source rows <c>firstRow ..</c> into every row of <paramref name="result"/>.</summary>
    public static unsafe void Rows(RgbPixels source, ResampleKernel kernel, int firstRow, RgbPixels result)
    {
        var outWidth = kernel.Starts.Length;
        var rowCount = result.Height;
        var firstColumn = kernel.FirstSource * 3;
        var columns = (kernel.EndSource * 3) - firstColumn;
        var outColumns = outWidth * 3;
        var size = kernel.Size;

        // The transposed output block is written a pixel (24 bytes) at a time as 32-byte stores: 8 bytes of slack.
        var block = ArrayPool<byte>.Shared.Rent(columns * Lanes);
        var outBlock = ArrayPool<byte>.Shared.Rent((outColumns * Lanes) + 32);
        var scratch = ArrayPool<byte>.Shared.Rent(outColumns);
        try
        {
            fixed (byte* input = source.Data, output = result.Data, transposed = block, transposedOut = outBlock, spare = scratch)
            fixed (int* weights = kernel.Weights, starts = kernel.Starts, counts = kernel.Counts)
            {
                byte** inRows = stackalloc byte*[Lanes];
                byte** outRows = stackalloc byte*[Lanes];
                var half = Vector256.Create(Half);
                var order = Vector256.Create(0, 4, 1, 5, 2, 6, 3, 7);
                for (var y0 = 0; y0 < rowCount; y0 += Lanes)
                {
                    // A short last block repeats its last row and writes the extra lanes to a scratch row.
                    for (var r = 0; r < Lanes; r++)
                    {
                        var y = Math.Min(y0 + r, rowCount - 1);
                        inRows[r] = input + ((long)(firstRow + y) * source.Stride) + firstColumn;
                        outRows[r] = y0 + r < rowCount ? output + ((long)(y0 + r) * outColumns) : spare;
                    }

                    TransposeRowsToLanes(inRows, columns, transposed);
                    for (var x = 0; x < outWidth; x++)
                    {
                        var w = weights + (x * size);
                        var p = transposed + (((starts[x] * 3) - firstColumn) * Lanes);
                        Vector256<int> r = half, g = half, b = half;
                        for (var i = 0; i < counts[x]; i++, p += 3 * Lanes)
                        {
                            var weight = Vector256.Create(w[i]);
                            r = Avx2.Add(r, Avx2.MultiplyLow(Avx2.ConvertToVector256Int32(p), weight));
                            g = Avx2.Add(g, Avx2.MultiplyLow(Avx2.ConvertToVector256Int32(p + Lanes), weight));
                            b = Avx2.Add(b, Avx2.MultiplyLow(Avx2.ConvertToVector256Int32(p + (2 * Lanes)), weight));
                        }

                        // 32 bytes: the 8 rows of R, G, B, then B again (overwritten by the next pixel or ignored).
                        var packed = Pack(r, g, b, b, order);
                        Avx.Store(transposedOut + (x * 3 * Lanes), packed);
                    }

                    TransposeLanesToRows(transposedOut, outColumns, outRows);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(block);
            ArrayPool<byte>.Shared.Return(outBlock);
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }

    /// <summary>The vertical pass over <paramref name="rows"/>, whose row 0 is source row <paramref name="firstRow"/>.</summary>
    public static unsafe void Columns(RgbPixels rows, ResampleKernel kernel, int firstRow, RgbPixels result)
    {
        var outHeight = kernel.Starts.Length;
        var stride = rows.Stride;
        var size = kernel.Size;
        fixed (byte* input = rows.Data, output = result.Data)
        fixed (int* weights = kernel.Weights, starts = kernel.Starts, counts = kernel.Counts)
        {
            var half = Vector256.Create(Half);
            var order = Vector256.Create(0, 4, 1, 5, 2, 6, 3, 7);
            for (var y = 0; y < outHeight; y++)
            {
                var w = weights + (y * size);
                var count = counts[y];
                var top = input + ((long)(starts[y] - firstRow) * stride);
                var outRow = output + ((long)y * stride);
                if (stride < 32)
                {
                    ColumnsScalar(top, stride, w, count, outRow);
                    continue;
                }

                // 32 bytes at a time; the last chunk is moved back to end at the row's end, recomputing (and
                // rewriting with the same values) up to 31 bytes rather than running a scalar tail.
                for (var c = 0; ; c += 32)
                {
                    if (c > stride - 32)
                    {
                        c = stride - 32;
                    }

                    Vector256<int> a0 = half, a1 = half, a2 = half, a3 = half;
                    var p = top + c;
                    for (var i = 0; i < count; i++, p += stride)
                    {
                        var weight = Vector256.Create(w[i]);
                        a0 = Avx2.Add(a0, Avx2.MultiplyLow(Avx2.ConvertToVector256Int32(p), weight));
                        a1 = Avx2.Add(a1, Avx2.MultiplyLow(Avx2.ConvertToVector256Int32(p + 8), weight));
                        a2 = Avx2.Add(a2, Avx2.MultiplyLow(Avx2.ConvertToVector256Int32(p + 16), weight));
                        a3 = Avx2.Add(a3, Avx2.MultiplyLow(Avx2.ConvertToVector256Int32(p + 24), weight));
                    }

                    Avx.Store(outRow + c, Pack(a0, a1, a2, a3, order));
                    if (c == stride - 32)
                    {
                        break;
                    }
                }
            }
        }
    }

    /// <summary>Four vectors of fixed-point sums to 32 bytes in lane order: clip8 of a0's 8 lanes, then a1's, a2's, a3's.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<byte> Pack(Vector256<int> a0, Vector256<int> a1, Vector256<int> a2, Vector256<int> a3, Vector256<int> order)
    {
        // The packs work within each 128-bit half, leaving 4-byte groups in the order a0 a1 a2 a3 (low lanes) then
        // a0 a1 a2 a3 (high lanes); the permute puts each vector's two groups together.
        var low = Avx2.PackSignedSaturate(
            Avx2.ShiftRightArithmetic(a0, ResampleKernel.PrecisionBits), Avx2.ShiftRightArithmetic(a1, ResampleKernel.PrecisionBits));
        var high = Avx2.PackSignedSaturate(
            Avx2.ShiftRightArithmetic(a2, ResampleKernel.PrecisionBits), Avx2.ShiftRightArithmetic(a3, ResampleKernel.PrecisionBits));
        return Avx2.PermuteVar8x32(Avx2.PackUnsignedSaturate(low, high).AsInt32(), order).AsByte();
    }

    private static unsafe void ColumnsScalar(byte* top, int stride, int* w, int count, byte* outRow)
    {
        for (var c = 0; c < stride; c++)
        {
            var sum = Half;
            var p = top + c;
            for (var i = 0; i < count; i++, p += stride)
            {
                sum += *p * w[i];
            }

            outRow[c] = PilResampler.Clip8(sum);
        }
    }

    /// <summary><c>block[j * 8 + r] = rows[r][j]</c> for <c>j &lt; columns</c>.</summary>
    private static unsafe void TransposeRowsToLanes(byte** rows, int columns, byte* block)
    {
        var j = 0;
        for (; j + Lanes <= columns; j += Lanes)
        {
            Transpose8x8(
                Load8(rows[0] + j), Load8(rows[1] + j), Load8(rows[2] + j), Load8(rows[3] + j),
                Load8(rows[4] + j), Load8(rows[5] + j), Load8(rows[6] + j), Load8(rows[7] + j),
                out var c01, out var c23, out var c45, out var c67);
            var to = block + (j * Lanes);
            Sse2.Store(to, c01);
            Sse2.Store(to + 16, c23);
            Sse2.Store(to + 32, c45);
            Sse2.Store(to + 48, c67);
        }

        for (; j < columns; j++)
        {
            for (var r = 0; r < Lanes; r++)
            {
                block[(j * Lanes) + r] = rows[r][j];
            }
        }
    }

    /// <summary><c>rows[r][j] = block[j * 8 + r]</c> for <c>j &lt; columns</c>.</summary>
    private static unsafe void TransposeLanesToRows(byte* block, int columns, byte** rows)
    {
        var j = 0;
        for (; j + Lanes <= columns; j += Lanes)
        {
            var from = block + (j * Lanes);
            Transpose8x8(
                Load8(from), Load8(from + 8), Load8(from + 16), Load8(from + 24),
                Load8(from + 32), Load8(from + 40), Load8(from + 48), Load8(from + 56),
                out var r01, out var r23, out var r45, out var r67);
            Store8Pair(r01, rows[0] + j, rows[1] + j);
            Store8Pair(r23, rows[2] + j, rows[3] + j);
            Store8Pair(r45, rows[4] + j, rows[5] + j);
            Store8Pair(r67, rows[6] + j, rows[7] + j);
        }

        for (; j < columns; j++)
        {
            for (var r = 0; r < Lanes; r++)
            {
                rows[r][j] = block[(j * Lanes) + r];
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe Vector128<byte> Load8(byte* p) => Sse2.LoadScalarVector128((long*)p).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Store8Pair(Vector128<byte> pair, byte* low, byte* high)
    {
        Sse2.StoreScalar((long*)low, pair.AsInt64());
        Sse2.StoreHigh((double*)high, pair.AsDouble());
    }

    /// <summary>
    /// Transposes the 8 x 8 bytes held in the low halves of <paramref name="m0"/>..<paramref name="m7"/>: the results
    /// hold columns 0 and 1, 2 and 3, 4 and 5, 6 and 7, 8 bytes each.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose8x8(
        Vector128<byte> m0, Vector128<byte> m1, Vector128<byte> m2, Vector128<byte> m3,
        Vector128<byte> m4, Vector128<byte> m5, Vector128<byte> m6, Vector128<byte> m7,
        out Vector128<byte> c01, out Vector128<byte> c23, out Vector128<byte> c45, out Vector128<byte> c67)
    {
        // Byte pairs (m0[j], m1[j]), then quadruples, then octets: each step interleaves twice as many bytes.
        var p01 = Sse2.UnpackLow(m0, m1).AsUInt16();
        var p23 = Sse2.UnpackLow(m2, m3).AsUInt16();
        var p45 = Sse2.UnpackLow(m4, m5).AsUInt16();
        var p67 = Sse2.UnpackLow(m6, m7).AsUInt16();
        var q0 = Sse2.UnpackLow(p01, p23).AsUInt32();
        var q1 = Sse2.UnpackHigh(p01, p23).AsUInt32();
        var q2 = Sse2.UnpackLow(p45, p67).AsUInt32();
        var q3 = Sse2.UnpackHigh(p45, p67).AsUInt32();
        c01 = Sse2.UnpackLow(q0, q2).AsByte();
        c23 = Sse2.UnpackHigh(q0, q2).AsByte();
        c45 = Sse2.UnpackLow(q1, q3).AsByte();
        c67 = Sse2.UnpackHigh(q1, q3).AsByte();
    }
}
