using System.Buffers;
using Aro.Core.Perturbations;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Aro.Core.Models;

/// <summary>
/// BLIP's image-text matching graph: <c>image_feats [N, T, W] float32, input_ids, attention_mask [N, L] int64|int32
/// -> itm_logits [N, 2]</c>. Names, ranks and types are checked at load. Pairs run in chunks whose feature tensor
/// stays under a fixed size: every pair carries its image's whole token matrix (577 x 768 floats, 1.7 MiB, for
/// real BLIP), so one run over a whole batch of options would cost hundreds of megabytes. A graph with a fixed batch
/// axis runs in chunks of exactly that size, the last padded with repeats of its last pair (<see cref="BatchAxis"/>);
/// float16 features and logits (an fp16 export) are narrowed and widened.
/// </summary>
public sealed class OnnxItmEncoder : IItmEncoder
{
    public const string FeaturesInput = "image_feats";
    public const string IdsInput = "input_ids";
    public const string MaskInput = "attention_mask";
    public const string LogitsOutput = "itm_logits";

    /// <summary>8 Mi floats (32 MiB) of features per run: 18 real-BLIP pairs.</summary>
    public const int DefaultMaxFeatureFloatsPerRun = 8 * 1024 * 1024;

    /// <summary>At most this many pairs per run however small the features.</summary>
    public const int MaxPairsPerRun = 32;

    private readonly InferenceSession _session;
    private readonly TensorSignature _features;
    private readonly TensorSignature _ids;
    private readonly TensorSignature _mask;
    private readonly string _output;
    private readonly int _padId;
    private readonly int _maxFeatureFloatsPerRun;

    /// <param name="path">The <c>itm_model.onnx</c> graph.</param>
    /// <param name="contextLength">The most ids a caption has (the tokenizer's context length).</param>
    /// <param name="padId">The id written after a caption up to the chunk's length.</param>
    /// <param name="options">ONNX Runtime device and threads.</param>
    /// <param name="featureWidth">The width W of the vision graph's <c>image_feats</c>, when the ITM graph leaves it dynamic.</param>
    /// <param name="maxFeatureFloatsPerRun">Bound on the feature tensor of one run (at least one pair always runs).</param>
    public OnnxItmEncoder(string path, int contextLength, int padId, RuntimeOptions options, int? featureWidth = null,
        int maxFeatureFloatsPerRun = DefaultMaxFeatureFloatsPerRun)
    {
        _session = OnnxSessionFactory.Create(path, options);
        try
        {
            Signature = GraphSignature.Read(path, _session);
            var name = Signature.FileName;
            var names = Signature.Inputs.Select(i => i.Name).Order(StringComparer.Ordinal).ToList();
            if (!names.SequenceEqual([MaskInput, FeaturesInput, IdsInput]))
            {
                throw new AroInputException(
                    $"{name}: expected the ITM inputs {FeaturesInput} float32 [batch, tokens, width], {IdsInput} int64|int32 [batch, sequence], {MaskInput} int64|int32 [batch, sequence]; found {Signature.DescribeInputs()}");
            }

            _features = Signature.Inputs.Single(i => i.Name == FeaturesInput);
            if (_features.Rank != 3 || _features.ElementType is not (TensorElementType.Float or TensorElementType.Float16))
            {
                throw new AroInputException($"{name}: input {_features} should be float32 [batch, tokens, width]");
            }

            FeatureTokens = _features.IsDynamic(1) ? null : _features.Dimensions[1];
            FeatureWidth = ResolveWidth(name, featureWidth);
            _ids = TokenTensors.FindInput(Signature, IdsInput, required: true)!;
            _mask = TokenTensors.FindInput(Signature, MaskInput, required: true)!;
            if (!_ids.IsDynamic(1))
            {
                FixedSequenceLength = _ids.Dimensions[1];
                if (FixedSequenceLength < contextLength)
                {
                    throw new AroInputException(
                        $"{name}: input {_ids} takes exactly {FixedSequenceLength} tokens but the tokenizer makes up to {contextLength}");
                }
            }

            _output = FindLogits(Signature);
            FixedBatchSize = BatchAxis.Fixed(Signature);
            _padId = padId;
            _maxFeatureFloatsPerRun = Math.Max(1, maxFeatureFloatsPerRun);
        }
        catch
        {
            _session.Dispose();
            throw;
        }
    }

    public GraphSignature Signature { get; }

    /// <summary>The number of vision tokens T the graph demands, or null when that axis is dynamic.</summary>
    public int? FeatureTokens { get; }

    /// <summary>The feature width W: from the graph, or from the vision graph when the ITM graph leaves it dynamic.</summary>
    public int FeatureWidth { get; }

    /// <summary>The fixed sequence length the graph demands, or null when its sequence axis is dynamic.</summary>
    public int? FixedSequenceLength { get; }

    /// <summary>The batch size the graph demands, or null when its batch axis is dynamic.</summary>
    public int? FixedBatchSize { get; }

