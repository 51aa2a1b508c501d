using FunnelOps.Crawling;
using FunnelOps.Playbooks;

namespace FunnelOps.Fixes.Fixers;

/// <summary>
/// Adds <c>defer</c> to external scripts in the head that block rendering, so the page paints
/// before they run. Scripts run in the same order as before, after the document is parsed.
/// </summary>
public sealed class DeferScriptFixer : IFixer
{
    private const string BlockingScripts = "head script[src]:not([async]):not([defer]):not([type='module'])";

    /// <inheritdoc />
    public string Kind => "defer-script";

    /// <inheritdoc />
    public FixerResult Propose(Finding finding, PageSnapshot page, HtmlSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var scripts = source.Find(BlockingScripts);
        if (scripts.Count == 0)
        {
            return FixerResult.Declined("The source has no render-blocking script in its head.");
        }

        var edits = scripts.Select(s => new TextEdit(s.Tag.InsertionPoint, 0, " defer")).ToList();
        var names = string.Join(", ", scripts.Select(s => Path.GetFileName(s.Tag.Attribute("src")?.Value ?? "")));
        return new FixerResult(edits, $"Adds defer to {names}, so the page appears before the script runs.",
            "Check that nothing on the page calls this script inline before the page has finished loading.");
    }
}
