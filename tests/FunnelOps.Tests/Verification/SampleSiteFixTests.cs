using FunnelOps.Classification;
using FunnelOps.Fixes;
using FunnelOps.Rendering;
using FunnelOps.Tests.Support;
using FunnelOps.Verification;

namespace FunnelOps.Tests.Verification;

/// <summary>
/// The bundled sample site's backlog, fixed item by item: every one of the top fixable items gets a
/// fix that passes verification (the patched copy served and re-checked), and each diff touches
/// exactly the lines it must. Items the fixers rightly leave alone are listed with their reason.
/// </summary>
public sealed class SampleSiteFixTests
{
    private const int Top = 10;

    // "playbook page" -> "file: -removed lines +added lines" (1-based line numbers before and after).
    private static readonly Dictionary<string, string> ExpectedLines = new(StringComparer.Ordinal)
    {
        // The robots meta line goes; nothing is added.
        ["noindex-decision-page /pricing/"] = "pricing/index.html: -8 +",

        // The script tag's line gains defer.
        ["render-blocking-script /demo/"] = "demo/index.html: -8 +8",

        // One new line after the charset meta.
        ["viewport-missing /webinars/power-users/"] = "webinars/power-users/index.html: - +5",
        ["viewport-missing /customers/lumen-health/"] = "customers/lumen-health/index.html: - +5",

        // Each page's own description line is rewritten.
        ["duplicate-meta-description /features/forecasting/,/features/roadmaps/"] =
            "features/forecasting/index.html: -7 +7 | features/roadmaps/index.html: -7 +7",

        // A link line before the form; the hidden fields that name the guide go.
        ["gated-comparison-asset /resources/comparison-guide/"] = "resources/comparison-guide/index.html: -49,51 +48",

        // One new line after the title.
        ["meta-description-missing /changelog/"] = "changelog/index.html: - +7",

        // The two images without width and height.
        ["image-missing-dimensions /features/integrations/"] = "features/integrations/index.html: -39,71 +39,71",

        // The one link that went through two redirects.
        ["redirect-chain-link /features/"] = "features/index.html: -70 +70",
    };

    // Fixable items a fixer must decline, and the start of the reason.
    private static readonly Dictionary<string, string> ExpectedDeclines = new(StringComparer.Ordinal)
    {
        // The ROI report is promised by the form but no file is named in it, so there is nothing to link.
        ["gated-comparison-asset /roi-calculator/"] = "No form in the source hands out a file through a hidden field",
    };

    [Fact]
    public async Task The_top_fixable_findings_each_get_a_verified_fix_that_changes_only_the_lines_it_must()
    {
        using var repository = CopyOfSampleSite();
        await using var site = await ServedSite.ServeAsync(repository);
        var pipeline = await Pipeline.RunAsync(site.Address);
        var verifier = new FixVerifier(Engine.Crawler(), new StageClassifier([]), pipeline.Playbooks, renderer: null);
        var fixable = pipeline.Backlog
            .Where(i => i.Finding.Playbook.Fix is { } fix && FixPlanner.BuiltInKinds.Contains(fix.Kind))
            .Take(Top)
            .ToList();

        var lines = new Dictionary<string, string>(StringComparer.Ordinal);
        var declines = new Dictionary<string, string>(StringComparer.Ordinal);
        var failures = new List<string>();
        foreach (var item in fixable)
        {
            var key = $"{item.Finding.Playbook.Id} {string.Join(',', item.Finding.Urls.Select(u => u.AbsolutePath))}";
            var plan = new FixPlanner(FixPlanner.BuiltIn).Plan([item], pipeline.Crawl, repository.Path, new HashSet<string>());
            if (plan.Fix is not { } fix)
            {
                declines[key] = plan.PassedOver[0].Reason;
                continue;
            }

            foreach (var file in fix.Files)
            {
                await file.WriteAsync(CancellationToken.None);
            }

            var verification = await verifier.VerifyAsync(fix, pipeline.Findings, new Dictionary<Uri, RenderResult>(),
                pipeline.Options, CancellationToken.None);
            if (!verification.Passed)
            {
                failures.Add($"{key}: {verification.Summary} {string.Join("; ", verification.NewProblems)}");
            }

            lines[key] = string.Join(" | ", fix.Files.Select(f => $"{f.Mapping.RelativePath}: {Diff(f.Source.Text, f.NewText)}"));
            foreach (var file in fix.Files)
            {
                await file.RestoreAsync(CancellationToken.None);
            }
        }

        Assert.Equal(Top, fixable.Count);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(ExpectedLines.Count > 0 && lines.Count == ExpectedLines.Count &&
            ExpectedLines.All(e => lines.GetValueOrDefault(e.Key) == e.Value),
            "Changed lines:\n" + string.Join("\n", lines.Select(l => $"[\"{l.Key}\"] = \"{l.Value}\",")) +
            "\nDeclined:\n" + string.Join("\n", declines.Select(d => $"[\"{d.Key}\"] = \"{d.Value}\",")));
        Assert.Equal(ExpectedDeclines.Keys.Order(), declines.Keys.Order());
        Assert.All(ExpectedDeclines, d => Assert.StartsWith(d.Value, declines[d.Key], StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_link_to_a_guide_that_was_never_published_is_left_for_a_person()
    {
        using var repository = CopyOfSampleSite();
        await using var site = await ServedSite.ServeAsync(repository);
        var pipeline = await Pipeline.RunAsync(site.Address);
        var item = pipeline.Backlog.Single(i => i.Finding.Playbook.Id == "broken-internal-link");

        var plan = new FixPlanner(FixPlanner.BuiltIn).Plan([item], pipeline.Crawl, repository.Path, new HashSet<string>());

        Assert.Null(plan.Fix);
        Assert.Equal(
            "No page of the site clearly replaces /blog/engineering-metrics-guide/: no redirect rule names it, and no " +
            "crawled page's address or title matches it closely enough to point the link there unchecked.",
            Assert.Single(plan.PassedOver).Reason);
    }

    /// <summary>The lines a unified diff would show removed (before's numbers) and added (after's numbers).</summary>
    private static string Diff(string before, string after)
    {
        var a = before.Split('\n');
        var b = after.Split('\n');
        var common = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                common[i, j] = a[i] == b[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        var removed = new List<int>();
        var added = new List<int>();
        var (x, y) = (0, 0);
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                (x, y) = (x + 1, y + 1);
            }
            else if (y < b.Length && (x == a.Length || common[x, y + 1] >= common[x + 1, y]))
            {
                added.Add(++y);
            }
            else
            {
                removed.Add(++x);
            }
        }

        return $"-{string.Join(',', removed)} +{string.Join(',', added)}";
    }

    private static TempFolder CopyOfSampleSite()
    {
        var folder = new TempFolder();
        foreach (var file in Directory.EnumerateFiles(Engine.SampleSite, "*", SearchOption.AllDirectories))
        {
            folder.WriteBytes(Path.GetRelativePath(Engine.SampleSite, file), File.ReadAllBytes(file));
        }

        return folder;
    }
}
