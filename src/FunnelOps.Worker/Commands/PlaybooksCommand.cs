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

        var list = new Command("list", "Show the built-in playbooks: what each looks for, at which stages, and whether it fixes.");
        list.SetAction(_ => List(output, error));

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

    private static int List(TextWriter output, TextWriter error)
    {
        IReadOnlyList<Playbook> playbooks;
        try
        {
            playbooks = new PlaybookLoader(FixPlanner.BuiltInKinds).Load([BundledFiles.Playbooks]);
        }
        catch (PlaybookLoadException exception)
        {
            error.WriteLine(exception.Message);
            return ExitCodes.BadInput;
        }

        output.WriteLine($"{"id",-34} {"stages",-46} {"channel",-11} fix");
        foreach (var playbook in playbooks)
        {
            var stages = string.Join(", ", playbook.Stages.Select(s => s.ToName()));
            output.WriteLine($"{playbook.Id,-34} {stages,-46} {playbook.Channel,-11} {playbook.Fix?.Kind ?? "advice only"}");
        }

        return ExitCodes.Success;
    }
}
