using System.Collections.Concurrent;
using System.Text;
using FunnelOps.Tests.Support;

namespace FunnelOps.Tests.Crawling;

/// <summary>
/// Retries happen in the HTTP client's resilience pipeline, so these tests crawl through
/// <see cref="Engine.Crawler"/>.
/// </summary>
public sealed class RetryTests
{
    private readonly ConcurrentDictionary<string, int> _requests = new();

    [Fact]
    public async Task A_page_answering_503_once_is_retried_into_its_200()
    {
        await using var server = Serve("/flaky/", (count, stream, token) => count == 1
            ? WriteStatusAsync(stream, "503 Service Unavailable", "", token)
            : RawHttpServer.WriteAsync(stream, 200, "text/html", Html.Page("Flaky"), token));

        var crawl = await Engine.CrawlAsync(server.Address);

        var page = crawl.Find(new Uri(server.Address, "/flaky/"));
        Assert.Equal((200, "Flaky"), (page?.Status, page?.Html?.Title));
        Assert.Equal(2, _requests["/flaky/"]);
    }

    [Fact]
    public async Task A_page_answering_429_with_retry_after_is_retried_into_its_200()
    {
        await using var server = Serve("/busy/", (count, stream, token) => count == 1
            ? WriteStatusAsync(stream, "429 Too Many Requests", "Retry-After: 1\r\n", token)
            : RawHttpServer.WriteAsync(stream, 200, "text/html", Html.Page("Busy"), token));

        var crawl = await Engine.CrawlAsync(server.Address);

        var page = crawl.Find(new Uri(server.Address, "/busy/"));
        Assert.Equal((200, "Busy"), (page?.Status, page?.Html?.Title));
        Assert.Equal(2, _requests["/busy/"]);
    }

    [Fact]
    public async Task A_page_that_keeps_answering_503_is_recorded_with_its_503_after_three_retries()
    {
        await using var server = Serve("/down/", (_, stream, token) =>
            WriteStatusAsync(stream, "503 Service Unavailable", "", token));

        var crawl = await Engine.CrawlAsync(server.Address);

        var page = crawl.Find(new Uri(server.Address, "/down/"));
        Assert.NotNull(page);
        Assert.Equal(503, page.Status);
        Assert.True(page.IsBroken);
        Assert.Equal(4, _requests["/down/"]);
    }

    /// <summary>
    /// A home page linking to <paramref name="path"/>, which <paramref name="answer"/> answers,
    /// told how many times it was requested so far.
    /// </summary>
    private RawHttpServer Serve(string path, Func<int, Stream, CancellationToken, Task> answer) =>
        RawHttpServer.Start((requestLine, stream, token) =>
        {
            var target = requestLine.Split(' ')[1];
            var count = _requests.AddOrUpdate(target, 1, (_, n) => n + 1);
            if (target == path)
            {
                return answer(count, stream, token);
            }

            return target == "/"
                ? RawHttpServer.WriteAsync(stream, 200, "text/html", Html.Page("Home", body: $"""<a href="{path}">Next</a>"""), token)
                : RawHttpServer.WriteAsync(stream, 404, "text/plain", "", token);
        });

    private static async Task WriteStatusAsync(Stream stream, string status, string headers, CancellationToken cancellationToken)
    {
        var response = $"HTTP/1.1 {status}\r\n{headers}Content-Type: text/plain\r\nContent-Length: 4\r\n" +
            "Connection: close\r\n\r\nBusy";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(response), cancellationToken);
    }
}
