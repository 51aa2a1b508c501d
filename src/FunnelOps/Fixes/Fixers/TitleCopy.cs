namespace FunnelOps.Fixes.Fixers;

/// <summary>Writes and shortens page titles so that they fit in a search result (60 characters).</summary>
internal static class TitleCopy
{
    /// <summary>About what a desktop search result shows of a title; the title-too-long playbook's limit.</summary>
    public const int MaxLength = 60;

    // The shortest title left after dropping segments; anything shorter says too little.
    private const int MinKept = 20;

    // What people put between a title's topic and the site's name: "Pricing | Keelboard".
    private static readonly string[] Separators = [" | ", " - ", " — ", " – ", " · "];

    private static readonly HashSet<string> DanglingWords = new(
        ["a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with", "&"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// A title from the page's main heading, with <paramref name="suffix"/> (such as
    /// <c>| Keelboard</c>) after it when both fit in 60 characters.
    /// </summary>
    public static string FromHeading(string heading, string? suffix)
    {
        var title = Shorten(heading);
        if (suffix is null)
        {
            return title;
        }

        var withSuffix = title + " " + suffix;
        return withSuffix.Length <= MaxLength ? withSuffix : title;
    }

    /// <summary>
    /// <paramref name="title"/> in 60 characters or fewer: trailing " | x", " - x" and " — x"
    /// segments are dropped one by one, and a title still too long is cut after its last whole word.
    /// </summary>
    public static string Shorten(string title) => Shorten(title, MaxLength);

    /// <summary><paramref name="title"/> in <paramref name="max"/> characters or fewer, as <see cref="Shorten(string)"/>.</summary>
    public static string Shorten(string title, int max)
    {
        // A segment is dropped only when a real title remains: "Keelboard — sprint planning for
        // product teams who..." keeps its topic, cut after a word, rather than becoming "Keelboard".
        var shorter = title.Trim();
        while (shorter.Length > max && LastSeparator(shorter) is >= MinKept and var at)
        {
            shorter = shorter[..at].TrimEnd();
        }

        if (shorter.Length <= max)
        {
            return shorter;
        }

        // A cut title must not end on "and" or "for", which reads as if a word were missing.
        var words = FixText.CutAtWord(shorter, max).Split(' ').ToList();
        while (words.Count > 1 && DanglingWords.Contains(words[^1]))
        {
            words.RemoveAt(words.Count - 1);
        }

        return string.Join(' ', words).TrimEnd(' ', ',', ';', ':', '-', '|', '—', '–', '·');
    }

    private static int LastSeparator(string title) =>
        Separators.Select(s => title.LastIndexOf(s, StringComparison.Ordinal)).Max();
}