    public IReadOnlyList<float[]> Logits(IReadOnlyList<ItmPair> pairs, CancellationToken cancellationToken = default)
    {
        var result = new List<float[]>(pairs.Count);
        var start = 0;
        while (start < pairs.Count)
        {
            var count = ChunkLength(pairs, start);
            result.AddRange(Run(pairs, start, count, cancellationToken));
            start += count;
        }

        return result;
    }

    public void Dispose() => _session.Dispose();

    private int ChunkLength(IReadOnlyList<ItmPair> pairs, int start)
    {
        long floats = 0;
        var count = 0;
        while (start + count < pairs.Count && count < (FixedBatchSize ?? MaxPairsPerRun))
        {
            var next = pairs[start + count].ImageFeatures.Length;
            if (count > 0 && floats + next > _maxFeatureFloatsPerRun)
            {
                break;
            }

            floats += next;
            count++;
        }

        return count;
    }

    private float[][] Run(IReadOnlyList<ItmPair> pairs, int start, int take, CancellationToken cancellationToken)
    {
        var featureLength = pairs[start].ImageFeatures.Length;
        var tokens = CheckFeatures(featureLength);
        var count = FixedBatchSize ?? take;
        var ids = new int[count][];
        var buffer = ArrayPool<float>.Shared.Rent(count * featureLength);
        try
        {
            for (var i = 0; i < count; i++)
            {
                var pair = pairs[start + Math.Min(i, take - 1)];
                if (pair.ImageFeatures.Length != featureLength)
                {
                    throw new AroException($"{Signature.FileName}: image features of {pair.ImageFeatures.Length} and {featureLength} values in one batch");
                }

                pair.ImageFeatures.CopyTo(buffer, i * featureLength);
                ids[i] = pair.TokenIds;
            }

            var length = FixedSequenceLength ?? ids.Max(t => t.Length);
            if (ids.Any(t => t.Length > length))
            {
                throw new AroException($"{Signature.FileName}: a caption has more than the {length} tokens the graph takes");
            }

            long[] shape = [count, tokens, FeatureWidth];
            using var features = _features.ElementType == TensorElementType.Float16
                ? OrtValue.CreateTensorValueFromMemory(HalfValues.Narrow(buffer.AsSpan(0, count * featureLength)), shape)
                : OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, new Memory<float>(buffer, 0, count * featureLength), shape);
            using var idsValue = TokenTensors.Create(ids, length, _padId, _ids.ElementType, mask: false);
            using var maskValue = TokenTensors.Create(ids, length, _padId, _mask.ElementType, mask: true);
            using var outputs = OrtRuns.Run(_session, [FeaturesInput, IdsInput, MaskInput], [features, idsValue, maskValue], [_output], cancellationToken);
            var rows = GraphOutputs.ReadRows(outputs[0], count, _output, Signature.FileName, take);
            if (rows[0].Length != 2)
            {
                throw new AroException($"{Signature.FileName}: output '{_output}' has {rows[0].Length} values per pair, expected 2 ([no match, match])");
            }

            return rows;
        }
        finally
        {
            ArrayPool<float>.Shared.Return(buffer);
        }
    }

    /// <summary>The token count T of one image's features, checked against the graph.</summary>
    private int CheckFeatures(int featureLength)
    {
        if (featureLength == 0 || featureLength % FeatureWidth != 0)
        {
            throw new AroInputException(
                $"{Signature.FileName}: an image has {featureLength} feature values, not a whole number of {FeatureWidth}-wide tokens; the vision graph's image_feats does not fit {_features}");
        }

        var tokens = featureLength / FeatureWidth;
        if (FeatureTokens is { } expected && tokens != expected)
        {
            throw new AroInputException(
                $"{Signature.FileName}: an image has {tokens} feature tokens but {_features} takes {expected}");
        }

        return tokens;
    }

    private int ResolveWidth(string name, int? visionWidth)
    {
        if (!_features.IsDynamic(2))
        {
            var width = _features.Dimensions[2];
            return visionWidth is { } other && other != width
                ? throw new AroInputException(
                    $"{name}: input {_features} takes {width}-wide image features but the vision graph's image_feats are {other} wide")
                : width;
        }

        return visionWidth ?? throw new AroInputException(
            $"{name}: input {_features} leaves the feature width dynamic and the vision graph does not declare it; export image_feats with a fixed width");
    }

    private static string FindLogits(GraphSignature signature)
    {
        static bool IsFloat(TensorSignature o) => o.ElementType is TensorElementType.Float or TensorElementType.Float16;
        var floats = signature.Outputs.Where(o => o.Rank == 2 && IsFloat(o)).ToList();
        var output = signature.Outputs.FirstOrDefault(o => o.Name == LogitsOutput) ?? (floats.Count == 1 ? floats[0] : null);
        if (output is null || output.Rank != 2 || !IsFloat(output) || (!output.IsDynamic(1) && output.Dimensions[1] != 2))
        {
            throw new AroInputException(
                $"{signature.FileName}: expected an output '{LogitsOutput}' float32 [batch, 2], found {signature.DescribeOutputs()}");
        }

        return output.Name;
    }
}
