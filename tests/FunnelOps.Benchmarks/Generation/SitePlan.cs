namespace FunnelOps.Benchmarks.Generation;

/// <summary>
/// Every page of the site, its URL, title and place in a tree that reaches each page from the home
/// page in a few clicks: the home page lists the top-level pages, and each section is a
/// <see cref="Branching"/>-ary tree under its landing page.
/// </summary>
internal sealed class SitePlan
{
    public const int Branching = 12;

    private static readonly (string Path, PageKind Kind, string Section, string Title)[] TopLevel =
    [
        ("/", PageKind.Home, "home", "Turn every visit into qualified pipeline"),
        ("/product/", PageKind.Landing, "product", "The revenue platform for B2B marketing teams"),
        ("/features/", PageKind.Hub, "features", "Features"),
        ("/solutions/", PageKind.Hub, "solutions", "Solutions by industry and team"),
        ("/integrations/", PageKind.Hub, "integrations", "Integrations"),
        ("/pricing/", PageKind.Pricing, "pricing", "Pricing"),
        ("/customers/", PageKind.Hub, "customers", "Customer stories"),
        ("/resources/", PageKind.Hub, "resources", "Guides, reports and templates"),
        ("/blog/", PageKind.Hub, "blog", "The Acme Pipeline blog"),
        ("/docs/", PageKind.Hub, "docs", "Documentation"),
        ("/glossary/", PageKind.Hub, "glossary", "B2B marketing glossary"),
        ("/webinars/", PageKind.Hub, "webinars", "Webinars and events"),
        ("/compare/", PageKind.Hub, "compare", "Compare Acme Pipeline"),
        ("/demo/", PageKind.Form, "demo", "Book a demo"),
        ("/contact/", PageKind.Form, "contact", "Contact sales"),
        ("/about/", PageKind.Landing, "company", "About us"),
        ("/careers/", PageKind.Landing, "company", "Careers"),
        ("/press/", PageKind.Landing, "company", "Press and media"),
        ("/partners/", PageKind.Landing, "company", "Partner program"),
        ("/security/", PageKind.Landing, "product", "Security and compliance"),
        ("/thank-you/", PageKind.Landing, "company", "Thank you"),
        ("/legal/privacy/", PageKind.Legal, "legal", "Privacy policy"),
        ("/legal/terms/", PageKind.Legal, "legal", "Terms of service"),
        ("/legal/cookies/", PageKind.Legal, "legal", "Cookie policy"),
    ];

    // Share of the pages after the top level, by section; what is left over goes to the blog.
    private static readonly (string Section, double Share, string Hub, PageKind Kind)[] Sections =
    [
        ("blog", 0.50, "/blog/", PageKind.Article),
        ("guides", 0.08, "/resources/", PageKind.Article),
        ("reports", 0.03, "/resources/", PageKind.Report),
        ("integrations", 0.07, "/integrations/", PageKind.Integration),
        ("customers", 0.05, "/customers/", PageKind.Customer),
        ("glossary", 0.10, "/glossary/", PageKind.Glossary),
        ("features", 0.03, "/features/", PageKind.Feature),
        ("solutions", 0.04, "/solutions/", PageKind.Solution),
        ("compare", 0.02, "/compare/", PageKind.Compare),
        ("webinars", 0.03, "/webinars/", PageKind.Webinar),
        ("docs", 0.05, "/docs/", PageKind.Doc),
    ];

    private readonly Dictionary<string, int> _byPath = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _bySection = new(StringComparer.Ordinal);

    private SitePlan()
    {
    }

    public List<PlannedPage> Pages { get; } = [];

    /// <summary>The index of the page at <paramref name="path"/>, or -1 when the site has no such page.</summary>
    public int Find(string path) => _byPath.GetValueOrDefault(path, -1);

    public IReadOnlyList<int> SectionOf(PlannedPage page) => _bySection[page.Section];

    public static SitePlan Build(int pageCount, int seed)
    {
        var plan = new SitePlan();
        var prose = new Prose(seed);
        foreach (var (path, kind, section, title) in TopLevel.Take(pageCount))
        {
            var index = plan.Add(path, kind, section, title);
            if (index > 0)
            {
                plan.Link(index, 0);
            }
        }

        var remaining = pageCount - plan.Pages.Count;
        var counts = Sections.Select(s => (int)(remaining * s.Share)).ToArray();
        counts[0] += remaining - counts.Sum();
        for (var s = 0; s < Sections.Length; s++)
        {
            var (section, _, hubPath, kind) = Sections[s];
            var tree = new List<int> { plan.Find(hubPath) };
            for (var i = 0; i < counts[s]; i++)
            {
                var (path, title) = Name(prose, section);
                var index = plan.Add(plan.Unique(path), kind, section, title);
                tree.Add(index);
                plan.Link(index, tree[(tree.Count - 2) / Branching]);
                plan.Pages[index].Hub = tree[0];
            }
        }

        return plan;
    }

