using System.Text.RegularExpressions;
using AngleSharp.Dom;
using FunnelOps.Crawling;
using FunnelOps.Playbooks;

namespace FunnelOps.Fixes.Fixers;

/// <summary>
/// Gives images without an alt attribute a suggested description: the figure's caption, the
/// image's title, the label of the link it sits in, or its file name made readable. Images that
/// only decorate (role="presentation", aria-hidden) or sit in a link whose text already names
/// them get an empty alt, so screen readers skip them instead of reading a file name.
/// </summary>
public sealed partial class SetImageAltFixer : IMarkdownFixer
{
    private const int MaxAltLength = 150;

    /// <inheritdoc />
    public string Kind => "set-image-alt";

    /// <inheritdoc />
    public FixerResult Propose(Finding finding, PageSnapshot page, HtmlSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var images = source.Find("img:not([alt])");
        if (images.Count == 0)
        {
            return FixerResult.Declined(
                "Every image in the source has an alt attribute; the live page may be out of date.");
        }

        var edits = new List<TextEdit>();
        var described = new List<string>();
        var skipped = new List<string>();
        foreach (var (element, tag) in images)
        {
            var (alt, from) = Suggest(element);
            if (alt is null)
            {
                skipped.Add(element.GetAttribute("src") ?? "an image without a src");
                continue;
            }

            var quote = FixText.QuoteFor(tag, source);
            var escaped = HtmlSource.EscapeAttribute(alt, quote);
            edits.Add(new TextEdit(tag.InsertionPoint, 0, $" alt={quote}{escaped}{quote}"));
            described.Add(alt.Length == 0 ? $"an empty alt for {from}" : $"\"{alt}\" ({from})");
        }

        if (edits.Count == 0)
        {
            return FixerResult.Declined(
                $"No description could be suggested for {string.Join(", ", skipped)}: " +
                "neither their file names nor a heading beside them say what the pictures show.");
        }

        var count = edits.Count == 1 ? "1 image" : $"{edits.Count} images";
        var summary = $"Adds alt text to {count}: {string.Join("; ", described)}.";
        if (skipped.Count > 0)
        {
            summary += $" Left for a person to describe: {string.Join(", ", skipped)}.";
        }

        return new FixerResult(edits, summary,
            "The alt texts are suggested copy taken from captions, titles, link labels, file names and headings. " +
            "Check that each one says what its image shows, and reword it if needed; " +
            "an empty alt marks an image screen readers skip.");
    }

    /// <inheritdoc />
    public FixerResult ProposeMarkdown(Finding finding, PageSnapshot page, MarkdownSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var edits = new List<TextEdit>();
        var described = new List<string>();
        var skipped = new List<string>();
        foreach (var image in source.Images().Where(i => i.Alt.Trim().Length == 0 && !source.IsInCode(i.AltStart)))
        {
            var (alt, from) = image.Title is { } title && PageParser.Collapse(title) is { Length: > 0 } titleText
                ? (Bounded(titleText), "from its title")
                : (Readable(image.Source), "from its file name");
            if (alt is null && source.HeadingBefore(image.AltStart) is { } heading)
            {
                (alt, from) = (Bounded(heading), "from the heading just above it");
            }

            if (alt is null)
            {
                skipped.Add(image.Source);
                continue;
            }

            edits.Add(new TextEdit(image.AltStart, image.AltEnd - image.AltStart, EscapeMarkdown(alt)));
            described.Add($"\"{alt}\" ({from})");
        }

        // Images written as HTML inside the Markdown get an alt attribute as in an HTML page.
        foreach (var (element, tag) in source.FindHtml("img:not([alt])"))
        {
            var (alt, from) = Suggest(element);
            if (alt is null)
            {
                skipped.Add(element.GetAttribute("src") ?? "an image without a src");
                continue;
            }

            var quote = FixText.QuoteFor(tag, source.Html);
            edits.Add(new TextEdit(tag.InsertionPoint, 0, $" alt={quote}{HtmlSource.EscapeAttribute(alt, quote)}{quote}"));
            described.Add(alt.Length == 0 ? $"an empty alt for {from}" : $"\"{alt}\" ({from})");
        }

        if (edits.Count == 0)
        {
            return FixerResult.Declined(skipped.Count == 0
                ? "Every image written in the page's Markdown has alt text; the image may come from a layout."
                : $"No description could be suggested for {string.Join(", ", skipped)}: " +
                    "neither their file names nor a heading beside them say what the pictures show.");
        }

        var count = edits.Count == 1 ? "1 image" : $"{edits.Count} images";
        var summary = $"Adds alt text to {count}: {string.Join("; ", described)}.";
        if (skipped.Count > 0)
        {
            summary += $" Left for a person to describe: {string.Join(", ", skipped)}.";
        }

        return new FixerResult(edits, summary,
            "The alt texts are suggested copy taken from titles and file names. " +
            "Check that each one says what its image shows, and reword it if needed.");
    }

