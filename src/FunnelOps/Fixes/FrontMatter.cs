using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace FunnelOps.Fixes;

/// <summary>
/// The front matter of a Markdown file: YAML between <c>---</c> lines or TOML between <c>+++</c>
/// lines (Hugo). Only top-level keys are read, each with its exact extent in the text, so that one
/// value can be set or one key removed while every other byte, quote and comment stays as it was.
/// </summary>
public sealed partial class FrontMatter
{
    private readonly string _text;
    private readonly string _lineEnding;

    private FrontMatter(string text, string lineEnding, FrontMatterFormat format, int closingLineStart, int bodyStart,
        IReadOnlyList<FrontMatterEntry> entries)
    {
        _text = text;
        _lineEnding = lineEnding;
        Format = format;
        ClosingLineStart = closingLineStart;
        BodyStart = bodyStart;
        Entries = entries;
    }

    /// <summary>YAML or TOML; <see cref="FrontMatterFormat.None"/> when the file has no front matter.</summary>
    public FrontMatterFormat Format { get; }

    /// <summary>Offset of the closing <c>---</c> or <c>+++</c> line; 0 when there is no front matter.</summary>
    public int ClosingLineStart { get; }

    /// <summary>Offset where the Markdown body starts, just after the front matter.</summary>
    public int BodyStart { get; }

    /// <summary>The top-level keys in file order.</summary>
    public IReadOnlyList<FrontMatterEntry> Entries { get; }

    /// <summary>Reads the front matter at the start of <paramref name="text"/> (without a byte-order mark).</summary>
    public static FrontMatter Read(string text, string lineEnding)
    {
        ArgumentNullException.ThrowIfNull(text);
        var fence = text.StartsWith("---", StringComparison.Ordinal) ? "---"
            : text.StartsWith("+++", StringComparison.Ordinal) ? "+++" : null;
        var firstEnd = text.IndexOf('\n', StringComparison.Ordinal);
        if (fence is null || firstEnd < 0 || text[3..firstEnd].Trim().Length > 0)
        {
            return new FrontMatter(text, lineEnding, FrontMatterFormat.None, 0, 0, []);
        }

        var format = fence == "---" ? FrontMatterFormat.Yaml : FrontMatterFormat.Toml;
        var entries = new List<FrontMatterEntry>();
        var lineStart = firstEnd + 1;
        var inTable = false;
        while (lineStart < text.Length)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            var next = lineEnd < 0 ? text.Length : lineEnd + 1;
            var line = text[lineStart..(lineEnd < 0 ? text.Length : lineEnd)].TrimEnd('\r');
            if (line.TrimEnd() == fence || (format == FrontMatterFormat.Yaml && line.TrimEnd() == "..."))
            {
                return new FrontMatter(text, lineEnding, format, lineStart, next, entries);
            }

            // TOML keys after a [table] header belong to that table, not to the page.
            inTable |= format == FrontMatterFormat.Toml && line.StartsWith('[');
            var match = (format == FrontMatterFormat.Yaml ? YamlKey() : TomlKey()).Match(line);
            if (!inTable && match.Success)
            {
                entries.Add(ReadEntry(format, lineStart, next, match));
            }
            else if (entries.Count > 0 && IsContinuation(line, format))
            {
                entries[^1] = entries[^1] with { End = next, IsMultiLine = true };
            }

            lineStart = next;
        }

