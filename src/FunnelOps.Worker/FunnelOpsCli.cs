using System.CommandLine;
using FunnelOps.Worker.Commands;

namespace FunnelOps.Worker;

/// <summary>The <c>funnelops</c> command line.</summary>
internal static class FunnelOpsCli
{
    public static RootCommand Create(TextWriter output, TextWriter error)
    {
        var common = new CommonOptions();
        return new RootCommand(
            "FunnelOps checks your marketing website every week, finds what loses buyers at each funnel stage, " +
            "and ships the most valuable fix as one pull request.")
        {
            DemoCommand.Create(common, output, error),
            AuditCommand.Create(common, output, error),
            RunCommand.Create(common, output, error),
            PlaybooksCommand.Create(output, error),
        };
    }

    public static Task<int> InvokeAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var configuration = new InvocationConfiguration { Output = output, Error = error };
        return Create(output, error).Parse(args).InvokeAsync(configuration, cancellationToken);
    }
}
