using AngleSharp.Dom;
using FunnelOps.Crawling;
using FunnelOps.Playbooks;

namespace FunnelOps.Fixes.Fixers;

/// <summary>
/// Opens a gated download: a direct link to the file goes on its own line right before the form
/// that guarded it, and the form stays as an optional way to get in touch. The form's hidden
/// fields that named the file are removed, since the form no longer hands it out. With
/// <c>with: { keep_form: "false" }</c> the form is replaced by the link instead. In Markdown the
/// link is written as Markdown.
/// </summary>
public sealed class UngateAssetFixer : IMarkdownFixer
{
    private const string DefaultText = "Download the guide directly";

    // Without a form check to say what counts as guarded, these downloads do.
    private static readonly string[] DefaultGuards = [".pdf", ".pptx", ".xlsx", ".docx", ".zip"];

    /// <inheritdoc />
    public string Kind => "ungate-asset";

    /// <inheritdoc />
    public FixerResult Propose(Finding finding, PageSnapshot page, HtmlSource source) =>
        Ungate(finding, page, source, null);

    /// <inheritdoc />
    public FixerResult ProposeMarkdown(Finding finding, PageSnapshot page, MarkdownSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Ungate(finding, page, source.Html, source);
    }

    private static FixerResult Ungate(Finding finding, PageSnapshot page, HtmlSource source, MarkdownSource? markdown)
    {
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(source);
        var guards = finding.Playbook.Checks.OfType<FormCheck>().FirstOrDefault() is { Guards.Count: > 0 } check
            ? check.Guards
            : DefaultGuards;
        if (FindGate(source, finding, page.Url, guards, markdown) is not { } gate)
        {
            return FixerResult.Declined("No form in the source hands out a file through a hidden field " +
                "(such as a PDF), so there is no file to link directly.");
        }

        // A form whose own address names the file would still count as its gate after the edit;
        // a form without an action sends its answers to the page itself.
        var action = Uri.TryCreate(page.Url, gate.Form.Element.GetAttribute("action")?.Trim() ?? "", out var url)
            ? url.AbsolutePath
            : "";
        if (guards.FirstOrDefault(g => action.Contains(g, StringComparison.OrdinalIgnoreCase)) is { } named)
        {
            return FixerResult.Declined($"The form sends its answers to {action}, an address containing " +
                $"\"{named}\", so it would still count as the gate after the edit; link the file by hand.");
        }

        if (!IsPublished(source, page.Url, gate.Asset))
        {
            return FixerResult.Declined($"The file {gate.Asset} is not in the repository, so a direct link " +
                "might lead nowhere; link it by hand once it is published.");
        }

        var text = FixText.Parameter(finding, "text") ?? DefaultText;
        var link = markdown is null ? HtmlLink(source, gate, text) : MarkdownLink(gate.Asset, text);
        if (string.Equals(FixText.Parameter(finding, "keep_form"), "false", StringComparison.OrdinalIgnoreCase))
        {
            var end = source.EndOfElement(gate.Form.Tag);
            if (end < 0)
            {
                return FixerResult.Declined("The form in the source has no closing tag, so FunnelOps leaves it alone.");
            }

            return new FixerResult([new TextEdit(gate.Form.Tag.Start, end - gate.Form.Tag.Start, link)],
                $"Replaces the form that guarded {gate.Asset} with a direct link, so buyers can read it without " +
                $"filling in {gate.VisibleFields} fields.",
                "Buyers now get the file without a form, and the form is gone from this page. If the form fed " +
                "your CRM or e-mailed the file, offer another way to get in touch. Check that the link text reads well.");
        }

        // In Markdown the link needs a blank line after it to stay a paragraph of its own.
        var before = markdown is null ? link : link + source.File.LineEnding;
        var edits = new List<TextEdit> { SourceEdits.InsertLineBefore(source, gate.Form.Tag.Start, before) };
        edits.AddRange(gate.Hidden.Select(h => source.DeleteRange(h.Tag.Start, h.Tag.End)));
        return new FixerResult(edits, Summary(gate), ReviewNote(gate));
    }

