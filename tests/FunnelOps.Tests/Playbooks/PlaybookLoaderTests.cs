using FunnelOps.Playbooks;
using FunnelOps.Rendering;
using FunnelOps.Tests.Support;

namespace FunnelOps.Tests.Playbooks;

public sealed class PlaybookLoaderTests
{
    private const string SelectorCheck = """
          - kind: selector
            selector: 'meta[name="description"]'
            expect: present
        """;

    private const string BrokenPlaybook = """
        id: broken-playbook
        title: A broken playbook
        stages: [awareness, purchase]
        channel: radio
        colour: blue
        scope:
          include: [blog/**]
        checks:
          - kind: selector
            selector: 'div[data-x'
            expect: present
          - kind: spellcheck
          - kind: rendered
            metric: bounce-rate
            max: 0
        scoring:
          uplift: high
          confidence: 0.5
          effort: 1
        fix:
          kind: rewrite-everything
        pr:
          title: "Fix {page.name}"
          why: Because.
          verify: Look.
        """;

    [Fact]
    public void Every_error_of_a_broken_file_is_reported_at_once_with_its_line_and_column()
    {
        using var folder = TempFolder.With(("broken.yml", BrokenPlaybook));
        var file = Path.Combine(folder.Path, "broken.yml");

        var (playbooks, errors) = Engine.PlaybookLoader().Validate([file]);

        Assert.Empty(playbooks);
        Assert.All(errors, e => Assert.Equal(file, e.File));
        Assert.Equal(
            [
                (3, 21, "Unknown stage \"purchase\". Use awareness, consideration, decision or retention."),
                (4, 10, "Unknown channel \"radio\". Use one of: content, conversion, mobile, paid, retention, seo."),
                (5, 1, "Unknown field \"colour\". Allowed here: channel, checks, evidence, fix, id, pr, scope, scoring, stages, title."),
                (7, 13, "The URL pattern \"blog/**\" must start with \"/\", for example \"/blog/**\"."),
                (10, 15, "\"div[data-x\" is not a valid CSS selector."),
                (12, 11, "Unknown check kind \"spellcheck\". Use one of: selector, field, duplicate, link-status, rendered, form, signal, sitemap, robots-txt, hreflang."),
                (14, 13, "Unknown metric \"bounce-rate\". Use one of: " + string.Join(", ", RenderMetrics.All.Order()) + "."),
                (17, 3, "\"scoring.uplift_source\" is missing; add it."),
                (17, 11, "\"scoring.uplift\" must be a number."),
                (21, 9, "Unknown fix kind \"rewrite-everything\". Use one of: defer-script, demote-extra-h1, eager-lcp-image, " +
                    "insert-canonical, insert-event-data, insert-meta-description, insert-title, insert-viewport, link-feed, " +
                    "remove-noindex, retarget-link, retitle-from-h1, rewrite-meta-description, set-image-alt, " +
                    "set-image-dimensions, set-lang, shorten-title, ungate-asset, or remove \"fix\" for advice only."),
                (23, 10, "Unknown placeholder {page.name}. Use one of: {count}, {page.path}, {page.title}, {page.url}, {stage}."),
            ],
            errors.Select(e => (e.Line, e.Column, e.Message)).OrderBy(e => e.Line).ThenBy(e => e.Column));
    }

    [Fact]
    public void Errors_print_as_file_line_column_and_message()
    {
        var error = new PlaybookError("playbooks/x.yml", 4, 10, "Unknown channel \"radio\".");

        Assert.Equal("playbooks/x.yml:4:10: Unknown channel \"radio\".", error.ToString());
        Assert.Equal("playbooks/x.yml: No such file.", new PlaybookError("playbooks/x.yml", 0, 0, "No such file.").ToString());
    }

