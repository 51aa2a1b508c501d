using FunnelOps.GitHubEmulator;
using FunnelOps.Tests.Support;
using Octokit;

namespace FunnelOps.Tests.GitHubEmulator;

/// <summary>Starts emulated GitHubs seeded with a tiny site, and Octokit clients pointed at them.</summary>
internal static class Emulators
{
    public static async Task<EmulatedGitHub> StartSeededAsync(EmulatedGitHubOptions? options = null)
    {
        using var site = TempFolder.With(
            ("index.html", "<!doctype html><title>Acme</title><h1>Acme</h1>\n"),
            ("pricing/index.html", "<!doctype html><title>Pricing</title><h1>Pricing</h1>\n"));
        return await EmulatedGitHub.StartAsync((options ?? new EmulatedGitHubOptions()) with { SeedFolder = site.Path });
    }

    public static GitHubClient Octokit(EmulatedGitHub github, string? token = null)
    {
        var client = new GitHubClient(new ProductHeaderValue("funnelops-tests"), new Uri(github.ApiUrl));
        if (token is not "")
        {
            client.Credentials = new Credentials(token ?? github.Token);
        }

        return client;
    }

    /// <summary>A branch with one change on top of the default branch, pushed as the human.</summary>
    public static string PushFeatureBranch(EmulatedGitHub github, string branch, string contents = "<h1>Pricing that converts</h1>") =>
        github.PushAsHuman(branch, new Dictionary<string, string?> { ["pricing/index.html"] = contents }, "Sharper pricing headline");
}
