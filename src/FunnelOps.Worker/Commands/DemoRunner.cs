using FunnelOps.Publishing;
using FunnelOps.Serving;
using FunnelOps.Worker.Hosting;

namespace FunnelOps.Worker.Commands;

/// <summary>
/// The demo: the bundled sample site becomes a fresh Git repository, its working tree is served on
/// loopback, and the weekly run crawls it, ranks, fixes the top finding and writes the PR text.
/// </summary>
internal static class DemoRunner
{
    /// <summary>The branch the sample site repository starts on.</summary>
    public const string BaseBranch = "main";

    /// <summary>Copies the sample site into a new repository under <paramref name="parent"/> and returns its folder.</summary>
    public static string CreateSiteRepository(string parent, TimeProvider time)
    {
        var folder = Path.Combine(parent, "keelboard-site");
        CopyFolder(BundledFiles.SampleSite, folder);
        using var repository = GitRepository.InitializeFrom(folder, BaseBranch, "Keelboard marketing site", time.GetUtcNow());
        return folder;
    }

    /// <summary>Runs the weekly job on the sample site; the repository is created under <paramref name="workFolder"/>.</summary>
    public static async Task<(int ExitCode, RunResult? Result, string Repository)> RunAsync(
        string workFolder, string outDirectory, string? chromium, bool verbose, TextWriter output, TextWriter error,
        CancellationToken cancellationToken)
    {
        var repository = CreateSiteRepository(workFolder, TimeProvider.System);
        output.WriteLine("FunnelOps demo: the weekly run on Keelboard, a sample B2B marketing site with " +
            $"{CountPages(repository)} pages.");
        output.WriteLine($"The site's source is now a Git repository at {repository}.");

        await using var server = await StaticSiteServer.StartAsync(repository, cancellationToken);
        output.WriteLine($"The site is served from that repository at {server.Address}");
        output.WriteLine();

        var request = new RunRequest
        {
            Site = server.Address,
            RepositoryPath = repository,
            OutputDirectory = outDirectory,
            ChromiumPath = chromium,
            PlaybookPaths = [BundledFiles.Playbooks],
        };
        var (code, result) = await RunInvoker.InvokeAsync(request, new RunSettings(null, null, verbose), output, error,
            cancellationToken);
        return (code, result, repository);
    }

    private static int CountPages(string folder) =>
        Directory.EnumerateFiles(folder, "*.html", SearchOption.AllDirectories)
            .Count(f => !f.Contains("/.git/", StringComparison.Ordinal));

    private static void CopyFolder(string source, string target)
    {
        if (!Directory.Exists(source))
        {
            throw new DirectoryNotFoundException(
                $"The sample site is missing from {source}. Build FunnelOps again (dotnet build) so it is copied beside the program.");
        }

        foreach (var directory in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(target, Path.GetRelativePath(source, directory)));
        }

        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(target, Path.GetRelativePath(source, file)));
        }
    }
}