    private static string HtmlLink(HtmlSource source, Gate gate, string text)
    {
        var quote = FixText.QuoteFor(gate.Form.Tag, source);
        var href = HtmlSource.EscapeAttribute(gate.Asset, quote);
        return $"<p><a href={quote}{href}{quote}>{FixText.EscapeContent(text)}</a></p>";
    }

    private static string MarkdownLink(string asset, string text)
    {
        var label = text.Replace("[", "\\[", StringComparison.Ordinal).Replace("]", "\\]", StringComparison.Ordinal);
        var target = asset.Any(c => c is ' ' or '(' or ')' or '<' or '>') ? $"<{asset.Replace(">", "%3E", StringComparison.Ordinal)}>" : asset;
        return $"[{label}]({target})";
    }

    private static Gate? FindGate(
        HtmlSource source, Finding finding, Uri pageUrl, IReadOnlyList<string> guards, MarkdownSource? markdown)
    {
        var hiddenInputs = source.Find("input[type='hidden' i]");
        var gates = new List<Gate>();
        foreach (var form in source.Find("form").Where(f => markdown is null || !markdown.IsInCode(f.Tag.Start)))
        {
            var naming = hiddenInputs
                .Where(h => form.Element.Contains(h.Element) && Names(h.Element.GetAttribute("value") ?? "", guards))
                .ToList();
            var asset = naming
                .Select(h => h.Element.GetAttribute("value")!.Trim())
                .FirstOrDefault(value => IsFile(pageUrl, value));
            if (asset is not null)
            {
                gates.Add(new Gate(form, naming, asset, VisibleFields(form.Element)));
            }
        }

        // The form the finding saw ("... to get /files/guide.pdf"), else the first that hands out a file.
        return gates.FirstOrDefault(g => finding.Evidence.Any(e => e.Contains(g.Asset, StringComparison.Ordinal))) ??
            gates.FirstOrDefault();
    }

    private static bool Names(string value, IReadOnlyList<string> guards) =>
        guards.Any(g => value.Contains(g, StringComparison.OrdinalIgnoreCase));

    // Only an address of a file can be linked: "roi-report" alone names a campaign, not a download.
    private static bool IsFile(Uri pageUrl, string value) =>
        Uri.TryCreate(pageUrl, value, out var url) && url.Scheme is "http" or "https" &&
        Path.GetExtension(url.AbsolutePath).Length > 1;

    // A file on the site itself must be in the repository; one on another site (a CDN, a form
    // tool) is linked as it is.
    private static bool IsPublished(HtmlSource source, Uri pageUrl, string asset) =>
        !Uri.TryCreate(pageUrl, asset, out var target) || target.Authority != pageUrl.Authority ||
        (SiteFiles.ContentRoot(source, pageUrl) is { } root &&
            SiteFiles.Find(source, pageUrl, root, asset, out _) is not null);

    // Counted as the crawl counts them: what a visitor fills in, not buttons or hidden fields.
    private static int VisibleFields(IElement form) =>
        form.QuerySelectorAll("input, select, textarea").Count(field => field.GetAttribute("type")?.ToLowerInvariant()
            is not ("hidden" or "submit" or "button" or "image" or "reset"));

    private static string Summary(Gate gate) =>
        $"Links {gate.Asset} directly, right before the form, so buyers can read it without filling in " +
        $"{gate.VisibleFields} fields; the form stays as an optional way to get in touch.";

    private static string ReviewNote(Gate gate)
    {
        var one = gate.Hidden.Count == 1;
        var names = string.Join(", ", gate.Hidden.Select(h => $"\"{h.Element.GetAttribute("name") ?? "unnamed"}\""));
        return "Buyers comparing options now get the file without a form. " +
            "The form stays for those who want to talk, but it no longer hands out the file, " +
            $"so FunnelOps removed its {(one ? "hidden field" : "hidden fields")} {names} naming it. " +
            $"If your form tool uses {(one ? "that field" : "those fields")} to e-mail the file or to tag leads, " +
            "change it there. Check that the link text reads well next to the form.";
    }

    private sealed record Gate(
        (IElement Element, StartTag Tag) Form,
        IReadOnlyList<(IElement Element, StartTag Tag)> Hidden,
        string Asset,
        int VisibleFields);
}
