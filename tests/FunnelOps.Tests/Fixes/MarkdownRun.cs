using FunnelOps.Crawling;
using FunnelOps.Fixes;
using FunnelOps.Playbooks;
using FunnelOps.Tests.Support;

namespace FunnelOps.Tests.Fixes;

/// <summary>
/// Runs one fixer the way a weekly run does on a page a site generator builds from Markdown: a
/// Hugo repository holds <c>content/features.md</c> (written with the given line endings and mark),
/// the crawl read the generated page at <c>/features/</c>, and the fix planner maps the URL to the
/// Markdown file and hands it to the fixer with the catalogue playbook's checks and parameters.
/// </summary>
public sealed class MarkdownRun
{
    public const string FilePath = "content/features.md";

    private static readonly Uri Site = new("http://127.0.0.1:4000/");

    private static readonly IReadOnlyList<Playbook> Catalogue =
        Engine.PlaybookLoader().Load([Engine.BuiltInPlaybooks]);

    private MarkdownRun(FileChange? change, string reason)
    {
        Change = change;
        Reason = reason;
    }

    /// <summary>The planned change, or null when the fixer declined.</summary>
    public FileChange? Change { get; }

    /// <summary>Why nothing was planned; empty when a change was.</summary>
    public string Reason { get; }

    /// <summary>
    /// Plans the fix of a <paramref name="playbook"/> finding on <c>/features/</c>, whose live HTML is
    /// <paramref name="live"/> and whose source is <paramref name="markdown"/>. <paramref name="pages"/>
    /// are other pages the crawl read (URL path, status, title); <paramref name="target"/> is the
    /// finding's fix target.
    /// </summary>
    public static MarkdownRun Of(IFixer fixer, string playbook, string markdown, string live, string newline = "\n",
        bool bom = false, FixTarget? target = null, IReadOnlyList<(string Path, int Status, string Title)>? pages = null,
        IReadOnlyList<(string Path, byte[] Contents)>? files = null)
    {
        ArgumentNullException.ThrowIfNull(fixer);
        using var repository = TempFolder.With(("hugo.toml", "title = \"Keelboard\"\n"));
        repository.WriteBytes(FilePath, FixerRun.Bytes(markdown, newline, bom));
        foreach (var (path, contents) in files ?? [])
        {
            repository.WriteBytes(path, contents);
        }

        var url = new Uri(Site, "/features/");
        var snapshot = new PageSnapshot
        {
            Url = url,
            Status = 200,
            ContentType = "text/html",
            Html = new PageParser([]).Parse(url, System.Text.Encoding.UTF8.GetBytes(live), null),
        };
        var others = (pages ?? []).Select(p => new PageSnapshot
        {
            Url = new Uri(Site, p.Path),
            Status = p.Status,
            ContentType = "text/html",
            Html = p.Status == 200 ? new HtmlSummary { Title = p.Title } : null,
        });

        var definition = Catalogue.Single(p => p.Id == playbook);
        var finding = new Finding
        {
            Playbook = definition,
            Stage = definition.Stages[0],
            Urls = [url],
            PageTitle = snapshot.Html.Title,
            Evidence = ["Found by a test."],
            Target = target ?? FixTarget.None,
            Fingerprint = "0123456789abcdef",
        };

        var crawl = new CrawlResult(Site, [snapshot, .. others], []);
        var plan = new FixPlanner([fixer]).Plan([TestBacklog.Only(finding)], crawl, repository.Path,
            new HashSet<string>());
        return new MarkdownRun(plan.Fix?.Files.Single(), plan.PassedOver.Count > 0 ? plan.PassedOver[0].Reason : "");
    }

    /// <summary>Asserts that the fix lands in the Markdown file and gives exactly <paramref name="after"/>, byte for byte.</summary>
    public void AssertGives(string after, string newline, bool bom)
    {
        Assert.True(Change is not null, Reason);
        Assert.Equal(FilePath, Change.Mapping.RelativePath);
        Assert.Equal(SourceKind.Markdown, Change.Mapping.Kind);
        Assert.Equal(after.ReplaceLineEndings(newline), Change.NewText);
        Assert.Equal(FixerRun.Bytes(after, newline, bom), Change.Source.Encode(Change.NewText));
    }
}
