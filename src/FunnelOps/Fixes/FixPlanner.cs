using FunnelOps.Crawling;
using FunnelOps.Prioritization;

namespace FunnelOps.Fixes;

/// <summary>
/// Picks the highest-ranked backlog item that a fixer can resolve in the site repository and
/// prepares its edits. Items it passes over are reported with the reason.
/// </summary>
public sealed class FixPlanner
{
    // Fix kinds whose edit is the same for every page, so it may land in a shared layout or partial.
    private static readonly HashSet<string> TemplateKinds = new(
        ["insert-viewport", "set-lang", "defer-script", "remove-noindex", "set-image-alt", "set-image-dimensions",
            "eager-lcp-image", "retarget-link", "demote-extra-h1", "link-feed"],
        StringComparer.Ordinal);

    private readonly IReadOnlyDictionary<string, IFixer> _fixers;
    private readonly FixSettings _settings;

    /// <summary>Creates a planner with the given fixers and the team's fix settings.</summary>
    public FixPlanner(IEnumerable<IFixer> fixers, FixSettings? settings = null)
    {
        _fixers = fixers.ToDictionary(f => f.Kind, StringComparer.Ordinal);
        _settings = settings ?? FixSettings.Default;
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
        ArgumentNullException.ThrowIfNull(rejectedFingerprints);
        var passedOver = new List<(BacklogItem, string)>();
        var mapper = new SourceMapper(repositoryRoot, _settings);
        var context = new PlanContext(crawl, mapper, new FixGuardrails(repositoryRoot, _settings, mapper.Layout),
            Path.GetFullPath(repositoryRoot));
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

            var (fix, reason) = TryFix(item, fixer, context);
            if (fix is not null)
            {
                return new FixPlan(fix, passedOver);
            }

            passedOver.Add((item, reason));
        }

        return new FixPlan(null, passedOver);
    }

    private static (Fix?, string) TryFix(BacklogItem item, IFixer fixer, PlanContext context)
    {
        var changes = new List<FileChange>();
        foreach (var url in item.Finding.Urls)
        {
            if (context.Crawl.Find(url) is not { Html: not null } page)
            {
                return (null, $"{url} was not read as a page.");
            }

            if (context.Mapper.Map(page, out var why) is not { } mapping)
            {
                return (null, why);
            }

            var (change, reason) = Propose(item, fixer, page, mapping, context);
            if (change is null)
            {
                return (null, reason);
            }

            // A shared layout is one change, however many of the finding's pages it builds.
            if (changes.Any(c => c.Mapping.RelativePath == change.Mapping.RelativePath))
            {
                continue;
            }

            changes.Add(change);
        }

        if (changes.Count == 0)
        {
            return (null, "The finding names no page.");
        }

        return context.Guardrails.SizeRefusal(changes) is { } tooLarge ? (null, tooLarge) : (new Fix(item, changes), "");
    }

    private static (FileChange?, string) Propose(
        BacklogItem item, IFixer fixer, PageSnapshot page, SourceMapping mapping, PlanContext context)
    {
        if (context.Guardrails.Refusal(mapping.RelativePath) is { } refused)
        {
            return (null, refused);
        }

        SourceFile source;
        try
        {
            source = SourceFile.Read(context.Root, mapping.RelativePath);
        }
        catch (InvalidDataException exception)
        {
            return (null, exception.Message);
        }

        FixerResult result;
        if (mapping.Kind == SourceKind.Markdown)
        {
            result = fixer is IMarkdownFixer markdown
                ? markdown.ProposeMarkdown(item.Finding, page,
                    new MarkdownSource(source, context.Mapper.Layout.StaticRoot, context.Crawl))
                : FixerResult.Declined($"This kind of fix edits HTML, and {mapping.RelativePath} is Markdown.");
            if (!result.HasEdits && TemplateKinds.Contains(fixer.Kind))
            {
                return FromTemplates(item, fixer, page, mapping, context, result.Summary);
            }
        }
        else
        {
            var html = new HtmlSource(source) { ContentRoot = mapping.ContentRoot, Crawl = context.Crawl };
            result = fixer.Propose(item.Finding, page, html);
        }

        return result.HasEdits
            ? (new FileChange(mapping, source, TextEdit.Apply(source.Text, result.Edits), result.Summary, result.ReviewNote), "")
            : (null, result.Summary);
    }

    /// <summary>
    /// Looks for the defective markup in the site's layouts, partials and includes, the most likely
    /// first, and fixes the first one where the fixer finds it.
    /// </summary>
    private static (FileChange?, string) FromTemplates(
        BacklogItem item, IFixer fixer, PageSnapshot page, SourceMapping pageMapping, PlanContext context, string why)
    {
        var refusals = new List<string>();
        foreach (var path in TemplateLocator.Candidates(context.Root))
        {
            SourceFile source;
            try
            {
                source = SourceFile.Read(context.Root, path);
            }
            catch (InvalidDataException)
            {
                continue;
            }

            var html = new HtmlSource(source) { ContentRoot = context.Mapper.Layout.StaticRoot, Crawl = context.Crawl };
            var result = fixer.Propose(item.Finding, page, html);
            if (!result.HasEdits)
            {
                continue;
            }

            if (context.Guardrails.Refusal(path) is { } refused)
            {
                refusals.Add(refused);
                continue;
            }

            var mapping = new SourceMapping(page.Url, path, pageMapping.ContentRoot,
                pageMapping.HowFound + $" The markup this fix changes is not written in that page: it comes from " +
                $"the shared template `{path}`, found by searching the site's layouts, partials and includes for it.")
            {
                Kind = SourceKind.Template,
            };
            return (new FileChange(mapping, source, TextEdit.Apply(source.Text, result.Edits), result.Summary,
                result.ReviewNote), "");
        }

        return (null, refusals.Count > 0
            ? refusals[0]
            : $"{why} The site's layouts, partials and includes do not have the markup to change either.");
    }

    private sealed record PlanContext(CrawlResult Crawl, SourceMapper Mapper, FixGuardrails Guardrails, string Root);
}
