using System.CommandLine;
using FunnelOps.Fixes;
using FunnelOps.Playbooks;
using FunnelOps.Worker.Hosting;

namespace FunnelOps.Worker.Commands;

/// <summary><c>funnelops playbooks validate|list</c>.</summary>
internal static class PlaybooksCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var path = new Argument<string?>("path")
        {
            Description = "A playbook file or a folder of them. Default: the built-in playbooks.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var validate = new Command("validate", "Check playbook files and list every problem with its line and column.") { path };
        validate.SetAction(parse => Validate(parse.GetValue(path) ?? BundledFiles.Playbooks, output, error));

        var listPath = new Argument<string?>("path")
        {
            Description = "A playbook file or a folder of them, such as .funnelops/playbooks. Default: the built-in playbooks.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var list = new Command("list", "Show playbooks: what each looks for, at which stages, and whether it fixes.") { listPath };
        list.SetAction(parse => List(parse.GetValue(listPath) ?? BundledFiles.Playbooks, output, error));

        return new Command("playbooks", "Check or list the playbooks: the rules FunnelOps uses to find and fix problems.")
        {
            validate,
            list,
        };
    }

    private static int Validate(string path, TextWriter output, TextWriter error)
    {
        var (playbooks, errors) = new PlaybookLoader(FixPlanner.BuiltInKinds).Validate([path]);
        if (errors.Count > 0)
        {
            error.WriteLine($"{errors.Count} problem(s) found; fix them and validate again:");
            foreach (var problem in errors)
            {
                error.WriteLine($"  {problem}");
            }

            return ExitCodes.BadInput;
        }

        output.WriteLine($"✓ {playbooks.Count} playbook(s) in {path} are valid.");
        return ExitCodes.Success;
    }

    private static int List(string path, TextWriter output, TextWriter error)
    {
        IReadOnlyList<Playbook> playbooks;
        try
        {
            playbooks = new PlaybookLoader(FixPlanner.BuiltInKinds).Load([path]);
        }
        catch (PlaybookLoadException exception)
        {
            error.WriteLine(exception.Message);
            return ExitCodes.BadInput;
        }

        string[][] rows =
        [
            ["id", "stages", "channel", "fix"],
            .. playbooks.Select(p => new[]
            {
                p.Id,
                string.Join(", ", p.Stages.Select(s => s.ToName())),
                p.Channel,
                p.Fix?.Kind ?? "advice only",
            }),
        ];
        var widths = Enumerable.Range(0, 3).Select(column => rows.Max(row => row[column].Length)).ToArray();
        foreach (var row in rows)
        {
            output.WriteLine(string.Join("  ", row.Select((cell, column) => column < 3 ? cell.PadRight(widths[column]) : cell)));
        }

        return ExitCodes.Success;
    }
}
