using Aro.Core.Perturbations;
using Microsoft.ML.OnnxRuntime;

namespace Aro.Core.Models;

/// <summary>
/// The text graph: <c>input_ids [N, L] int64|int32</c> (+ optional <c>attention_mask</c>) <c>-> text_embeds [N, D]</c>.
/// When L is dynamic, each batch is padded as the family says (<see cref="Families.TextPadding"/>): to its longest
/// caption (exact for CLIP, whose EOT-pooled output cannot see padding under the causal mask, and for BERT-style
/// encoders, which mask it out), or always to the context length (SigLIP pools the last position). float16 outputs
/// (an fp16 export) are widened; a graph with a fixed batch axis runs in calls of that size (<see cref="BatchAxis"/>).
/// </summary>
public sealed class OnnxTextEncoder : ITextEncoder
{
    private readonly InferenceSession _session;
    private readonly TensorSignature _ids;
    private readonly TensorSignature? _mask;
    private readonly string _output;
    private readonly int _padId;

    /// <param name="path">The graph.</param>
    /// <param name="contextLength">Most ids per caption (the tokenizer's).</param>
    /// <param name="padId">The id written after a caption.</param>
    /// <param name="options">ONNX Runtime device and threads.</param>
    /// <param name="embeddingOutput">Chooses the embedding output (the family's rule); default the projected <c>text_embeds</c>.</param>
    /// <param name="padding">How batches are padded (the family's rule).</param>
    /// <param name="inputName">The input that takes the token ids (the manifest's <c>text_input</c>); default <c>input_ids</c>.</param>
    public OnnxTextEncoder(string path, int contextLength, int padId, RuntimeOptions options,
        Func<GraphSignature, string>? embeddingOutput = null, Families.TextPadding padding = Families.TextPadding.TrimToLongest,
        string? inputName = null)
    {
        _session = OnnxSessionFactory.Create(path, options);
        try
        {
            Signature = GraphSignature.Read(path, _session);
            var name = Path.GetFileName(path);
            var idsName = inputName ?? "input_ids";
            if (inputName is not null && Signature.Inputs.All(i => i.Name != inputName))
            {
                throw new AroInputException(
                    $"{name}: aro-model.json names text_input '{inputName}', which the graph does not have; found {Signature.DescribeInputs()}");
            }

            if (inputName is null && Signature.Inputs.All(i => i.Name != idsName) && Signature.Inputs.Count == 1)
            {
                throw new AroInputException(
                    $"{name}: expected an input 'input_ids' int64|int32 [batch, sequence], found {Signature.DescribeInputs()}; if that input takes the token ids (open_clip exports call it 'text'), name it in aro-model.json: \"text_input\": \"{Signature.Inputs[0].Name}\"");
            }

            _ids = TokenTensors.FindInput(Signature, idsName, required: true)!;
            _mask = TokenTensors.FindInput(Signature, "attention_mask", required: false);
            var unknown = Signature.Inputs.Where(i => i.Name != idsName && i.Name != "attention_mask").ToList();
            if (unknown.Count > 0)
            {
                throw new AroInputException(
                    $"{name}: unexpected inputs {string.Join("; ", unknown)}; a text encoder takes {idsName} [batch, sequence] and optionally attention_mask");
            }

            FixedBatchSize = BatchAxis.Fixed(Signature);

            if (!_ids.IsDynamic(1))
            {
                FixedSequenceLength = _ids.Dimensions[1];
                if (FixedSequenceLength < contextLength)
                {
                    throw new AroInputException(
                        $"{name}: input {_ids} takes exactly {FixedSequenceLength} tokens but the tokenizer makes up to {contextLength}");
                }
            }

            _output = embeddingOutput?.Invoke(Signature) ?? GraphOutputs.ProjectedEmbedding(Signature, Families.Tower.Text, null);
            _padId = padId;
            if (padding == Families.TextPadding.FullContext)
            {
                FixedSequenceLength ??= contextLength;
            }
        }
        catch
        {
            _session.Dispose();
            throw;
        }
    }

    public GraphSignature Signature { get; }

    /// <summary>The output read as the text embedding (the family's rule).</summary>
    public string EmbeddingOutput => _output;

    public int? FixedSequenceLength { get; }

    /// <summary>The batch size the graph demands, or null when its batch axis is dynamic.</summary>
    public int? FixedBatchSize { get; }

    public IReadOnlyList<float[]> Encode(IReadOnlyList<int[]> tokenIds, CancellationToken cancellationToken = default)
    {
        if (FixedBatchSize is not { } batch)
        {
            return Run(tokenIds, tokenIds.Count, cancellationToken);
        }

        var result = new List<float[]>(tokenIds.Count);
        for (var start = 0; start < tokenIds.Count; start += batch)
        {
            var take = Math.Min(batch, tokenIds.Count - start);
            var chunk = new int[batch][];
            for (var i = 0; i < batch; i++)
            {
                // The last call of a fixed batch repeats its last caption; the repeats' rows are dropped.
                chunk[i] = tokenIds[start + Math.Min(i, take - 1)];
            }

            result.AddRange(Run(chunk, take, cancellationToken));
        }

        return result;
    }

    /// <summary>One graph run over <paramref name="tokenIds"/>; the first <paramref name="take"/> embeddings are returned.</summary>
    private float[][] Run(IReadOnlyList<int[]> tokenIds, int take, CancellationToken cancellationToken)
    {
        var count = tokenIds.Count;
        var length = FixedSequenceLength ?? tokenIds.Max(t => t.Length);
        var names = new List<string> { _ids.Name };
        var values = new List<OrtValue>();
        try
        {
            values.Add(TokenTensors.Create(tokenIds, length, _padId, _ids.ElementType, mask: false));
            if (_mask is not null)
            {
                names.Add(_mask.Name);
                values.Add(TokenTensors.Create(tokenIds, length, _padId, _mask.ElementType, mask: true));
            }

            using var outputs = OrtRuns.Run(_session, names, values, [_output], cancellationToken);
            var rows = GraphOutputs.ReadRows(outputs[0], count, _output, Signature.FileName, take);
            // ReadRows copied each row out of the output tensor, so it can be normalised where it stands.
            foreach (var row in rows)
            {
                VectorMath.NormalizeInPlace(row);
            }

            return rows;
        }
        finally
        {
            foreach (var value in values)
            {
                value.Dispose();
            }
        }
    }

    public void Dispose() => _session.Dispose();
}
