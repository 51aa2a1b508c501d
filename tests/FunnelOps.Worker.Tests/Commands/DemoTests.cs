using System.Text.Json;
using FunnelOps.Worker.Commands;
using LibGit2Sharp;

namespace FunnelOps.Worker.Tests.Commands;

/// <summary>
/// The demo loop end to end: a real Git repository, the site served over real HTTP, a real
/// crawl and render, and the committed fix checked byte for byte.
/// </summary>
public sealed class DemoTests : IDisposable
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "funnelops-demo-test-" + Guid.NewGuid().ToString("N")[..8]);

    public DemoTests()
    {
        Directory.CreateDirectory(_work);
    }

    [Fact]
    public async Task The_demo_commits_exactly_the_removal_of_the_pricing_pages_noindex_on_a_funnelops_branch()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var reports = Path.Combine(_work, "out");

        var (code, result, repositoryPath) = await DemoRunner.RunAsync(
            _work, reports, chromium: null, verbose: false, output, error, CancellationToken.None);

        Assert.True(code == 0, error.ToString());
        var change = result!.Change!;
        Assert.True(change.Verification.Passed, change.Verification.Summary);
        Assert.Matches(@"^funnelops/\d{4}-W\d{2}-noindex-decision-page-pricing$", change.Branch);

        // The committed file is the original with exactly one line removed, every other byte kept.
        var original = File.ReadAllBytes(Path.Combine(SampleSitePath, "pricing", "index.html"));
        var noindexLine = "<meta name=\"robots\" content=\"noindex, follow\">\n"u8.ToArray();
        var at = original.AsSpan().IndexOf(noindexLine);
        Assert.True(at > 0, "The sample pricing page no longer carries its planted noindex.");
        byte[] expected = [.. original.AsSpan(0, at), .. original.AsSpan(at + noindexLine.Length)];

        using var repository = new Repository(repositoryPath);
        var commit = repository.Branches[change.Branch]!.Tip;
        Assert.Equal(change.CommitId, commit.Sha);
        var blob = (Blob)commit["pricing/index.html"].Target;
        using var content = blob.GetContentStream();
        using var bytes = new MemoryStream();
        await content.CopyToAsync(bytes);
        Assert.Equal(expected, bytes.ToArray());

        // One commit on top of main, touching one file; main and the working tree untouched.
        var parent = Assert.Single(commit.Parents);
        Assert.Equal(repository.Branches[DemoRunner.BaseBranch]!.Tip.Sha, parent.Sha);
        var changes = repository.Diff.Compare<TreeChanges>(parent.Tree, commit.Tree);
        Assert.Equal("pricing/index.html", Assert.Single(changes).Path);
        Assert.Equal(DemoRunner.BaseBranch, repository.Head.FriendlyName);
        Assert.False(repository.RetrieveStatus().IsDirty);
        Assert.Equal(original, File.ReadAllBytes(Path.Combine(repositoryPath, "pricing", "index.html")));
    }

    [Fact]
    public async Task The_demo_prints_the_backlog_the_diff_and_the_pull_request_and_writes_the_reports()
    {
        var reports = Path.Combine(_work, "out");

        var (code, printed) = await InvokeDemoCommandAsync(reports);

        Assert.Equal(0, code);
        Assert.Contains("THE BACKLOG", printed);
        Assert.Contains("-<meta name=\"robots\" content=\"noindex, follow\">", printed);
        Assert.Contains("## Projected impact", printed);
        Assert.Contains("The change is committed on the branch funnelops/", printed);

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(reports, "report.json")));
        var root = json.RootElement;
        var page = root.GetProperty("pages").EnumerateArray().First(p => p.GetProperty("url").GetString()!.EndsWith("/pricing/", StringComparison.Ordinal));
        Assert.Equal(200, page.GetProperty("status").GetInt32());
        Assert.Equal("decision", page.GetProperty("stage").GetString());
        var top = root.GetProperty("findings")[0];
        Assert.Equal("noindex-decision-page", top.GetProperty("playbook").GetString());
        Assert.Equal("decision", top.GetProperty("stage").GetString());
        Assert.True(top.GetProperty("impact").GetProperty("perWeek").GetDouble() > 0);
        Assert.Single(top.GetProperty("urls").EnumerateArray());
        foreach (var report in new[] { "report.html", "report.md", "report.json", "report.sarif" })
        {
            Assert.Contains($"  {report}", printed);
            Assert.True(File.Exists(Path.Combine(reports, report)), $"{report} is printed but was not written");
        }

        Assert.StartsWith("# Let search engines list /pricing/ again", await File.ReadAllTextAsync(Path.Combine(reports, "pull-request.md")));
    }

    [Fact]
    public async Task Without_a_browser_the_demo_says_how_to_get_one_and_still_ships_what_needs_none()
    {
        var (code, result, _) = await DemoRunner.RunAsync(_work, Path.Combine(_work, "out"),
            chromium: Path.Combine(_work, "no-such-browser"), verbose: false, new StringWriter(), new StringWriter(),
            CancellationToken.None);

        Assert.Equal(0, code);
        Assert.Empty(result!.Renders);
        Assert.Contains(result.Notes, n => n.Contains("No Chromium or Chrome was found", StringComparison.Ordinal) &&
            n.Contains("apt-get install chromium", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Backlog, i => i.Finding.Playbook.Id is "horizontal-overflow" or "lcp-image-lazy");
        Assert.NotNull(result.Change?.Branch);
    }

    private static string SampleSitePath => Path.Combine(AppContext.BaseDirectory, "SampleSite", "site");

    private static async Task<(int Code, string Output)> InvokeDemoCommandAsync(string reports)
    {
        var output = new StringWriter();
        var code = await FunnelOpsCli.InvokeAsync(["demo", "--out", reports], output, new StringWriter(), CancellationToken.None);
        return (code, output.ToString());
    }

    public void Dispose()
    {
        try
        {
            foreach (var file in Directory.EnumerateFiles(_work, "*", SearchOption.AllDirectories))
            {
                File.SetAttributes(file, FileAttributes.Normal);
            }

            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
