using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace FunnelOps.Crawling;

/// <summary>
/// Reads sitemaps and sitemap indexes, gzipped or not, as a stream: at most 50 MB of XML per file
/// (the protocol's own limit, which also stops gzip bombs), at most 100 files, at most
/// <see cref="MaxUrls"/> URLs, no DTDs and no external entities.
/// </summary>
public sealed class SitemapReader
{
    /// <summary>The most URLs kept from all sitemaps together.</summary>
    public const int MaxUrls = 100_000;

    private const long MaxFileBytes = 50L * 1024 * 1024;
    private const int MaxFiles = 100;

    private static readonly XmlReaderSettings XmlSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreWhitespace = true,
        Async = false,
    };

    private readonly IPageFetcher _fetcher;

    /// <summary>Creates a reader that fetches through <paramref name="fetcher"/>.</summary>
    public SitemapReader(IPageFetcher fetcher)
    {
        _fetcher = fetcher;
    }

    /// <summary>
    /// Reads <paramref name="sitemaps"/> and the sitemaps they index. Returns the listed URLs that
    /// <paramref name="scope"/> contains, normalised; problems become <paramref name="notes"/>.
    /// </summary>
    public async Task<IReadOnlySet<Uri>> ReadAsync(IEnumerable<Uri> sitemaps, CrawlScope scope, UrlNormalizer normalizer,
        ICollection<string> notes, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(normalizer);
        ArgumentNullException.ThrowIfNull(notes);
        var urls = new HashSet<Uri>();
        var queue = new Queue<Uri>(sitemaps);
        var seen = new HashSet<Uri>();
        var cut = false;
        while (queue.Count > 0 && seen.Count < MaxFiles)
        {
            var sitemap = queue.Dequeue();
            if (!seen.Add(sitemap) || !scope.IsOnSite(sitemap))
            {
                continue;
            }

            using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            budget.CancelAfter(timeout);
            FetchResponse response;
            try
            {
                response = await _fetcher.FetchAsync(sitemap, MaxFileBytes, budget.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                notes.Add($"The sitemap {sitemap} did not answer in time.");
                continue;
            }

            if (response.Status != 200)
            {
                if (response.Status != 404 || seen.Count > 1)
                {
                    var answer = response.Status == 0 ? "the server did not answer" : $"status {response.Status}";
                    notes.Add($"The sitemap {sitemap} could not be read ({answer}).");
                }

                continue;
            }

            cut |= Parse(sitemap, response.Body, scope, normalizer, urls, queue, notes);
        }

        if (cut)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"The sitemaps list more than {MaxUrls:N0} URLs; only the first {MaxUrls:N0} were used."));
        }

        return urls;
    }

    private static bool Parse(Uri sitemap, ReadOnlyMemory<byte> body, CrawlScope scope, UrlNormalizer normalizer,
        HashSet<Uri> urls, Queue<Uri> children, ICollection<string> notes)
    {
        using var raw = new MemoryStream(body.ToArray(), writable: false);
        using var content = IsGzip(body.Span)
            ? (Stream)new BoundedStream(new GZipStream(raw, CompressionMode.Decompress), MaxFileBytes)
            : raw;
        try
        {
            using var reader = XmlReader.Create(content, XmlSettings);
            var inIndex = false;
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (reader.LocalName == "sitemapindex")
                {
                    inIndex = true;
                }
                else if (reader.LocalName == "loc" && IsSitemapNamespace(reader.NamespaceURI) &&
                    normalizer.Resolve(sitemap, reader.ReadElementContentAsString()) is { } loc)
                {
                    if (inIndex)
                    {
                        children.Enqueue(loc);
                    }
                    else if (scope.Contains(loc))
                    {
                        if (urls.Count >= MaxUrls)
                        {
                            return true;
                        }

                        urls.Add(loc);
                    }
                }
            }
        }
        catch (Exception exception) when (exception is XmlException or InvalidDataException or IOException)
        {
            notes.Add($"The sitemap {sitemap} is not valid ({exception.Message.Split('\n')[0]}); " +
                "the URLs read before the problem were kept.");
        }

        return false;
    }

    // Image, video and news extensions add their own <loc> elements in other namespaces: not pages.
    private static bool IsSitemapNamespace(string ns) =>
        ns.Length == 0 || ns.StartsWith("http://www.sitemaps.org/schemas/sitemap/", StringComparison.OrdinalIgnoreCase) ||
        ns.StartsWith("https://www.sitemaps.org/schemas/sitemap/", StringComparison.OrdinalIgnoreCase);

    private static bool IsGzip(ReadOnlySpan<byte> body) => body.Length > 2 && body[0] == 0x1F && body[1] == 0x8B;

    /// <summary>Stops reading after a number of bytes, so a small gzip file cannot expand without end.</summary>
    private sealed class BoundedStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_read >= limit)
            {
                throw new InvalidDataException($"it expands to more than {limit / 1024 / 1024} MB");
            }

            var read = inner.Read(buffer, offset, (int)Math.Min(count, limit - _read));
            _read += read;
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
