using FunnelOps.Fixes;
using FunnelOps.Tests.Support;
using FunnelOps.Verification;

namespace FunnelOps.Tests.Verification;

/// <summary>
/// A small Hugo site as its repository holds it: TOML configuration, a shared base layout that
/// writes every page's head (without a viewport meta), and three Markdown pages, one of them
/// without a description. Built with Debian's <c>hugo</c>.
/// </summary>
public static class HugoSite
{
    public const string Config = """
        baseURL = "/"
        title = "Keelboard"
        languageCode = "en"
        disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]

        """;

    public const string BaseLayout = """
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <title>{{ .Title }} | {{ site.Title }}</title>
          {{- with .Description }}
          <meta name="description" content="{{ . }}">
          {{- end }}
          <link rel="canonical" href="{{ .Permalink }}">
        </head>
        <body>
          {{ block "main" . }}{{ end }}
        </body>
        </html>

        """;

    public const string SingleLayout = """
        {{ define "main" }}<main>
          <h1>{{ .Title }}</h1>
          {{ .Content }}
        </main>{{ end }}

        """;

    public const string Home = """
        ---
        title: Plan sprints without spreadsheets
        description: Keelboard gives product teams one board for sprints, roadmaps and releases, so everyone sees what ships.
        ---

        Keelboard gives product teams one board for sprints, roadmaps and releases. See the [features](/features/).

        """;

    public const string Features = """
        ---
        title: "Features"
        date: 2026-11-02
        ---

        Keelboard keeps roadmaps, sprints and releases on one board. Owners see what ships this week without chasing updates in chat.

        Compare [plans and prices](/pricing/).

        """;

    public const string Pricing = """
        +++
        title = "Pricing"
        description = "Keelboard plans start at 12 euros per seat, with unlimited boards and single sign-on in every plan."
        +++

        Keelboard plans start at 12 euros per seat. See the [features](/features/).

        """;

    /// <summary>How the site is built: Hugo writes <c>public/</c>.</summary>
    public static SiteBuild Build { get; } = new("hugo --quiet", "public", TimeSpan.FromSeconds(60));

    /// <summary>The fix settings of a repository that configures that build.</summary>
    public static FixSettings Settings { get; } = new() { Build = Build };

    /// <summary>The site's repository, written into a new temporary folder.</summary>
    public static TempFolder Repository() => TempFolder.With(
        ("hugo.toml", Config),
        ("layouts/_default/baseof.html", BaseLayout),
        ("layouts/_default/single.html", SingleLayout),
        ("layouts/index.html", SingleLayout),
        ("content/_index.md", Home),
        ("content/features.md", Features),
        ("content/pricing.md", Pricing));

    /// <summary>
    /// Fails the test, saying what to install, when Debian's <c>hugo</c> is not on the PATH: a test
    /// that needs the generator must never pass or skip without it.
    /// </summary>
    public static void RequireHugo()
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, "hugo")));
        Assert.True(found,
            "This test builds a Hugo site, and the hugo command is not installed. Install Debian's package " +
            "(apt-get install -y hugo; .ci/run does it) and run the tests again.");
    }
}
