using FunnelOps.Serving;

namespace FunnelOps.Fixes;

/// <summary>
/// Finds the shared layouts, partials and includes of a generated site, where markup that every
/// page shares (the head, the html tag, the navigation) is written. The most likely files come
/// first: the site's own before a theme's, files that write the head before those that do not.
/// </summary>
internal static class TemplateLocator
{
    private const int MaxFiles = 2_000;

    private static readonly string[] Folders =
        ["layouts", "_layouts", "_includes", "src/_includes", "src/layouts", "src/components", "src/_layouts"];

    private static readonly string[] Extensions =
        [".html", ".htm", ".njk", ".liquid", ".astro", ".hbs", ".tmpl", ".gohtml", ".webc"];

    private static readonly string[] BaseNames = ["baseof", "default", "base", "layout", "head", "header"];

    /// <summary>The template files of the repository at <paramref name="root"/>, most likely first (relative paths).</summary>
    public static IReadOnlyList<string> Candidates(string root)
    {
        var folders = Folders.Select(f => (Folder: f, Theme: false)).ToList();
        var themes = Path.Combine(root, "themes");
        if (Directory.Exists(themes))
        {
            folders.AddRange(Directory.EnumerateDirectories(themes).Order(StringComparer.Ordinal)
                .Select(t => ($"themes/{Path.GetFileName(t)}/layouts", true)));
        }

        var found = new List<(string Path, int Rank)>();
        foreach (var (folder, theme) in folders)
        {
            var full = Path.Combine(root, folder);
            if (!Directory.Exists(full) || !SafePath.IsInside(root, full))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories).Take(MaxFiles))
            {
                if (!Extensions.Any(e => file.EndsWith(e, StringComparison.OrdinalIgnoreCase)) ||
                    !SafePath.IsInside(root, file))
                {
                    continue;
                }

                var text = File.ReadAllText(file);
                var rank = (theme ? 100 : 0) +
                    (text.Contains("<head", StringComparison.OrdinalIgnoreCase) ? 0 : 10) +
                    (text.Contains("<html", StringComparison.OrdinalIgnoreCase) ? 0 : 5) +
                    (BaseNames.Contains(Path.GetFileNameWithoutExtension(file), StringComparer.OrdinalIgnoreCase) ? 0 : 2);
                found.Add((Path.GetRelativePath(root, file).Replace('\\', '/'), rank));
            }
        }

        return [.. found.OrderBy(f => f.Rank).ThenBy(f => f.Path, StringComparer.Ordinal).Select(f => f.Path)];
    }
}
