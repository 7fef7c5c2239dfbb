using System.Text;

namespace Aro.Core.Cases;

/// <summary>
/// Reads lines as <see cref="TextReader.ReadLineAsync()"/> does — ended by <c>\n</c>, <c>\r</c> or <c>\r\n</c>, the last
/// one possibly without an end — but never builds a line longer than a limit: <see cref="StreamReader"/> has no such
/// bound and would hold a whole runaway line (hundreds of MB, as text) before anything could look at it.
/// </summary>
internal sealed class BoundedLineReader(TextReader reader, int maxBytes)
{
    private readonly char[] _buffer = new char[16 * 1024];
    private readonly StringBuilder _line = new();
    private int _position;
    private int _length;
    private bool _afterCarriageReturn;

    /// <summary>The next line, or null at the end; <c>TooLong</c> when the line has more than the limit's UTF-8 bytes (it is then not read further).</summary>
    public async ValueTask<(string? Line, bool TooLong)> ReadLineAsync(CancellationToken cancellationToken)
    {
        _line.Clear();
        var bytes = 0L;
        var started = false;
        while (true)
        {
            if (_position == _length)
            {
                _length = await reader.ReadAsync(_buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
                _position = 0;
                if (_length == 0)
                {
                    return (started ? _line.ToString() : null, false);
                }
            }

            if (_afterCarriageReturn)
            {
                // "\r\n" ends one line, not two.
                _afterCarriageReturn = false;
                if (_buffer[_position] == '\n')
                {
                    _position++;
                    continue;
                }
            }

            started = true;
            var rest = _buffer.AsSpan(_position, _length - _position);
            var end = rest.IndexOfAny('\r', '\n');
            var chunk = end < 0 ? rest : rest[..end];
            bytes += Encoding.UTF8.GetByteCount(chunk);
            if (bytes > maxBytes)
            {
                return (null, true);
            }

            _line.Append(chunk);
            if (end < 0)
            {
                _position = _length;
                continue;
            }

            _afterCarriageReturn = rest[end] == '\r';
            _position += end + 1;
            return (_line.ToString(), false);
        }
    }
}
