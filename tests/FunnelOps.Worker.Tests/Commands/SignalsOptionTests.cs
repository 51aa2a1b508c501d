using FunnelOps.Serving;

namespace FunnelOps.Worker.Tests.Commands;

/// <summary><c>audit --signals</c> and <c>run --signals</c>: exports in, measured visits and every report out; a bad export stops the run.</summary>
public sealed class SignalsOptionTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("funnelops-signals-");

    [Fact]
    public async Task A_bad_export_stops_the_audit_before_the_crawl_with_file_line_and_column()
    {
        var export = Path.Combine(_folder.FullName, "ga4.csv");
        await File.WriteAllTextAsync(export, "Page path,Sessions\n/a,12\n/b,lots\n");

        var (code, _, error) = await InvokeAsync("audit", "--site", "http://127.0.0.1:9/", "--signals", export,
            "--out", Path.Combine(_folder.FullName, "out"));

        Assert.Equal(2, code);
        Assert.Contains($"{export}:3:2: \"lots\" in the column for visits is not a figure", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_folder.FullName, "out")));
    }

    [Fact]
    public async Task The_weekly_run_reads_exports_too_and_a_bad_one_stops_it_before_anything_changes()
    {
        var export = Path.Combine(_folder.FullName, "ads.csv");
        await File.WriteAllTextAsync(export, "Landing page,Clicks,Cost\nhttps://example.com/demo,40,oops\n");

        var repository = Directory.CreateDirectory(Path.Combine(_folder.FullName, "site")).FullName;
        LibGit2Sharp.Repository.Init(repository);

        var (code, _, error) = await InvokeAsync("run", "--site", "http://127.0.0.1:9/", "--repo", repository,
            "--signals", export, "--out", Path.Combine(_folder.FullName, "out"), "--dry-run");

        Assert.Equal(2, code);
        Assert.Contains($"{export}:2:", error, StringComparison.Ordinal);
        Assert.Contains("\"oops\"", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_folder.FullName, "out")));
    }

    [Fact]
    public async Task The_audit_ranks_by_measured_visits_and_writes_every_report()
    {
        var sample = Path.Combine(AppContext.BaseDirectory, "SampleSite");
        await using var server = await StaticSiteServer.StartAsync(Path.Combine(sample, "site"), CancellationToken.None);
        var output = Path.Combine(_folder.FullName, "out");

        var (code, printed, error) = await InvokeAsync("audit", "--site", server.Address.AbsoluteUri, "--render", "none",
            "--signals", Path.Combine(sample, "signals", "ga4-pages.csv"),
            "--signals", Path.Combine(sample, "signals", "google-ads-landing-pages.csv"), "--out", output);

        Assert.True(code == 0, error);
        foreach (var report in new[] { "report.md", "report.html", "report.json", "report.sarif" })
        {
            Assert.True(File.Exists(Path.Combine(output, report)), $"{report} was not written.");
        }

        var markdown = await File.ReadAllTextAsync(Path.Combine(output, "report.md"));
        Assert.Contains("| ga4-pages.csv | ga4 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| google-ads-landing-pages.csv | google-ads |", markdown, StringComparison.Ordinal);
        Assert.Contains(" | measured | ", markdown, StringComparison.Ordinal);
        Assert.Matches("Visits come from your analytics exports for [0-9]+ of [0-9]+ findings", printed);
        Assert.DoesNotContain("supply analytics for real numbers", printed, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private static async Task<(int Code, string Output, string Error)> InvokeAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await FunnelOpsCli.InvokeAsync(args, output, error, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }
}
