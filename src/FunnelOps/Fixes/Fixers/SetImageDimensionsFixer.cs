using System.Globalization;
using FunnelOps.Crawling;
using FunnelOps.Playbooks;

namespace FunnelOps.Fixes.Fixers;

/// <summary>
/// Gives images without a width or height the pixel size of their file, so the browser keeps
/// their space free while they load and the text below does not jump. The size is read from the
/// image file in the repository; an image that only has one of the two keeps it, and the other
/// follows the file's proportions. Images on other sites or in unknown formats are left alone.
/// </summary>
public sealed class SetImageDimensionsFixer : IFixer
{
    /// <inheritdoc />
    public string Kind => "set-image-dimensions";

    /// <inheritdoc />
    public FixerResult Propose(Finding finding, PageSnapshot page, HtmlSource source)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(source);
        var images = source.Find("img:not([width]), img:not([height])");
        if (images.Count == 0)
        {
            return FixerResult.Declined(
                "Every image in the source has a width and a height; the live page may be out of date.");
        }

        if (SiteFiles.ContentRoot(source, page.Url) is not { } contentRoot)
        {
            return FixerResult.Declined(
                "FunnelOps could not tell which folder the site is published from, so it cannot find the images.");
        }

        // Each image separately: one that cannot be read does not hold back the others.
        var edits = new List<TextEdit>();
        var sized = new List<string>();
        var skipped = new List<string>();
        var vectors = false;
        foreach (var (element, tag) in images)
        {
            var src = element.GetAttribute("src");
            var name = string.IsNullOrWhiteSpace(src) ? "an image without a src" : src.Trim();
            var file = SiteFiles.Find(source, page.Url, contentRoot, src, out var why);
            if (file is null || ImageSize.Read(file, out why) is not { } pixels ||
                Attributes(tag, pixels, FixText.QuoteFor(tag, source), out why) is not { } attributes)
            {
                skipped.Add($"{name} ({why})");
                continue;
            }

            edits.Add(new TextEdit(tag.InsertionPoint, 0, attributes));
            sized.Add($"{name} {pixels.Width}×{pixels.Height}");
            vectors |= Path.GetExtension(file).Equals(".svg", StringComparison.OrdinalIgnoreCase);
        }

        if (edits.Count == 0)
        {
            return FixerResult.Declined($"No image size could be read: {string.Join("; ", skipped)}.");
        }

        var one = sized.Count == 1;
        var summary = $"Sets the width and height of {(one ? "1 image" : $"{sized.Count} images")} to the pixel " +
            $"size of {(one ? "its file" : "their files")} ({string.Join(", ", sized)}), " +
            $"so the text below stays put while {(one ? "it loads" : "they load")}.";
        if (skipped.Count > 0)
        {
            summary += $" Left alone: {string.Join("; ", skipped)}.";
        }

        return new FixerResult(edits, summary, ReviewNote(vectors));
    }

    private static string ReviewNote(bool vectors)
    {
        var note = "If the stylesheet limits image widths (max-width: 100%), check that it also sets height: auto; " +
            "otherwise the new height attribute stretches the images on narrow screens.";

        // An SVG without a size of its own is drawn at a default size; the new attributes fix it.
        return vectors
            ? note + " SVG images such as logos and icons now have a set size: check that they look as before."
            : note;
    }

    // The missing attribute(s); a width or height already there is kept and the other follows the
    // file's proportions, so an image shown at half size stays at half size.
    private static string? Attributes(StartTag tag, (int Width, int Height) file, char quote, out string why)
    {
        var width = tag.Attribute("width");
        var height = tag.Attribute("height");
        why = "";
        if (width is null && height is null)
        {
            return $" width={quote}{file.Width}{quote} height={quote}{file.Height}{quote}";
        }

        var given = width ?? height!;
        if (!int.TryParse(given.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var pixels) || pixels <= 0)
        {
            why = $"its {given.Name.ToLowerInvariant()} \"{given.Value}\" is not a number of pixels";
            return null;
        }

        return width is not null
            ? $" height={quote}{Scale(pixels, file.Height, file.Width)}{quote}"
            : $" width={quote}{Scale(pixels, file.Width, file.Height)}{quote}";
    }

    private static int Scale(int given, int numerator, int denominator) =>
        Math.Max(1, (int)Math.Round((double)given * numerator / denominator, MidpointRounding.AwayFromZero));
}
