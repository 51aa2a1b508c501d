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
                case '\\' or '`' or '*' or '_' or '[' or ']' or '(' or ')' or '!' or '|' or '~' or '{' or '}':
                    builder.Append('\\').Append(c);
                    break;
                default:
                    builder.Append(char.IsControl(c) ? ' ' : c);
                    break;
            }
        }

        return builder.ToString();
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

    /// <summary>A money amount such as <c>$4,666</c> or <c>EUR 4,666</c>.</summary>
    public static string Money(double amount, string currency) => currency switch
    {
        "USD" => "$" + amount.ToString("#,0", CultureInfo.InvariantCulture),
        "EUR" => "€" + amount.ToString("#,0", CultureInfo.InvariantCulture),
        "GBP" => "£" + amount.ToString("#,0", CultureInfo.InvariantCulture),
        _ => $"{currency} {amount.ToString("#,0", CultureInfo.InvariantCulture)}",
    };

    /// <summary>A number with thousands separators and <paramref name="decimals"/> decimals.</summary>
    public static string Number(double value, int decimals = 0) =>
        value.ToString("#,0." + new string('0', decimals), CultureInfo.InvariantCulture).TrimEnd('.');

    /// <summary>A share such as <c>3%</c> or <c>2.5%</c>.</summary>
    public static string Percent(double share) =>
        (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
