using System.Buffers;
using System.Globalization;
using System.Text.RegularExpressions;

namespace FunnelOps.Signals;

/// <summary>
/// Reads the figures exports write: <c>1,234</c>, <c>1 234</c>, <c>$1,234.50</c>, <c>12.5%</c>,
/// <c>0.125</c>. Blank cells and the placeholders exports use for no data (<c>--</c>,
/// <c>(not set)</c>) are no figure at all. Decimal commas (<c>12,5</c>, <c>1.234,56</c>) are
/// refused, not read: exports in those locales must be saved with the English number format.
/// </summary>
internal static partial class SignalNumber
{
    private static readonly HashSet<string> CurrencyCodes = new(StringComparer.Ordinal) { "USD", "EUR", "GBP", "CHF", "CAD", "AUD" };

    // Thousands separators: comma, space, no-break space, narrow no-break space.
    private static readonly SearchValues<char> Separators = SearchValues.Create(", \u00a0\u202f");

    /// <summary>Parses <paramref name="text"/>; false when it is not a figure.</summary>
    public static bool TryParse(string text, out double? value, out bool percent)
    {
        value = null;
        percent = false;
        var trimmed = text.Trim();
        if (trimmed.Length == 0 || trimmed is "--" or "-" or "—" or "(not set)" or "n/a" or "N/A")
        {
            return true;
        }

        percent = trimmed.EndsWith('%');
        var digits = trimmed.TrimEnd('%').Trim().TrimStart('$', '€', '£', '¥').Trim();
        if (digits.Length > 3 && char.IsAsciiLetterUpper(digits[0]) && CurrencyCodes.Contains(digits[..3]))
        {
            digits = digits[3..].Trim();
        }

        // A comma only ever separates thousands: "12,50" and "1.234,56" would otherwise be read a
        // hundred or a thousand times off, so they are refused.
        if (digits.Contains(',', StringComparison.Ordinal) && !CommaGrouped().IsMatch(digits))
        {
            return false;
        }

        if (digits.AsSpan().IndexOfAny(Separators) >= 0)
        {
            digits = string.Concat(digits.Where(c => !Separators.Contains(c)));
        }

        if (!double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ||
            !double.IsFinite(number))
        {
            return false;
        }

        value = percent ? number / 100 : number;
        return true;
    }

    /// <summary>
    /// A rate as a fraction from 0 to 1. Exports write rates as fractions (0.45) or percentages
    /// (45% or, in some tools, 45); a rate cannot exceed 1, so a bare number above 1 is a percentage.
    /// </summary>
    public static double? AsRate(double? value, bool percent) =>
        value is { } v && !percent && v > 1 ? v / 100 : value;

    [GeneratedRegex(@"^[-+]?[0-9]{1,3}(,[0-9]{3})*(\.[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex CommaGrouped();
}
