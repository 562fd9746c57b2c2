using System.Net.Http.Headers;
using System.Text;

namespace CartRecovery.Web.Tests.Security;

/// <summary>When a strict endpoint that reads a body must refuse a payload.</summary>
public enum Refusal
{
    /// <summary>Nothing can read it (malformed, undecodable, too deep, too big, empty): every body-reading endpoint refuses.</summary>
    Always,
    /// <summary>Readable JSON of the wrong type or media type: endpoints that bind a typed JSON body refuse it; raw-body ones may accept it.</summary>
    TypedJson,
    /// <summary>May well be a valid request (odd but legal values): only never a 5xx, and nothing stored if refused.</summary>
    Never,
}

/// <summary>One hostile request body (and headers). <see cref="StreamedBytes"/> sends that many bytes chunked, with no length.</summary>
public sealed record HostilePayload(string Name, Refusal Refusal, byte[]? Body, string? ContentType)
{
    public long StreamedBytes { get; init; }

    public IReadOnlyList<(string Name, string Value)> Headers { get; init; } = [];

    /// <summary>Kestrel itself answers (431, 400 for bad header bytes) before the app runs: no problem+json to expect.</summary>
    public bool AnsweredByServer { get; init; }

    /// <summary>Bodies over the smallest limit (capture: 32 KiB): the server may answer and close before they are sent whole.</summary>
    public bool MayResetConnection => StreamedBytes > 0 || Body?.Length > 32 * 1024;

    public HttpContent? CreateContent()
    {
        HttpContent? content = StreamedBytes > 0 ? new StreamContent(new PatternStream(StreamedBytes))
            : Body is null ? null
            : new ByteArrayContent(Body);
        if (content is not null && ContentType is not null)
            content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        else if (content is not null)
            content.Headers.ContentType = null;
        return content;
    }

    public override string ToString() => Name;

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>'{"pad":"aaaa…' for as long as asked, without a length: a client that keeps sending.</summary>
    private sealed class PatternStream(long length) : Stream
    {
        private long _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            for (var i = 0; i < n; i++)
                buffer[offset + i] = _position + i < 8 ? (byte)"{\"pad\":\""[(int)(_position + i)] : (byte)'a';
            _position += n;
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
