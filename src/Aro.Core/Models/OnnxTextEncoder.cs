using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Aro.Core.Models;

/// <summary>
/// The text graph: <c>input_ids [N, L] int64|int32</c> (+ optional <c>attention_mask</c>) <c>-> text_embeds [N, D]</c>.
/// When L is dynamic, each batch is padded only to its longest caption: exact for CLIP, whose EOT-pooled output
/// cannot see padding under the causal mask, and for BERT-style encoders, which mask it out.
/// </summary>
public sealed class OnnxTextEncoder : ITextEncoder
{
    private readonly InferenceSession _session;
    private readonly TensorSignature _ids;
    private readonly TensorSignature? _mask;
    private readonly string _output;
    private readonly int _padId;

    public OnnxTextEncoder(string path, int contextLength, int padId, RuntimeOptions options)
    {
        _session = OnnxSessionFactory.Create(path, options);
        try
        {
            Signature = GraphSignature.Read(path, _session);
            var name = Path.GetFileName(path);
            _ids = TokenInput(Signature, "input_ids", name, required: true)!;
            _mask = TokenInput(Signature, "attention_mask", name, required: false);
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

            _output = GraphOutputs.FindEmbedding(Signature, "text_embeds", name);
            _padId = padId;
        }
        catch
        {
            _session.Dispose();
            throw;
        }
    }

    public GraphSignature Signature { get; }

    public int? FixedSequenceLength { get; }

    public IReadOnlyList<float[]> Encode(IReadOnlyList<int[]> tokenIds)
    {
        var count = tokenIds.Count;
        var length = FixedSequenceLength ?? tokenIds.Max(t => t.Length);
        long[] shape = [count, length];
        var names = new List<string> { _ids.Name };
        var values = new List<OrtValue>();
        try
        {
            values.Add(CreateTokens(tokenIds, length, shape, _ids.ElementType, mask: false));
            if (_mask is not null)
            {
                names.Add(_mask.Name);
                values.Add(CreateTokens(tokenIds, length, shape, _mask.ElementType, mask: true));
            }

            using var runOptions = new RunOptions();
            using var outputs = _session.Run(runOptions, names, values, [_output]);
            var rows = GraphOutputs.ReadRows(outputs[0], count, _output, Signature.FileName);
            return [.. rows.Select(r => VectorMath.Normalize(r))];
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

    /// <summary>
    /// Builds input_ids (the ids, then the pad id) or attention_mask (1 over the ids, then 0) in the graph's
    /// integer type.
    /// </summary>
    private OrtValue CreateTokens(IReadOnlyList<int[]> tokenIds, int length, long[] shape, TensorElementType type, bool mask)
    {
        var values = new long[tokenIds.Count * length];
        for (var row = 0; row < tokenIds.Count; row++)
        {
            var ids = tokenIds[row];
            var offset = row * length;
            for (var j = 0; j < length; j++)
            {
                values[offset + j] = j < ids.Length ? (mask ? 1 : ids[j]) : (mask ? 0 : _padId);
            }
        }

        return type == TensorElementType.Int64
            ? OrtValue.CreateTensorValueFromMemory(values, shape)
            : OrtValue.CreateTensorValueFromMemory(Array.ConvertAll(values, v => (int)v), shape);
    }

    private static TensorSignature? TokenInput(GraphSignature signature, string inputName, string fileName, bool required)
    {
        var input = signature.Inputs.FirstOrDefault(i => i.Name == inputName);
        if (input is null)
        {
            return required
                ? throw new AroInputException($"{fileName}: expected an input '{inputName}' int64 [batch, sequence], found {signature.DescribeInputs()}")
                : null;
        }

        if (input.Rank != 2 || input.ElementType is not (TensorElementType.Int64 or TensorElementType.Int32))
        {
            throw new AroInputException($"{fileName}: input {input} should be int64 or int32 [batch, sequence]");
        }

        return input;
    }
}
