using System.Globalization;

namespace FunnelOps.Signals;

/// <summary>
/// Reads the per-page CSV exports a team already has (GA4 pages reports, Search Console pages and
/// queries, Google Ads landing pages, or any CSV with its columns named) into weekly signals.
/// Counts are scaled to one week from the export's date range; rates and positions are not.
/// Several rows for one page (devices, campaigns, query strings) add up: counts are summed,
/// rates are weighted by sessions and positions by impressions.
/// </summary>
public static class SignalImporter
{
    /// <summary>The days assumed when an export does not say which dates it covers and none are configured.</summary>
    public const double AssumedDays = 28;

    /// <summary>Field names a generic export maps to its columns.</summary>
    public static IReadOnlyList<string> GenericFields { get; } =
    [
        "url", "device", "visits", "mobile-visits", "bounce-rate", "engagement-rate", "mobile-bounce-rate",
        "desktop-bounce-rate", "search-impressions", "search-clicks", "search-position", "ad-clicks", "ad-cost",
        "ad-conversions",
    ];

    private static readonly string[] Ga4PageColumns =
    [
        "page path and screen class", "page path + query string and screen class", "page path", "landing page",
        "landing page + query string", "page path + query string", "page location",
    ];

    /// <summary>Reads every source; paths in the exports are taken as pages of <paramref name="site"/>.</summary>
    /// <exception cref="SignalImportException">When an export is missing, too large or malformed.</exception>
    public static SiteSignals Import(IEnumerable<SignalSource> sources, Uri site)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(site);
        var pages = new List<PageSignals>();
        var queries = new List<SearchQuery>();
        var summaries = new List<SignalFileSummary>();
        var hosts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            var (filePages, fileQueries, summary, fileHosts) = ReadOne(source, site);
            pages.AddRange(filePages);
            queries.AddRange(fileQueries);
            summaries.Add(summary);
            hosts.UnionWith(fileHosts);
        }

        return new SiteSignals(pages, hosts) { Queries = queries, Sources = summaries };
    }

    // Besides the pages, queries and summary: the hosts the export wrote out (paths name none).
    private static (List<PageSignals>, List<SearchQuery>, SignalFileSummary, IEnumerable<string>) ReadOne(
        SignalSource source, Uri site)
    {
        var file = source.Path;
        var rows = CsvFile.Read(file);

        // Comments (GA4's "# Start date: ...") and title lines (Ads) come before the header row.
        var headerIndex = rows.ToList().FindIndex(r => !IsComment(r) && !r.IsBlank && LooksLikeHeader(r, source));
        if (headerIndex < 0)
        {
            throw new SignalImportException(file, 0, 0, "No header row naming a page or query column was found. " +
                "FunnelOps reads GA4 pages reports (\"Page path and screen class\" or \"Landing page\"), Search Console " +
                "\"Top pages\" and \"Top queries\" exports and Google Ads landing-page reports (\"Landing page\"). " +
                "For another export, list it under signals: in the configuration with format: generic and its columns.");
        }

        var header = rows[headerIndex];
        var format = source.Format ?? Detect(header) ?? throw new SignalImportException(file, header.Line, 0,
            "This header row does not match a known export. Give the file's format in the configuration " +
            "(ga4, search-console-pages, search-console-queries, google-ads or generic).");
        var columns = ColumnsOf(format, header, source, file);
        var (days, daysSource) = DaysOf(source, rows.Take(headerIndex), file);
        var scale = 7 / days;

        var tallies = new Dictionary<PageKey, PageTally>();
        var queryTallies = new Dictionary<string, QueryTally>(StringComparer.OrdinalIgnoreCase);
        var read = 0;
        var skipped = 0;
        foreach (var row in rows.Skip(headerIndex + 1))
        {
            if (row.IsBlank || IsComment(row))
            {
                continue;
            }

            read++;
            var added = format == SignalFormat.SearchConsoleQueries
                ? AddQuery(queryTallies, row, columns, file)
                : AddPage(tallies, row, columns, site, file);
            skipped += added ? 0 : 1;
        }

        if (read > 0 && skipped == read)
        {
            throw new SignalImportException(file, header.Line, columns["url"] + 1, $"None of the {read} rows names a " +
                $"page: the column \"{header[columns["url"]]}\" holds no URL or path. Export the report with the page " +
                "path or URL as its first dimension.");
        }

        var summary = new SignalFileSummary
        {
            File = Path.GetFileName(file),
            Format = format,
            Rows = read,
            SkippedRows = skipped,
            Days = days,
            DaysSource = daysSource,
        };
        return ([.. tallies.Values.Select(t => t.ToSignals(scale))],
            [.. queryTallies.Values.Select(t => t.ToQuery(scale))], summary,
            tallies.Where(t => t.Value.NamesHost).Select(t => t.Key.Host));
    }

    private static bool IsComment(CsvRow row) => row[0].TrimStart().StartsWith('#');

    private static bool LooksLikeHeader(CsvRow row, SignalSource source)
    {
        if (source.Format == SignalFormat.Generic)
        {
            return source.Columns.TryGetValue("url", out var url) && IndexOf(row, url) >= 0;
        }

        return Detect(row) is not null;
    }

    private static SignalFormat? Detect(CsvRow header)
    {
        bool Has(params string[] names) => names.Any(n => IndexOf(header, n) >= 0);
        if (Has("top queries", "query", "queries"))
        {
            return SignalFormat.SearchConsoleQueries;
        }

        if (Has("top pages", "page", "pages") && Has("impressions"))
        {
            return SignalFormat.SearchConsolePages;
        }

        if (Has("landing page", "expanded landing page", "final url") && Has("cost", "conversions", "conv.") &&
            !Has("sessions"))
        {
            return SignalFormat.AdsLandingPages;
        }

        return Has(Ga4PageColumns) && Has("sessions", "views", "bounce rate", "engagement rate")
            ? SignalFormat.Ga4Pages
            : null;
    }

    private static int IndexOf(CsvRow row, string name)
    {
        for (var i = 0; i < row.Fields.Count; i++)
        {
            if (string.Equals(row.Fields[i].Trim(), name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private static Dictionary<string, int> ColumnsOf(SignalFormat format, CsvRow header, SignalSource source, string file)
    {
        var wanted = format switch
        {
            SignalFormat.Ga4Pages => new Dictionary<string, string[]>
            {
                ["url"] = Ga4PageColumns,
                ["device"] = ["device category", "device"],
                ["visits"] = ["sessions", "views"],
                ["bounce-rate"] = ["bounce rate"],
                ["engagement-rate"] = ["engagement rate"],
            },
            SignalFormat.SearchConsolePages => new Dictionary<string, string[]>
            {
                ["url"] = ["top pages", "page", "pages"],
                ["search-clicks"] = ["clicks"],
                ["search-impressions"] = ["impressions"],
                ["search-position"] = ["position", "average position"],
            },
            SignalFormat.SearchConsoleQueries => new Dictionary<string, string[]>
            {
                ["url"] = ["top queries", "query", "queries"],
                ["search-clicks"] = ["clicks"],
                ["search-impressions"] = ["impressions"],
                ["search-position"] = ["position", "average position"],
            },
            SignalFormat.AdsLandingPages => new Dictionary<string, string[]>
            {
                ["url"] = ["landing page", "expanded landing page", "final url"],
                ["ad-clicks"] = ["clicks"],
                ["ad-cost"] = ["cost"],
                ["ad-conversions"] = ["conversions", "conv."],
            },
            _ => GenericColumns(source, header, file),
        };

        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (field, names) in wanted)
        {
            var index = names.Select(n => IndexOf(header, n)).FirstOrDefault(i => i >= 0, -1);
            if (index >= 0)
            {
                columns[field] = index;
            }
        }

        if (!columns.ContainsKey("url"))
        {
            throw new SignalImportException(file, header.Line, 0, MissingPageColumn(format, header));
        }

        if (format == SignalFormat.Ga4Pages && !columns.ContainsKey("visits"))
        {
            throw new SignalImportException(file, header.Line, 0, "This GA4 report has no \"Sessions\" or \"Views\" " +
                "column, so visits cannot be read. Add the Sessions metric to the report and export it again.");
        }

        return columns;
    }

    // A format given in the configuration is trusted over the header, so a file of another kind
    // reaches this point without the column its rows are keyed by.
    private static string MissingPageColumn(SignalFormat format, CsvRow header)
    {
        var (name, column, export) = format switch
        {
            SignalFormat.Ga4Pages => ("ga4", "a page column (\"Page path and screen class\", \"Page path\" or " +
                "\"Landing page\")", "a GA4 pages or landing-page report"),
            SignalFormat.SearchConsolePages => ("search-console-pages", "a page column (\"Top pages\" or \"Page\")",
                "the Pages tab of a Search Console performance report"),
            SignalFormat.SearchConsoleQueries => ("search-console-queries", "a query column (\"Top queries\" or " +
                "\"Query\")", "the Queries tab of a Search Console performance report"),
            SignalFormat.AdsLandingPages => ("google-ads", "a landing-page column (\"Landing page\", " +
                "\"Expanded landing page\" or \"Final URL\")", "a Google Ads landing-page report"),
            _ => ("generic", "the column mapped to url", "a CSV with a page column"),
        };
        var columns = string.Join(", ", header.Fields.Select(f => $"\"{f.Trim()}\""));
        return $"The configuration gives this file as format: {name}, which expects {export} with {column}, " +
            $"but this header row has none. Its columns are: {columns}. Give the right file, or correct the " +
            "format (or leave it out to have the kind of export told from the header).";
    }

    private static Dictionary<string, string[]> GenericColumns(SignalSource source, CsvRow header, string file)
    {
        var wanted = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (field, column) in source.Columns)
        {
            if (IndexOf(header, column) < 0)
            {
                throw new SignalImportException(file, header.Line, 0, $"The configuration maps {field} to the " +
                    $"column \"{column}\", which this header row does not have. Its columns are: " +
                    $"{string.Join(", ", header.Fields.Select(f => $"\"{f.Trim()}\""))}. Correct the column name.");
            }

            wanted[field] = [column];
        }

        return wanted;
    }

    private static (double Days, string Source) DaysOf(SignalSource source, IEnumerable<CsvRow> preamble, string file)
    {
        if (source.Days is { } configured)
        {
            return (configured, "the configuration");
        }

        DateOnly? start = null;
        DateOnly? end = null;
        foreach (var row in preamble)
        {
            var text = string.Join(',', row.Fields).Trim();
            if (text.StartsWith('#'))
            {
                // GA4: "# Start date: 20261101" and "# End date: 20261128".
                var parts = text.TrimStart('#').Split(':', 2, StringSplitOptions.TrimEntries);
                if (parts.Length == 2 && DateOnly.TryParseExact(parts[1], "yyyyMMdd", CultureInfo.InvariantCulture,
                        DateTimeStyles.None, out var date))
                {
                    start = parts[0].Equals("Start date", StringComparison.OrdinalIgnoreCase) ? date : start;
                    end = parts[0].Equals("End date", StringComparison.OrdinalIgnoreCase) ? date : end;
                }
            }
            else if (RangeOf(text) is { } range)
            {
                // Ads: "November 1, 2026 - November 28, 2026" on a line of its own above the header.
                (start, end) = range;
            }
        }

        if (start is { } from && end is { } to)
        {
            var days = to.DayNumber - from.DayNumber + 1;
            return days >= 1
                ? (days, "the export's date range")
                : throw new SignalImportException(file, 0, 0, $"The export's date range ends ({to:yyyy-MM-dd}) before " +
                    $"it starts ({from:yyyy-MM-dd}). Export the report again, or give its days in the configuration.");
        }

        return (AssumedDays, "assumed");
    }

    private static (DateOnly, DateOnly)? RangeOf(string text)
    {
        string[] separators = [" - ", " – ", " — "];
        foreach (var separator in separators)
        {
            var parts = text.Trim('"').Split(separator, 2, StringSplitOptions.TrimEntries);
            if (parts.Length == 2 && DateOf(parts[0]) is { } start && DateOf(parts[1]) is { } end)
            {
                return (start, end);
            }
        }

        return null;
    }

    private static DateOnly? DateOf(string text)
    {
        string[] formats = ["MMMM d, yyyy", "MMM d, yyyy", "d MMMM yyyy", "d MMM yyyy", "yyyy-MM-dd", "yyyyMMdd"];
        return DateOnly.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;
    }

    private static bool AddPage(Dictionary<PageKey, PageTally> tallies, CsvRow row, Dictionary<string, int> columns,
        Uri site, string file)
    {
        var text = row[columns["url"]];
        if (!PageKey.TryRead(text, site, out var key, out var url))
        {
            return false;
        }

        if (!tallies.TryGetValue(key, out var tally))
        {
            tallies[key] = tally = new PageTally(url);
        }

        tally.NamesHost |= PageKey.NamesHost(text);

        double? Read(string field, bool rate = false) => Figure(row, columns, field, rate, file);
        var visits = Read("visits");
        var device = columns.TryGetValue("device", out var d) ? row[d].Trim().ToLowerInvariant() : "";
        var bounce = Read("bounce-rate", rate: true) ?? (1 - Read("engagement-rate", rate: true));
        tally.Add(visits, device, bounce);
        PageTally.AddRate(ref tally.MobileBounce, ref tally.MobileBounceWeight, Read("mobile-bounce-rate", true), visits);
        PageTally.AddRate(ref tally.DesktopBounce, ref tally.DesktopBounceWeight, Read("desktop-bounce-rate", true), visits);
        tally.MobileVisits = Sum(tally.MobileVisits, Read("mobile-visits"));
        tally.Search.Add(Read("search-clicks"), Read("search-impressions"), Read("search-position"));
        tally.AdClicks = Sum(tally.AdClicks, Read("ad-clicks"));
        tally.AdCost = Sum(tally.AdCost, Read("ad-cost"));
        tally.AdConversions = Sum(tally.AdConversions, Read("ad-conversions"));
        return true;
    }

    private static bool AddQuery(Dictionary<string, QueryTally> tallies, CsvRow row, Dictionary<string, int> columns,
        string file)
    {
        var query = row[columns["url"]].Trim();
        if (query.Length == 0)
        {
            return false;
        }

        if (!tallies.TryGetValue(query, out var tally))
        {
            tallies[query] = tally = new QueryTally(query);
        }

        tally.Search.Add(Figure(row, columns, "search-clicks", false, file),
            Figure(row, columns, "search-impressions", false, file), Figure(row, columns, "search-position", false, file));
        return true;
    }

    private static double? Figure(CsvRow row, Dictionary<string, int> columns, string field, bool rate, string file)
    {
        if (!columns.TryGetValue(field, out var index))
        {
            return null;
        }

        var text = row[index];
        if (!SignalNumber.TryParse(text, out var value, out var percent))
        {
            throw new SignalImportException(file, row.Line, index + 1, $"\"{Shorten(text)}\" in the column for " +
                $"{field} is not a figure. Figures look like 1,234, 12.5% or 0.45; fix the cell or export the report again.");
        }

        if (value < 0 || (rate && SignalNumber.AsRate(value, percent) > 1))
        {
            throw new SignalImportException(file, row.Line, index + 1, $"\"{Shorten(text)}\" cannot be a {field}: " +
                (rate ? "a rate lies between 0 and 100%." : "it is below zero.") + " Fix the cell or export the report again.");
        }

        return rate ? SignalNumber.AsRate(value, percent) : value;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static double? Sum(double? total, double? value) => value is null ? total : (total ?? 0) + value;

    /// <summary>Search figures added up over rows: position weighted by impressions.</summary>
    private sealed class SearchTally
    {
        public double? Clicks;
        public double? Impressions;
        public double PositionSum;
        public double PositionWeight;

        public double? Position => PositionWeight > 0 ? PositionSum / PositionWeight : null;

        public void Add(double? clicks, double? impressions, double? position)
        {
            Clicks = Sum(Clicks, clicks);
            Impressions = Sum(Impressions, impressions);
            if (position is { } p)
            {
                var weight = impressions is > 0 ? impressions.Value : 1;
                PositionSum += p * weight;
                PositionWeight += weight;
            }
        }
    }

    private sealed class QueryTally(string query)
    {
        public SearchTally Search { get; } = new();

        public SearchQuery ToQuery(double scale) => new(query, (Search.Clicks ?? 0) * scale,
            (Search.Impressions ?? 0) * scale, Search.Position ?? 0);
    }

    private sealed class PageTally(Uri url)
    {
        public double? Visits;
        public double? MobileVisits;
        public double MobileBounce;
        public double MobileBounceWeight;
        public double DesktopBounce;
        public double DesktopBounceWeight;
        public double? AdClicks;
        public double? AdCost;
        public double? AdConversions;
        public bool NamesHost;

        public SearchTally Search { get; } = new();

        public void Add(double? visits, string device, double? bounce)
        {
            Visits = Sum(Visits, visits);
            if (device == "mobile")
            {
                MobileVisits = Sum(MobileVisits, visits);
                AddRate(ref MobileBounce, ref MobileBounceWeight, bounce, visits);
            }
            else if (device == "desktop")
            {
                AddRate(ref DesktopBounce, ref DesktopBounceWeight, bounce, visits);
            }
        }

        public static void AddRate(ref double sum, ref double weight, double? rate, double? visits)
        {
            if (rate is { } r)
            {
                var w = visits is > 0 ? visits.Value : 1;
                sum += r * w;
                weight += w;
            }
        }

        public PageSignals ToSignals(double scale) => new()
        {
            Url = url,
            WeeklyVisits = Visits * scale,
            MobileWeeklyVisits = MobileVisits * scale,
            MobileBounceRate = MobileBounceWeight > 0 ? MobileBounce / MobileBounceWeight : null,
            DesktopBounceRate = DesktopBounceWeight > 0 ? DesktopBounce / DesktopBounceWeight : null,
            SearchClicks = Search.Clicks * scale,
            SearchImpressions = Search.Impressions * scale,
            SearchPosition = Search.Position,
            AdClicks = AdClicks * scale,
            AdCost = AdCost * scale,
            AdConversions = AdConversions * scale,
        };
    }
}
