using FunnelOps.Signals;
using FunnelOps.Tests.Support;

namespace FunnelOps.Tests.Signals;

public sealed class SignalImporterTests
{
    private static readonly Uri Site = new("http://localhost:4000/");

    private static string SampleSignals(string file) => Path.Combine(AppContext.BaseDirectory, "SampleSite", "signals", file);

    [Fact]
    public void A_ga4_pages_report_gives_weekly_sessions_and_bounce_per_device()
    {
        var signals = SignalImporter.Import([new SignalSource { Path = SampleSignals("ga4-pages.csv") }], Site);

        // The export covers 2 to 29 November: 28 days, so a week is a quarter of it.
        var source = Assert.Single(signals.Sources);
        Assert.Equal((28, "the export's date range", SignalFormat.Ga4Pages), (source.Days, source.DaysSource, source.Format));
        Assert.Equal(1, source.SkippedRows); // "(not set)"
        var demo = signals.For(new Uri(Site, "/demo/"))!;
        Assert.Equal((900 + 1_100) / 4.0, demo.WeeklyVisits!.Value, 6);
        Assert.Equal(900 / 4.0, demo.MobileWeeklyVisits!.Value, 6);
        Assert.Equal(0.74, demo.MobileBounceRate!.Value, 6);
        Assert.Equal(0.36, demo.DesktopBounceRate!.Value, 6);
        // Quoted figures with thousands separators: the home page's 5,200 + 4,100 sessions.
        Assert.Equal(9_300 / 4.0, signals.For(Site)!.WeeklyVisits!.Value, 6);
    }

    [Fact]
    public void Ga4_engagement_rate_stands_in_for_bounce_and_rows_of_one_page_are_weighted_by_sessions()
    {
        using var folder = new TempFolder();
        var path = folder.Write("landing.csv", """
            # Start date: 20261101
            # End date: 20261107
            Landing page,Device category,Sessions,Engagement rate
            /pricing?utm_source=news,mobile,100,40%
            /pricing/,mobile,300,0.6
            /pricing/#plans,desktop,50,0.9
            """);

        var pricing = SignalImporter.Import([new SignalSource { Path = path }], Site).For(new Uri(Site, "/pricing/"))!;

        Assert.Equal(450, pricing.WeeklyVisits!.Value, 6);
        // Bounce = 1 - engagement, weighted: (100 x 0.6 + 300 x 0.4) / 400 = 0.45.
        Assert.Equal(0.45, pricing.MobileBounceRate!.Value, 6);
        Assert.Equal(0.1, pricing.DesktopBounceRate!.Value, 6);
    }

    [Fact]
    public void Search_console_pages_match_crawled_pages_of_another_host_and_assume_28_days()
    {
        var signals = SignalImporter.Import([new SignalSource { Path = SampleSignals("search-console-pages.csv") }], Site);

        // Exported from https://www.keelboard.example while the crawl reads localhost.
        var forecasting = signals.For(new Uri(Site, "/features/forecasting"))!;
        Assert.Equal(7_400 / 4.0, forecasting.SearchImpressions!.Value, 6);
        Assert.Equal(95 / 4.0, forecasting.SearchClicks!.Value, 6);
        Assert.Equal(11.6, forecasting.SearchPosition!.Value, 6);
        Assert.Equal("assumed", signals.Sources[0].DaysSource);
    }

    [Fact]
    public void Pages_of_another_host_in_a_domain_property_export_do_not_stand_in_for_the_crawled_hosts_pages()
    {
        // A Search Console domain property lists the blog subdomain beside the crawled host.
        using var folder = TempFolder.With(
            ("ga4.csv", "Page path,Sessions\n/pricing,100\n"),
            ("search-console.csv", """
                Top pages,Clicks,Impressions,CTR,Position
                https://www.example.com/features,5,500,1%,8
                https://blog.example.com/,40,4000,1%,3
                https://blog.example.com/pricing,2,50,4%,20
                """));
        var site = new Uri("https://www.example.com/");
        SignalSource[] sources =
        [
            new() { Path = Path.Combine(folder.Path, "ga4.csv"), Days = 7 },
            new() { Path = Path.Combine(folder.Path, "search-console.csv"), Days = 7 },
        ];

        var signals = SignalImporter.Import(sources, site);

        Assert.Equal(500, signals.For(new Uri(site, "/features"))!.SearchImpressions);
        Assert.Null(signals.For(site));
        var pricing = signals.For(new Uri(site, "/pricing"))!;
        Assert.Equal(100, pricing.WeeklyVisits);
        Assert.Null(pricing.SearchImpressions);
    }

