using Aro.Core.Perturbations;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Aro.Core.Models;

/// <summary>The <c>input_ids</c> and <c>attention_mask</c> inputs shared by the text and ITM graphs.</summary>
internal static class TokenTensors
{
    /// <summary>
    /// Builds input_ids (the ids, then <paramref name="padId"/>) or attention_mask (1 over the ids, then 0) as a
    /// [rows, <paramref name="length"/>] tensor in the graph's integer type.
    /// </summary>
    public static OrtValue Create(IReadOnlyList<int[]> tokenIds, int length, int padId, TensorElementType type, bool mask)
    {
        var values = new long[tokenIds.Count * length];
        for (var row = 0; row < tokenIds.Count; row++)
        {
            var ids = tokenIds[row];
            var offset = row * length;
            for (var j = 0; j < length; j++)
            {
                values[offset + j] = j < ids.Length ? (mask ? 1 : ids[j]) : (mask ? 0 : padId);
            }
        }

        long[] shape = [tokenIds.Count, length];
        return type == TensorElementType.Int64
            ? OrtValue.CreateTensorValueFromMemory(values, shape)
            : OrtValue.CreateTensorValueFromMemory(Array.ConvertAll(values, v => (int)v), shape);
    }

    /// <summary>The integer [batch, sequence] input <paramref name="inputName"/>, checked; null when absent and optional.</summary>
    public static TensorSignature? FindInput(GraphSignature signature, string inputName, bool required)
    {
        var input = signature.Inputs.FirstOrDefault(i => i.Name == inputName);
        if (input is null)
        {
            return required
                ? throw new AroInputException($"{signature.FileName}: expected an input '{inputName}' int64|int32 [batch, sequence], found {signature.DescribeInputs()}")
                : null;
        }

        if (input.Rank != 2 || input.ElementType is not (TensorElementType.Int64 or TensorElementType.Int32))
        {
            throw new AroInputException($"{signature.FileName}: input {input} should be int64 or int32 [batch, sequence]");
        }

        return input;
    }
}
