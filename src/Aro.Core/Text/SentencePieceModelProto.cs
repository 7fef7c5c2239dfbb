using Google.Protobuf;

namespace Aro.Core.Text;

/// <summary>
/// The parts of a SentencePiece <c>ModelProto</c> (sentencepiece_model.proto) that aro reads, writes or patches
/// before Microsoft.ML.Tokenizers' <see cref="Microsoft.ML.Tokenizers.SentencePieceTokenizer"/> loads it. The
/// library takes a serialised proto only, so a vocabulary read from tokenizer.json is written back into one.
/// </summary>
internal static class SentencePieceModelProto
{
    // ModelProto fields
    private const int PiecesField = 1;
    private const int TrainerSpecField = 2;
    private const int NormalizerSpecField = 3;

    // SentencePiece fields
    private const int PieceField = 1;
    private const int ScoreField = 2;
    private const int TypeField = 3;

    // TrainerSpec fields
    private const int ModelTypeField = 3;
    private const int ByteFallbackField = 35;
    private const int UnkIdField = 40;
    private const int BosIdField = 41;
    private const int EosIdField = 42;
    private const int PadIdField = 43;
    private const int UnkPieceField = 45;
    private const int BosPieceField = 46;
    private const int EosPieceField = 47;
    private const int PadPieceField = 48;

    // NormalizerSpec fields
    private const int NameField = 1;
    private const int PrecompiledCharsmapField = 2;
    private const int AddDummyPrefixField = 3;
    private const int RemoveExtraWhitespacesField = 4;
    private const int EscapeWhitespacesField = 5;

    public const int UnigramModelType = 1;

    /// <summary>Reads the piece count, the model type and the special ids (proto defaults where absent).</summary>
    public static SentencePieceModelSummary Read(byte[] model, string source)
    {
        try
        {
            var input = new CodedInputStream(model);
            var pieces = 0;
            var summary = new SentencePieceModelSummary(0, UnigramModelType, 0, 1, 2, -1, "</s>", false);
            uint tag;
            while ((tag = input.ReadTag()) != 0)
            {
                switch (WireFormat.GetTagFieldNumber(tag))
                {
                    case PiecesField when WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited:
                        input.SkipLastField();
                        pieces++;
                        break;
                    case TrainerSpecField when WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited:
                        summary = ReadTrainerSpec(input.ReadBytes(), summary);
                        break;
                    default:
                        input.SkipLastField();
                        break;
                }
            }

            return summary with { Pieces = pieces };
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new AroInputException($"{source}: not a SentencePiece model ({ex.Message})", ex);
        }
    }

    /// <summary>
    /// The model with two fields overridden the way protobuf merges a repeated message field: the normaliser's
    /// <c>add_dummy_prefix</c> switched off (transformers' SiglipTokenizer loads spiece.model so and adds the U+2581
    /// itself), and <c>bos_id</c>/<c>bos_piece</c> set to the end token: T5 and SigLIP models have no <c>&lt;s&gt;</c>
    /// (bos_id -1), which Microsoft.ML.Tokenizers 2.0's Unigram loader indexes and fails on. aro never adds a
    /// beginning-of-sentence token, so that id is never written.
    /// </summary>
    public static byte[] ForSiglip(byte[] model, int eosId, string eosPiece)
    {
        using var buffer = new MemoryStream();
        buffer.Write(model);
        var output = new CodedOutputStream(buffer, leaveOpen: true);
        WriteMessage(output, TrainerSpecField, o =>
        {
            WriteInt(o, BosIdField, eosId);
            WriteString(o, BosPieceField, eosPiece);
        });
        WriteMessage(output, NormalizerSpecField, o => WriteBool(o, AddDummyPrefixField, false));
        output.Flush();
        return buffer.ToArray();
    }