    [Fact]
    public void Production_exports_fill_in_for_a_staging_crawl_beside_an_analytics_export_of_paths()
    {
        // GA4 writes paths, which are taken as the crawled host's; they do not make it an exported host.
        using var folder = TempFolder.With(
            ("ga4.csv", "Page path,Sessions\n/pricing,100\n"),
            ("search-console.csv", "Top pages,Clicks,Impressions,CTR,Position\nhttps://www.example.com/pricing,5,500,1%,8\n"));
        SignalSource[] sources =
        [
            new() { Path = Path.Combine(folder.Path, "ga4.csv"), Days = 7 },
            new() { Path = Path.Combine(folder.Path, "search-console.csv"), Days = 7 },
        ];

        var pricing = SignalImporter.Import(sources, Site).For(new Uri(Site, "/pricing"))!;

        Assert.Equal((100, 500), (pricing.WeeklyVisits, pricing.SearchImpressions));
    }

    [Fact]
    public void Search_console_queries_stay_site_level_and_list_striking_distance_by_impressions()
    {
        var signals = SignalImporter.Import([new SignalSource { Path = SampleSignals("search-console-queries.csv"), Days = 7 }], Site);

        Assert.Empty(signals.Pages);
        var striking = signals.StrikingDistanceQueries(10).Select(q => q.Query).ToList();
        Assert.Equal(["roadmap vs backlog", "sprint planning tool", "taskforge alternative", "capacity planning for engineering teams",
            "\"jira, but simpler\""], striking);
        Assert.Equal("the configuration", signals.Sources[0].DaysSource);
    }

    [Fact]
    public void A_google_ads_report_in_utf16_sums_campaigns_per_landing_page_and_leaves_out_totals()
    {
        var signals = SignalImporter.Import([new SignalSource { Path = SampleSignals("google-ads-landing-pages.csv") }], Site);

        var demo = signals.For(new Uri(Site, "/demo/"))!;
        Assert.Equal((1_120 + 640) / 4.0, demo.AdClicks!.Value, 6);
        Assert.Equal((2_352 + 2_176) / 4.0, demo.AdCost!.Value, 6);
        Assert.Equal((41 + 12) / 4.0, demo.AdConversions!.Value, 6);
        var source = signals.Sources[0];
        Assert.Equal((SignalFormat.AdsLandingPages, 28, 1), (source.Format, source.Days, source.SkippedRows));
    }

    [Fact]
    public void A_generic_export_reads_the_columns_the_configuration_names()
    {
        using var folder = new TempFolder();
        var path = folder.Write("crm.csv", "Page URL;x,Visits,Phone bounce,Desk bounce\nHTTP://LOCALHOST:4000/Pricing-Old/index.html,70,55%,30%\n");
        var source = new SignalSource
        {
            Path = path,
            Format = SignalFormat.Generic,
            Days = 7,
            Columns = new Dictionary<string, string>
            {
                ["url"] = "Page URL;x",
                ["visits"] = "Visits",
                ["mobile-bounce-rate"] = "Phone bounce",
                ["desktop-bounce-rate"] = "Desk bounce",
            },
        };

        var page = SignalImporter.Import([source], Site).For(new Uri(Site, "/Pricing-Old/"))!;

        Assert.Equal((70, 0.55, 0.30), (page.WeeklyVisits, page.MobileBounceRate, page.DesktopBounceRate));
    }

    [Theory]
    [InlineData("/pricing/")]
    [InlineData("/pricing")]
    [InlineData("https://WWW.Example.com/pricing?utm_source=x&gclid=1#plans")]
    [InlineData("http://localhost:4000/pricing/index.html")]
    [InlineData("www.example.com/pricing/")]
    public void Export_urls_match_the_crawled_page_whatever_their_form(string written)
    {
        using var folder = new TempFolder();
        var path = folder.Write("p.csv", $"Top pages,Clicks,Impressions,CTR,Position\n\"{written}\",5,100,5%,9\n");

        var signals = SignalImporter.Import([new SignalSource { Path = path, Days = 7 }], Site);

        Assert.Equal(100, signals.For(new Uri("http://localhost:4000/pricing/"))?.SearchImpressions);
        Assert.Null(signals.For(new Uri("http://localhost:4000/pricing/annual/")));
    }

