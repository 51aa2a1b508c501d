using System.Text;
using FunnelOps.Fixes;
using FunnelOps.Tests.Support;

namespace FunnelOps.Tests.Fixes;

public sealed class FixGuardrailsTests
{
    [Fact]
    public void An_ordinary_text_file_of_the_repository_may_be_edited()
    {
        using var repository = TempFolder.With(("pricing/index.html", Html.Page("Pricing")));

        Assert.Null(Guardrails(repository.Path).Refusal("pricing/index.html"));
    }

    [Theory]
    [InlineData("../outside.html")]
    [InlineData("pricing/../../outside.html")]
    [InlineData("./pricing/index.html")]
    [InlineData("/etc/passwd")]
    public void A_path_that_leaves_the_repository_is_refused(string path)
    {
        using var folder = TempFolder.With(("repo/pricing/index.html", Html.Page("Pricing")), ("outside.html", "x"));

        var refusal = Guardrails(Path.Combine(folder.Path, "repo")).Refusal(path);

        Assert.Equal(
            $"`{path}` lies outside the site repository (or is reached through a link that leads out of it), so " +
            "FunnelOps will not edit it.", refusal);
    }

    [Fact]
    public void A_file_reached_through_a_symbolic_link_out_of_the_repository_is_refused()
    {
        using var folder = TempFolder.With(("repo/index.html", Html.Page("Home")), ("shared/head.html", "<head></head>"));
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "repo", "partials"), Path.Combine(folder.Path, "shared"));

        var refusal = Guardrails(Path.Combine(folder.Path, "repo")).Refusal("partials/head.html");

        Assert.StartsWith("`partials/head.html` lies outside the site repository", refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("legal/**", "legal/terms/index.html")]
    [InlineData("*.md", "README.md")]
    [InlineData("pricing/index.html", "pricing/index.html")]
    public void A_protected_path_from_the_configuration_is_refused(string pattern, string path)
    {
        using var repository = TempFolder.With((path, Html.Page("Protected")));

        var refusal = Guardrails(repository.Path, new FixSettings { ProtectedPaths = [pattern] }).Refusal(path);

        Assert.Equal(
            $"`{path}` is protected by the pattern `{pattern}` in .funnelops/config.yml (fixes: protected_paths), " +
            "so FunnelOps left it alone. Fix it by hand, or remove the pattern.", refusal);
    }

    [Fact]
    public void A_protected_pattern_does_not_reach_other_files()
    {
        using var repository = TempFolder.With(("legal/index.html", Html.Page("Legal")), ("pricing/index.html", "x"));

        var guardrails = Guardrails(repository.Path, new FixSettings { ProtectedPaths = ["legal/**"] });

        Assert.Null(guardrails.Refusal("pricing/index.html"));
    }

    [Fact]
    public void Output_written_by_the_site_generator_is_refused()
    {
        using var repository = TempFolder.With(
            ("hugo.toml", "title = \"Keelboard\""), ("content/_index.md", "---\ntitle: Home\n---\n"),
            ("public/index.html", Html.Page("Home")));

        var refusal = Guardrails(repository.Path).Refusal("public/index.html");

        Assert.Equal(
            "`public/index.html` is written by Hugo's build; an edit there would be lost at the next build, so " +
            "FunnelOps edits the files the site is built from instead.", refusal);
    }

    [Fact]
    public void A_configured_build_output_is_refused_on_a_site_without_a_known_generator()
    {
        using var repository = TempFolder.With(("build/index.html", Html.Page("Home")), ("src/index.html", "x"));
        var settings = new FixSettings { Build = new("make site", "build", TimeSpan.FromMinutes(1)) };

        var refusal = Guardrails(repository.Path, settings).Refusal("build/index.html");

        Assert.StartsWith("`build/index.html` is written by the configured build;", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void A_binary_file_is_refused()
    {
        using var repository = new TempFolder();
        repository.WriteBytes("downloads/guide.html", [.. Encoding.UTF8.GetBytes("<html>"), 0, 1, 2]);

        var refusal = Guardrails(repository.Path).Refusal("downloads/guide.html");

        Assert.Equal("`downloads/guide.html` is a binary file, not text, so FunnelOps will not edit it.", refusal);
    }

    [Fact]
    public void A_change_over_the_configured_number_of_lines_is_refused_and_one_at_the_limit_is_not()
    {
        using var repository = TempFolder.With(("index.html", "one\ntwo\nthree\n"));
        var source = SourceFile.Read(repository.Path, "index.html");
        var mapping = new SourceMapping(new Uri("http://127.0.0.1/"), "index.html", repository.Path, "test");
        var guardrails = Guardrails(repository.Path, new FixSettings { MaxChangedLines = 2 });

        // Changing one line counts as two: one removed, one added.
        var atLimit = new FileChange(mapping, source, "one\nTWO\nthree\n", "", null);
        var over = new FileChange(mapping, source, "one\nTWO\nTHREE\n", "", null);

        Assert.Null(guardrails.SizeRefusal([atLimit]));
        Assert.Equal(
            "The fix would change more than 2 lines (fixes: max_changed_lines in .funnelops/config.yml), too many " +
            "to review quickly, so FunnelOps did not prepare it. Raise the limit if you want such fixes.",
            guardrails.SizeRefusal([over]));
    }

    [Fact]
    public void The_planner_passes_over_a_protected_page_and_says_why()
    {
        const string page = """
            <html><head><title>Features</title></head><body><h1>Features</h1><p>Boards.</p></body></html>
            """;
        var run = PlannedRun.Of(new FunnelOps.Fixes.Fixers.InsertViewportFixer(), page,
            new PageSetup("viewport-missing"), settings: new FixSettings { ProtectedPaths = ["features/**"] });

        Assert.Null(run.Change);
        Assert.StartsWith("`features/index.html` is protected by the pattern `features/**`", run.Reason,
            StringComparison.Ordinal);
    }

    private static FixGuardrails Guardrails(string root, FixSettings? settings = null)
    {
        settings ??= FixSettings.Default;
        return new FixGuardrails(root, settings, SiteLayout.Detect(root, settings.Build?.Output));
    }
}
