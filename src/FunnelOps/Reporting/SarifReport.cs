using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using FunnelOps.Fixes;
using FunnelOps.Playbooks;
using FunnelOps.Prioritization;

namespace FunnelOps.Reporting;

/// <summary>
/// The backlog in SARIF 2.1.0, so findings can appear in GitHub code scanning: one rule per
/// playbook, one result per finding with the page URL and, when the page maps to a file in the
/// site repository, that file as the location. The finding's fingerprint goes into
/// <c>partialFingerprints</c>, so an alert stays one alert from week to week.
/// </summary>
public static class SarifReport
{
    /// <summary>The key under <c>partialFingerprints</c>; the version changes if fingerprints ever do.</summary>
    public const string FingerprintKey = "funnelopsFinding/v1";

    /// <summary>The SARIF version written.</summary>
    public const string Version = "2.1.0";

    /// <summary>The JSON schema of the version written.</summary>
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The SARIF log for <paramref name="result"/>.</summary>
    public static string Write(RunResult result, RunRequest request)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(request);
        var items = result.Backlog.Take(HtmlReport.MaxFindings).ToList();
        var playbooks = items.Select(i => i.Finding.Playbook).DistinctBy(p => p.Id)
            .OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
        var ruleIndex = playbooks.Select((p, index) => (p.Id, index)).ToDictionary(x => x.Id, x => x.index, StringComparer.Ordinal);
        var files = new SourceFiles(result, request);
        var version = typeof(SarifReport).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()
            ?.InformationalVersion.Split('+')[0] ?? "0.0.0";

        var log = new JsonObject
        {
            ["$schema"] = SchemaUri,
            ["version"] = Version,
            ["runs"] = new JsonArray(new JsonObject
            {
                ["tool"] = new JsonObject
                {
                    ["driver"] = new JsonObject
                    {
                        ["name"] = "FunnelOps",
                        ["version"] = version,
                        ["rules"] = new JsonArray([.. playbooks.Select(Rule)]),
                    },
                },
                ["automationDetails"] = new JsonObject { ["id"] = $"funnelops/{result.Week}" },
                ["results"] = new JsonArray([.. items.Select(item => Result(item, ruleIndex[item.Finding.Playbook.Id], files))]),
            }),
        };
        return log.ToJsonString(JsonOptions);
    }

    private static JsonNode Rule(Playbook playbook) => new JsonObject
    {
        ["id"] = playbook.Id,
        ["name"] = string.Concat(playbook.Id.Split('-', StringSplitOptions.RemoveEmptyEntries)
            .Select(word => char.ToUpperInvariant(word[0]) + word[1..])),
        ["shortDescription"] = new JsonObject { ["text"] = playbook.Title },
        ["fullDescription"] = new JsonObject
        {
            ["text"] = $"{playbook.Title}. Channel: {playbook.Channel}; stages: " +
                $"{string.Join(", ", playbook.Stages.Select(s => s.ToName()))}. Expected uplift " +
                $"{MarkdownText.Percent(playbook.Scoring.Uplift)} ({playbook.Scoring.UpliftSource}).",
        },
        ["help"] = new JsonObject
        {
            ["text"] = playbook.Fix is null
                ? "FunnelOps gives advice for this finding; a person makes the change."
                : $"FunnelOps can fix this automatically ({playbook.Fix.Kind}) and open a pull request.",
        },
        ["defaultConfiguration"] = new JsonObject { ["level"] = "warning" },
        ["properties"] = new JsonObject
        {
            ["tags"] = new JsonArray([.. new[] { "funnelops", playbook.Channel }
                .Concat(playbook.Stages.Select(s => s.ToName())).Distinct(StringComparer.Ordinal).Select(t => (JsonNode)t!)]),
            ["precision"] = playbook.Scoring.Confidence >= 0.7 ? "high" : "medium",
            ["problem.severity"] = "warning",
        },
    };

    private static JsonNode Result(BacklogItem item, int ruleIndex, SourceFiles files)
    {
        var finding = item.Finding;
        var page = finding.Urls[0];
        var money = MarkdownText.Money(item.Impact.PerWeek, item.Impact.Currency);
        var evidence = finding.Evidence.Count > 0 ? " " + Bound(finding.Evidence[0], 300).TrimEnd('.') + "." : "";
        var file = files.For(finding);
        var location = file is null
            ? Location(page.AbsoluteUri)
            : Location(file);
        var result = new JsonObject
        {
            ["ruleId"] = finding.Playbook.Id,
            ["ruleIndex"] = ruleIndex,
            ["level"] = "warning",
            ["message"] = new JsonObject
            {
                ["text"] = $"{finding.Playbook.Title} on {Bound(page.AbsoluteUri, 300)}" +
                    (finding.Urls.Count > 1 ? $" and {finding.Urls.Count - 1} more pages" : "") +
                    $".{evidence} Projected {money} of qualified pipeline per week (backlog rank {item.Rank}).",
            },
            ["locations"] = new JsonArray(location),
            ["partialFingerprints"] = new JsonObject { [FingerprintKey] = finding.Fingerprint },
            ["properties"] = new JsonObject
            {
                ["rank"] = item.Rank,
                ["impactPerWeek"] = Math.Round(item.Impact.PerWeek, 2),
                ["currency"] = item.Impact.Currency,
                ["stage"] = finding.Stage.ToName(),
                ["channel"] = finding.Playbook.Channel,
                ["visitsSource"] = item.Impact.VisitsSource,
                ["urls"] = new JsonArray([.. finding.Urls.Take(50).Select(u => (JsonNode)u.AbsoluteUri!)]),
            },
        };
        if (file is not null)
        {
            result["relatedLocations"] = new JsonArray(Location(page.AbsoluteUri, id: 1));
        }

        return result;
    }

    private static JsonObject Location(string uri, int? id = null)
    {
        var location = new JsonObject
        {
            ["physicalLocation"] = new JsonObject
            {
                ["artifactLocation"] = new JsonObject { ["uri"] = uri },
            },
        };
        if (id is { } value)
        {
            location["id"] = value;
            location["message"] = new JsonObject { ["text"] = "The live page" };
        }

        return location;
    }

    private static string Bound(string text, int length) => text.Length <= length ? text : text[..length] + "…";

    /// <summary>The repository file behind each finding's first page, mapped as the fix planner maps it.</summary>
    private sealed class SourceFiles(RunResult result, RunRequest request)
    {
        private readonly SourceMapper? _mapper = request.RepositoryPath is { } root && Directory.Exists(root)
            ? new SourceMapper(root, request.Fixes)
            : null;

        private readonly Dictionary<Uri, string?> _known = [];

        public string? For(Finding finding)
        {
            if (result.Change?.Fix is { } fix && fix.Item.Finding.Fingerprint == finding.Fingerprint && fix.Files.Count > 0)
            {
                return fix.Files[0].Mapping.RelativePath.Replace('\\', '/');
            }

            var url = finding.Urls[0];
            if (_mapper is null || result.Crawl.Find(url) is not { } page)
            {
                return null;
            }

            if (!_known.TryGetValue(url, out var path))
            {
                try
                {
                    path = _mapper.Map(page, out _)?.RelativePath.Replace('\\', '/');
                }
                catch (Exception exception) when (exception is IOException or ArgumentException)
                {
                    path = null;
                }

                _known[url] = path;
            }

            return path;
        }
    }
}
