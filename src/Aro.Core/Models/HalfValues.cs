using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;

namespace Aro.Core.Models;

/// <summary>
/// float32 to and from ONNX Runtime's <see cref="Float16"/> through .NET's <see cref="Half"/>: narrowing rounds to the
/// nearest float16, ties to even (IEEE 754, as PyTorch's <c>.half()</c>), widening is exact.
/// </summary>
internal static class HalfValues
{
    public static Float16[] Narrow(ReadOnlySpan<float> values)
    {
        var half = new Float16[values.Length];
        var bits = MemoryMarshal.Cast<Float16, ushort>(half.AsSpan());
        for (var i = 0; i < values.Length; i++)
        {
            bits[i] = BitConverter.HalfToUInt16Bits((Half)values[i]);
        }

        return half;
    }

    public static void Widen(ReadOnlySpan<Float16> values, Span<float> destination)
    {
        var bits = MemoryMarshal.Cast<Float16, ushort>(values);
        for (var i = 0; i < bits.Length; i++)
        {
            destination[i] = (float)BitConverter.UInt16BitsToHalf(bits[i]);
        }
    }
}