    [Fact]
    public void Load_throws_with_every_error_of_every_file()
    {
        using var folder = TempFolder.With(
            ("a.yml", PlaybookText.Yaml(SelectorCheck, id: "first", stages: "[someday]")),
            ("b.yml", PlaybookText.Yaml(SelectorCheck, id: "second").Replace("channel: seo", "channel: tv", StringComparison.Ordinal)));

        var exception = Assert.Throws<PlaybookLoadException>(() => Engine.PlaybookLoader().Load([folder.Path]));

        Assert.Equal(
            [(Path.Combine(folder.Path, "a.yml"), 3), (Path.Combine(folder.Path, "b.yml"), 4)],
            exception.Errors.Select(e => (e.File, e.Line)));
        Assert.Contains("2 problem(s) in the playbooks", exception.Message, StringComparison.Ordinal);
        Assert.Contains($"{Path.Combine(folder.Path, "b.yml")}:4:10: Unknown channel \"tv\".", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_field_in_a_check_names_the_fields_allowed_there()
    {
        var errors = Errors(PlaybookText.Yaml("""
              - kind: selector
                selectr: 'img'
                selector: 'img'
                expect: absent
            """));

        var error = Assert.Single(errors);
        Assert.Equal((8, 5), (error.Line, error.Column));
        Assert.Equal("Unknown field \"checks[0].selectr\". Allowed here: expect, kind, max, message, min, selector.", error.Message);
    }

    [Fact]
    public void An_unknown_field_in_the_scope_names_the_allowed_ones()
    {
        var errors = Errors(PlaybookText.Yaml(SelectorCheck, scope: """
            scope:
              only: [/blog/**]
            """));

        Assert.Equal("Unknown field \"scope.only\". Allowed here: exclude, include, where.", Assert.Single(errors).Message);
    }

    [Theory]
    [InlineData("stages: awareness", "\"stages\" must be a list, such as [a, b].")]
    [InlineData("checks: selector", "\"checks\" must be a list.")]
    [InlineData("scoring: 3", "\"scoring\" must be a set of fields (a mapping).")]
    [InlineData("title: [a, b]", "\"title\" must be a text value.")]
    public void A_value_of_the_wrong_type_is_reported_where_it_is(string line, string message)
    {
        var field = line[..line.IndexOf(':', StringComparison.Ordinal)];
        var yaml = ReplaceTopLevel(PlaybookText.Yaml(SelectorCheck), field, line);

        var error = Assert.Single(Errors(yaml), e => e.Message == message);
        Assert.Equal(LineOf(yaml, field + ":"), error.Line);
        Assert.Equal(field.Length + 3, error.Column);
    }

    [Theory]
    [InlineData("confidence: 2", "\"scoring.confidence\" is 2; it must be between 0 and 1.")]
    [InlineData("confidence: sure", "\"scoring.confidence\" must be a number.")]
    [InlineData("effort: 9", "\"scoring.effort\" is 9; it must be between 1 and 5.")]
    public void A_score_out_of_range_or_not_a_number_is_reported(string line, string message)
    {
        var field = line[..line.IndexOf(':', StringComparison.Ordinal)];
        var yaml = PlaybookText.Yaml(SelectorCheck).Replace(
            "  " + field + ": " + (field == "confidence" ? "0.5" : "1"), "  " + line, StringComparison.Ordinal);

        var error = Assert.Single(Errors(yaml));
        Assert.Equal(message, error.Message);
        Assert.Equal(LineOf(yaml, "  " + line), error.Line);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("title")]
    [InlineData("stages")]
    [InlineData("channel")]
    [InlineData("checks")]
    [InlineData("scoring")]
    [InlineData("pr")]
    public void A_missing_required_field_is_reported(string field)
    {
        var yaml = PlaybookText.Yaml(SelectorCheck, scope: "", fix: "");
        var lines = yaml.Split('\n').ToList();
        var start = lines.FindIndex(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        var end = start + 1;
        while (end < lines.Count && (lines[end].StartsWith(' ') || lines[end].Length == 0))
        {
            end++;
        }

        lines.RemoveRange(start, end - start);
        var errors = Errors(string.Join('\n', lines));

        var error = Assert.Single(errors);
        Assert.Equal($"\"{field}\" is missing; add it.", error.Message);
        Assert.Equal((1, 1), (error.Line, error.Column));
    }

    [Fact]
    public void A_check_without_kind_is_reported()
    {
        var errors = Errors(PlaybookText.Yaml("""
              - message: No kind here.
            """));

        Assert.Contains(errors, e => e.Message == "\"checks[0].kind\" is missing; add it." && e.Line == 7);
    }

    [Fact]
    public void A_selector_check_needs_present_or_absent()
    {
        var errors = Errors(PlaybookText.Yaml("""
              - kind: selector
                selector: img
                expect: sometimes
            """));

        Assert.Equal("\"expect\" is \"sometimes\"; use present or absent.", Assert.Single(errors).Message);
    }

    [Fact]
    public void A_duplicate_check_names_the_fields_it_understands()
    {
        var errors = Errors(PlaybookText.Yaml("""
              - kind: duplicate
                field: body
            """));

        Assert.Equal("Unknown field \"body\". Use one of: h1, meta-description, title.", Assert.Single(errors).Message);
    }

    [Fact]
    public void An_id_must_be_lower_case_words_and_dashes()
    {
        var errors = Errors(PlaybookText.Yaml(SelectorCheck, id: "Meta_Description"));

        var error = Assert.Single(errors);
        Assert.Equal("The id \"Meta_Description\" must use lower-case letters, digits and dashes.", error.Message);
        Assert.Equal((1, 5), (error.Line, error.Column));
    }

    [Theory]
    [InlineData("{page.name}")]
    [InlineData("{page_url}")]
    [InlineData("{Page.Title}")]
    public void An_unknown_placeholder_in_pull_request_text_is_reported(string placeholder)
    {
        var yaml = PlaybookText.Yaml(SelectorCheck).Replace("{page.path}", placeholder, StringComparison.Ordinal);

        var error = Assert.Single(Errors(yaml));
        Assert.StartsWith($"Unknown placeholder {placeholder}.", error.Message, StringComparison.Ordinal);
        Assert.Equal(LineOf(yaml, "  title:"), error.Line);
    }

    [Fact]
    public void Every_known_placeholder_is_accepted()
    {
        var yaml = PlaybookText.Yaml(SelectorCheck).Replace(
            "{page.path}", "{page.url} {page.path} {page.title} {stage} {count}", StringComparison.Ordinal);

        Assert.Empty(Errors(yaml));
    }

    [Fact]
    public void Fix_parameters_must_be_simple_pairs()
    {
        var errors = Errors(PlaybookText.Yaml(SelectorCheck, fix: """
            fix:
              kind: insert-viewport
              with:
                width: [1, 2]
            """));

        Assert.Equal("Fix parameters must be simple name: value pairs.", Assert.Single(errors).Message);
    }

    [Fact]
    public void A_valid_playbook_is_read_with_all_its_parts()
    {
        var playbook = PlaybookText.Load(PlaybookText.Yaml(
            """
              - kind: link-status
                broken: false
                max_redirects: 1
                message: Too many hops.
              - kind: form
                max_visible_fields: 4
                guards: [".pdf", roi]
            """,
            stages: "[decision, Retention]",
            scope: """
                scope:
                  include: [/pricing/**]
                  exclude: [/pricing/old/**]
                """,
            fix: """
                fix:
                  kind: retarget-link
                  with:
                    mode: nearest
                """));

        Assert.Equal([Stage.Decision, Stage.Retention], playbook.Stages);
        Assert.Equal(["/pricing/**"], playbook.Scope.Include.Select(p => p.Text));
        Assert.Equal(["/pricing/old/**"], playbook.Scope.Exclude.Select(p => p.Text));
        Assert.Equal(new LinkStatusCheck { Broken = false, MaxRedirects = 1, Message = "Too many hops." }, playbook.Checks[0]);
        var form = Assert.IsType<FormCheck>(playbook.Checks[1]);
        Assert.Equal(4, form.MaxVisibleFields);
        Assert.Equal([".pdf", "roi"], form.Guards);
        Assert.Equal("retarget-link", playbook.Fix?.Kind);
        Assert.Equal("nearest", playbook.Fix?.Parameters["mode"]);
        Assert.Equal(new ScoringDefinition { Uplift = 0.05, UpliftSource = "A figure for tests.", Confidence = 0.5, Effort = 1 },
            playbook.Scoring);
        Assert.Equal("Fix {page.path}", playbook.PullRequest.Title);
    }

    [Fact]
    public void The_same_id_in_two_files_is_reported_on_the_second_file_naming_the_first()
    {
        using var folder = TempFolder.With(
            ("a.yml", PlaybookText.Yaml(SelectorCheck, id: "same-id")),
            ("b.yml", PlaybookText.Yaml(SelectorCheck, id: "same-id")));

        var (playbooks, errors) = Engine.PlaybookLoader().Validate([folder.Path]);

        var first = Path.Combine(folder.Path, "a.yml");
        Assert.Equal(first, Assert.Single(playbooks).SourcePath);
        var error = Assert.Single(errors);
        Assert.Equal(Path.Combine(folder.Path, "b.yml"), error.File);
        Assert.Equal($"The id \"same-id\" is already used by {first}; give one of them another id.", error.Message);
        Assert.Equal((1, 5), (error.Line, error.Column));
    }

    [Fact]
    public void Invalid_YAML_syntax_is_reported_with_where_the_parser_stopped()
    {
        var errors = Errors("""
            id: broken-yaml
            title: A title
              stages: [awareness]
            """);

        var error = Assert.Single(errors);
        Assert.StartsWith("This is not valid YAML: ", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, error.Line);
        Assert.True(error.Column > 0, $"column was {error.Column}");
    }

    [Fact]
    public void An_unclosed_list_at_the_end_of_a_file_is_reported_as_invalid_YAML_not_thrown()
    {
        var errors = Errors("""
            id: broken-yaml
            title: [unclosed
            stages: [awareness]
            """);

        var error = Assert.Single(errors);
        Assert.StartsWith("This is not valid YAML: ", error.Message, StringComparison.Ordinal);
        Assert.True(error.Line >= 2, $"line was {error.Line}");
        Assert.True(error.Column > 0, $"column was {error.Column}");
    }

    [Fact]
    public void A_file_that_is_not_a_mapping_is_reported()
    {
        var error = Assert.Single(Errors("- just\n- a list\n"));

        Assert.Equal("A playbook file holds exactly one YAML mapping (id, title, ...).", error.Message);
    }

    [Fact]
    public void A_path_that_does_not_exist_is_reported()
    {
        var missing = Path.Combine(Path.GetTempPath(), "funnelops-tests-nothing-" + Guid.NewGuid().ToString("N"));

        var (_, errors) = Engine.PlaybookLoader().Validate([missing]);

        Assert.Equal(new PlaybookError(missing, 0, 0, "No such file or folder; check the path."), Assert.Single(errors));
    }

    [Fact]
    public void Every_built_in_playbook_loads_without_errors()
    {
        var files = Directory.GetFiles(Engine.BuiltInPlaybooks, "*.yml");

        var (playbooks, errors) = Engine.PlaybookLoader().Validate([Engine.BuiltInPlaybooks]);

        Assert.Empty(errors);
        Assert.NotEmpty(files);
        Assert.Equal(files.Length, playbooks.Count);
        Assert.Equal(
            files.Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal),
            playbooks.Select(p => p.Id).Order(StringComparer.Ordinal));
    }

    private static List<PlaybookError> Errors(string yaml)
    {
        var errors = new List<PlaybookError>();
        Engine.PlaybookLoader().LoadFile("test.yml", yaml, errors);
        return errors;
    }

    private static int LineOf(string yaml, string start) =>
        yaml.Split('\n').ToList().FindIndex(l => l.StartsWith(start, StringComparison.Ordinal)) + 1;

    private static string ReplaceTopLevel(string yaml, string field, string replacement)
    {
        var lines = yaml.Split('\n').ToList();
        var start = lines.FindIndex(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        var end = start + 1;
        while (end < lines.Count && lines[end].StartsWith(' '))
        {
            end++;
        }

        lines.RemoveRange(start, end - start);
        lines.Insert(start, replacement);
        return string.Join('\n', lines);
    }
}
