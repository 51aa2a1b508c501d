using System.Globalization;
using System.Text;

namespace FunnelOps.Reporting;

/// <summary>
/// Makes untrusted text (anything read from the crawled site) safe inside Markdown that GitHub
/// renders: no formatting, links, raw HTML, @mentions or issue references can come through.
/// </summary>
public static class MarkdownText
{
    // A word joiner after @ and # stops GitHub from turning "@team" or "#12" into a mention or a link.
    private const char WordJoiner = '\u2060';

    /// <summary>Escapes <paramref name="text"/> for use inside a Markdown line, bounded to <paramref name="maxLength"/>.</summary>
    public static string Escape(string? text, int maxLength = 300)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var bounded = text.Length <= maxLength ? text : text[..maxLength] + "…";
        var builder = new StringBuilder(bounded.Length + 16);
        foreach (var c in bounded)
        {
            switch (c)
            {
                case '<':
                    builder.Append("&lt;");
                    break;
                case '>':
                    builder.Append("&gt;");
                    break;
                case '&':
                    builder.Append("&amp;");
                    break;
                case '@' or '#':
                    builder.Append(c).Append(WordJoiner);
                    break;
                case '\r' or '\n' or '\t':
                    builder.Append(' ');
                    break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '~':
                    builder.Append('\\').Append(c);
                    break;
                default:
                    builder.Append(char.IsControl(c) ? ' ' : c);
                    break;
            }
        }

        return NoAutolinks(builder.ToString());
    }

    /// <summary>
    /// <paramref name="text"/> with a word joiner after every <c>@</c> and <c>#</c>, so that GitHub reads no mention,
    /// issue reference or closing keyword ("Fixes #12") in it; for plain text such as a commit message.
    /// </summary>
    public static string NoReferences(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace("@", "@" + WordJoiner, StringComparison.Ordinal)
            .Replace("#", "#" + WordJoiner, StringComparison.Ordinal);
    }

    // GitHub also links bare addresses ("https://…", "www.…") and "GH-12" references; a word joiner breaks each.
    private static string NoAutolinks(string text) =>
        text.Replace("://", ":" + WordJoiner + "//", StringComparison.Ordinal)
            .Replace("www.", "www" + WordJoiner + ".", StringComparison.OrdinalIgnoreCase)
            .Replace("GH-", "GH" + WordJoiner + "-", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Escapes <paramref name="text"/> like <see cref="Escape"/>, except that parts between
    /// backticks become code spans: shown literally, with nothing inside them rendered.
    /// </summary>
    public static string EscapeWithCode(string? text, int maxLength = 600)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var bounded = text.Length <= maxLength ? text : text[..maxLength] + "…";
        var parts = bounded.Split('`');
        var builder = new StringBuilder();
        for (var i = 0; i < parts.Length; i++)
        {
            // Odd parts sat between backticks; an unclosed last one is plain text after a shown backtick.
            var isCode = i % 2 == 1 && i < parts.Length - 1;
            if (i % 2 == 1 && !isCode)
            {
                builder.Append("\\`");
            }

            builder.Append(isCode ? CodeSpan(parts[i]) : Escape(parts[i], int.MaxValue));
        }

        return builder.ToString();
    }

    /// <summary>A code span around <paramref name="text"/>; it cannot be closed early or span lines.</summary>
    public static string CodeSpan(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var flat = string.Concat(text.Select(c => char.IsControl(c) ? ' ' : c));
        return flat.Length == 0 ? "" : $"`{flat.Replace("`", "'", StringComparison.Ordinal)}`";
    }

    /// <summary>A fenced code block around <paramref name="code"/> whose fence no line of the code can close.</summary>
    public static string Fence(string code, string language)
    {
        ArgumentNullException.ThrowIfNull(code);
        var longest = 0;
        var run = 0;
        foreach (var c in code)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        var fence = new string('`', Math.Max(3, longest + 1));
        return $"{fence}{language}\n{code.TrimEnd('\n')}\n{fence}";
    }

    /// <summary>A money amount such as <c>$4,666</c>, <c>$121.50</c> (with cents) or <c>CHF 4,666</c>.</summary>
    public static string Money(double amount, string currency, bool cents = false)
    {
        var number = amount.ToString(cents ? "#,0.00" : "#,0", CultureInfo.InvariantCulture);
        return currency switch
        {
            "USD" => "$" + number,
            "EUR" => "€" + number,
            "GBP" => "£" + number,
            _ => $"{currency} {number}",
        };
    }

    /// <summary>A number with thousands separators and <paramref name="decimals"/> decimals.</summary>
    public static string Number(double value, int decimals = 0) =>
        value.ToString("#,0." + new string('0', decimals), CultureInfo.InvariantCulture).TrimEnd('.');

    /// <summary>A share such as <c>3%</c> or <c>2.5%</c>.</summary>
    public static string Percent(double share) =>
        (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
