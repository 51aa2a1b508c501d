using System.Text.Json;
using System.Text.RegularExpressions;

namespace FunnelOps.Publishing;

/// <summary>
/// Writes and reads the hidden <c>&lt;!-- funnelops:state {...} --&gt;</c> block at the end of a pull request body.
/// The JSON escapes <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c>, so text from the site can never close the comment.
/// </summary>
public static partial class ChangeStateBlock
{
    private const string Opening = "<!-- funnelops:state ";

    /// <summary>The block for <paramref name="state"/>, ending with a newline.</summary>
    public static string Write(ChangeState state) => $"{Opening}{JsonSerializer.Serialize(state)} -->\n";

    /// <summary>
    /// The state in the last block of <paramref name="body"/>, or null when there is none or it cannot be read
    /// (a person edited it, or a later format). Only the last block counts: FunnelOps always writes it last.
    /// </summary>
    public static ChangeState? Read(string? body)
    {
        if (body is null)
        {
            return null;
        }

        var matches = Block().Matches(body);
        if (matches.Count == 0)
        {
            return null;
        }

        try
        {
            var state = JsonSerializer.Deserialize<ChangeState>(matches[^1].Groups[1].Value);
            return state is { Version: PullRequestWriter.FormatVersion } && IsWhole(state) ? state : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // A block edited by hand may miss lists or name pages that are no web addresses; such a block is not used.
    private static bool IsWhole(ChangeState state) =>
        state.Week is not null && state.Playbook is not null && state.Fingerprints is not null &&
        state.Fingerprints.All(f => f is not null) && state.Pages is not null && state.Before is not null &&
        state.Pages.All(p => Uri.TryCreate(p, UriKind.Absolute, out var page) && page.Scheme is "http" or "https");

    /// <summary><paramref name="body"/> with its block replaced by one for <paramref name="state"/> (or appended).</summary>
    public static string Replace(string body, ChangeState state)
    {
        ArgumentNullException.ThrowIfNull(body);
        var matches = Block().Matches(body);
        return matches.Count == 0
            ? body + Write(state)
            : body[..matches[^1].Index] + Write(state) + body[(matches[^1].Index + matches[^1].Length)..];
    }

    // A block is a whole line of its own, as FunnelOps writes it: text quoted from the site sits inside other lines
    // and cannot open a block that would swallow the body up to the real one.
    [GeneratedRegex(@"^<!-- funnelops:state (\{.*\}) -->\r?$\n?", RegexOptions.Multiline)]
    private static partial Regex Block();
}
