namespace FunnelOps.Fixes.Fixers;

/// <summary>Where new markup goes in a source file, so it sits on its own line like its neighbours.</summary>
internal static class SourceEdits
{
    /// <summary>
    /// An edit that puts <paramref name="markup"/> on its own line just before the element that
    /// starts at <paramref name="offset"/>, with that element's indentation. When other markup
    /// shares the line before the element, the new markup goes right before it on the same line.
    /// </summary>
    public static TextEdit InsertLineBefore(HtmlSource source, int offset, string markup)
    {
        var lineStart = source.Text.LastIndexOf('\n', Math.Max(0, offset - 1)) + 1;
        if (offset > 0 && source.Text[lineStart..offset].Any(c => c is not (' ' or '\t')))
        {
            return new TextEdit(offset, 0, markup);
        }

        return new TextEdit(offset, 0, markup + source.File.LineEnding + source.IndentationAt(offset));
    }

    /// <summary>
    /// An edit that puts <paramref name="markup"/> first in the head: on its own line before the
    /// head's first element, or right after <c>&lt;head&gt;</c> when the head is written on one line.
    /// </summary>
    public static TextEdit InsertFirstInHead(HtmlSource source, StartTag head, string markup)
    {
        ArgumentNullException.ThrowIfNull(head);
        var next = source.Text.IndexOf('<', head.End);
        if (next >= 0 && !source.Text.AsSpan(head.End, next - head.End).Contains('\n'))
        {
            return new TextEdit(head.End, 0, markup);
        }

        // An empty head gets its first line indented one step (two spaces) further than <head>.
        if (next < 0 || source.Text.AsSpan(next).StartsWith("</head", StringComparison.OrdinalIgnoreCase))
        {
            var indentation = source.IndentationAt(head.Start) + "  ";
            return new TextEdit(head.End, 0, source.File.LineEnding + indentation + markup);
        }

        return InsertLineBefore(source, next, markup);
    }

    /// <summary>
    /// An edit that replaces the text inside an element (such as a title) with <paramref name="escaped"/>,
    /// keeping any white space around the text as it was; null when the end tag is not written.
    /// </summary>
    public static TextEdit? ReplaceContent(HtmlSource source, StartTag tag, string escaped)
    {
        var close = source.Text.IndexOf("</" + tag.Name, tag.End, StringComparison.OrdinalIgnoreCase);
        if (close < 0)
        {
            return null;
        }

        var start = tag.End;
        var end = close;
        while (start < end && char.IsWhiteSpace(source.Text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(source.Text[end - 1]))
        {
            end--;
        }

        // An element holding only white space gets the text in place of it.
        return start == end
            ? new TextEdit(tag.End, close - tag.End, escaped)
            : new TextEdit(start, end - start, escaped);
    }
}
