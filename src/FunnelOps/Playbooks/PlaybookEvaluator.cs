using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using FunnelOps.Classification;
using FunnelOps.Crawling;
using FunnelOps.Rendering;
using FunnelOps.Signals;

namespace FunnelOps.Playbooks;

/// <summary>Runs playbooks over the crawled pages, their stages and their renders, and returns the findings.</summary>
public static class PlaybookEvaluator
{
    /// <summary>The CSS selectors the crawl must count on every page for these playbooks.</summary>
    public static IReadOnlyCollection<string> ProbesFor(IEnumerable<Playbook> playbooks) =>
        [.. playbooks.SelectMany(p => p.Checks.Concat(p.Scope.Where)).OfType<SelectorCheck>().Select(c => c.Selector).Distinct()];

    /// <summary>
    /// Evaluates every playbook; findings come in playbook order, then page order.
    /// <paramref name="signals"/> feeds signal checks; without it they find nothing.
    /// </summary>
    public static IReadOnlyList<Finding> Evaluate(
        IEnumerable<Playbook> playbooks,
        CrawlResult crawl,
        IReadOnlyDictionary<Uri, PageStage> stages,
        IReadOnlyDictionary<Uri, RenderResult> renders,
        SiteSignals? signals = null)
    {
        ArgumentNullException.ThrowIfNull(playbooks);
        ArgumentNullException.ThrowIfNull(crawl);
        var findings = new List<Finding>();
        foreach (var playbook in playbooks)
        {
            var context = new EvaluationContext(playbook, crawl, stages, renders, signals ?? SiteSignals.None);
            var pages = crawl.Pages
                .Where(p => playbook.Scope.Contains(p.Url) && stages.TryGetValue(p.Url, out var s) &&
                    playbook.Stages.Contains(s.Stage) &&
                    playbook.Scope.Where.All(condition => EvaluatePage(context, condition, p).Evidence.Count == 0))
                .ToList();
            findings.AddRange(EvaluatePages(context, pages).Select(context.WithFacts));
        }

        return findings;
    }

    /// <summary>
    /// The value of a page field, render metric or signal by name, as shown to a reviewer; null
    /// when the page has no such value (no render, no export).
    /// </summary>
    public static string? Fact(string name, PageSnapshot page, CrawlResult crawl,
        IReadOnlyDictionary<Uri, RenderResult> renders, SiteSignals signals)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(renders);
        ArgumentNullException.ThrowIfNull(signals);
        if (PageFields.NumberFields.Contains(name))
        {
            return PageFields.Number(name, page, crawl).ToString("0.##", CultureInfo.InvariantCulture);
        }

        if (PageFields.TextFields.Contains(name))
        {
            return PageFields.Text(name, page) is { Length: > 0 } text ? (text.Length <= 120 ? text : text[..120] + "…") : null;
        }

        if (PlaybookSignals.IsKnown(name))
        {
            return PlaybookSignals.Read(name, signals.For(page.Url))?.ToString("0.###", CultureInfo.InvariantCulture);
        }

