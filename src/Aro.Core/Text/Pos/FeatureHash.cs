namespace Aro.Core.Text.Pos;

/// <summary>
/// 32-bit hashes of tagger features (a template number and one or two strings), so the model stores numbers,
/// not feature strings. FNV-1a over UTF-16 code units plus a final avalanche: fixed by this code, identical on
/// every platform (unlike <see cref="string.GetHashCode()"/>, which is randomised per process). The rare
/// collisions merge two features, which training simply absorbs.
/// </summary>
internal static class FeatureHash
{
    private const uint OffsetBasis = 2166136261;
    private const uint Prime = 16777619;

    public static uint Of(int template, ReadOnlySpan<char> first) => Finish(Add(Start(template), first));

    public static uint Of(int template, ReadOnlySpan<char> first, ReadOnlySpan<char> second) =>
        Finish(Add(Step(Add(Start(template), first), '\u0001'), second));

    public static uint Of(int template, ReadOnlySpan<char> first, ReadOnlySpan<char> second, ReadOnlySpan<char> third) =>
        Finish(Add(Step(Add(Step(Add(Start(template), first), '\u0001'), second), '\u0001'), third));

    private static uint Start(int template) => Step(OffsetBasis, (char)template);

    private static uint Add(uint hash, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            hash = Step(hash, c);
        }

        return hash;
    }

    private static uint Step(uint hash, char c) => unchecked((hash ^ c) * Prime);

    // MurmurHash3's 32-bit finaliser: spreads FNV's weak low bits over the whole word.
    private static uint Finish(uint hash)
    {
        unchecked
        {
            hash ^= hash >> 16;
            hash *= 0x85EBCA6B;
            hash ^= hash >> 13;
            hash *= 0xC2B2AE35;
            hash ^= hash >> 16;
            return hash;
        }
    }
}
