using Aro.Core.Imaging;
using Aro.Core.Perturbations;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Aro.Core.Models;

/// <summary>
/// The vision graph: <c>pixel_values [N, 3, H, W] float32 -> image_embeds [N, D]</c> (and, for BLIP,
/// <c>image_feats [N, T, W]</c>). Names and shapes come from the session metadata and are checked against the
/// image transform at load, so a package that does not fit fails before any image is read. A float16 graph (an fp16
/// export) is fed float16 pixels and its float16 outputs are widened; a graph with a fixed batch axis runs in calls
/// of that size (<see cref="BatchAxis"/>).
/// </summary>
public sealed class OnnxImageEncoder : IImageEncoder
{
    private readonly InferenceSession _session;
    private readonly TensorSignature _input;
    private readonly string _embeddingOutput;
    private readonly string? _featuresOutput;
    private readonly int _height;
    private readonly int _width;
    private readonly string[] _outputNames;

    /// <param name="path">The graph.</param>
    /// <param name="transform">The package's image transform (the input must fit it).</param>
    /// <param name="options">ONNX Runtime device and threads.</param>
    /// <param name="needFeatures">Also read BLIP's <c>image_feats</c> for its ITM head.</param>
    /// <param name="embeddingOutput">Chooses the embedding output (the family's rule); default the projected <c>image_embeds</c>.</param>
    /// <param name="inputName">The input that takes the pixels (the manifest's <c>vision_input</c>); default the graph's only input.</param>
    public OnnxImageEncoder(string path, ImageTransformSpec transform, RuntimeOptions options, bool needFeatures = false,
        Func<GraphSignature, string>? embeddingOutput = null, string? inputName = null)
    {
        _session = OnnxSessionFactory.Create(path, options);
        try
        {
            Signature = GraphSignature.Read(path, _session);
            var name = Path.GetFileName(path);
            _input = FindPixelInput(Signature, name, inputName);
            FixedBatchSize = BatchAxis.Fixed(Signature);
            _height = transform.Height;
            _width = transform.Width;
            CheckAxis(_input, 1, 3, "channels", name);
            CheckAxis(_input, 2, _height, "height (from the image transform)", name);
            CheckAxis(_input, 3, _width, "width (from the image transform)", name);
            _embeddingOutput = embeddingOutput?.Invoke(Signature) ?? GraphOutputs.ProjectedEmbedding(Signature, Families.Tower.Image, null);
            if (needFeatures)
            {
                _featuresOutput = Signature.Outputs.FirstOrDefault(o => o.Name == "image_feats" && o.Rank == 3)?.Name
                    ?? throw new AroInputException(
                        $"{name}: ITM scoring needs an output 'image_feats' [batch, tokens, width]; found {Signature.DescribeOutputs()}");
            }

            _outputNames = _featuresOutput is null ? [_embeddingOutput] : [_embeddingOutput, _featuresOutput];
        }
        catch
        {
            _session.Dispose();
            throw;
        }
    }

    public GraphSignature Signature { get; }

    /// <summary>The output read as the image embedding (the family's rule).</summary>
    public string EmbeddingOutput => _embeddingOutput;

    /// <summary>The batch size the graph demands, or null when its batch axis is dynamic.</summary>
    public int? FixedBatchSize { get; }

    public IReadOnlyList<ImageEncoding> Encode(float[] pixels, int count, CancellationToken cancellationToken = default)
    {
        var length = 3 * _height * _width;
        if (pixels.Length < count * length)
        {
            throw new ArgumentException($"{count} images need {count * length} floats, got {pixels.Length}", nameof(pixels));
        }

        if (FixedBatchSize is not { } batch)
        {
            return Run(pixels, 0, count, count, cancellationToken);
        }

        var result = new List<ImageEncoding>(count);
        float[]? padded = null;
        for (var start = 0; start < count; start += batch)
        {
            var take = Math.Min(batch, count - start);
            if (take == batch && pixels.Length >= (start + batch) * length)
            {
                result.AddRange(Run(pixels, start * length, batch, take, cancellationToken));
                continue;
            }

            // The last call of a fixed batch: the images, then blank ones whose rows are dropped.
            padded ??= new float[batch * length];
            Array.Clear(padded);
            Array.Copy(pixels, start * length, padded, 0, take * length);
            result.AddRange(Run(padded, 0, batch, take, cancellationToken));
        }

        return result;
    }

    /// <summary>One graph run over <paramref name="rows"/> images from <paramref name="offset"/>; the first <paramref name="take"/> are returned.</summary>
    private ImageEncoding[] Run(float[] pixels, int offset, int rows, int take, CancellationToken cancellationToken)
    {
        var length = 3 * _height * _width;
        long[] shape = [rows, 3, _height, _width];
        using var input = _input.ElementType == TensorElementType.Float16
            ? OrtValue.CreateTensorValueFromMemory(HalfValues.Narrow(pixels.AsSpan(offset, rows * length)), shape)
            : OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, new Memory<float>(pixels, offset, rows * length), shape);
        using var outputs = OrtRuns.Run(_session, [_input.Name], [input], _outputNames, cancellationToken);
        var embeddings = GraphOutputs.ReadRows(outputs[0], rows, _embeddingOutput, Signature.FileName, take);
        var features = _featuresOutput is null ? null : GraphOutputs.ReadRows(outputs[1], rows, _featuresOutput, Signature.FileName, take);
        var result = new ImageEncoding[take];
        for (var i = 0; i < take; i++)
        {
            VectorMath.NormalizeInPlace(embeddings[i]);
            result[i] = new ImageEncoding(embeddings[i], features?[i]);
        }

        return result;
    }

    public void Dispose() => _session.Dispose();

    private static TensorSignature FindPixelInput(GraphSignature signature, string name, string? inputName)
    {
        if (inputName is not null && signature.Inputs.All(i => i.Name != inputName))
        {
            throw new AroInputException(
                $"{name}: aro-model.json names vision_input '{inputName}', which the graph does not have; found {signature.DescribeInputs()}");
        }

        if (signature.Inputs.Count != 1)
        {
            throw new AroInputException(
                $"{name}: expected one input pixel_values float32 [batch, 3, height, width], found {signature.DescribeInputs()}");
        }

        var input = signature.Inputs[0];
        if (input.Rank != 4 || input.ElementType is not (TensorElementType.Float or TensorElementType.Float16))
        {
            throw new AroInputException($"{name}: expected input float32 [batch, 3, height, width], found {input}");
        }

        return input;
    }

    private static void CheckAxis(TensorSignature input, int axis, int expected, string what, string name)
    {
        if (!input.IsDynamic(axis) && input.Dimensions[axis] != expected)
        {
            throw new AroInputException(
                $"{name}: input axis {axis} ({what}) is {input.Dimensions[axis]} but the package's transform gives {expected}: found {input}, expected [batch, 3, {Math.Max(expected, 3)}...]");
        }
    }
}
