using FunnelOps.Fixes.Fixers;

namespace FunnelOps.Tests.Fixes;

public sealed class InsertEventDataFixerTests
{
    private static readonly PageSetup Webinar =
        new("webinar-without-event-data") { UrlPath = "/webinars/planning/q3/" };

    private readonly InsertEventDataFixer _fixer = new();

    [Theory]
    [MemberData(nameof(FileShapes.All), MemberType = typeof(FileShapes))]
    public void An_online_event_block_goes_before_the_end_of_the_head_indented_like_the_rest(string newline, bool bom)
    {
        var setup = Webinar with { Parameters = new Dictionary<string, string> { ["organizer"] = "Keelboard" } };

        PlannedRun.AssertFixes(_fixer, setup, newline: newline, bom: bom, before: """
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>Q3 planning live</title>
              <link rel="canonical" href="https://www.keelboard.com/webinars/planning/q3/">
            </head>
            <body>
              <h1>Q3 planning live: <em>roadmaps</em> that survive contact</h1>
              <p>Join us on <time datetime="2026-09-17T16:00:00+02:00">17 September, 4 pm CEST</time>.</p>
            </body>
            </html>
            """, after: """
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>Q3 planning live</title>
              <link rel="canonical" href="https://www.keelboard.com/webinars/planning/q3/">
              <script type="application/ld+json">
              {
                "@context": "https://schema.org",
                "@type": "Event",
                "name": "Q3 planning live: roadmaps that survive contact",
                "startDate": "2026-09-17T16:00:00+02:00",
                "eventAttendanceMode": "https://schema.org/OnlineEventAttendanceMode",
                "location": {
                  "@type": "VirtualLocation",
                  "url": "https://www.keelboard.com/webinars/planning/q3/"
                },
                "organizer": {
                  "@type": "Organization",
                  "name": "Keelboard"
                }
              }
              </script>
            </head>
            <body>
              <h1>Q3 planning live: <em>roadmaps</em> that survive contact</h1>
              <p>Join us on <time datetime="2026-09-17T16:00:00+02:00">17 September, 4 pm CEST</time>.</p>
            </body>
            </html>
            """);
    }

    [Fact]
    public void Crawled_text_is_escaped_so_it_cannot_end_the_script_and_letters_stay_readable()
    {
        PlannedRun.AssertFixes(_fixer, Webinar, newline: "\n", bom: false, before: """
            <html><head><title>Café</title></head>
            <body><h1>Café &lt;/script&gt;&lt;script&gt;alert(1) "live" &amp; more</h1><time datetime="2026-09-17">17 Sept</time></body>
            </html>
            """, after: """
            <html><head><title>Café</title><script type="application/ld+json">{"@context":"https://schema.org","@type":"Event","name":"Café \u003C/script\u003E\u003Cscript\u003Ealert(1) \"live\" \u0026 more","startDate":"2026-09-17","eventAttendanceMode":"https://schema.org/OnlineEventAttendanceMode"}</script></head>
            <body><h1>Café &lt;/script&gt;&lt;script&gt;alert(1) "live" &amp; more</h1><time datetime="2026-09-17">17 Sept</time></body>
            </html>
            """);
    }

    [Fact]
    public void The_review_note_asks_for_a_time_zone_and_the_missing_location_and_organizer()
    {
        var run = PlannedRun.Of(_fixer, """
            <html><head><title>Live</title></head>
            <body><h1>Live</h1><time datetime="2026-09-17T16:00">4 pm</time></body></html>
            """, Webinar);

        Assert.Equal(
            "Describes the page as an online event, \"Live\", starting 2026-09-17T16:00, " +
            "so search engines can list it with its date.",
            run.Change!.Summary);
        Assert.Equal(
            "Check the event's name and start time against the page: search results show them. " +
            "The start time has no time zone; add one (such as +01:00) so visitors abroad see the right hour. " +
            "Search engines also like to know where people join the webinar (a location with its address); " +
            "add it if you can. " +
            "To name the organizer, give the playbook's fix `with: { organizer: ... }`.",
            run.Change.ReviewNote);
    }

    [Fact]
    public void It_declines_when_the_page_gives_no_machine_readable_date()
    {
        var run = PlannedRun.Of(_fixer, """
            <html><head><title>Live</title></head>
            <body><h1>Live</h1><p>Next Thursday at 4 pm.</p><time datetime="PT1H">an hour</time></body></html>
            """, Webinar);

        Assert.Null(run.Change);
        Assert.StartsWith(
            "The page gives no date in a <time datetime=\"...\"> element", run.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void It_declines_when_the_source_already_describes_an_event()
    {
        var run = PlannedRun.Of(_fixer, """
            <html><head><title>Live</title>
            <script type="application/ld+json">{ "@type": ["Event"], "name": "Live" }</script></head>
            <body><h1>Live</h1><time datetime="2026-09-17">17 Sept</time></body></html>
            """, Webinar);

        Assert.Equal("The source already describes an event; the live page may be out of date.", run.Reason);
    }
}
