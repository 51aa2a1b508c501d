using FunnelOps.Playbooks;
using FunnelOps.Signals;

namespace FunnelOps.Configuration;

/// <summary>
/// Reads the <c>signals:</c> list of the configuration: the team's exports, each with an optional
/// format, the days it covers and, for a generic CSV, which column holds which figure. Paths are
/// relative to the repository root for <c>.funnelops/config.yml</c>, else to the file's folder.
/// </summary>
internal static class SignalSettingsReader
{
    private static readonly Dictionary<string, SignalFormat> Formats = new(StringComparer.Ordinal)
    {
        ["ga4"] = SignalFormat.Ga4Pages,
        ["search-console-pages"] = SignalFormat.SearchConsolePages,
        ["search-console-queries"] = SignalFormat.SearchConsoleQueries,
        ["google-ads"] = SignalFormat.AdsLandingPages,
        ["generic"] = SignalFormat.Generic,
    };

    /// <summary>The exports listed under <c>signals:</c> in <paramref name="root"/>, read from <paramref name="file"/>.</summary>
    public static IReadOnlyList<SignalSource> Read(YamlMap root, string file)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".";
        if (Path.GetFileName(folder) == ".funnelops")
        {
            folder = Path.GetDirectoryName(folder) ?? folder;
        }

        var sources = new List<SignalSource>();
        foreach (var entry in root.MapList("signals", required: false))
        {
            var path = entry.String("file");
            var formatName = entry.String("format", required: false);
            var days = entry.Number("days", 1, 3_660, required: false);
            var columns = ReadColumns(entry.Map("columns", required: false));
            entry.RejectUnknownKeys();
            SignalFormat? format = null;
            if (formatName is not null)
            {
                if (!Formats.TryGetValue(formatName, out var known))
                {
                    entry.Error(entry.Get("format", false), $"Unknown export format \"{formatName}\". Use one of: " +
                        $"{string.Join(", ", Formats.Keys)}; or leave it out to tell the format from the header row.");
                    continue;
                }

                format = known;
            }

            if (format == SignalFormat.Generic && !columns.ContainsKey("url"))
            {
                entry.Error(entry.Node, "A generic export needs columns: with at least url: naming the column " +
                    "that holds the page's URL or path.");
                continue;
            }

            if (path is not null)
            {
                sources.Add(new SignalSource
                {
                    Path = Path.Combine(folder, path),
                    Format = format ?? (columns.Count > 0 ? SignalFormat.Generic : null),
                    Days = days,
                    Columns = columns,
                });
            }
        }

        return sources;
    }

    private static Dictionary<string, string> ReadColumns(YamlMap? map)
    {
        var columns = new Dictionary<string, string>(StringComparer.Ordinal);
        if (map is null)
        {
            return columns;
        }

        foreach (var field in SignalImporter.GenericFields)
        {
            if (map.String(field, required: false) is { } column)
            {
                columns[field] = column;
            }
        }

        map.RejectUnknownKeys();
        return columns;
    }
}
