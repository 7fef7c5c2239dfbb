using Aro.Core.Perturbations;
using Microsoft.ML.OnnxRuntime;

namespace Aro.Core.Models;

/// <summary>
/// The text graph: <c>input_ids [N, L] int64|int32</c> (+ optional <c>attention_mask</c>) <c>-> text_embeds [N, D]</c>.
/// When L is dynamic, each batch is padded as the family says (<see cref="Families.TextPadding"/>): to its longest
/// caption (exact for CLIP, whose EOT-pooled output cannot see padding under the causal mask, and for BERT-style
/// encoders, which mask it out), or always to the context length (SigLIP pools the last position).
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
    public OnnxTextEncoder(string path, int contextLength, int padId, RuntimeOptions options,
        Func<GraphSignature, string>? embeddingOutput = null, Families.TextPadding padding = Families.TextPadding.TrimToLongest)
    {
        _session = OnnxSessionFactory.Create(path, options);
        try
        {
            Signature = GraphSignature.Read(path, _session);
            var name = Path.GetFileName(path);
            _ids = TokenTensors.FindInput(Signature, "input_ids", required: true)!;
            _mask = TokenTensors.FindInput(Signature, "attention_mask", required: false);
            var unknown = Signature.Inputs.Where(i => i.Name is not "input_ids" and not "attention_mask").ToList();
            if (unknown.Count > 0)
            {
                throw new AroInputException(
                    $"{name}: unexpected inputs {string.Join("; ", unknown)}; a text encoder takes input_ids [batch, sequence] and optionally attention_mask");
            }

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

    public IReadOnlyList<float[]> Encode(IReadOnlyList<int[]> tokenIds, CancellationToken cancellationToken = default)
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
            var rows = GraphOutputs.ReadRows(outputs[0], count, _output, Signature.FileName);
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