    // Brackets and backslashes would end or change the Markdown image; they are escaped.
    private static string EscapeMarkdown(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("[", "\\[", StringComparison.Ordinal)
            .Replace("]", "\\]", StringComparison.Ordinal);

    /// <summary>The alt text for <paramref name="image"/> and where it came from; null when nothing fits.</summary>
    internal static (string? Alt, string From) Suggest(IElement image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var role = image.GetAttribute("role")?.Trim();
        if (role is not null && (role.Equals("presentation", StringComparison.OrdinalIgnoreCase) ||
            role.Equals("none", StringComparison.OrdinalIgnoreCase)) ||
            string.Equals(image.GetAttribute("aria-hidden")?.Trim(), "true", StringComparison.OrdinalIgnoreCase))
        {
            return ("", "a decorative image");
        }

        var link = image.Closest("a[href]");
        if (link is not null && FixText.Of(link).Length > 0)
        {
            return ("", "an image in a link whose text already names it");
        }

        if (image.Closest("figure")?.Children.FirstOrDefault(c => c.LocalName == "figcaption") is { } caption &&
            FixText.Of(caption) is { Length: > 0 } captionText)
        {
            return (Bounded(captionText), "from its caption");
        }

        if (image.GetAttribute("title") is { } title && PageParser.Collapse(title) is { Length: > 0 } titleText)
        {
            return (Bounded(titleText), "from its title");
        }

        if ((link?.GetAttribute("aria-label") ?? link?.GetAttribute("title")) is { } label &&
            PageParser.Collapse(label) is { Length: > 0 } labelText)
        {
            return (Bounded(labelText), "from its link's label");
        }

        if (Readable(image.GetAttribute("src")) is { } named)
        {
            return (named, "from its file name");
        }

        return NearbyHeading(image) is { } heading ? (Bounded(heading), "from the heading just above it") : (null, "");
    }

    // The heading right before the image in its own block (a card, a section): the image's previous
    // siblings, or those of its parent or grandparent, up to the first other image.
    private static string? NearbyHeading(IElement image)
    {
        var level = image;
        for (var depth = 0; depth < 3 && level is not null; depth++, level = level.ParentElement)
        {
            for (var sibling = level.PreviousElementSibling; sibling is not null; sibling = sibling.PreviousElementSibling)
            {
                if (sibling.LocalName is "img" or "picture" or "figure" || sibling.QuerySelector("img") is not null)
                {
                    return null;
                }

                if (sibling.LocalName is "h1" or "h2" or "h3" or "h4" or "h5" or "h6")
                {
                    return FixText.Of(sibling) is { Length: > 0 } text ? text : null;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// A file name as words: <c>hero-dashboard.png</c> is "Hero dashboard"; null for names that
    /// say nothing, such as IMG_1234 from a camera.
    /// </summary>
    internal static string? Readable(string? src)
    {
        var path = (src ?? "").Split('?', '#')[0];
        var name = Path.GetFileNameWithoutExtension(Uri.UnescapeDataString(path.TrimEnd('/')));
        name = Retina().Replace(name, "");
        var words = AcronymHump().Replace(CamelHump().Replace(name, "$1 $2"), "$1 $2")
            .Split([' ', '-', '_', '.', '+', ','], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !Noise().IsMatch(w))
            .ToList();
        if (words.Count == 0 || !words.Any(w => w.Count(char.IsLetter) >= 3) ||
            (CameraPrefix().IsMatch(words[0]) && words.Skip(1).All(w => w.Count(char.IsLetter) < 3)))
        {
            return null;
        }

        // Acronyms (SSO, API) keep their capitals; other words read as a sentence.
        var sentence = words.Select((w, i) => w.Length > 1 && w.All(char.IsUpper) ? w : w.ToLowerInvariant()).ToList();
        sentence[0] = char.ToUpperInvariant(sentence[0][0]) + sentence[0][1..];
        return Bounded(string.Join(' ', sentence));
    }

    private static string Bounded(string text) => FixText.CutAtWord(text, MaxAltLength, "…");

    [GeneratedRegex("@[0-9]x$")]
    private static partial Regex Retina();

    [GeneratedRegex("([a-z])([A-Z])")]
    private static partial Regex CamelHump();

    [GeneratedRegex("([A-Z])([A-Z][a-z])")]
    private static partial Regex AcronymHump();

    // Sizes (1200x630) and content hashes (3f9a1c2b) that build tools add to file names.
    [GeneratedRegex("^([0-9]+x[0-9]+|(?=[a-f]*[0-9])[0-9a-f]{8,})$", RegexOptions.IgnoreCase)]
    private static partial Regex Noise();

    [GeneratedRegex("^(img|image|dsc|dscn|dscf|pxl|photo|pic|screenshot|screen|scan)$", RegexOptions.IgnoreCase)]
    private static partial Regex CameraPrefix();
}
