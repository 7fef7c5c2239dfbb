using Aro.Core.Perturbations;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Aro.Core.Models;

/// <summary>One input or output of an ONNX graph as its metadata declares it.</summary>
/// <param name="Name">The tensor name.</param>
/// <param name="ElementType">float32, int64, ...</param>
/// <param name="Dimensions">Sizes; -1 where the axis is dynamic.</param>
/// <param name="DimensionNames">Symbolic names of dynamic axes ("batch"), empty for fixed axes.</param>
public sealed record TensorSignature(string Name, TensorElementType ElementType, IReadOnlyList<int> Dimensions, IReadOnlyList<string> DimensionNames)
{
    public int Rank => Dimensions.Count;

    /// <summary>True when axis <paramref name="axis"/> has no fixed size.</summary>
    public bool IsDynamic(int axis) => Dimensions[axis] <= 0;

    /// <summary>Like <c>input_ids int64 [batch, 77]</c>.</summary>
    public override string ToString() =>
        $"{Name} {TypeName(ElementType)} [{string.Join(", ", Dimensions.Select((d, i) => d > 0 ? d.ToString(System.Globalization.CultureInfo.InvariantCulture) : DimensionNames.ElementAtOrDefault(i) is { Length: > 0 } s ? s : "?"))}]";

    public static TensorSignature From(string name, NodeMetadata metadata) => new(
        name,
        metadata.IsTensor ? metadata.ElementDataType : TensorElementType.DataTypeMax,
        metadata.IsTensor ? metadata.Dimensions : [],
        metadata.IsTensor ? metadata.SymbolicDimensions : []);

    public static string TypeName(TensorElementType type) => type switch
    {
        TensorElementType.Float => "float32",
        TensorElementType.Float16 => "float16",
        TensorElementType.Int64 => "int64",
        TensorElementType.Int32 => "int32",
        TensorElementType.DataTypeMax => "non-tensor",
        _ => type.ToString().ToLowerInvariant(),
    };
}
