namespace FunnelOps.Fixes;

/// <summary>
/// The exact source extent of one HTML start tag and of each of its attributes, read from the
/// original text so that edits can touch one attribute and keep the author's quoting and spacing.
/// </summary>
public sealed class StartTag
{
    private StartTag(string source, string name, int start, int end, bool selfClosing,
        IReadOnlyList<AttributeSpan> attributes)
    {
        Name = name;
        Start = start;
        End = end;
        SelfClosing = selfClosing;
        Attributes = attributes;

        // A new attribute goes right after the last one, so "<img a="1" />" keeps its " />".
        var point = selfClosing ? end - 2 : end - 1;
        while (point > start && char.IsWhiteSpace(source[point - 1]))
        {
            point--;
        }

        InsertionPoint = point;
    }

    /// <summary>The tag name in lower case.</summary>
    public string Name { get; }

    /// <summary>Offset of the <c>&lt;</c>.</summary>
    public int Start { get; }

    /// <summary>Offset just past the closing <c>&gt;</c>.</summary>
    public int End { get; }

    /// <summary>True when the tag ends with <c>/&gt;</c>.</summary>
    public bool SelfClosing { get; }

    /// <summary>The attributes in source order.</summary>
    public IReadOnlyList<AttributeSpan> Attributes { get; }

    /// <summary>
    /// Offset where a new attribute goes: after the last attribute, before any white space and
    /// the closing <c>&gt;</c> or <c>/&gt;</c>. Insert a leading space with the attribute.
    /// </summary>
    public int InsertionPoint { get; }

    /// <summary>The attribute named <paramref name="name"/> (case-insensitive), or null.</summary>
    public AttributeSpan? Attribute(string name) =>
        Attributes.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Reads the start tag that begins at <paramref name="start"/>, which must be a <c>&lt;</c>.</summary>
    /// <exception cref="FormatException">When no well-formed start tag begins there.</exception>
    public static StartTag Read(string source, int start)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (start < 0 || start >= source.Length || source[start] != '<')
        {
            throw new FormatException($"No start tag begins at offset {start}.");
        }

        var i = start + 1;
        var nameStart = i;
        while (i < source.Length && !char.IsWhiteSpace(source[i]) && source[i] is not ('>' or '/'))
        {
            i++;
        }

        var name = source[nameStart..i].ToLowerInvariant();
        var attributes = new List<AttributeSpan>();
        while (i < source.Length)
        {
            while (i < source.Length && char.IsWhiteSpace(source[i]))
            {
                i++;
            }

            if (i < source.Length && source[i] == '>')
            {
                return new StartTag(source, name, start, i + 1, false, attributes);
            }

            if (i + 1 < source.Length && source[i] == '/' && source[i + 1] == '>')
            {
                return new StartTag(source, name, start, i + 2, true, attributes);
            }

            if (i < source.Length && source[i] == '/')
            {
                i++;
                continue;
            }

            i = ReadAttribute(source, i, attributes);
        }

        throw new FormatException($"The <{name}> tag at offset {start} is never closed.");
    }

    private static int ReadAttribute(string source, int i, List<AttributeSpan> attributes)
    {
        var start = i;
        while (i < source.Length && !char.IsWhiteSpace(source[i]) && source[i] is not ('=' or '>' or '/'))
        {
            i++;
        }

        var name = source[start..i];
        var afterName = i;
        while (i < source.Length && char.IsWhiteSpace(source[i]))
        {
            i++;
        }

        if (i >= source.Length || source[i] != '=')
        {
            attributes.Add(new AttributeSpan(name, start, afterName, null, -1, -1, '\0'));
            return afterName;
        }

        i++;
        while (i < source.Length && char.IsWhiteSpace(source[i]))
        {
            i++;
        }

        var quote = i < source.Length && source[i] is '"' or '\'' ? source[i] : '\0';
        var valueStart = quote == '\0' ? i : i + 1;
        var valueEnd = valueStart;
        while (valueEnd < source.Length &&
            (quote == '\0' ? !char.IsWhiteSpace(source[valueEnd]) && source[valueEnd] != '>' : source[valueEnd] != quote))
        {
            valueEnd++;
        }

        var end = quote == '\0' ? valueEnd : Math.Min(valueEnd + 1, source.Length);
        attributes.Add(new AttributeSpan(name, start, end, source[valueStart..valueEnd], valueStart, valueEnd, quote));
        return end;
    }
}
