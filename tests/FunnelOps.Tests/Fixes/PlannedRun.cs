using FunnelOps.Crawling;
using FunnelOps.Fixes;
using FunnelOps.Playbooks;
using FunnelOps.Tests.Support;

namespace FunnelOps.Tests.Fixes;

/// <summary>
/// Runs one fixer the way a weekly run does, on a page that lives in a small repository beside
/// other files (images, downloads, feeds): the page is read by the crawl's parser at its URL, the
/// source mapper finds its file, and the fix planner hands it to the fixer with the catalogue
/// playbook's checks and fix parameters. Use it where <see cref="FixerRun"/>'s single
/// <c>index.html</c> at <c>/</c> is not enough.
/// </summary>
public sealed class PlannedRun
{
    private static readonly IReadOnlyList<Playbook> Catalogue =
        Engine.PlaybookLoader().Load([Engine.BuiltInPlaybooks]);

    private PlannedRun(FileChange? change, string reason)
    {
        Change = change;
        Reason = reason;
    }

    /// <summary>The planned change of the page's file, or null when the fixer declined.</summary>
    public FileChange? Change { get; }

    /// <summary>Why nothing was planned; empty when a change was.</summary>
    public string Reason { get; }

    /// <summary>The file's text after the edits.</summary>
    public string NewText => Change?.NewText ?? throw new InvalidOperationException(Reason);

    /// <summary>The bytes that would be written back.</summary>
    public byte[] NewBytes => Change!.Source.Encode(NewText);

    /// <summary>
    /// Writes <paramref name="page"/> (with <paramref name="newline"/> line endings and, when
    /// <paramref name="bom"/>, a UTF-8 byte-order mark) and the other files of <paramref name="setup"/>,
    /// then plans the fix of the finding <paramref name="setup"/> describes.
    /// </summary>
    public static PlannedRun Of(
        IFixer fixer, string page, PageSetup setup, string newline = "\n", bool bom = false, FixSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(fixer);
        ArgumentNullException.ThrowIfNull(setup);
        using var folder = new TempFolder();
        var bytes = FixerRun.Bytes(page, newline, bom);
        folder.WriteBytes(setup.FilePath, bytes);
        foreach (var (path, contents) in setup.Files)
        {
            folder.WriteBytes(path, contents);
        }

        var url = new Uri(new Uri("http://127.0.0.1:4000/"), setup.UrlPath);
        var snapshot = new PageSnapshot
        {
            Url = url,
            Status = 200,
            ContentType = "text/html",
            Html = new PageParser([]).Parse(url, bytes, null),
        };
        var finding = Finding(setup, snapshot);
        var item = TestBacklog.Only(finding);

        var others = setup.Pages.Select(p => new PageSnapshot
        {
            Url = new Uri(url, p.Path),
            Status = p.Status,
            ContentType = "text/html",
            Html = p.Status == 200 ? new HtmlSummary { Title = p.Title } : null,
        });
        var crawl = new CrawlResult(url, [snapshot, .. others], []);
        var plan = new FixPlanner([fixer], settings).Plan([item], crawl, folder.Path, new HashSet<string>());
        var change = plan.Fix?.Files.Single();
        return new PlannedRun(change, plan.PassedOver.Count > 0 ? plan.PassedOver[0].Reason : "");
    }

    /// <summary>Asserts the fixer's output, text first (readable failures), then every byte.</summary>
    public static void AssertFixes(
        IFixer fixer, PageSetup setup, string before, string after, string newline, bool bom)
    {
        var run = Of(fixer, before, setup, newline, bom);

        Assert.True(run.Change is not null, run.Reason);
        Assert.Equal(after.ReplaceLineEndings(newline), run.NewText);
        Assert.Equal(FixerRun.Bytes(after, newline, bom), run.NewBytes);
    }

    private static Finding Finding(PageSetup setup, PageSnapshot page)
    {
        var playbook = Catalogue.Single(p => p.Id == setup.Playbook);
        var parameters = new Dictionary<string, string>(playbook.Fix!.Parameters, StringComparer.Ordinal);
        foreach (var (name, value) in setup.Parameters)
        {
            parameters[name] = value;
        }

        return new Finding
        {
            Playbook = playbook with { Fix = playbook.Fix with { Parameters = parameters } },
            Stage = playbook.Stages[0],
            Urls = [page.Url],
            PageTitle = page.Html!.Title,
            Evidence = setup.Evidence,
            Fingerprint = "0123456789abcdef",
        };
    }
}
