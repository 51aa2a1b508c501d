using System.Globalization;

namespace FunnelOps.Benchmarks;

/// <summary>The <c>--name value</c> options after a command and its target.</summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, string> _values;

    private Arguments(Dictionary<string, string> values)
    {
        _values = values;
    }

    public static Arguments Parse(ReadOnlySpan<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"Expected '--name value' pairs, found '{args[i]}'.");
            }

            values[args[i][2..]] = args[i + 1];
        }

        return new Arguments(values);
    }

    /// <summary>The integer option <paramref name="name"/>, at least 1, or <paramref name="fallback"/>.</summary>
    public int Int(string name, int fallback)
    {
        if (!_values.TryGetValue(name, out var text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"--{name} needs a whole number above zero, not '{text}'.");
    }

    /// <summary>The text option <paramref name="name"/>, or <paramref name="fallback"/>.</summary>
    public string? Text(string name, string? fallback = null) => _values.GetValueOrDefault(name, fallback!);
}
