using FunnelOps.Crawling;
using FunnelOps.Playbooks;
using FunnelOps.Tests.Support;

namespace FunnelOps.Tests.Crawling;

public sealed class CrawlTrapTests
{
    [Fact]
    public async Task An_endless_calendar_is_read_up_to_the_query_variant_limit_and_a_note_says_so()
    {
        // Every month links to the next one, for ever.
        await using var server = RawHttpServer.Start((requestLine, stream, token) =>
        {
            var target = requestLine.Split(' ')[1];
            if (target == "/")
            {
                return RawHttpServer.WriteAsync(stream, 200, "text/html",
                    Html.Page("Home", body: """<a href="/calendar?month=1">Events</a> <a href="/pricing/">Pricing</a>"""), token);
            }

            if (target.StartsWith("/calendar?month=", StringComparison.Ordinal))
            {
                var month = int.Parse(target["/calendar?month=".Length..], System.Globalization.CultureInfo.InvariantCulture);
                return RawHttpServer.WriteAsync(stream, 200, "text/html",
                    Html.Page($"Month {month}", body: $"""<a href="/calendar?month={month + 1}">Next month</a>"""), token);
            }

            return target == "/pricing/"
                ? RawHttpServer.WriteAsync(stream, 200, "text/html", Html.Page("Pricing"), token)
                : RawHttpServer.WriteAsync(stream, 404, "text/plain", "", token);
        });
        var options = new CrawlOptions { StartUrl = server.Address, MaxQueryVariantsPerPath = 5, MaxDepth = 1_000 };

        var crawl = await Engine.Crawler().CrawlAsync(options, null, CancellationToken.None);

        Assert.Equal(
            ["?month=1", "?month=2", "?month=3", "?month=4", "?month=5"],
            crawl.Snapshots.Where(s => s.Url.AbsolutePath == "/calendar").Select(s => s.Url.Query));
        Assert.Equal(5, server.Requests.Count(r => r.StartsWith("GET /calendar?", StringComparison.Ordinal)));
        Assert.Contains(
            "/calendar has more than 5 query-string variants (filters, sorting or a calendar); only the first ones were read.",
            crawl.Notes);
        Assert.Equal("Pricing", crawl.Find(new Uri(server.Address, "/pricing/"))?.Html?.Title);
    }

    [Fact]
    public async Task A_pattern_cap_limits_the_URLs_read_under_it_and_a_note_says_so()
    {
        var events = Enumerable.Range(1, 10).Select(i => $"""<a href="/events/e{i}/">Event {i}</a>""");
        await using var site = await ServedSite.StartAsync(
            [
                ("index.html", Html.Page("Home", body: """<a href="/events/">Events</a> <a href="/pricing/">Pricing</a>""")),
                ("events/index.html", Html.Page("Events", body: string.Join(" ", events))),
                ("pricing/index.html", Html.Page("Pricing")),
                .. Enumerable.Range(1, 10).Select(i => ($"events/e{i}/index.html", Html.Page($"Event {i}"))),
            ]);
        var options = new CrawlOptions
        {
            StartUrl = site.Address,
            PatternCaps = [new(UrlPattern.Parse("/events/**"), 3)],
        };

        var crawl = await Engine.Crawler().CrawlAsync(options, null, CancellationToken.None);

        // The cap counts /events/ itself, which the pattern matches too.
        Assert.Equal(
            ["/events/", "/events/e1/", "/events/e2/"],
            crawl.Snapshots.Select(s => s.Url.AbsolutePath).Where(p => p.StartsWith("/events/", StringComparison.Ordinal)));
        Assert.Contains("More than 3 URLs match /events/**; only the first 3 were read.", crawl.Notes);
        Assert.Equal("Pricing", crawl.Find(site.Url("/pricing/"))?.Html?.Title);
    }
}
