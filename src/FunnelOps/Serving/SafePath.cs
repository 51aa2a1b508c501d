namespace FunnelOps.Serving;

/// <summary>
/// Decides whether a path stays inside a folder. Crawled URLs choose paths, so every folder on
/// the way is checked: a symbolic link anywhere could otherwise lead out of the folder.
/// </summary>
public static class SafePath
{
    /// <summary>
    /// True when <paramref name="path"/> is below <paramref name="root"/>, every symbolic link on
    /// the way (the file or a folder between them) points inside the root too, and no part of it
    /// below the root is hidden (starts with a dot, like <c>.git</c>).
    /// </summary>
    public static bool IsInside(string root, string path)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(path);
        var fullRoot = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        var fullPath = Path.GetFullPath(path);
        if (!fullPath.StartsWith(fullRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return false;
        }

        var relative = fullPath[(fullRoot.Length + 1)..];
        if (relative.Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.')))
        {
            return false;
        }

        for (var current = fullPath; current.Length > fullRoot.Length; current = Path.GetDirectoryName(current)!)
        {
            var info = new FileInfo(current);
            if (info.LinkTarget is null)
            {
                continue;
            }

            var target = info.ResolveLinkTarget(returnFinalTarget: true)?.FullName;
            if (target is null || !target.StartsWith(fullRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
