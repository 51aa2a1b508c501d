using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using FunnelOps.Rendering;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace FunnelOps.Playbooks;

/// <summary>
/// Reads playbook YAML files and validates them completely: every error in every file is
/// reported at once, with its line and column and what to do.
/// </summary>
public sealed partial class PlaybookLoader
{
    /// <summary>The placeholders PR templates may use.</summary>
    public static IReadOnlySet<string> Placeholders { get; } =
        new HashSet<string>(["page.url", "page.path", "page.title", "stage", "count"], StringComparer.Ordinal);

    private static readonly HashSet<string> Channels =
        new HashSet<string>(["seo", "mobile", "conversion", "content", "paid", "retention"], StringComparer.Ordinal);

    /// <summary>The check kinds a playbook may use.</summary>
    public static IReadOnlyList<string> CheckKinds { get; } =
        ["selector", "field", "duplicate", "link-status", "rendered", "form", "signal", "sitemap", "robots-txt", "hreflang"];

    private static readonly IDocument SelectorProbe = new HtmlParser().ParseDocument("");

    private readonly IReadOnlySet<string> _fixKinds;

    /// <summary>Creates a loader that accepts the fix kinds in <paramref name="fixKinds"/>.</summary>
    public PlaybookLoader(IReadOnlySet<string> fixKinds)
    {
        _fixKinds = fixKinds;
    }

    /// <summary>
    /// Loads every <c>*.yml</c> and <c>*.yaml</c> file in <paramref name="paths"/> (files or folders).
    /// </summary>
    /// <exception cref="PlaybookLoadException">With every error found, when there is any.</exception>
    public IReadOnlyList<Playbook> Load(IEnumerable<string> paths)
    {
        var (playbooks, errors) = Validate(paths);
        return errors.Count == 0 ? playbooks : throw new PlaybookLoadException(errors);
    }

    /// <summary>Loads what it can and returns the playbooks together with every error.</summary>
    public (IReadOnlyList<Playbook> Playbooks, IReadOnlyList<PlaybookError> Errors) Validate(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var errors = new List<PlaybookError>();
        var playbooks = new List<Playbook>();
        foreach (var file in ExpandFiles(paths, errors))
        {
            var playbook = LoadFile(file, File.ReadAllText(file), errors);
            if (playbook is null)
            {
                continue;
            }

            var twin = playbooks.FirstOrDefault(p => p.Id == playbook.Id);
            if (twin is not null)
            {
                errors.Add(new PlaybookError(file, playbook.IdLine, playbook.IdColumn,
                    $"The id \"{playbook.Id}\" is already used by {twin.SourcePath}; give one of them another id."));
                continue;
            }

            playbooks.Add(playbook);
        }

        return (playbooks, errors);
    }

    /// <summary>Parses one playbook from its text; null when it has errors (added to <paramref name="errors"/>).</summary>
    public Playbook? LoadFile(string file, string text, List<PlaybookError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException exception)
        {
            errors.Add(new PlaybookError(file, (int)exception.Start.Line, (int)exception.Start.Column,
                $"This is not valid YAML: {exception.Message}"));
            return null;
        }
        catch (InvalidOperationException exception)
        {
            // YamlDotNet reports some unfinished structures (an unclosed list at the end of the
            // file) this way, without a position.
            var lastLine = text.TrimEnd().Split('\n').Length;
            errors.Add(new PlaybookError(file, lastLine, 1,
                $"This is not valid YAML: {exception.Message} Look for an unclosed [ or {{ near the end of the file."));
            return null;
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            errors.Add(new PlaybookError(file, 0, 0, "A playbook file holds exactly one YAML mapping (id, title, ...)."));
            return null;
        }

