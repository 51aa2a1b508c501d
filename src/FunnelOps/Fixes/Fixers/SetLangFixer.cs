using System.Text.RegularExpressions;
using FunnelOps.Crawling;
using FunnelOps.Playbooks;

namespace FunnelOps.Fixes.Fixers;

/// <summary>
/// Declares the page language on <c>&lt;html&gt;</c>. The language comes from the playbook
/// (<c>with: { lang: en }</c>), since a page's words alone do not reliably tell it.
/// </summary>
public sealed partial class SetLangFixer : IFixer
{
    /// <inheritdoc />
    public string Kind => "set-lang";

    /// <inheritdoc />
    public FixerResult Propose(Finding finding, PageSnapshot page, HtmlSource source)
    {
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentNullException.ThrowIfNull(source);
        if (FixText.Parameter(finding, "lang") is not { } lang)
        {
            return FixerResult.Declined(
                "The playbook does not say which language the site is in; " +
                "add `with: { lang: en }` (or your language) to its fix.");
        }

        if (!LanguageTag().IsMatch(lang))
        {
            return FixerResult.Declined($"\"{lang}\" in the playbook is not a language code such as en, de or en-GB.");
        }

        if (source.FindFirst("html") is not { } html)
        {
            return FixerResult.Declined(
                "The source does not write an <html> tag (the browser adds one), " +
                "so there is no place for the language.");
        }

        var attribute = html.Tag.Attribute("lang");
        if (attribute is { Value: { } current } && !string.IsNullOrWhiteSpace(current))
        {
            return FixerResult.Declined(
                "The <html> tag in the source already declares a language; the live page may be out of date.");
        }

        // The tag is checked above, so it needs no escaping; an empty lang="" keeps its quotes.
        var quote = FixText.QuoteFor(html.Tag, source);
        var edit = attribute switch
        {
            null => new TextEdit(html.Tag.InsertionPoint, 0, $" lang={quote}{lang}{quote}"),
            { ValueStart: >= 0 } empty => new TextEdit(empty.ValueStart, empty.ValueEnd - empty.ValueStart, lang),
            _ => new TextEdit(attribute.Start, attribute.End - attribute.Start, $"lang={quote}{lang}{quote}"),
        };
        return new FixerResult([edit], $"Declares the page's language as \"{lang}\" on the <html> tag.");
    }

    // A BCP 47 tag as written in practice: a two- or three-letter language, then optional subtags.
    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageTag();
}
