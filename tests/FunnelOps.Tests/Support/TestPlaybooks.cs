using FunnelOps.Playbooks;

namespace FunnelOps.Tests.Support;

/// <summary>Playbooks built in code for tests that are about something else.</summary>
public static class TestPlaybooks
{
    public static Playbook Advice(string id) => new()
    {
        Id = id,
        Title = id,
        Stages = [.. StageNames.All],
        Channel = "seo",
        Checks = [new SelectorCheck { Selector = "h1", MustMatch = true }],
        Scoring = new ScoringDefinition { Uplift = 0.1, UpliftSource = "test", Confidence = 0.5, Effort = 1 },
        PullRequest = new PullRequestTemplate { Title = "Fix {page.path}", Why = "Because.", Verify = "Look." },
        SourcePath = id + ".yml",
    };
}