    /// <summary>
    /// A Unigram model from a vocabulary (pieces in id order), for SigLIP's pipeline: no dummy prefix, extra
    /// whitespace removed and spaces escaped to U+2581 as in T5's spiece.model, the given character map.
    /// </summary>
    public static byte[] BuildUnigram(IReadOnlyList<SentencePieceEntry> pieces, int unkId, int eosId, int padId, byte[]? precompiledCharsmap)
    {
        using var buffer = new MemoryStream();
        var output = new CodedOutputStream(buffer, leaveOpen: true);
        foreach (var entry in pieces)
        {
            WriteMessage(output, PiecesField, o =>
            {
                WriteString(o, PieceField, entry.Piece);
                o.WriteTag(ScoreField, WireFormat.WireType.Fixed32);
                o.WriteFloat(entry.Score);
                WriteInt(o, TypeField, (int)entry.Type);
            });
        }

        WriteMessage(output, TrainerSpecField, o =>
        {
            WriteInt(o, ModelTypeField, UnigramModelType);
            WriteInt(o, UnkIdField, unkId);
            WriteInt(o, BosIdField, eosId);
            WriteInt(o, EosIdField, eosId);
            WriteInt(o, PadIdField, padId);
            WriteString(o, UnkPieceField, pieces[unkId].Piece);
            WriteString(o, BosPieceField, pieces[eosId].Piece);
            WriteString(o, EosPieceField, pieces[eosId].Piece);
            if (padId >= 0)
            {
                WriteString(o, PadPieceField, pieces[padId].Piece);
            }
        });
        WriteMessage(output, NormalizerSpecField, o =>
        {
            WriteString(o, NameField, precompiledCharsmap is null ? "identity" : "user_defined");
            if (precompiledCharsmap is not null)
            {
                o.WriteTag(PrecompiledCharsmapField, WireFormat.WireType.LengthDelimited);
                o.WriteBytes(ByteString.CopyFrom(precompiledCharsmap));
            }

            WriteBool(o, AddDummyPrefixField, false);
            WriteBool(o, RemoveExtraWhitespacesField, true);
            WriteBool(o, EscapeWhitespacesField, true);
        });
        output.Flush();
        return buffer.ToArray();
    }

    private static SentencePieceModelSummary ReadTrainerSpec(ByteString bytes, SentencePieceModelSummary summary)
    {
        var input = bytes.CreateCodedInput();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            var isVarint = WireFormat.GetTagWireType(tag) == WireFormat.WireType.Varint;
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case ModelTypeField when isVarint:
                    summary = summary with { ModelType = input.ReadInt32() };
                    break;
                case UnkIdField when isVarint:
                    summary = summary with { UnkId = input.ReadInt32() };
                    break;
                case BosIdField when isVarint:
                    summary = summary with { BosId = input.ReadInt32() };
                    break;
                case EosIdField when isVarint:
                    summary = summary with { EosId = input.ReadInt32() };
                    break;
                case PadIdField when isVarint:
                    summary = summary with { PadId = input.ReadInt32() };
                    break;
                case EosPieceField when WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited:
                    summary = summary with { EosPiece = input.ReadString() };
                    break;
                case ByteFallbackField when isVarint:
                    summary = summary with { ByteFallback = input.ReadBool() };
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }

        return summary;
    }

    private static void WriteMessage(CodedOutputStream output, int field, Action<CodedOutputStream> body)
    {
        using var inner = new MemoryStream();
        var innerOutput = new CodedOutputStream(inner, leaveOpen: true);
        body(innerOutput);
        innerOutput.Flush();
        output.WriteTag(field, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(ByteString.CopyFrom(inner.ToArray()));
    }

    private static void WriteInt(CodedOutputStream output, int field, int value)
    {
        output.WriteTag(field, WireFormat.WireType.Varint);
        output.WriteInt32(value);
    }

    private static void WriteBool(CodedOutputStream output, int field, bool value)
    {
        output.WriteTag(field, WireFormat.WireType.Varint);
        output.WriteBool(value);
    }

    private static void WriteString(CodedOutputStream output, int field, string value)
    {
        output.WriteTag(field, WireFormat.WireType.LengthDelimited);
        output.WriteString(value);
    }
}

/// <summary>What <see cref="SentencePieceModelProto.Read"/> finds in a model file.</summary>
internal sealed record SentencePieceModelSummary(int Pieces, int ModelType, int UnkId, int BosId, int EosId, int PadId, string EosPiece, bool ByteFallback);