        return renders.TryGetValue(page.Url, out var render) && render.Metrics.TryGetValue(name, out var value)
            ? value.ToString("0.##", CultureInfo.InvariantCulture)
            : null;
    }

    private static IEnumerable<Finding> EvaluatePages(EvaluationContext context, List<PageSnapshot> pages)
    {
        var perPage = new Dictionary<Uri, (List<string> Evidence, List<string> Elements, FixTarget Target)>();
        foreach (var check in context.Playbook.Checks)
        {
            if (check is DuplicateCheck duplicate)
            {
                foreach (var finding in Duplicates(context, duplicate, pages))
                {
                    yield return finding;
                }

                continue;
            }

            foreach (var page in pages)
            {
                var result = EvaluatePage(context, check, page);
                if (result.Evidence.Count == 0)
                {
                    continue;
                }

                if (!perPage.TryGetValue(page.Url, out var hit))
                {
                    perPage[page.Url] = hit = ([], [], result.Target);
                }

                hit.Evidence.AddRange(result.Evidence);
                hit.Elements.AddRange(result.Elements);
            }
        }

        foreach (var page in pages.Where(p => perPage.ContainsKey(p.Url)))
        {
            var (evidence, elements, target) = perPage[page.Url];
            yield return context.Create([page.Url], evidence, target) with { Elements = elements };
        }
    }

    private static CheckResult EvaluatePage(EvaluationContext context, CheckDefinition check, PageSnapshot page) =>
        check switch
        {
            SelectorCheck selector => Selector(selector, page),
            FieldCheck field => Field(context.Crawl, field, page),
            LinkStatusCheck links => LinkStatus(context.Crawl, links, page),
            RenderedCheck rendered => Rendered(context.Templates, rendered, page),
            FormCheck form => Forms(form, page),
            SignalCheck signal => Signal(context.Signals, signal, page),
            HreflangCheck hreflang => new(SiteChecks.Hreflang(context.Crawl, hreflang, page), [], FixTarget.None),
            SitemapCheck sitemap when page.Url == context.Crawl.StartUrl =>
                new(SiteChecks.Sitemap(context.Crawl, sitemap), [], FixTarget.None),
            RobotsTxtCheck robots when page.Url == context.Crawl.StartUrl =>
                new(SiteChecks.Robots(context.Crawl, robots), [], FixTarget.None),
            _ => CheckResult.Pass,
        };

    private static CheckResult Selector(SelectorCheck check, PageSnapshot page)
    {
        var probe = page.Html!.Probes.GetValueOrDefault(check.Selector);
        var count = probe?.Count ?? 0;
        var target = new FixTarget(check.Selector, []);
        if (check.HasBounds)
        {
            return count < check.Min || count > check.Max
                ? new([$"{check.Message ?? $"`{check.Selector}` matches {count} element(s)."} " +
                    $"Expected {check.Min ?? 0} to {check.Max?.ToString(CultureInfo.InvariantCulture) ?? "any number"}."],
                    probe?.FirstMatch is { } match ? [match] : [], target)
                : CheckResult.Pass;
        }

        if (check.MustMatch && count == 0)
        {
            return new([check.Message ?? $"Nothing on the page matches `{check.Selector}`."], [], target);
        }

        if (!check.MustMatch && count > 0)
        {
            var headline = check.Message ?? $"{count} element(s) match `{check.Selector}`.";
            var first = probe!.FirstMatch ?? "";
            return new([$"{headline} {(count == 1 ? "It is" : $"{count} elements; the first is")} `{first}`"], [first], target);
        }

        return CheckResult.Pass;
    }

    private static CheckResult Field(CrawlResult crawl, FieldCheck check, PageSnapshot page)
    {
        var problem = PageFields.NumberFields.Contains(check.Field)
            ? NumberProblem(check, PageFields.Number(check.Field, page, crawl))
            : TextProblem(check, PageFields.Text(check.Field, page));
        return problem is null
            ? CheckResult.Pass
            : new([check.Message is null ? problem : $"{check.Message} {problem}"], [], FixTarget.None);
    }

    private static string? NumberProblem(FieldCheck check, double value) =>
        value < check.Min ? $"The page has {value:0.#} for {check.Field}; at least {check.Min:0.#} is expected."
        : value > check.Max ? $"The page has {value:0.#} for {check.Field}; at most {check.Max:0.#} is expected."
        : null;

    private static string? TextProblem(FieldCheck check, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return check.Required ? $"The page has no {check.Field}." : null;
        }

        var shown = text.Length <= 120 ? text : text[..120] + "…";
        if (text.Length < check.MinLength || text.Length > check.MaxLength)
        {
            return $"The {check.Field} is {text.Length} characters (expected {check.MinLength ?? 0}-{check.MaxLength?.ToString(CultureInfo.InvariantCulture) ?? "any"}): \"{shown}\"";
        }

        if (check.Matches is { } pattern && !IsMatch(pattern, text))
        {
            return $"The {check.Field} \"{shown}\" does not have what is expected.";
        }

        return check.Forbids is { } forbidden && IsMatch(forbidden, text)
            ? $"The {check.Field} \"{shown}\" has what it should not."
            : null;
    }

    private static bool IsMatch(string pattern, string text)
    {
        try
        {
            return Regex.IsMatch(text, pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50));
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static CheckResult LinkStatus(CrawlResult crawl, LinkStatusCheck check, PageSnapshot page)
    {
        var evidence = new List<string>();
        var retargets = new List<KeyValuePair<string, string>>();
        foreach (var link in page.Html!.Links.Where(l => l.Target is not null).DistinctBy(l => l.Href))
        {
            if (crawl.Find(link.Target!) is not { } target)
            {
                continue;
            }

            var broken = target.IsBroken;
            if (check.Broken && broken)
            {
                var status = target.Status == 0 ? "does not answer" : $"answers {target.Status}";
                evidence.Add($"The link \"{link.Text}\" to {link.Href} {status}.");
            }
            else if (check.MaxRedirects is { } max && target.Redirects.Count > max)
            {
                var chain = string.Join(" → ", target.Redirects.Select(h => h.From.AbsolutePath)
                    .Append(target.FinalUrl.AbsolutePath));
                evidence.Add($"The link \"{link.Text}\" goes through {target.Redirects.Count} redirects: {chain}.");
                // The link is pointed at the end of the chain only when that end is a page of the same site
                // that answered: a chain ending elsewhere, or at a page the crawl refused, is reported alone.
                if (IsRetargetable(crawl, page.Url, target.FinalUrl))
                {
                    retargets.Add(new(link.Href, target.FinalUrl.PathAndQuery));
                }
            }
        }

        return new(evidence, [.. retargets.Select(r => r.Key)], new FixTarget(null, retargets));
    }

    private static bool IsRetargetable(CrawlResult crawl, Uri page, Uri end) =>
        end.Authority == page.Authority && !end.PathAndQuery.StartsWith("//", StringComparison.Ordinal) &&
        crawl.Find(end) is { Status: >= 200 and < 300, Redirects.Count: 0 };

    private static CheckResult Rendered(TemplateRenders renders, RenderedCheck check, PageSnapshot page)
    {
        var (evidence, elements, own) = check.Judge(renders, page);
        return new([.. evidence], elements, own ? Target(check.Metric, elements) : FixTarget.None);
    }

    private static CheckResult Signal(SiteSignals signals, SignalCheck check, PageSnapshot page)
    {
        if (PlaybookSignals.Read(check.Signal, signals.For(page.Url)) is not { } value ||
            (value >= (check.Min ?? double.MinValue) && value <= (check.Max ?? double.MaxValue)))
        {
            return CheckResult.Pass;
        }

        var shown = value.ToString("0.###", CultureInfo.InvariantCulture);
        var bound = value < check.Min
            ? $"at least {check.Min.Value.ToString("0.###", CultureInfo.InvariantCulture)}"
            : $"at most {check.Max!.Value.ToString("0.###", CultureInfo.InvariantCulture)}";
        var headline = check.Message ?? $"The team's figures give {check.Signal} {shown} for this page.";
        return new([$"{headline} Measured: {check.Signal} {shown}; expected {bound}."], [], FixTarget.None);
    }

    private static FixTarget Target(string metric, IReadOnlyList<string> elements) =>
        metric == RenderMetrics.LcpImageLazy && elements.Count > 0 ? new FixTarget(elements[0], []) : FixTarget.None;

    private static CheckResult Forms(FormCheck check, PageSnapshot page)
    {
        var evidence = new List<string>();
        foreach (var form in page.Html!.Forms.Where(f => f.VisibleFields.Count > check.MaxVisibleFields))
        {
            var guarded = GuardedAsset(check, form);
            if (check.Guards.Count > 0 && guarded is null)
            {
                continue;
            }

            var what = guarded is null ? "" : $" to get {guarded}";
            evidence.Add($"A form asks for {form.VisibleFields.Count} fields{what} " +
                $"(limit {check.MaxVisibleFields}): {string.Join(", ", form.VisibleFields.Take(12))}.");
        }

        return new(evidence, [], FixTarget.None);
    }

    private static string? GuardedAsset(FormCheck check, FormSnapshot form)
    {
        var candidates = form.HiddenInputs.Select(h => h.Value).Append(form.Action?.AbsolutePath ?? "");
        return candidates.FirstOrDefault(value => check.Guards.Any(guard =>
            value.Contains(guard, StringComparison.OrdinalIgnoreCase)));
    }

    private static IEnumerable<Finding> Duplicates(EvaluationContext context, DuplicateCheck check, List<PageSnapshot> pages)
    {
        var groups = pages
            .Select(page => (page, value: FieldValue(page.Html!, check.Field)))
            .Where(x => !string.IsNullOrWhiteSpace(x.value))
            .GroupBy(x => x.value!.Trim(), StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1);
        foreach (var group in groups)
        {
            var urls = group.Select(x => x.page.Url).ToList();
            var text = group.Key.Length > 160 ? group.Key[..160] + "…" : group.Key;
            var headline = check.Message ?? $"{urls.Count} pages share the same {check.Field}.";
            yield return context.Create(urls, [$"{headline} \"{text}\""], FixTarget.None);
        }
    }

    private static string? FieldValue(HtmlSummary html, string field) => field switch
    {
        "title" => html.Title,
        "meta-description" => html.MetaDescription,
        "h1" => html.H1.Count > 0 ? html.H1[0] : null,
        _ => null,
    };

    private sealed record CheckResult(List<string> Evidence, IReadOnlyList<string> Elements, FixTarget Target)
    {
        public static CheckResult Pass { get; } = new([], [], FixTarget.None);
    }

    private sealed record EvaluationContext(
        Playbook Playbook,
        CrawlResult Crawl,
        IReadOnlyDictionary<Uri, PageStage> Stages,
        IReadOnlyDictionary<Uri, RenderResult> Renders,
        SiteSignals Signals)
    {
        public TemplateRenders Templates { get; } = new(Crawl, Renders);

        // The playbook's evidence list, read on the finding's first page.
        public Finding WithFacts(Finding finding)
        {
            if (Playbook.Evidence.Count == 0 || Crawl.Find(finding.Urls[0]) is not { } page)
            {
                return finding;
            }

            var facts = Playbook.Evidence
                .Select(name => new KeyValuePair<string, string>(name, Fact(name, page, Crawl, Renders, Signals) ?? "unknown"))
                .ToList();
            return finding with { Facts = facts };
        }

        public Finding Create(IReadOnlyList<Uri> urls, IReadOnlyList<string> evidence, FixTarget target) => new()
        {
            Playbook = Playbook,
            Stage = Stages[urls[0]].Stage,
            Urls = urls,
            PageTitle = Crawl.Find(urls[0])?.Html?.Title,
            Evidence = evidence,
            Target = target,
            Fingerprint = Fingerprint(Playbook.Id, urls, target),
        };

        private static string Fingerprint(string playbook, IEnumerable<Uri> urls, FixTarget target)
        {
            var key = $"{playbook}|{string.Join(' ', urls.Select(u => u.AbsolutePath).Order(StringComparer.Ordinal))}" +
                $"|{target.Selector}|{string.Join(' ', target.Links.Select(l => l.Key))}";
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16];
        }
    }
}
