using System.Diagnostics;
using System.Text;

namespace FunnelOps.Verification;

/// <summary>
/// A copy of the site repository's working tree, built with the site's generator in a temporary
/// folder, so that the repository itself gains no build output. Disposing deletes the copy.
/// </summary>
public sealed class BuiltSite : IDisposable
{
    private const int MaxLogChars = 2_000;
    private static readonly HashSet<string> NotCopied = new([".git", "node_modules"], StringComparer.Ordinal);

    private BuiltSite(string folder, string outputPath, bool succeeded, string message)
    {
        Folder = folder;
        OutputPath = outputPath;
        Succeeded = succeeded;
        Message = message;
    }

    /// <summary>The temporary copy of the working tree.</summary>
    public string Folder { get; }

    /// <summary>The full path of the built site inside the copy.</summary>
    public string OutputPath { get; }

    /// <summary>True when the build finished without error and wrote its output folder.</summary>
    public bool Succeeded { get; }

    /// <summary>What went wrong, for the report; empty when the build succeeded.</summary>
    public string Message { get; }

    /// <summary>Copies the working tree at <paramref name="repositoryRoot"/> and runs <paramref name="build"/> in the copy.</summary>
    public static async Task<BuiltSite> BuildAsync(string repositoryRoot, SiteBuild build, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(build);
        var root = Path.GetFullPath(repositoryRoot);
        var folder = Directory.CreateTempSubdirectory("funnelops-build-").FullName;
        var output = Path.Combine(folder, build.Output);
        CopyTree(root, folder, root, skip: build.Output);

        // Dependencies are linked, not copied: they can be large, and the build only reads them.
        var modules = Path.Combine(root, "node_modules");
        if (Directory.Exists(modules))
        {
            Directory.CreateSymbolicLink(Path.Combine(folder, "node_modules"), modules);
        }

        var (exitCode, log) = await RunAsync(build, folder, cancellationToken);
        if (exitCode is null)
        {
            return new BuiltSite(folder, output, false,
                $"The site's build (`{build.Command}`) took longer than {build.Timeout.TotalSeconds:0} seconds and was " +
                "stopped, so the fix could not be checked and was not published. Raise fixes: build: timeout_seconds " +
                "in .funnelops/config.yml if the site needs longer.");
        }

        // The shell answers 127 when the command is not installed: say so rather than quote the shell.
        if (exitCode == 127)
        {
            return new BuiltSite(folder, output, false,
                $"The site's build command (`{build.Command}`) is not installed on the machine FunnelOps runs on, " +
                "so the fix could not be checked and was not published. Install the site's generator there " +
                "(for Hugo: apt-get install hugo), or change fixes: build: command in .funnelops/config.yml.");
        }

        if (exitCode != 0 || !Directory.Exists(output))
        {
            var what = exitCode != 0 ? $"failed (exit code {exitCode})" : $"finished but wrote no {build.Output} folder";
            return new BuiltSite(folder, output, false,
                $"After the edit, the site's build (`{build.Command}`) {what}, so the fix was not published. " +
                $"The build said: {log}");
        }

        return new BuiltSite(folder, output, true, "");
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder left behind is harmless; the system cleans it up.
        }
    }

    private static void CopyTree(string from, string to, string root, string skip)
    {
        foreach (var entry in new DirectoryInfo(from).EnumerateFileSystemInfos())
        {
            var relative = Path.GetRelativePath(root, entry.FullName).Replace('\\', '/');
            if (NotCopied.Contains(entry.Name) || relative == skip.Trim('/'))
            {
                continue;
            }

            // A link that leads out of the repository is not followed: nothing outside it reaches the build.
            if (entry.LinkTarget is not null &&
                (entry.ResolveLinkTarget(returnFinalTarget: true) is not { } target || !IsInside(root, target.FullName)))
            {
                continue;
            }

            var destination = Path.Combine(to, entry.Name);
            if (entry is DirectoryInfo directory)
            {
                Directory.CreateDirectory(destination);
                CopyTree(directory.FullName, destination, root, skip);
            }
            else
            {
                File.Copy(entry.FullName, destination);
            }
        }
    }

    private static bool IsInside(string root, string path) =>
        path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static async Task<(int? ExitCode, string Log)> RunAsync(
        SiteBuild build, string folder, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("/bin/sh")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(build.Command);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("The shell did not start.");
        var log = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(build.Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            return (null, "");
        }

        log.Append((await stderr).Trim()).Append(' ').Append((await stdout).Trim());

        // Paths in the build's messages name the temporary copy; the reader knows the repository's own.
        var text = log.ToString().Replace(folder + Path.DirectorySeparatorChar, "", StringComparison.Ordinal).Trim();
        return (process.ExitCode, text.Length > MaxLogChars ? "…" + text[^MaxLogChars..] : text);
    }
}
