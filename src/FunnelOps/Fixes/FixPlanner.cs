using FunnelOps.Crawling;
using FunnelOps.Prioritization;

namespace FunnelOps.Fixes;

/// <summary>
/// Picks the highest-ranked backlog item that a fixer can resolve in the site repository and
/// prepares its edits. Items it passes over are reported with the reason.
/// </summary>
public sealed class FixPlanner
{
    private readonly IReadOnlyDictionary<string, IFixer> _fixers;

    /// <summary>Creates a planner with the given fixers.</summary>
    public FixPlanner(IEnumerable<IFixer> fixers)
    {
        _fixers = fixers.ToDictionary(f => f.Kind, StringComparer.Ordinal);
    }

    /// <summary>Every built-in fixer.</summary>
    public static IReadOnlyList<IFixer> BuiltIn { get; } =
    [
        new Fixers.InsertMetaDescriptionFixer(),
        new Fixers.InsertViewportFixer(),
        new Fixers.RemoveNoindexFixer(),
        new Fixers.DeferScriptFixer(),
        new Fixers.EagerLcpImageFixer(),
        new Fixers.RetargetLinkFixer(),
        new Fixers.InsertCanonicalFixer(),
        new Fixers.SetLangFixer(),
        new Fixers.SetImageDimensionsFixer(),
        new Fixers.SetImageAltFixer(),
        new Fixers.InsertTitleFixer(),
        new Fixers.RetitleFromH1Fixer(),
        new Fixers.ShortenTitleFixer(),
        new Fixers.RewriteMetaDescriptionFixer(),
        new Fixers.DemoteExtraH1Fixer(),
        new Fixers.UngateAssetFixer(),
        new Fixers.InsertEventDataFixer(),
        new Fixers.LinkFeedFixer(),
    ];

    /// <summary>The fix kinds built-in fixers handle.</summary>
    public static IReadOnlySet<string> BuiltInKinds { get; } =
        new HashSet<string>(BuiltIn.Select(f => f.Kind), StringComparer.Ordinal);

    /// <summary>Plans the fix of the first item in <paramref name="backlog"/> that can be fixed.</summary>
    public FixPlan Plan(IReadOnlyList<BacklogItem> backlog, CrawlResult crawl, string repositoryRoot,
        IReadOnlySet<string> rejectedFingerprints)
    {
        ArgumentNullException.ThrowIfNull(backlog);
        ArgumentNullException.ThrowIfNull(crawl);
        var passedOver = new List<(BacklogItem, string)>();
        var mapper = new SourceMapper(repositoryRoot);
        foreach (var item in backlog)
        {
            if (item.Finding.Playbook.Fix is not { } definition || !_fixers.TryGetValue(definition.Kind, out var fixer))
            {
                continue;
            }

            if (rejectedFingerprints.Contains(item.Finding.Fingerprint))
            {
                passedOver.Add((item, "A reviewer closed an earlier pull request for this finding without merging it."));
                continue;
            }

            var (fix, reason) = TryFix(item, fixer, crawl, mapper, repositoryRoot);
            if (fix is not null)
            {
                return new FixPlan(fix, passedOver);
            }

            passedOver.Add((item, reason));
        }

        return new FixPlan(null, passedOver);
    }

    private static (Fix?, string) TryFix(
        BacklogItem item, IFixer fixer, CrawlResult crawl, SourceMapper mapper, string repositoryRoot)
    {
        var changes = new List<FileChange>();
        foreach (var url in item.Finding.Urls)
        {
            if (crawl.Find(url) is not { Html: not null } page)
            {
                return (null, $"{url} was not read as a page.");
            }

            if (mapper.Map(page, out var why) is not { } mapping)
            {
                return (null, why);
            }

            if (changes.Any(c => c.Mapping.RelativePath == mapping.RelativePath))
            {
                continue;
            }

            SourceFile source;
            try
            {
                source = SourceFile.Read(repositoryRoot, mapping.RelativePath);
            }
            catch (InvalidDataException exception)
            {
                return (null, exception.Message);
            }

            var html = new HtmlSource(source) { ContentRoot = mapping.ContentRoot };
            var result = fixer.Propose(item.Finding, page, html);
            if (!result.HasEdits)
            {
                return (null, result.Summary);
            }

            var newText = TextEdit.Apply(source.Text, result.Edits);
            changes.Add(new FileChange(mapping, source, newText, result.Summary, result.ReviewNote));
        }

        return changes.Count == 0 ? (null, "The finding names no page.") : (new Fix(item, changes), "");
    }
}