        var before = errors.Count;
        var playbook = Read(new YamlMap(root, file, "", errors), file);
        return errors.Count == before ? playbook : null;
    }

    private Playbook? Read(YamlMap map, string file)
    {
        var id = map.String("id");
        if (id is not null && !IdPattern().IsMatch(id))
        {
            map.Error(map.Get("id", false), $"The id \"{id}\" must use lower-case letters, digits and dashes.");
        }

        var title = map.String("title");
        var stages = ReadStages(map);
        var channel = map.String("channel");
        if (channel is not null && !Channels.Contains(channel))
        {
            map.Error(map.Get("channel", false),
                $"Unknown channel \"{channel}\". Use one of: {string.Join(", ", Channels.Order())}.");
        }

        var scope = ReadScope(map.Map("scope", required: false));
        var checks = map.MapList("checks", required: true).Select(ReadCheck).ToList();
        var evidence = ReadEvidence(map);
        if (checks.Count == 0 && map.Get("checks", false) is not null)
        {
            map.Error(map.Get("checks", false), "\"checks\" needs at least one check.");
        }

        var scoring = ReadScoring(map.Map("scoring", required: true));
        var fix = ReadFix(map.Map("fix", required: false));
        var pr = ReadPullRequest(map.Map("pr", required: true));
        map.RejectUnknownKeys();

        if (id is null || title is null || channel is null || scoring is null || pr is null || checks.Contains(null))
        {
            return null;
        }

        return new Playbook
        {
            Id = id,
            Title = title,
            Stages = stages,
            Channel = channel,
            Scope = scope,
            Checks = [.. checks.OfType<CheckDefinition>()],
            Evidence = evidence,
            Scoring = scoring,
            Fix = fix,
            PullRequest = pr,
            SourcePath = file,
            IdLine = (int)(map.Get("id", false)?.Start.Line ?? 0),
            IdColumn = (int)(map.Get("id", false)?.Start.Column ?? 0),
        };
    }

    private static List<Stage> ReadStages(YamlMap map)
    {
        var stages = new List<Stage>();
        foreach (var (value, node) in map.StringList("stages", required: true))
        {
            if (StageNames.TryParse(value, out var stage))
            {
                stages.Add(stage);
            }
            else
            {
                map.Error(node, $"Unknown stage \"{value}\". Use awareness, consideration, decision or retention.");
            }
        }

        return stages;
    }

    private PlaybookScope ReadScope(YamlMap? map)
    {
        if (map is null)
        {
            return new PlaybookScope();
        }

        var conditions = map.MapList("where", required: false).Select(ReadCheck).ToList();
        foreach (var condition in conditions.OfType<CheckDefinition>()
            .Where(c => c is DuplicateCheck or SitemapCheck or RobotsTxtCheck))
        {
            map.Error(map.Get("where", false),
                $"A \"{condition.Kind}\" check looks at the whole site and cannot choose pages; move it to \"checks\".");
        }

        var scope = new PlaybookScope
        {
            Include = map.PatternList("include"),
            Exclude = map.PatternList("exclude"),
            Where = [.. conditions.OfType<CheckDefinition>()],
        };
        map.RejectUnknownKeys();
        return scope;
    }

    private static List<string> ReadEvidence(YamlMap map)
    {
        var names = new List<string>();
        foreach (var (name, node) in map.StringList("evidence"))
        {
            if (PageFields.IsKnown(name) || RenderMetrics.All.Contains(name) || PlaybookSignals.IsKnown(name))
            {
                names.Add(name);
            }
            else
            {
                map.Error(node, $"Unknown evidence \"{name}\". Use a page field (such as word-count), a render " +
                    $"metric (such as {RenderMetrics.Lcp}) or a signal (such as mobile-bounce-rate).");
            }
        }

        return names;
    }

    private CheckDefinition? ReadCheck(YamlMap map)
    {
        var kind = map.String("kind");
        var message = map.String("message", required: false);
        var check = kind switch
        {
            "selector" => (CheckDefinition?)ReadSelectorCheck(map),
            "duplicate" => ReadDuplicateCheck(map),
            "link-status" => new LinkStatusCheck
            {
                Broken = map.Boolean("broken") ?? true,
                MaxRedirects = (int?)map.Number("max_redirects", 0, 20, required: false),
            },
            "rendered" => ReadRenderedCheck(map),
            "field" => ReadFieldCheck(map),
            "form" => ReadFormCheck(map),
            "signal" => ReadSignalCheck(map),
            "sitemap" => new SitemapCheck
            {
                Errors = map.Boolean("errors") ?? true,
                Redirects = map.Boolean("redirects") ?? true,
                Blocked = map.Boolean("blocked") ?? true,
                NonIndexable = map.Boolean("non_indexable") ?? true,
            },
            "robots-txt" => new RobotsTxtCheck
            {
                Valid = map.Boolean("valid") ?? true,
                BlocksPages = map.Boolean("blocks_pages") ?? true,
            },
            "hreflang" => new HreflangCheck { ReturnLinks = map.Boolean("return_links") ?? true },
            null => null,
            _ => Unknown(map, kind),
        };

        map.RejectUnknownKeys();
        return check is null ? null : check with { Message = message };
    }

    private static CheckDefinition? Unknown(YamlMap map, string kind)
    {
        map.Error(map.Get("kind", false),
            $"Unknown check kind \"{kind}\". Use one of: {string.Join(", ", CheckKinds)}.");
        return null;
    }

    private static SignalCheck? ReadSignalCheck(YamlMap map)
    {
        var signal = map.String("signal");
        var min = map.Number("min", double.MinValue, double.MaxValue, required: false);
        var max = map.Number("max", double.MinValue, double.MaxValue, required: false);
        if (signal is not null && !PlaybookSignals.IsKnown(signal))
        {
            map.Error(map.Get("signal", false),
                $"Unknown signal \"{signal}\". Use one of: {string.Join(", ", PlaybookSignals.Names.Order(StringComparer.Ordinal))}.");
            return null;
        }

        if (min is null && max is null)
        {
            map.Error(map.Node, "A signal check needs min, max or both.");
            return null;
        }

        return signal is null ? null : new SignalCheck { Signal = signal, Min = min, Max = max };
    }

    private static SelectorCheck? ReadSelectorCheck(YamlMap map)
    {
        var selector = map.String("selector");
        var min = (int?)map.Number("min", 0, 100_000, required: false);
        var max = (int?)map.Number("max", 0, 100_000, required: false);
        var bounded = min is not null || max is not null;
        var expect = map.String("expect", required: !bounded);
        if (expect is not null and not ("present" or "absent"))
        {
            map.Error(map.Get("expect", false), $"\"expect\" is \"{expect}\"; use present or absent.");
            return null;
        }

        if (bounded && expect is not null)
        {
            map.Error(map.Get("expect", false), "Use either expect or min/max, not both.");
            return null;
        }

        if (selector is null || (expect is null && !bounded) || !IsValidSelector(map, selector))
        {
            return null;
        }

        return new SelectorCheck { Selector = selector, MustMatch = expect == "present", Min = min, Max = max };
    }

    private static bool IsValidSelector(YamlMap map, string selector)
    {
        try
        {
            SelectorProbe.QuerySelector(selector);
            return true;
        }
        catch (DomException)
        {
            map.Error(map.Get("selector", false), $"\"{selector}\" is not a valid CSS selector.");
            return false;
        }
    }

    private static DuplicateCheck? ReadDuplicateCheck(YamlMap map)
    {
        var field = map.String("field");
        if (field is not null && !DuplicateCheck.Fields.Contains(field))
        {
            map.Error(map.Get("field", false),
                $"Unknown field \"{field}\". Use one of: {string.Join(", ", DuplicateCheck.Fields.Order())}.");
            return null;
        }

        return field is null ? null : new DuplicateCheck { Field = field };
    }

    private static RenderedCheck? ReadRenderedCheck(YamlMap map)
    {
        var metric = map.String("metric");
        var max = map.Number("max", double.MinValue, double.MaxValue);
        if (metric is not null && !RenderMetrics.All.Contains(metric))
        {
            map.Error(map.Get("metric", false),
                $"Unknown metric \"{metric}\". Use one of: {string.Join(", ", RenderMetrics.All.Order())}.");
            return null;
        }

        return metric is null || max is null ? null : new RenderedCheck { Metric = metric, Max = max.Value };
    }

    private static FieldCheck? ReadFieldCheck(YamlMap map)
    {
        var field = map.String("field");
        if (field is not null && !PageFields.IsKnown(field))
        {
            var known = string.Join(", ", PageFields.TextFields.Concat(PageFields.NumberFields).Order(StringComparer.Ordinal));
            map.Error(map.Get("field", false), $"Unknown field \"{field}\". Use one of: {known}.");
            return null;
        }

        var check = new FieldCheck
        {
            Field = field ?? "",
            Required = map.Boolean("required") ?? false,
            MinLength = (int?)map.Number("min_length", 0, 100_000, required: false),
            MaxLength = (int?)map.Number("max_length", 0, 100_000, required: false),
            Min = map.Number("min", double.MinValue, double.MaxValue, required: false),
            Max = map.Number("max", double.MinValue, double.MaxValue, required: false),
            Matches = Pattern(map, "matches"),
            Forbids = Pattern(map, "forbids"),
        };
        var isNumber = field is not null && PageFields.NumberFields.Contains(field);
        if (isNumber && (check.MinLength is not null || check.MaxLength is not null || check.Matches is not null || check.Forbids is not null))
        {
            map.Error(map.Node, $"\"{field}\" is a number: use min and max, not lengths or patterns.");
            return null;
        }

        if (!isNumber && (check.Min is not null || check.Max is not null))
        {
            map.Error(map.Node, $"\"{field}\" is text: use required, min_length, max_length, matches or forbids.");
            return null;
        }

        return field is null ? null : check;
    }

    private static string? Pattern(YamlMap map, string key)
    {
        var pattern = map.String(key, required: false);
        if (pattern is null)
        {
            return null;
        }

        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromMilliseconds(50));
            return pattern;
        }
        catch (ArgumentException)
        {
            map.Error(map.Get(key, false), $"\"{pattern}\" is not a valid regular expression.");
            return null;
        }
    }

    private static FormCheck? ReadFormCheck(YamlMap map)
    {
        var max = map.Number("max_visible_fields", 0, 100);
        var guards = map.StringList("guards").Select(g => g.Value).ToList();
        return max is null ? null : new FormCheck { MaxVisibleFields = (int)max.Value, Guards = guards };
    }

    private static ScoringDefinition? ReadScoring(YamlMap? map)
    {
        if (map is null)
        {
            return null;
        }

        var uplift = map.Number("uplift", 0, 5);
        var source = map.String("uplift_source");
        var confidence = map.Number("confidence", 0, 1);
        var effort = map.Number("effort", 1, 5);
        map.RejectUnknownKeys();
        if (uplift is null || source is null || confidence is null || effort is null)
        {
            return null;
        }

        return new ScoringDefinition
        {
            Uplift = uplift.Value,
            UpliftSource = source,
            Confidence = confidence.Value,
            Effort = effort.Value,
        };
    }

    private FixDefinition? ReadFix(YamlMap? map)
    {
        if (map is null)
        {
            return null;
        }

        var kind = map.String("kind");
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        if (map.Map("with", required: false) is { } with)
        {
            foreach (var (name, value) in with.Node.Children)
            {
                if (name is YamlScalarNode { Value: { } key } && value is YamlScalarNode { Value: { } text })
                {
                    parameters[key] = text;
                }
                else
                {
                    with.Error(value, "Fix parameters must be simple name: value pairs.");
                }
            }
        }

        map.RejectUnknownKeys();
        if (kind is not null && !_fixKinds.Contains(kind))
        {
            map.Error(map.Get("kind", false),
                $"Unknown fix kind \"{kind}\". Use one of: {string.Join(", ", _fixKinds.Order())}, or remove \"fix\" for advice only.");
            return null;
        }

        return kind is null ? null : new FixDefinition { Kind = kind, Parameters = parameters };
    }

    private static PullRequestTemplate? ReadPullRequest(YamlMap? map)
    {
        if (map is null)
        {
            return null;
        }

        var title = Template(map, "title");
        var why = Template(map, "why");
        var verify = Template(map, "verify");
        map.RejectUnknownKeys();
        return title is null || why is null || verify is null
            ? null
            : new PullRequestTemplate { Title = title, Why = why, Verify = verify };
    }

    private static string? Template(YamlMap map, string key)
    {
        var text = map.String(key);
        if (text is null)
        {
            return null;
        }

        foreach (Match match in PlaceholderPattern().Matches(text))
        {
            if (!Placeholders.Contains(match.Groups[1].Value))
            {
                map.Error(map.Get(key, false),
                    $"Unknown placeholder {match.Value}. Use one of: {string.Join(", ", Placeholders.Order().Select(p => "{" + p + "}"))}.");
                return null;
            }
        }

        return text;
    }

    private static IEnumerable<string> ExpandFiles(IEnumerable<string> paths, List<PlaybookError> errors)
    {
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path)
                    .Where(f => f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal))
                    .Order(StringComparer.Ordinal))
                {
                    yield return file;
                }
            }
            else if (File.Exists(path))
            {
                yield return path;
            }
            else
            {
                errors.Add(new PlaybookError(path, 0, 0, "No such file or folder; check the path."));
            }
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();

    /// <summary>A placeholder such as <c>{page.title}</c>.</summary>
    [GeneratedRegex(@"\{([^{}\s]*)\}")]
    internal static partial Regex PlaceholderPattern();
}
