using System.Buffers.Binary;

namespace Aro.Core.Imaging;

/// <summary>
/// The first frame of a GIF as Pillow 9.4 gives it after <c>convert("RGB")</c> (PIL/GifImagePlugin.py,
/// libImaging/GifDecode.c). Skia's decoder differs in three ways, each measured up to 254 levels: it makes the
/// transparent index and the screen outside the frame transparent black, and indices past the colour table black.
/// Pillow instead keeps indices: the canvas (the logical screen, grown to hold the frame) starts filled with the
/// transparency index (index 0 without one), the frame's indices are written over it, and every index becomes the
/// colour-table entry, or the grey (i, i, i) of Pillow's initial palette past the table's end. Transparency is not
/// applied: <c>convert("RGB")</c> drops it.
/// <para>
/// Sub-block and LZW structure follow the GIF 89a specification. Like Pillow, bytes between blocks that start no
/// known block are skipped, a frame whose data ends early (at its block terminator) keeps the fill for the pixels
/// it did not reach, and a file that ends inside the frame's data is truncated.
/// </para>
/// </summary>
internal static class GifDecoder
{
    private const int MaxCodes = 4096;

    public static RgbPixels Decode(ReadOnlySpan<byte> gif, string name, ImageLoader limits)
    {
        var reader = new Reader(gif, name);
        reader.Skip(6);
        var screenWidth = reader.U16();
        var screenHeight = reader.U16();
        var flags = reader.U8();
        reader.Skip(2);
        var palette = (flags & 0x80) != 0 ? reader.Bytes(3 << ((flags & 7) + 1)) : [];

        int? transparency = null;
        while (true)
        {
            if (reader.AtEnd)
            {
                throw new ImageLoadException(name, "is a GIF file with no image in it (truncated?)");
            }

            var block = reader.U8();
            if (block == 0x3B)
            {
                throw new ImageLoadException(name, "is a GIF file with no image in it");
            }

            if (block == 0x21)
            {
                var label = reader.U8();
                var first = reader.SubBlock();
                if (label == 0xF9)
                {
                    if (first.Length < 4)
                    {
                        throw new ImageLoadException(name, "is a GIF file with a graphic control extension shorter than 4 bytes");
                    }

                    transparency = (first[0] & 1) != 0 ? first[3] : null;
                }

                while (reader.SubBlock().Length > 0)
                {
                }

                continue;
            }

            if (block != 0x2C)
            {
                continue;
            }

            var x0 = reader.U16();
            var y0 = reader.U16();
            var frameWidth = reader.U16();
            var frameHeight = reader.U16();
            var frameFlags = reader.U8();
            if ((frameFlags & 0x80) != 0)
            {
                palette = reader.Bytes(3 << ((frameFlags & 7) + 1));
            }

            var width = Math.Max(screenWidth, x0 + frameWidth);
            var height = Math.Max(screenHeight, y0 + frameHeight);
            limits.CheckSize(width, height, name);
            if (frameWidth == 0 || frameHeight == 0)
            {
                throw new ImageLoadException(name, $"is a GIF file whose first frame is empty ({frameWidth}x{frameHeight})");
            }

            var minimumCodeSize = reader.U8();
            if (minimumCodeSize is < 1 or > 8)
            {
                throw new ImageLoadException(name, $"is a GIF file with an LZW code size of {minimumCodeSize} (1 to 8 expected)");
            }

            var indices = new byte[width * height];
            Array.Fill(indices, (byte)(transparency ?? 0));
            var rows = new FrameRows(x0, y0, frameWidth, frameHeight, width, (frameFlags & 0x40) != 0);
            DecodeLzw(ref reader, minimumCodeSize, indices, rows, name);
            return ToRgb(indices, width, height, palette);
        }
    }

    /// <summary>Index i is the table's entry i, or grey (i, i, i) past its end.</summary>
    private static RgbPixels ToRgb(byte[] indices, int width, int height, byte[] palette)
    {
        Span<byte> colours = stackalloc byte[256 * 3];
        for (var i = 0; i < 256; i++)
        {
            var from = i * 3 < palette.Length ? palette.AsSpan(i * 3, 3) : [(byte)i, (byte)i, (byte)i];
            from.CopyTo(colours[(i * 3)..]);
        }

        var pixels = RgbPixels.Rent(width, height);
        var data = pixels.Data;
        for (var p = 0; p < indices.Length; p++)
        {
            var c = indices[p] * 3;
            data[p * 3] = colours[c];
            data[(p * 3) + 1] = colours[c + 1];
            data[(p * 3) + 2] = colours[c + 2];
        }

        return pixels;
    }

