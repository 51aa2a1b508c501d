using System.Globalization;
using System.Text;

namespace FunnelOps.Benchmarks.Generation;

/// <summary>Marketing copy from a seeded random source: the same seed always writes the same words.</summary>
internal sealed class Prose
{
    private readonly Random _random;

    public Prose(int seed)
    {
        _random = new Random(seed);
    }

    public int Next(int minInclusive, int maxExclusive) => _random.Next(minInclusive, maxExclusive);

    /// <summary>True with probability <paramref name="chance"/>.</summary>
    public bool Chance(double chance) => _random.NextDouble() < chance;

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    public string Number(int min, int max) => _random.Next(min, max).ToString(CultureInfo.InvariantCulture);

    public string Sentence()
    {
        var sentence = new StringBuilder(160);
        if (Chance(0.35))
        {
            sentence.Append(Pick(Lexicon.Connectors)).Append(' ');
        }

        var subject = Pick(Lexicon.Subjects);
        sentence.Append(sentence.Length == 0 ? subject : InSentence(subject));
        sentence.Append(' ').Append(Pick(Lexicon.Verbs)).Append(' ').Append(Pick(Lexicon.Objects));
        if (Chance(0.6))
        {
            sentence.Append(' ').Append(Pick(Lexicon.Qualifiers));
        }

        if (Chance(0.2))
        {
            sentence.Append(" and cut time to first meeting by ").Append(Number(12, 64)).Append('%');
        }
        else if (Chance(0.15))
        {
            sentence.Append(" \u2014 and ").Append(InSentence(Pick(Lexicon.Subjects)))
                .Append(" notice within weeks");
        }

        return sentence.Append('.').ToString();
    }

    /// <summary>A paragraph's text of <paramref name="sentences"/> sentences, with light emphasis.</summary>
    public void Paragraph(StringBuilder html, int sentences)
    {
        for (var i = 0; i < sentences; i++)
        {
            if (i > 0)
            {
                html.Append(' ');
            }

            var sentence = Sentence();
            if (Chance(0.08))
            {
                html.Append("<strong>").Append(sentence).Append("</strong>");
            }
            else if (Chance(0.05))
            {
                html.Append("<em>").Append(sentence).Append("</em>");
            }
            else
            {
                html.Append(sentence);
            }
        }
    }

    public string ArticleTitle() => Next(0, 6) switch
    {
        0 => $"{Number(5, 15)} ways to {Pick(Lexicon.Verbs)} {Pick(Lexicon.Objects)}",
        1 => $"How {InSentence(Pick(Lexicon.Subjects))} {Pick(Lexicon.Verbs)} {Pick(Lexicon.Objects)}",
        2 => $"The {Pick(Lexicon.Adjectives)} guide to {Pick(Lexicon.Topics)}",
        3 => $"{Capitalized(Pick(Lexicon.Topics))} for {Pick(Lexicon.Audiences)}",
        4 => $"Why {Pick(Lexicon.Topics)} fails, and what to do instead",
        _ => $"{Capitalized(Pick(Lexicon.Topics))}: {Pick(Lexicon.Adjectives)} lessons from {Number(20, 400)} teams",
    };

    public string ProductName() => Pick(Lexicon.NamePrefixes) + Pick(Lexicon.NameSuffixes);

    public string CompanyName() => $"{ProductName()} {Pick(Lexicon.CompanyKinds)}";

    public string Person() => $"{Pick(Lexicon.FirstNames)} {Pick(Lexicon.LastNames)}";

    /// <summary>A meta description of about 120 to 160 characters.</summary>
    public string Description(string title)
    {
        var text = $"{title}. {Sentence()}";
        while (text.Length < 120)
        {
            text += " " + Sentence();
        }

        return text.Length <= 158 ? text : text[..text.LastIndexOf(' ', 155)] + "\u2026";
    }

    /// <summary>The phrase as it reads mid-sentence: lower case first, except for names such as RevOps or CMOs.</summary>
    public static string InSentence(string phrase)
    {
        var firstWord = phrase.Split(' ')[0];
        return firstWord.Skip(1).Any(char.IsUpper) ? phrase : char.ToLowerInvariant(phrase[0]) + phrase[1..];
    }

    public static string Capitalized(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>A URL slug: lower case words joined by hyphens, cut at a word near 60 characters.</summary>
    public static string Slug(string text)
    {
        var slug = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var result = slug.ToString().Trim('-');
        if (result.Length > 60)
        {
            var cut = result.LastIndexOf('-', 60);
            result = result[..(cut > 20 ? cut : 60)];
        }

        return result;
    }
}
