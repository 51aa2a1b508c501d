using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FunnelOps.Crawling;
using FunnelOps.Playbooks;

namespace FunnelOps.Fixes.Fixers;

/// <summary>
/// Describes a webinar page as an online Event in JSON-LD, before <c>&lt;/head&gt;</c>: its name
/// from the main heading, its start from the first <c>&lt;time datetime&gt;</c>, the organizer from
/// the playbook (<c>with: { organizer: Keelboard }</c>) when given. The JSON is written by
/// System.Text.Json, and the characters HTML reads inside a script are escaped, so crawled text
/// such as <c>&lt;/script&gt;</c> stays text.
/// </summary>
public sealed partial class InsertEventDataFixer : IFixer
{
    // Letters of every script and signs such as + stay readable; ToScript escapes what HTML cares about.
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonSerializerOptions Compact = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <inheritdoc />
    public string Kind => "insert-event-data";

    /// <inheritdoc />
    public FixerResult Propose(Finding finding, PageSnapshot page, HtmlSource source)
    {
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentNullException.ThrowIfNull(source);
        if (source.Find("script[type='application/ld+json' i]").Any(s => EventType().IsMatch(s.Element.TextContent)))
        {
            return FixerResult.Declined("The source already describes an event; the live page may be out of date.");
        }

        if (source.FindFirst("h1") is not { } heading || FixText.Of(heading.Element) is not { Length: > 0 } name)
        {
            return FixerResult.Declined("The page has no main heading (h1) to name the event after.");
        }

        var start = source.Find("time[datetime]")
            .Select(t => t.Element.GetAttribute("datetime")!.Trim())
            .FirstOrDefault(IsDate);
        if (start is null)
        {
            return FixerResult.Declined("The page gives no date in a <time datetime=\"...\"> element, " +
                "so the event's start cannot be stated. Mark the date up, for example " +
                "<time datetime=\"2026-03-12T16:00+01:00\">12 March, 4 pm CET</time>.");
        }

        if (source.FindFirst("head") is not { } head ||
            source.Text.IndexOf("</head", head.Tag.End, StringComparison.OrdinalIgnoreCase) is var close && close < 0)
        {
            return FixerResult.Declined("The source has no </head> to add the event data before.");
        }

        var organizer = FixText.Parameter(finding, "organizer");
        var url = Canonical(source);
        return new FixerResult([Insert(source, head.Tag, close, Event(name, start, organizer, url))],
            $"Describes the page as an online event, \"{name}\", starting {start}, " +
            "so search engines can list it with its date.",
            ReviewNote(start, organizer, url));
    }

    private static string ReviewNote(string start, string? organizer, string? url)
    {
        var note = "Check the event's name and start time against the page: search results show them.";
        if (start.Contains(':', StringComparison.Ordinal) && !ZonedTime().IsMatch(start))
        {
            note += " The start time has no time zone; add one (such as +01:00) " +
                "so visitors abroad see the right hour.";
        }

        if (url is null)
        {
            note += " Search engines also like to know where people join the webinar " +
                "(a location with its address); add it if you can.";
        }

        return organizer is null
            ? note + " To name the organizer, give the playbook's fix `with: { organizer: ... }`."
            : note;
    }

    private static JsonObject Event(string name, string start, string? organizer, string? url)
    {
        var data = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Event",
            ["name"] = name,
            ["startDate"] = start,
            ["eventAttendanceMode"] = "https://schema.org/OnlineEventAttendanceMode",
        };

        // An online event's location is the address people join from; only a full canonical address is certain.
        if (url is not null)
        {
            data["location"] = new JsonObject { ["@type"] = "VirtualLocation", ["url"] = url };
        }

        if (organizer is not null)
        {
            data["organizer"] = new JsonObject { ["@type"] = "Organization", ["name"] = organizer };
        }

        return data;
    }

    // <, > and & can only occur inside JSON strings, where \u escapes mean the same; escaped, crawled
    // text can neither end the script (</script>) nor open a comment (<!--) in it.
    private static string ToScript(string json) =>
        json.Replace("<", "\\u003C", StringComparison.Ordinal)
            .Replace(">", "\\u003E", StringComparison.Ordinal)
            .Replace("&", "\\u0026", StringComparison.Ordinal);

    private static string? Canonical(HtmlSource source) =>
        source.FindFirst("link[rel~='canonical' i][href]")?.Element.GetAttribute("href") is { } href &&
        Uri.TryCreate(href.Trim(), UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? url.AbsoluteUri
            : null;

    // The block goes on its own lines before </head>, indented like the head's other elements.
    // A head written on one line gets the block on that line too, compact.
    private static TextEdit Insert(HtmlSource source, StartTag head, int close, JsonObject data)
    {
        var quote = source.PreferredQuote;
        var open = $"<script type={quote}application/ld+json{quote}>";
        var lineStart = source.Text.LastIndexOf('\n', Math.Max(0, close - 1)) + 1;
        if (lineStart <= head.End || source.Text[lineStart..close].Any(c => c is not (' ' or '\t')))
        {
            return new TextEdit(close, 0, open + ToScript(data.ToJsonString(Compact)) + "</script>");
        }

        var newline = source.File.LineEnding;
        var indent = ChildIndentation(source, head, close);
        var lines = ToScript(data.ToJsonString(Indented)).Split('\n').Select(line => indent + line.TrimEnd('\r'));
        return new TextEdit(lineStart, 0,
            indent + open + newline + string.Join(newline, lines) + newline + indent + "</script>" + newline);
    }

    private static string ChildIndentation(HtmlSource source, StartTag head, int close)
    {
        var last = source.Text.LastIndexOf('<', close - 1, close - head.End);
        return last < 0 ? source.IndentationAt(close) + "  " : source.IndentationAt(last);
    }

    // ISO 8601 as schema.org wants it: a date, optionally a time and a zone.
    private static bool IsDate(string value) =>
        IsoDate().IsMatch(value) &&
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _);

    [GeneratedRegex(
        @"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$",
        RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    [GeneratedRegex("(Z|[+-]\\d{2}:?\\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex ZonedTime();

    [GeneratedRegex("\"@type\"\\s*:\\s*(\\[[^\\]]*)?\"Event\"", RegexOptions.CultureInvariant)]
    private static partial Regex EventType();
}
