using FunnelOps.Serving;

namespace FunnelOps.Fixes;

/// <summary>
/// What a fix may never touch: files outside the repository (or reached through a symbolic link
/// that leads out), protected paths from the configuration, folders a site generator writes,
/// binary files; and how large its diff may be.
/// </summary>
public sealed class FixGuardrails
{
    private const int BinaryProbe = 8_000;
    private readonly string _root;
    private readonly FixSettings _settings;
    private readonly SiteLayout _layout;
    private readonly IReadOnlyList<PathGlob> _protected;

    /// <summary>Creates the guardrails of the repository at <paramref name="repositoryRoot"/>.</summary>
    public FixGuardrails(string repositoryRoot, FixSettings settings, SiteLayout layout)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _root = Path.GetFullPath(repositoryRoot);
        _settings = settings;
        _layout = layout;
        _protected = [.. settings.ProtectedPaths.Select(p => new PathGlob(p))];
    }

    /// <summary>Why FunnelOps must not edit <paramref name="relativePath"/>; null when it may.</summary>
    public string? Refusal(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        var path = relativePath.Replace('\\', '/');
        var full = Path.GetFullPath(Path.Combine(_root, path));
        if (path.Split('/').Any(s => s is ".." or ".") || Path.IsPathRooted(path) || !SafePath.IsInside(_root, full))
        {
            return $"`{path}` lies outside the site repository (or is reached through a link that leads out of it), " +
                "so FunnelOps will not edit it.";
        }

        if (_protected.FirstOrDefault(p => p.IsMatch(path)) is { } glob)
        {
            return $"`{path}` is protected by the pattern `{glob.Pattern}` in .funnelops/config.yml " +
                "(fixes: protected_paths), so FunnelOps left it alone. Fix it by hand, or remove the pattern.";
        }

        if (_layout.IsGenerated(path))
        {
            var by = _layout.Generator is { } generator ? $"{generator}'s build" : "the configured build";
            return $"`{path}` is written by {by}; an edit there would be lost at the next build, " +
                "so FunnelOps edits the files the site is built from instead.";
        }

        if (File.Exists(full) && IsBinary(full))
        {
            return $"`{path}` is a binary file, not text, so FunnelOps will not edit it.";
        }

        return null;
    }

    /// <summary>Why the change is too large to publish, given its files before and after; null when it fits.</summary>
    public string? SizeRefusal(IEnumerable<FileChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var limit = _settings.MaxChangedLines;
        var total = 0;
        foreach (var change in changes)
        {
            total += ChangedLines.Count(change.Source.Text, change.NewText, limit);
            if (total > limit)
            {
                return $"The fix would change more than {limit} lines (fixes: max_changed_lines in " +
                    ".funnelops/config.yml), too many to review quickly, so FunnelOps did not prepare it. " +
                    "Raise the limit if you want such fixes.";
            }
        }

        return null;
    }

    private static bool IsBinary(string path)
    {
        using var stream = File.OpenRead(path);
        var buffer = new byte[BinaryProbe];
        var read = stream.Read(buffer, 0, buffer.Length);
        return Array.IndexOf(buffer, (byte)0, 0, read) >= 0;
    }
}
