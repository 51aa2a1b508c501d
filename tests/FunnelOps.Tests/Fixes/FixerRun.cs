using System.Text;
using FunnelOps.Crawling;
using FunnelOps.Fixes;
using FunnelOps.Playbooks;
using FunnelOps.Tests.Support;

namespace FunnelOps.Tests.Fixes;

/// <summary>
/// Runs one fixer on one page the way the planner does: the file is read from disk with its own
/// line endings and byte-order mark, the page is what the crawl would have read from it.
/// </summary>
public sealed class FixerRun
{
    private static readonly Uri PageUrl = new("http://127.0.0.1:4000/");

    private FixerRun(SourceFile source, FixerResult result)
    {
        Source = source;
        Result = result;
    }

    /// <summary>The file as read.</summary>
    public SourceFile Source { get; }

    /// <summary>What the fixer proposed.</summary>
    public FixerResult Result { get; }

    /// <summary>The file's text after the edits.</summary>
    public string NewText => TextEdit.Apply(Source.Text, Result.Edits);

    /// <summary>The bytes that would be written back.</summary>
    public byte[] NewBytes => Source.Encode(NewText);

    /// <summary>
    /// Writes <paramref name="page"/> with <paramref name="newline"/> line endings (and a UTF-8
    /// byte-order mark when <paramref name="bom"/>), then asks <paramref name="fixer"/> for edits.
    /// </summary>
    public static FixerRun Of(IFixer fixer, string page, string newline = "\n", bool bom = false, FixTarget? target = null)
    {
        var bytes = Bytes(page, newline, bom);
        using var folder = new TempFolder();
        folder.WriteBytes("index.html", bytes);
        var source = SourceFile.Read(folder.Path, "index.html");

        var snapshot = new PageSnapshot
        {
            Url = PageUrl,
            Status = 200,
            ContentType = "text/html",
            Html = new PageParser([]).Parse(PageUrl, bytes, null),
        };
        var finding = new Finding
        {
            Playbook = Playbook(fixer.Kind),
            Stage = Stage.Awareness,
            Urls = [PageUrl],
            PageTitle = snapshot.Html.Title,
            Evidence = ["Found by a test."],
            Target = target ?? FixTarget.None,
            Fingerprint = "0123456789abcdef",
        };
        return new FixerRun(source, fixer.Propose(finding, snapshot, new HtmlSource(source)));
    }

    /// <summary>The bytes of <paramref name="text"/> as a file with the given line endings and mark.</summary>
    public static byte[] Bytes(string text, string newline, bool bom)
    {
        var body = Encoding.UTF8.GetBytes(text.ReplaceLineEndings(newline));
        return bom ? [.. Encoding.UTF8.Preamble, .. body] : body;
    }

    /// <summary>Asserts the fixer's output, text first (readable failures), then every byte.</summary>
    public static void AssertFixes(IFixer fixer, string before, string after, string newline, bool bom, FixTarget? target = null)
    {
        var run = Of(fixer, before, newline, bom, target);

        Assert.True(run.Result.HasEdits, run.Result.Summary);
        Assert.Equal(after.ReplaceLineEndings(newline), run.NewText);
        Assert.Equal(Bytes(after, newline, bom), run.NewBytes);
    }

    private static Playbook Playbook(string fixKind) => new()
    {
        Id = "test-" + fixKind,
        Title = "A playbook for " + fixKind,
        Stages = [Stage.Awareness],
        Channel = "seo",
        Checks = [new SelectorCheck { Selector = "title", MustMatch = true }],
        Scoring = new ScoringDefinition { Uplift = 0.05, UpliftSource = "Tests.", Confidence = 0.5, Effort = 1 },
        Fix = new FixDefinition { Kind = fixKind },
        PullRequest = new PullRequestTemplate { Title = "Fix", Why = "Why.", Verify = "Verify." },
        SourcePath = "test.yml",
    };
}
