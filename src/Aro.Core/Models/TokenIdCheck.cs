using Aro.Core.Text;

namespace Aro.Core.Models;

/// <summary>
/// Checks at load that every id the tokenizer can give, the pad id included, indexes a row of the text graph's token
/// embedding table, where the graph shows the table (<see cref="OnnxGraphFile.TokenTableOf"/>). ONNX Runtime's
/// Gather fails on an id past the table only when a caption holding it is encoded, with an error that names neither
/// the file nor the id; a vocabulary from another model of the same size class would not fail at all.
/// </summary>
internal static class TokenIdCheck
{
    /// <param name="textGraph">The text graph's path.</param>
    /// <param name="idsInput">Its token-id input.</param>
    /// <param name="tokenizer">The loaded tokenizer.</param>
    /// <param name="padSource">Where the pad id comes from, for messages (the manifest's field, or the family default).</param>
    public static void Check(string textGraph, string idsInput, ICaptionTokenizer tokenizer, string padSource)
    {
        if (OnnxGraphFile.Read(textGraph).TokenTableOf(idsInput) is not { } table)
        {
            return;
        }

        var graph = Path.GetFileName(textGraph);
        var rows = $"{graph}'s token embedding table '{table.Initializer}' has {table.Rows} rows (ids 0 to {table.Rows - 1})";
        if (tokenizer is ITokenIdRange range && range.HighestId >= table.Rows)
        {
            throw new AroInputException(
                $"{range.VocabularySource}: token '{range.HighestToken}' has id {range.HighestId}, but {rows}: the tokenizer files do not belong to this text graph");
        }

        if (tokenizer.PadId < 0 || tokenizer.PadId >= table.Rows)
        {
            throw new AroInputException($"{padSource}: pad id {tokenizer.PadId} is not a token id of the text graph: {rows}");
        }
    }
}
