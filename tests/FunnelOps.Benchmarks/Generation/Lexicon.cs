namespace FunnelOps.Benchmarks.Generation;

/// <summary>The vocabulary of the generated site: the words a B2B marketing site is made of.</summary>
internal static class Lexicon
{
    public const string Brand = "Acme Pipeline";

    /// <summary>The production origin the site's canonical URLs and sitemap name, as a staging copy would.</summary>
    public const string ProductionOrigin = "https://www.acmepipeline.example";

    public static readonly string[] Subjects =
    [
        "Revenue teams", "Marketing operations", "Demand generation leaders", "Your sales reps", "Growth marketers",
        "RevOps analysts", "Product marketers", "The buying committee", "Enterprise buyers", "Mid-market teams",
        "Field marketers", "Customer success managers", "Account executives", "Content strategists", "CMOs",
        "Sales development reps", "Partner managers", "Lifecycle marketers", "Most B2B companies", "High-growth startups",
    ];

    public static readonly string[] Verbs =
    [
        "consolidate", "prioritize", "automate", "measure", "accelerate", "streamline", "qualify", "route",
        "forecast", "personalize", "attribute", "nurture", "score", "enrich", "segment", "orchestrate",
        "benchmark", "activate", "convert", "retain",
    ];

    public static readonly string[] Objects =
    [
        "pipeline", "inbound leads", "intent signals", "account data", "campaign spend",
        "handoffs between marketing and sales", "the buyer journey", "conversion paths", "demo requests",
        "product-qualified leads", "multi-touch attribution", "landing pages", "webinar registrations",
        "expansion revenue", "trial sign-ups", "open opportunities", "target accounts", "form fills",
        "paid search budgets", "customer stories",
    ];

    public static readonly string[] Qualifiers =
    [
        "without adding headcount", "across every channel", "in a single workspace", "before the quarter closes",
        "with fewer manual steps", "at enterprise scale", "in real time", "so nothing slips through the cracks",
        "while keeping data clean", "from the first touch to closed-won", "with less guesswork",
        "in days instead of months", "without a data engineer", "for every region and segment",
        "with full audit trails",
    ];

    public static readonly string[] Connectors =
    [
        "In practice,", "As a result,", "That said,", "For most teams,", "According to our 2025 benchmark,",
        "Over time,", "Put simply,", "In our experience,", "On average,", "Better still,", "Just as important,",
        "Without that,",
    ];

    public static readonly string[] Adjectives =
    [
        "complete", "practical", "modern", "definitive", "no-nonsense", "data-driven", "step-by-step",
        "essential", "proven", "simple", "advanced", "quick",
    ];

    public static readonly string[] Topics =
    [
        "account-based marketing", "lead scoring", "pipeline reviews", "marketing attribution", "demand capture",
        "sales and marketing alignment", "intent data", "conversion rate optimization", "lead routing",
        "revenue operations", "B2B SEO", "paid social", "webinar programs", "customer marketing",
        "pricing pages", "product-led growth", "email nurture", "event marketing", "win-loss analysis",
        "funnel analytics", "forecasting", "content syndication", "partner marketing", "landing page testing",
    ];

    public static readonly string[] Audiences =
    [
        "marketing leaders", "RevOps teams", "SaaS founders", "demand gen managers", "sales leaders",
        "agencies", "enterprise marketers", "startup marketers",
    ];

    public static readonly string[] Industries =
    [
        "saas", "fintech", "healthcare", "manufacturing", "logistics", "insurance", "higher-education",
        "cybersecurity", "professional-services", "retail", "telecom", "energy", "media", "real-estate",
        "public-sector", "biotech",
    ];

    public static readonly string[] Roles =
    [
        "marketing", "sales", "revops", "customer-success", "leadership", "partnerships", "product-marketing",
        "demand-generation",
    ];

    public static readonly string[] NamePrefixes =
    [
        "Hub", "Sales", "Pipe", "Mark", "Zen", "Inter", "Clear", "Bright", "Out", "Drift", "Lead", "Data", "Cloud",
        "Snow", "Seg", "Amp", "Mix", "Signal", "North", "Blue", "Green", "Swift", "True", "Open", "Core", "Deal",
        "Quota", "Path", "Stack", "Beacon",
    ];

    public static readonly string[] NameSuffixes =
    [
        "spot", "loft", "drive", "eto", "desk", "forge", "bit", "reach", "ly", "flow", "ment", "sense", "panel",
        "stack", "wave", "base", "fire", "hub", "way", "ity", "point", "line", "grid", "works", "scale",
    ];

    public static readonly string[] CompanyKinds =
    [
        "Logistics", "Health", "Software", "Analytics", "Capital", "Robotics", "Labs", "Systems", "Energy",
        "Security", "Networks", "Learning", "Foods", "Mobility", "Insurance", "Payments",
    ];

    public static readonly string[] FeatureNouns =
    [
        "lead routing", "lead scoring", "account matching", "attribution", "forecasting", "enrichment",
        "deduplication", "territory planning", "form handling", "journey analytics", "alerts", "dashboards",
        "audience sync", "experiments", "workflows", "data governance", "SSO", "audit logs", "API access",
        "benchmarks",
    ];

    public static readonly string[] FeatureAdjectives =
    [
        "Real-time", "Automated", "Predictive", "Round-robin", "Multi-touch", "Account-level", "Custom",
        "Scheduled", "Shared", "Granular",
    ];

    public static readonly string[] DocAreas =
    [
        "getting-started", "integrations", "data-model", "routing", "scoring", "reporting", "api", "admin",
        "security", "billing",
    ];

    public static readonly string[] FirstNames =
    [
        "Maya", "Jonas", "Priya", "Daniel", "Aisha", "Tom", "Elena", "Marcus", "Sofia", "Kenji", "Laura", "Omar",
        "Chloe", "Ravi", "Hannah", "Lucas",
    ];

    public static readonly string[] LastNames =
    [
        "Chen", "Okafor", "Schmidt", "Patel", "Garcia", "Novak", "Brennan", "Silva", "Kowalski", "Haddad",
        "Lindqvist", "Moreau", "Tanaka", "Reyes",
    ];

    public static readonly string[] JobTitles =
    [
        "VP of Marketing", "Head of Demand Generation", "Director of Revenue Operations", "CMO",
        "Marketing Operations Manager", "Chief Revenue Officer", "Head of Growth", "Senior Product Marketer",
    ];

    public static readonly string[] SlugSuffixes =
    [
        "guide", "playbook", "checklist", "template", "examples", "framework", "tips", "explained", "for-teams",
        "in-practice",
    ];

    /// <summary>Inline SVG icons, the kind a design system pastes into every card and menu.</summary>
    public static readonly string[] IconPaths =
    [
        "M3 12h18M12 3v18", "M4 6h16M4 12h16M4 18h10", "M12 2l3 7h7l-5.5 4.5L18 21l-6-4-6 4 1.5-7.5L2 9h7z",
        "M5 13l4 4L19 7", "M12 8v4l3 3m6-3a9 9 0 11-18 0 9 9 0 0118 0z",
        "M9 19v-6a2 2 0 00-2-2H5a2 2 0 00-2 2v6a2 2 0 002 2h2a2 2 0 002-2zm0 0V9a2 2 0 012-2h2a2 2 0 012 2v10",
        "M13 10V3L4 14h7v7l9-11h-7z", "M17 20h5v-2a3 3 0 00-5.356-1.857M17 20H7m10 0v-2c0-.656-.126-1.283-.356-1.857",
    ];
}
