namespace Aro.Core.Tests.Support.Fuzzing;

/// <summary>
/// Format-blind mutations of a byte sequence: truncations, random overwrites and splices. Deterministic for a
/// given <see cref="Random"/> seed, so a failure names an input that can be rebuilt.
/// </summary>
public static class ByteMutations
{
    /// <summary>
    /// Truncations at every offset of the first <paramref name="headerBytes"/> (where format headers live) and at
    /// <paramref name="count"/> offsets spread evenly over the rest.
    /// </summary>
    public static IEnumerable<FuzzInput> Truncations(FuzzInput seed, int count, int headerBytes = 32)
    {
        var length = seed.Bytes.Length;
        var offsets = new SortedSet<int>();
        for (var i = 0; i < Math.Min(headerBytes, length); i++)
        {
            offsets.Add(i);
        }

        for (var i = 1; i <= count; i++)
        {
            offsets.Add((int)((long)length * i / (count + 1)));
        }

        offsets.Add(Math.Max(0, length - 1));
        offsets.Remove(length);
        return offsets.Select(n => new FuzzInput($"{seed.Description}, truncated to {n} bytes", seed.Bytes[..n]));
    }

    /// <summary>
    /// <paramref name="count"/> copies with 1 to 8 bytes replaced by random values; half the copies aim at the
    /// first 128 bytes, where a flipped byte changes what the decoder believes about the rest.
    /// </summary>
    public static IEnumerable<FuzzInput> Overwrites(FuzzInput seed, Random random, int count)
    {
        for (var n = 0; n < count; n++)
        {
            var bytes = (byte[])seed.Bytes.Clone();
            if (bytes.Length == 0)
            {
                yield break;
            }

            var span = n % 2 == 0 ? Math.Min(128, bytes.Length) : bytes.Length;
            var changes = random.Next(1, 9);
            var positions = new List<int>(changes);
            for (var c = 0; c < changes; c++)
            {
                var at = random.Next(span);
                bytes[at] = (byte)random.Next(256);
                positions.Add(at);
            }

            yield return new FuzzInput($"{seed.Description}, bytes overwritten at {string.Join('/', positions)} (#{n})", bytes);
        }
    }

    /// <summary><paramref name="count"/> copies with a range deleted, duplicated, zeroed, or filled with random bytes.</summary>
    public static IEnumerable<FuzzInput> Splices(FuzzInput seed, Random random, int count)
    {
        var length = seed.Bytes.Length;
        if (length < 2)
        {
            yield break;
        }

        for (var n = 0; n < count; n++)
        {
            var start = random.Next(length);
            var size = Math.Min(random.Next(1, 64), length - start);
            var source = seed.Bytes;
            var range = source.AsSpan(start, size);
            var (what, middle) = (n % 4) switch
            {
                0 => ("deleted", Array.Empty<byte>()),
                1 => ("duplicated", [.. range, .. range]),
                2 => ("zeroed", new byte[size]),
                _ => ("randomised", RandomBytes(random, size)),
            };
            byte[] bytes = [.. source.AsSpan(0, start), .. middle, .. source.AsSpan(start + size)];
            yield return new FuzzInput($"{seed.Description}, {size} bytes at {start} {what}", bytes);
        }
    }

    /// <summary>Inputs that are not images at all, or hardly anything.</summary>
    public static IEnumerable<FuzzInput> Garbage(Random random)
    {
        yield return new FuzzInput("zero-length file", []);
        yield return new FuzzInput("one zero byte", [0]);
        yield return new FuzzInput("UTF-8 text", "just some text, not an image\n"u8.ToArray());
        yield return new FuzzInput("JSON", """{"image": "a.jpg"}"""u8.ToArray());
        yield return new FuzzInput("1 KiB of zeros", new byte[1024]);
        yield return new FuzzInput("1 KiB of 0xFF", Enumerable.Repeat((byte)0xFF, 1024).ToArray());
        for (var n = 0; n < 8; n++)
        {
            yield return new FuzzInput($"random bytes #{n}", RandomBytes(random, random.Next(1, 4096)));
        }
    }

    public static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }
}