    private static void DecodeLzw(ref Reader reader, int minimumCodeSize, byte[] canvas, FrameRows rows, string name)
    {
        var clear = 1 << minimumCodeSize;
        var end = clear + 1;
        var prefix = new short[MaxCodes];
        var suffix = new byte[MaxCodes];
        var first = new byte[MaxCodes];
        var length = new short[MaxCodes];
        for (var c = 0; c < clear; c++)
        {
            suffix[c] = (byte)c;
            first[c] = (byte)c;
            length[c] = 1;
        }

        Span<byte> sequence = stackalloc byte[MaxCodes];
        var codeSize = minimumCodeSize + 1;
        var next = clear + 2;
        var previous = -1;
        int bits = 0, bitCount = 0;
        var block = ReadOnlySpan<byte>.Empty;
        var offset = 0;
        while (!rows.Done)
        {
            while (bitCount < codeSize)
            {
                if (offset == block.Length)
                {
                    block = reader.SubBlock();
                    offset = 0;
                    if (block.Length == 0)
                    {
                        // The frame's data ended (block terminator) before its end code: Pillow stops there too.
                        return;
                    }
                }

                bits |= block[offset++] << bitCount;
                bitCount += 8;
            }

            var code = bits & ((1 << codeSize) - 1);
            bits >>= codeSize;
            bitCount -= codeSize;
            if (code == clear)
            {
                codeSize = minimumCodeSize + 1;
                next = clear + 2;
                previous = -1;
                continue;
            }

            if (code == end)
            {
                return;
            }

            int emitted;
            if (previous < 0)
            {
                if (code > clear)
                {
                    throw new ImageLoadException(name, $"is a GIF file whose image data is corrupt (code {code} before any string)");
                }

                sequence[0] = (byte)code;
                emitted = 1;
            }
            else
            {
                if (code > next || (code == next && next >= MaxCodes))
                {
                    throw new ImageLoadException(name, $"is a GIF file whose image data is corrupt (code {code}, next {next})");
                }

                var known = code < next;
                var source = known ? code : previous;
                emitted = length[source] + (known ? 0 : 1);
                for (int c = source, i = length[source] - 1; i >= 0; i--, c = prefix[c])
                {
                    sequence[i] = suffix[c];
                }

                if (!known)
                {
                    sequence[emitted - 1] = first[previous];
                }

                if (next < MaxCodes)
                {
                    prefix[next] = (short)previous;
                    suffix[next] = known ? first[code] : first[previous];
                    first[next] = first[previous];
                    length[next] = (short)(length[previous] + 1);
                    next++;
                    if (next == 1 << codeSize && codeSize < 12)
                    {
                        codeSize++;
                    }
                }
            }

            rows.Write(canvas, sequence[..emitted]);
            previous = code;
        }
    }

    /// <summary>Where the frame's pixels go on the canvas, in GIF row order (interlaced: 4 passes).</summary>
    private sealed class FrameRows(int x0, int y0, int width, int height, int canvasWidth, bool interlaced)
    {
        private int _x;
        private int _row;
        private int _pass;

        public bool Done => _row >= height;

        public void Write(byte[] canvas, ReadOnlySpan<byte> values)
        {
            foreach (var v in values)
            {
                if (Done)
                {
                    return;
                }

                canvas[((y0 + _row) * canvasWidth) + x0 + _x] = v;
                if (++_x == width)
                {
                    _x = 0;
                    NextRow();
                }
            }
        }

        private void NextRow()
        {
            if (!interlaced)
            {
                _row++;
                return;
            }

            // Pass starts 0, 4, 2, 1 and steps 8, 8, 4, 2; a pass with no rows in the frame is skipped.
            ReadOnlySpan<int> starts = [0, 4, 2, 1];
            ReadOnlySpan<int> steps = [8, 8, 4, 2];
            _row += steps[_pass];
            while (_row >= height && _pass < 3)
            {
                _pass++;
                _row = starts[_pass];
            }
        }
    }

    private ref struct Reader(ReadOnlySpan<byte> bytes, string name)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;
        private int _offset;

        public readonly bool AtEnd => _offset >= _bytes.Length;

        public void Skip(int count) => Take(count);

        public byte U8() => Take(1)[0];

        public int U16() => BinaryPrimitives.ReadUInt16LittleEndian(Take(2));

        public byte[] Bytes(int count) => Take(count).ToArray();

        /// <summary>The next data sub-block (empty at a block terminator).</summary>
        public ReadOnlySpan<byte> SubBlock() => Take(U8());

        private ReadOnlySpan<byte> Take(int count)
        {
            if (_offset + count > _bytes.Length)
            {
                throw new ImageLoadException(name, "is a GIF file that is truncated");
            }

            var span = _bytes.Slice(_offset, count);
            _offset += count;
            return span;
        }
    }
}
