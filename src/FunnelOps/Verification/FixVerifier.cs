using FunnelOps.Classification;
using FunnelOps.Crawling;
using FunnelOps.Fixes;
using FunnelOps.Playbooks;
using FunnelOps.Rendering;
using FunnelOps.Serving;

namespace FunnelOps.Verification;

/// <summary>
/// Re-audits the pages a fix touches before anything is published: the patched working tree is
/// served on loopback, the pages (and the targets of their links) are read again, rendered again
/// when they were rendered before, and every playbook runs on them. The fixed finding must be
/// gone and nothing new may appear. Pages are compared by URL path, since the patched copy is
/// served from another address than the site.
/// </summary>
public sealed class FixVerifier
{
    private readonly SiteCrawler _crawler;
    private readonly StageClassifier _classifier;
    private readonly IReadOnlyList<Playbook> _playbooks;
    private readonly IMobileRenderer? _renderer;

    /// <summary>Creates a verifier that re-checks with the same crawler, stages, playbooks and browser as the run.</summary>
    public FixVerifier(SiteCrawler crawler, StageClassifier classifier, IReadOnlyList<Playbook> playbooks,
        IMobileRenderer? renderer)
    {
        _crawler = crawler;
        _classifier = classifier;
        _playbooks = playbooks;
        _renderer = renderer;
    }

    /// <summary>
    /// How the site is built, for sites made by a generator: the patched tree is then built in a
    /// temporary copy and the build's output is served. Null serves the patched files as they are.
    /// </summary>
    public SiteBuild? Build { get; init; }

    /// <summary>
    /// Re-checks the pages of <paramref name="fix"/>, whose edits are already written to the
    /// working tree, against the findings before it.
    /// </summary>
    public async Task<VerificationResult> VerifyAsync(
        Fix fix, IReadOnlyList<Finding> findingsBefore, IReadOnlyDictionary<Uri, RenderResult> rendersBefore,
        CrawlOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fix);
        ArgumentNullException.ThrowIfNull(options);
        using var built = Build is null ? null : await BuiltSite.BuildAsync(fix.Files[0].Source.RepositoryRoot, Build, cancellationToken);
        if (built is { Succeeded: false })
        {
            return new VerificationResult(false, built.Message, []);
        }

        if (built is null && fix.Files.FirstOrDefault(f => f.Mapping.Kind != SourceKind.Html) is { } generated)
        {
            return new VerificationResult(false,
                $"{generated.Mapping.RelativePath} is turned into the page by a site generator, and no build is " +
                "configured, so FunnelOps could not check the fix and did not publish it. Add fixes: build: " +
                "(command and output) to .funnelops/config.yml.", []);
        }

        var served = built?.OutputPath ?? fix.Files[0].Mapping.ContentRoot;
        await using var server = await StaticSiteServer.StartAsync(served, cancellationToken);
        var paths = fix.Item.Finding.Urls.Select(u => u.AbsolutePath).ToHashSet(StringComparer.Ordinal);

        var snapshots = new Dictionary<Uri, PageSnapshot>();
        foreach (var path in paths)
        {
            // Depth 1 re-reads the page and the targets of its links, which link checks need.
            var start = new Uri(server.Address, path);
            var recrawl = await _crawler.CrawlAsync(
                options with
                {
                    StartUrl = start,
                    ExtraStartUrls = [],
                    ExtraHosts = [],
                    MaxDepth = 1,
                    MaxPages = 500,
                    ReadSitemaps = false,
                    CheckResources = false,
                },
                progress: null, cancellationToken);
            foreach (var snapshot in recrawl.Snapshots)
            {
                snapshots.TryAdd(snapshot.Url, snapshot);
            }
        }

        var after = new CrawlResult(server.Address, snapshots.Values, []);
        var renders = await RerenderAsync(server.Address, paths, rendersBefore, cancellationToken);
        var stages = after.Pages.ToDictionary(p => p.Url, _classifier.Classify);
        var findingsAfter = PlaybookEvaluator.Evaluate(_playbooks, after, stages, renders);
        return Compare(fix.Item.Finding.Playbook.Id, paths, findingsBefore, findingsAfter, WholeSiteOnly(_playbooks));
    }

    private async Task<Dictionary<Uri, RenderResult>> RerenderAsync(Uri served, HashSet<string> paths,
        IReadOnlyDictionary<Uri, RenderResult> rendersBefore, CancellationToken cancellationToken)
    {
        var renders = new Dictionary<Uri, RenderResult>();
        if (_renderer is null)
        {
            return renders;
        }

        foreach (var path in rendersBefore.Keys.Select(u => u.AbsolutePath).Where(paths.Contains))
        {
            var url = new Uri(served, path);
            renders[url] = await _renderer.RenderAsync(url, cancellationToken);
        }

        return renders;
    }

    /// <summary>
    /// Playbooks that judge a page by the whole site's links (how many pages link to it, how deep
    /// it lies): the re-check reads only the edited pages and their neighbours, so a new finding of
    /// theirs there says nothing about the edit.
    /// </summary>
    private static HashSet<string> WholeSiteOnly(IReadOnlyList<Playbook> playbooks) =>
        playbooks.Where(p => p.Checks.Concat(p.Scope.Where).OfType<FieldCheck>().Any(c => c.Field is "inlinks" or "depth"))
            .Select(p => p.Id)
            .ToHashSet(StringComparer.Ordinal);

    private static VerificationResult Compare(string playbook, HashSet<string> paths, IReadOnlyList<Finding> before,
        IReadOnlyList<Finding> after, HashSet<string> wholeSiteOnly)
    {
        IEnumerable<(string Playbook, string Title, string Path)> Hits(IEnumerable<Finding> findings) =>
            findings.SelectMany(f => f.Urls.Select(u => (f.Playbook.Id, f.Playbook.Title, u.AbsolutePath)))
                .Where(h => paths.Contains(h.AbsolutePath));

        var remaining = Hits(after).Where(h => h.Playbook == playbook).ToList();
        if (remaining.Count > 0)
        {
            return new VerificationResult(false,
                $"FunnelOps applied the edit to a copy of the site and checked {remaining[0].Path} again: " +
                $"\"{remaining[0].Title}\" still fails there, so the change was not published. The page is " +
                "probably not built from the edited file; fix it by hand, or tell FunnelOps where the page comes " +
                "from under fixes: sources: in .funnelops/config.yml.", []);
        }

        var known = Hits(before).Select(h => (h.Playbook, h.Path)).ToHashSet();
        var fresh = Hits(after)
            .Where(h => !known.Contains((h.Playbook, h.Path)) && !wholeSiteOnly.Contains(h.Playbook))
            .Distinct().ToList();
        var them = paths.Count == 1 ? "the edited page" : "the edited pages";
        if (fresh.Count > 0)
        {
            var problems = fresh.Count == 1 ? "a new problem" : $"{fresh.Count} new problems";
            return new VerificationResult(false,
                $"FunnelOps applied the edit to a copy of the site and checked {them} again: the original problem " +
                $"is gone, but the edit caused {problems} " +
                $"({string.Join("; ", fresh.Select(h => $"\"{h.Title}\" on {h.Path}"))}), so the change was not " +
                "published. Fix the page by hand, keeping what the check asks for.",
                [.. fresh.Select(h => $"{h.Playbook} on {h.Path}")]);
        }

        return new VerificationResult(true,
            $"FunnelOps served {them} from the patched files and re-ran every playbook: " +
            "the problem is gone and nothing new appeared.", []);
    }
}