    [Fact]
    public void A_figure_that_is_not_a_number_is_reported_with_file_line_and_column()
    {
        using var folder = new TempFolder();
        var path = folder.Write("ga4.csv", "# Start date: 20261101\n# End date: 20261128\nPage path,Sessions,Bounce rate\n/a,10,0.5\n/b,ten,0.5\n");

        var error = Assert.Throws<SignalImportException>(() => SignalImporter.Import([new SignalSource { Path = path }], Site));

        Assert.Equal((path, 5, 2), (error.File, error.Line, error.Column));
        Assert.Contains("\"ten\" in the column for visits is not a figure", error.Message, StringComparison.Ordinal);
        Assert.Contains("fix the cell or export the report again", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_figure_with_a_decimal_comma_is_refused_with_its_place_instead_of_read_a_hundred_times_too_large()
    {
        using var folder = new TempFolder();
        var path = folder.Write("ads.csv", "Landing page,Clicks,Cost,Conversions\n/demo/,40,\"12,50\",2\n/trial/,9,\"1.234,56\",1\n");

        var error = Assert.Throws<SignalImportException>(() => SignalImporter.Import([new SignalSource { Path = path }], Site));

        Assert.Equal((path, 2, 3), (error.File, error.Line, error.Column));
        Assert.Contains("\"12,50\" in the column for ad-cost is not a figure", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rate_above_100_percent_is_refused_where_it_stands()
    {
        using var folder = new TempFolder();
        var path = folder.Write("ga4.csv", "Page path,Sessions,Bounce rate\n/a,10,140%\n");

        var error = Assert.Throws<SignalImportException>(() => SignalImporter.Import([new SignalSource { Path = path }], Site));

        Assert.Equal((2, 3), (error.Line, error.Column));
        Assert.Contains("a rate lies between 0 and 100%", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_of_an_unknown_kind_says_which_exports_are_read_and_how_to_map_another()
    {
        using var folder = new TempFolder();
        var path = folder.Write("other.csv", "Name,Score\nx,1\n");

        var error = Assert.Throws<SignalImportException>(() => SignalImporter.Import([new SignalSource { Path = path }], Site));

        Assert.Equal(0, error.Line);
        Assert.Contains("format: generic", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_whose_rows_name_no_page_is_refused()
    {
        using var folder = new TempFolder();
        var path = folder.Write("screens.csv", "Page path and screen class,Sessions\nMainActivity,10\nSettingsScreen,4\n");

        var error = Assert.Throws<SignalImportException>(() => SignalImporter.Import([new SignalSource { Path = path }], Site));

        Assert.Equal((1, 1), (error.Line, error.Column));
        Assert.Contains("None of the 2 rows names a page", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SignalFormat.SearchConsolePages, "Top queries,Clicks,Impressions,CTR,Position\nsprint planning,4,100,4%,9\n",
        "search-console-pages", "\"Top pages\"")]
    [InlineData(SignalFormat.AdsLandingPages, "Page path,Sessions,Bounce rate\n/demo/,10,0.5\n",
        "google-ads", "\"Landing page\"")]
    public void A_configured_format_whose_page_column_the_header_lacks_is_refused_at_the_header(SignalFormat format,
        string contents, string formatName, string expectedColumn)
    {
        using var folder = new TempFolder();
        var path = folder.Write("export.csv", contents);

        var error = Assert.Throws<SignalImportException>(() =>
            SignalImporter.Import([new SignalSource { Path = path, Format = format }], Site));

        Assert.Equal((path, 1, 0), (error.File, error.Line, error.Column));
        Assert.Contains($"format: {formatName}", error.Message, StringComparison.Ordinal);
        Assert.Contains(expectedColumn, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_generic_mapping_to_a_column_the_file_lacks_lists_the_columns_it_has()
    {
        using var folder = new TempFolder();
        var path = folder.Write("crm.csv", "URL,Visits\n/a,1\n");
        var source = new SignalSource
        {
            Path = path,
            Format = SignalFormat.Generic,
            Columns = new Dictionary<string, string> { ["url"] = "URL", ["visits"] = "Sessions" },
        };

        var error = Assert.Throws<SignalImportException>(() => SignalImporter.Import([source], Site));

        Assert.Equal(1, error.Line);
        Assert.Contains("\"URL\", \"Visits\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Exports_larger_than_the_limit_are_refused_before_they_are_read()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "huge.csv");
        using (var stream = File.Create(path))
        {
            stream.SetLength(CsvFile.MaxBytes + 1);
        }

        var error = Assert.Throws<SignalImportException>(() => SignalImporter.Import([new SignalSource { Path = path }], Site));

        Assert.Contains("Export a shorter date range", error.Message, StringComparison.Ordinal);
    }
}
