using System.CommandLine;
using FunnelOps.Publishing;
using FunnelOps.Worker.Presentation;

namespace FunnelOps.Worker.Commands;

/// <summary><c>funnelops run --site URL --repo PATH</c>: the weekly job.</summary>
internal static class RunCommand
{
    public static Command Create(CommonOptions common, TextWriter output, TextWriter error)
    {
        var site = new Option<string>("--site")
        {
            Description = "The website to check, for example https://www.example.com or http://localhost:4000",
            Required = true,
        };
        var repo = new Option<string>("--repo")
        {
            Description = "The website's source repository, which FunnelOps edits on a new branch: a folder, or " +
                "with --publish github its address (https://github.com/owner/name.git).",
            Required = true,
        };
        var apiUrl = new Option<string?>("--api-url")
        {
            Description = "The GitHub API address, for GitHub Enterprise (https://github.example.com/api/v3/). " +
                "Default: derived from the repository address, or api_url in the configuration.",
        };
        var tokenVariable = new Option<string>("--token-env")
        {
            Description = "The environment variable holding the GitHub token (default GITHUB_TOKEN).",
            DefaultValueFactory = _ => "GITHUB_TOKEN",
        };
        var dryRun = new Option<bool>("--dry-run")
        {
            Description = "Prepare and check the change and show it, but commit nothing.",
        };
        var publish = new Option<string>("--publish")
        {
            Description = "Where the change goes: local (a branch plus pull-request.md in the reports folder) " +
                "or github (a pull request).",
            DefaultValueFactory = _ => "local",
        };
        publish.AcceptOnlyFromAmong("local", "github");
        var state = new Option<string?>("--state")
        {
            Description = "The file where local runs remember their changes from week to week (which were merged, " +
                "which your team said no to, what they achieved). Default: .git/funnelops/state.json in the " +
                "website's repository.",
        };

        var command = new Command("run",
            "The weekly job: check the website, rank what loses buyers, fix the top problem in the website's " +
            "repository on a new branch, and write the pull request that explains it.")
        {
            site, repo, dryRun, publish, state, apiUrl, tokenVariable, common.Render, common.Out, common.Playbooks,
            common.Chromium, common.MaxPages, common.Config, common.Verbose, common.Signals,
            common.Device, common.Network, common.CpuSlowdown, common.PagesAtOnce,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            if (CommonOptions.ParseSite(parse.GetValue(site), error) is not { } url)
            {
                return ExitCodes.BadInput;
            }

            if (parse.GetValue(publish) == "github")
            {
                return await RunOnGitHubAsync(parse, url, repo, apiUrl, tokenVariable, dryRun, common, output, error,
                    cancellationToken);
            }

            var repository = parse.GetValue(repo)!;
            if (repository.Contains("://", StringComparison.Ordinal) || repository.StartsWith("git@", StringComparison.Ordinal))
            {
                error.WriteLine($"{repository} is a remote address. Clone the repository first " +
                    "(git clone <address>) and pass the folder to --repo.");
                return ExitCodes.BadInput;
            }

            if (!Directory.Exists(repository))
            {
                error.WriteLine($"The folder {repository} does not exist. Pass the folder of the website's repository to --repo.");
                return ExitCodes.BadInput;
            }

            var outDirectory = Path.GetFullPath(parse.GetValue(common.Out)!);
            var request = new RunRequest
            {
                Site = url,
                RepositoryPath = Path.GetFullPath(repository),
                StatePath = parse.GetValue(state) is { } statePath ? Path.GetFullPath(statePath) : null,
                DryRun = parse.GetValue(dryRun),
                OutputDirectory = outDirectory,
                Render = CommonOptions.ParseRender(parse.GetValue(common.Render)!),
                ChromiumPath = parse.GetValue(common.Chromium),
                RenderOverrides = common.RenderOverrides(parse),
                PlaybookPaths = RunInvoker.PlaybookPaths(repository, parse.GetValue(common.Playbooks)),
            };
            var (code, result) = await RunInvoker.InvokeAsync(request, common.Settings(parse), output, error,
                cancellationToken);
            if (result is not null)
            {
                ResultPrinter.PrintBacklog(output, result);
                ResultPrinter.PrintChange(output, result, showPullRequest: true);
                ResultPrinter.PrintNotes(output, result);
                PrintWhere(output, result, request.RepositoryPath);
                ResultPrinter.PrintReports(output, outDirectory);
            }

            return code;
        });
        return command;
    }

    private static async Task<int> RunOnGitHubAsync(ParseResult parse, Uri site, Option<string> repo,
        Option<string?> apiUrl, Option<string> tokenVariable, Option<bool> dryRun, CommonOptions common,
        TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var address = parse.GetValue(repo)!;
        if (!Uri.TryCreate(address, UriKind.Absolute, out var cloneUrl) || cloneUrl.Scheme is not ("https" or "http") ||
            !string.IsNullOrEmpty(cloneUrl.UserInfo))
        {
            error.WriteLine($"With --publish github, --repo is the repository's address without credentials, such " +
                "as https://github.com/acme/website.git (the token comes from an environment variable).");
            return ExitCodes.BadInput;
        }

        var variable = parse.GetValue(tokenVariable)!;
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(variable)))
        {
            error.WriteLine($"No GitHub token: set the environment variable {variable} to a token that may write the " +
                "repository's contents, pull requests and issues (in GitHub Actions: GITHUB_TOKEN: " +
                "${{ secrets.GITHUB_TOKEN }}), or name another variable with --token-env. Nothing was crawled.");
            return ExitCodes.BadInput;
        }

        Uri? api = null;
        if (parse.GetValue(apiUrl) is { } given && !Uri.TryCreate(given, UriKind.Absolute, out api))
        {
            error.WriteLine($"\"{given}\" is not a web address. Give the API address, such as https://github.example.com/api/v3/.");
            return ExitCodes.BadInput;
        }

        var outDirectory = Path.GetFullPath(parse.GetValue(common.Out)!);
        var request = new RunRequest
        {
            Site = site,
            DryRun = parse.GetValue(dryRun),
            OutputDirectory = outDirectory,
            Render = CommonOptions.ParseRender(parse.GetValue(common.Render)!),
            ChromiumPath = parse.GetValue(common.Chromium),
            RenderOverrides = common.RenderOverrides(parse),
            PlaybookPaths = RunInvoker.PlaybookPaths(null, parse.GetValue(common.Playbooks)),
            GitHub = new GitHubPublishing
            {
                Remote = new RemoteAccess(cloneUrl, Environment.GetEnvironmentVariable(variable)!.Trim()),
                ApiUrl = api ?? GitHubConfiguration.ApiUrlFor(cloneUrl),
            },
        };
        var (code, result) = await RunInvoker.InvokeAsync(request, common.Settings(parse) with { ApiUrlGiven = api is not null },
            output, error, cancellationToken);
        if (result is not null)
        {
            ResultPrinter.PrintBacklog(output, result);
            ResultPrinter.PrintChange(output, result, showPullRequest: result.Publication?.PullRequest is null);
            ResultPrinter.PrintNotes(output, result);
            ResultPrinter.PrintReports(output, outDirectory);
        }

        return code;
    }

    internal static void PrintWhere(TextWriter output, RunResult result, string repository)
    {
        if (result.Change is { Branch: { } branch })
        {
            output.WriteLine();
            output.WriteLine($"The change is committed on the branch {branch} in {repository}.");
            output.WriteLine($"Your checked-out branch was left as it was. To look at the change: git -C {repository} show {branch}");
        }
    }
}