    private int Add(string path, PageKind kind, string section, string title)
    {
        var page = new PlannedPage { Index = Pages.Count, Path = path, Kind = kind, Section = section, Title = title };
        Pages.Add(page);
        _byPath[path] = page.Index;
        if (!_bySection.TryGetValue(section, out var members))
        {
            _bySection[section] = members = [];
        }

        members.Add(page.Index);
        return page.Index;
    }

    private void Link(int child, int parent)
    {
        Pages[child].Parent = parent;
        Pages[parent].Children.Add(child);
    }

    private string Unique(string path)
    {
        if (!_byPath.ContainsKey(path))
        {
            return path;
        }

        var stem = path.TrimEnd('/');
        foreach (var suffix in Lexicon.SlugSuffixes)
        {
            if (!_byPath.ContainsKey($"{stem}-{suffix}/"))
            {
                return $"{stem}-{suffix}/";
            }
        }

        for (var n = 2; ; n++)
        {
            if (!_byPath.ContainsKey($"{stem}-{n}/"))
            {
                return $"{stem}-{n}/";
            }
        }
    }

    private static (string Path, string Title) Name(Prose prose, string section)
    {
        switch (section)
        {
            case "guides":
                {
                    var title = prose.ArticleTitle();
                    return ($"/resources/guides/{Prose.Slug(title)}/", title);
                }

            case "reports":
                {
                    var title = $"The {prose.Number(2024, 2027)} state of {prose.Pick(Lexicon.Topics)} report";
                    return ($"/resources/reports/{Prose.Slug(title)}/", Prose.Capitalized(title));
                }

            case "integrations":
                {
                    var name = prose.ProductName();
                    return ($"/integrations/{Prose.Slug(name)}/", $"{name} integration");
                }

            case "customers":
                {
                    var company = prose.CompanyName();
                    var result = $"{prose.Pick(Lexicon.Verbs)}s {prose.Pick(Lexicon.Objects)}";
                    return ($"/customers/{Prose.Slug(company)}/", $"How {company} {result}");
                }

            case "glossary":
                {
                    var term = prose.Chance(0.5)
                        ? prose.Pick(Lexicon.Topics)
                        : $"{prose.Pick(Lexicon.FeatureAdjectives).ToLowerInvariant()} {prose.Pick(Lexicon.FeatureNouns)}";
                    return ($"/glossary/{Prose.Slug(term)}/", $"What is {term}?");
                }

            case "features":
                {
                    var feature = $"{prose.Pick(Lexicon.FeatureAdjectives)} {prose.Pick(Lexicon.FeatureNouns)}";
                    return ($"/features/{Prose.Slug(feature)}/", feature);
                }

            case "solutions":
                {
                    var industry = prose.Pick(Lexicon.Industries);
                    var role = prose.Pick(Lexicon.Roles);
                    return ($"/solutions/{industry}/{role}/",
                        $"{Lexicon.Brand} for {role.Replace('-', ' ')} teams in {industry.Replace('-', ' ')}");
                }

            case "compare":
                {
                    var rival = prose.ProductName();
                    return ($"/compare/{Prose.Slug(rival)}-alternative/", $"{Lexicon.Brand} vs {rival}");
                }

            case "webinars":
                {
                    var title = prose.ArticleTitle();
                    return ($"/webinars/{Prose.Slug(title)}/", $"Webinar: {title}");
                }

            case "docs":
                {
                    var title = $"{Prose.Capitalized(prose.Pick(Lexicon.Verbs))} {prose.Pick(Lexicon.Objects)} " +
                        $"with {prose.Pick(Lexicon.FeatureNouns)}";
                    return ($"/docs/{prose.Pick(Lexicon.DocAreas)}/{Prose.Slug(title)}/", title);
                }

            default:
                {
                    var title = prose.ArticleTitle();
                    return ($"/blog/{Prose.Slug(title)}/", Prose.Capitalized(title));
                }
        }
    }
}
