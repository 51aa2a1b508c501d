using System.Text;
using System.Text.RegularExpressions;
using FunnelOps.Playbooks;

namespace FunnelOps.Publishing;

/// <summary>Names of the branch and commit that ship a fix.</summary>
public static partial class ChangeNaming
{
    /// <summary>The branch prefix FunnelOps owns; it never writes to other branches.</summary>
    public const string BranchPrefix = "funnelops/";

    /// <summary>The branch for a finding: <c>funnelops/&lt;week&gt;-&lt;playbook&gt;-&lt;slug&gt;</c>.</summary>
    public static string BranchFor(Week week, Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var slug = Slug(finding.Urls[0].AbsolutePath);
        return $"{BranchPrefix}{week}-{finding.Playbook.Id}-{(slug.Length == 0 ? "home" : slug)}";
    }

    /// <summary>True for a conventional-commit subject such as <c>fix(seo): ...</c> or <c>feat!: ...</c>.</summary>
    public static bool IsConventional(string subject) => Conventional().IsMatch(subject);

    /// <summary>Lower-case letters, digits and single dashes, at most 40 characters.</summary>
    public static string Slug(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString().Trim('-');
        return slug.Length <= 40 ? slug : slug[..40].TrimEnd('-');
    }

    [GeneratedRegex(@"^[a-z]+(\([\w./-]+\))?!?: \S")]
    private static partial Regex Conventional();
}
