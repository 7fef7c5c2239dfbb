namespace Aro.Core.Text;

/// <summary>One piece of a SentencePiece vocabulary: its text, its log-probability score and its kind.</summary>
public sealed record SentencePieceEntry(string Piece, float Score, SentencePieceType Type);

/// <summary>SentencePiece's piece kinds (sentencepiece_model.proto, <c>SentencePiece.Type</c>).</summary>
public enum SentencePieceType
{
    /// <summary>An ordinary piece the segmentation may choose.</summary>
    Normal = 1,

    /// <summary>The unknown piece, <c>&lt;unk&gt;</c>.</summary>
    Unknown = 2,

    /// <summary>A control piece that text never produces (<c>&lt;pad&gt;</c>, <c>&lt;/s&gt;</c>).</summary>
    Control = 3,
}
