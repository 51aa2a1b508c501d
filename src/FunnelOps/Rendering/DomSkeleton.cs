using System.Security.Cryptography;
using System.Text;
using AngleSharp.Dom;

namespace FunnelOps.Rendering;

/// <summary>
/// A compact signature of a page's layout, so that pages built from one template share it: the
/// nesting of its container elements (<c>header</c>, <c>nav</c>, <c>main</c>, <c>div</c>, ...) with
/// their classes, a few levels deep. Text, inline elements and the number of repeated siblings
/// (cards in a grid, items in a list) are left out, because they vary from page to page.
/// </summary>
public static class DomSkeleton
{
    private const int MaxDepth = 6;
    private const int MaxElements = 5_000;

    private static readonly HashSet<string> Containers = new(StringComparer.Ordinal)
    {
        "header", "nav", "main", "footer", "aside", "section", "article", "div", "form", "table", "ul", "ol", "figure",
    };

    /// <summary>A 16-character hexadecimal signature of <paramref name="document"/>'s body.</summary>
    public static string Signature(IDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = new StringBuilder();
        var budget = MaxElements;
        if (document.Body is { } body)
        {
            Append(body, 0, text, ref budget);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }

    private static void Append(IElement element, int depth, StringBuilder text, ref int budget)
    {
        string? previous = null;
        foreach (var child in element.Children)
        {
            if (--budget < 0)
            {
                return;
            }

            if (!Containers.Contains(child.LocalName))
            {
                continue;
            }

            var part = new StringBuilder(child.LocalName);
            foreach (var name in child.ClassList.Order(StringComparer.Ordinal).Take(3))
            {
                part.Append('.').Append(name);
            }

            if (depth + 1 < MaxDepth)
            {
                part.Append('(');
                Append(child, depth + 1, part, ref budget);
                part.Append(')');
            }

            // Repeated siblings built the same way count once.
            var shape = part.ToString();
            if (shape != previous)
            {
                text.Append(shape).Append(';');
                previous = shape;
            }
        }
    }
}
