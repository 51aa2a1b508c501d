using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace FunnelOps.Playbooks;

/// <summary>
/// Reads the fields of one YAML mapping, recording each problem with its line and column and
/// remembering which keys were read, so that unknown keys can be reported too.
/// </summary>
internal sealed class YamlMap
{
    private readonly YamlMappingNode _node;
    private readonly string _file;
    private readonly string _path;
    private readonly List<PlaybookError> _errors;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public YamlMap(YamlMappingNode node, string file, string path, List<PlaybookError> errors)
    {
        _node = node;
        _file = file;
        _path = path;
        _errors = errors;
    }

    public YamlMappingNode Node => _node;

    public void Error(YamlNode? at, string message)
    {
        var mark = (at ?? _node).Start;
        _errors.Add(new PlaybookError(_file, (int)mark.Line, (int)mark.Column, message));
    }

    public YamlNode? Get(string key, bool required)
    {
        _read.Add(key);
        foreach (var (name, value) in _node.Children)
        {
            if (name is YamlScalarNode scalar && scalar.Value == key)
            {
                return value;
            }
        }

        if (required)
        {
            Error(_node, $"\"{Describe(key)}\" is missing; add it.");
        }

        return null;
    }

    public string? String(string key, bool required = true)
    {
        var node = Get(key, required);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalarNode { Value: { } value } && (value.Length > 0 || !required))
        {
            return value;
        }

        Error(node, $"\"{Describe(key)}\" must be a text value.");
        return null;
    }

    public double? Number(string key, double min, double max, bool required = true)
    {
        var node = Get(key, required);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalarNode { Value: { } text } &&
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            if (value >= min && value <= max)
            {
                return value;
            }

            Error(node, $"\"{Describe(key)}\" is {text}; it must be between {min} and {max}.");
            return null;
        }

        Error(node, $"\"{Describe(key)}\" must be a number.");
        return null;
    }

    public bool? Boolean(string key)
    {
        var node = Get(key, required: false);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalarNode { Value: "true" or "false" } scalar)
        {
            return scalar.Value == "true";
        }

        Error(node, $"\"{Describe(key)}\" must be true or false.");
        return null;
    }

    public IReadOnlyList<(string Value, YamlNode Node)> StringList(string key, bool required = false)
    {
        var node = Get(key, required);
        switch (node)
        {
            case null:
                return [];
            case YamlSequenceNode sequence:
                var items = new List<(string, YamlNode)>();
                foreach (var item in sequence.Children)
                {
                    if (item is YamlScalarNode { Value: { Length: > 0 } value })
                    {
                        items.Add((value, item));
                    }
                    else
                    {
                        Error(item, $"Every item of \"{Describe(key)}\" must be a text value.");
                    }
                }

                return items;
            default:
                Error(node, $"\"{Describe(key)}\" must be a list, such as [a, b].");
                return [];
        }
    }

    public YamlMap? Map(string key, bool required)
    {
        var node = Get(key, required);
        if (node is null)
        {
            return null;
        }

        if (node is YamlMappingNode mapping)
        {
            return new YamlMap(mapping, _file, Describe(key), _errors);
        }

        Error(node, $"\"{Describe(key)}\" must be a set of fields (a mapping).");
        return null;
    }

    public IEnumerable<YamlMap> MapList(string key, bool required)
    {
        var node = Get(key, required);
        if (node is null)
        {
            yield break;
        }

        if (node is not YamlSequenceNode sequence)
        {
            Error(node, $"\"{Describe(key)}\" must be a list.");
            yield break;
        }

        var index = 0;
        foreach (var item in sequence.Children)
        {
            if (item is YamlMappingNode mapping)
            {
                yield return new YamlMap(mapping, _file, $"{Describe(key)}[{index}]", _errors);
            }
            else
            {
                Error(item, $"Every item of \"{Describe(key)}\" must be a set of fields.");
            }

            index++;
        }
    }

    /// <summary>Reads a list of URL path patterns, reporting each invalid one where it is written.</summary>
    public List<UrlPattern> PatternList(string key)
    {
        var patterns = new List<UrlPattern>();
        foreach (var (value, node) in StringList(key))
        {
            if (Pattern(node, value) is { } pattern)
            {
                patterns.Add(pattern);
            }
        }

        return patterns;
    }

    /// <summary>Parses one URL path pattern written at <paramref name="node"/>; null (and an error) when invalid.</summary>
    public UrlPattern? Pattern(YamlNode? node, string value)
    {
        try
        {
            return UrlPattern.Parse(value);
        }
        catch (FormatException exception)
        {
            Error(node, exception.Message);
            return null;
        }
    }

    /// <summary>Reports every key that no reader asked for, naming the keys that are allowed.</summary>
    public void RejectUnknownKeys()
    {
        foreach (var (name, _) in _node.Children)
        {
            var key = (name as YamlScalarNode)?.Value ?? "";
            if (!_read.Contains(key))
            {
                var allowed = string.Join(", ", _read.Order(StringComparer.Ordinal));
                Error(name, $"Unknown field \"{Describe(key)}\". Allowed here: {allowed}.");
            }
        }
    }

    private string Describe(string key) => _path.Length == 0 ? key : $"{_path}.{key}";
}