        // No closing fence: this is not front matter but a thematic break or stray text.
        return new FrontMatter(text, lineEnding, FrontMatterFormat.None, 0, 0, []);
    }

    /// <summary>The entry for <paramref name="key"/>, or null.</summary>
    public FrontMatterEntry? Get(string key) =>
        Entries.FirstOrDefault(e => string.Equals(e.Key, key, StringComparison.Ordinal));

    /// <summary>The single-line text value of <paramref name="key"/>, unquoted; null when absent or not text.</summary>
    public string? Value(string key) => Get(key) is { IsMultiLine: false, Value: { } value } ? value : null;

    /// <summary>
    /// An edit that gives <paramref name="key"/> the text <paramref name="value"/>: the value alone
    /// is replaced in its own quoting when the key is written on one line; a new key goes after
    /// <paramref name="after"/> (or last); a file without front matter gets a YAML block.
    /// </summary>
    public TextEdit Set(string key, string value, string? after = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        if (Format == FrontMatterFormat.None)
        {
            return new TextEdit(0, 0,
                "---" + _lineEnding + key + ": " + Yaml(value, '\0') + _lineEnding + "---" + _lineEnding);
        }

        if (Get(key) is { } entry)
        {
            if (!entry.IsMultiLine && entry.ValueStart >= 0)
            {
                // A quoted value's extent is inside its quotes; the new value brings its own.
                var quoted = entry.Quote == '\0' ? 0 : 1;
                return new TextEdit(entry.ValueStart - quoted, entry.ValueEnd - entry.ValueStart + (2 * quoted),
                    Encode(value, entry.Quote));
            }

            // A block value (several lines) becomes one line; the key keeps its spelling.
            var lineEnd = _text[entry.Start..entry.End].EndsWith('\n') ? _lineEnding : "";
            return new TextEdit(entry.Start, entry.End - entry.Start, Line(key, value) + lineEnd);
        }

        var anchor = after is null ? null : Get(after);
        var offset = anchor?.End ?? ClosingLineStart;
        var prefix = offset > 0 && _text[offset - 1] != '\n' ? _lineEnding : "";
        return new TextEdit(offset, 0, prefix + Line(key, value) + _lineEnding);
    }

    /// <summary>An edit that removes the whole line (or lines) of <paramref name="key"/>; null when absent.</summary>
    public TextEdit? Remove(string key) =>
        Get(key) is { } entry ? new TextEdit(entry.Start, entry.End - entry.Start, "") : null;

    private string Line(string key, string value) =>
        Format == FrontMatterFormat.Toml ? $"{key} = {Toml(value, '"')}" : $"{key}: {Yaml(value, '\0')}";

    private string Encode(string value, char quote) =>
        Format == FrontMatterFormat.Toml ? Toml(value, quote) : Yaml(value, quote);

    // YAML keeps the author's quotes; a plain value stays plain unless the text needs quotes.
    private static string Yaml(string value, char quote)
    {
        if (quote == '\'')
        {
            return "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
        }

        if (quote == '\0' && IsPlainSafe(value))
        {
            return value;
        }

        return "\"" + EscapeDouble(value) + "\"";
    }

    private static string Toml(string value, char quote) =>
        quote == '\'' && !value.Contains('\'', StringComparison.Ordinal) && !value.Contains('\n', StringComparison.Ordinal)
            ? "'" + value + "'"
            : "\"" + EscapeDouble(value) + "\"";

    private static string EscapeDouble(string value)
    {
        var builder = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            builder.Append(c switch
            {
                '\\' => "\\\\",
                '"' => "\\\"",
                '\n' => "\\n",
                '\t' => "\\t",
                < ' ' => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    // Text YAML would read as something else (a number, a list, a comment) or cut short needs quotes.
    private static bool IsPlainSafe(string value) =>
        value.Length > 0 && value == value.Trim() && !"-?:,[]{}#&*!|>'\"%@`".Contains(value[0]) &&
        !value.Contains(": ", StringComparison.Ordinal) && !value.Contains(" #", StringComparison.Ordinal) &&
        !value.EndsWith(':') && !value.Any(char.IsControl) && !ScalarLike().IsMatch(value);

    private static FrontMatterEntry ReadEntry(FrontMatterFormat format, int lineStart, int next, Match match)
    {
        var key = match.Groups["key"].Value;
        var valueGroup = match.Groups["value"];
        var valueStart = lineStart + valueGroup.Index;
        var raw = valueGroup.Value;
        var entry = new FrontMatterEntry(key, lineStart, next, null, -1, -1, '\0', false);
        if (raw.Length == 0 || raw is "|" or ">" or "|-" or ">-" or "|+" or ">+")
        {
            return entry with { IsMultiLine = raw.Length > 0 };
        }

        var quote = raw[0] is '"' or '\'' ? raw[0] : '\0';
        if (quote == '\0')
        {
            // A plain value ends before a comment.
            var comment = format == FrontMatterFormat.Yaml ? raw.IndexOf(" #", StringComparison.Ordinal) : raw.IndexOf('#');
            var plain = (comment < 0 ? raw : raw[..comment]).TrimEnd();
            return entry with { Value = plain, ValueStart = valueStart, ValueEnd = valueStart + plain.Length };
        }

        var close = ClosingQuote(raw, quote, format);
        if (close < 0)
        {
            return entry with { IsMultiLine = true };
        }

        return entry with
        {
            Value = Unquote(raw[1..close], quote),
            ValueStart = valueStart + 1,
            ValueEnd = valueStart + close,
            Quote = quote,
        };
    }

    private static int ClosingQuote(string raw, char quote, FrontMatterFormat format)
    {
        for (var i = 1; i < raw.Length; i++)
        {
            if (quote == '"' && raw[i] == '\\')
            {
                i++;
                continue;
            }

            if (raw[i] != quote)
            {
                continue;
            }

            // YAML writes a quote inside single quotes as two.
            if (quote == '\'' && format == FrontMatterFormat.Yaml && i + 1 < raw.Length && raw[i + 1] == '\'')
            {
                i++;
                continue;
            }

            return i;
        }

        return -1;
    }

    private static string Unquote(string inner, char quote)
    {
        if (quote == '\'')
        {
            return inner.Replace("''", "'", StringComparison.Ordinal);
        }

        var builder = new StringBuilder(inner.Length);
        for (var i = 0; i < inner.Length; i++)
        {
            if (inner[i] != '\\' || i + 1 >= inner.Length)
            {
                builder.Append(inner[i]);
                continue;
            }

            i++;
            builder.Append(inner[i] switch { 'n' => '\n', 't' => '\t', var other => other });
        }

        return builder.ToString();
    }

    // A blank line alone continues nothing: a block value reaches past it only when an indented line follows.
    private static bool IsContinuation(string line, FrontMatterFormat format) =>
        (line.Length > 0 && line[0] is ' ' or '\t' && line.Trim().Length > 0) ||
        (format == FrontMatterFormat.Yaml && line.StartsWith("- ", StringComparison.Ordinal));

    [GeneratedRegex(@"^(?<key>[A-Za-z0-9_][A-Za-z0-9_.\-]*)[ \t]*:(?:[ \t]+(?<value>.*?))?[ \t]*$")]
    private static partial Regex YamlKey();

    [GeneratedRegex(@"^(?<key>[A-Za-z0-9_\-]+)[ \t]*=[ \t]*(?<value>.*?)[ \t]*$")]
    private static partial Regex TomlKey();

    [GeneratedRegex(@"^(true|false|yes|no|on|off|null|~|[-+]?[0-9][0-9_.eE+\-:]*)$", RegexOptions.IgnoreCase)]
    private static partial Regex ScalarLike();
}
