namespace FunnelOps.GitHubEmulator.Internal;

/// <summary>
/// Everything the emulated GitHub remembers besides Git data: issues, pull requests, comments, labels. Callers hold
/// <see cref="Gate"/> while they read or change it; the REST side and the control API share these operations.
/// </summary>
internal sealed class EmulatorState
{
    private long _nextId = 1000;

    public EmulatorState(EmulatedGitHubOptions options, BareRepository repository)
    {
        Options = options;
        Repository = repository;
        Owner = new UserRecord(options.Owner, NextId(), "Organization");
        Bot = new UserRecord(options.TokenOwner, NextId(), "User");
        Human = new UserRecord(options.HumanLogin, NextId(), "User");
        RepositoryId = NextId();
        CreatedAt = options.Time.GetUtcNow();
        PushedAt = CreatedAt;
    }

    public Lock Gate { get; } = new();

    public EmulatedGitHubOptions Options { get; }

    public BareRepository Repository { get; }

    public UserRecord Owner { get; }

    public UserRecord Bot { get; }

    public UserRecord Human { get; }

    public long RepositoryId { get; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset PushedAt { get; set; }

    public List<IssueRecord> Issues { get; } = [];

    public List<CommentRecord> Comments { get; } = [];

    public List<LabelRecord> Labels { get; } = [];

    /// <summary>Pull requests hidden from the next listings, with how many listings each still misses.</summary>
    public Dictionary<int, int> HiddenFromListing { get; } = [];

    /// <summary>How many listings the next created pull request will be missing from (0: none).</summary>
    public int HideNextCreatedFor { get; set; }

    public DateTimeOffset Now => Options.Time.GetUtcNow();

    public long NextId() => Interlocked.Increment(ref _nextId);

    public UserRecord UserNamed(string login) =>
        string.Equals(login, Bot.Login, StringComparison.OrdinalIgnoreCase) ? Bot
        : string.Equals(login, Human.Login, StringComparison.OrdinalIgnoreCase) ? Human
        : string.Equals(login, Owner.Login, StringComparison.OrdinalIgnoreCase) ? Owner
        : new UserRecord(login, 5000 + Math.Abs(StringComparer.OrdinalIgnoreCase.GetHashCode(login) % 100000), "User");

    public IssueRecord? Find(int number) => Issues.Find(i => i.Number == number);

    public IssueRecord? FindPull(int number) => Issues.Find(i => i.Number == number && i.Pull is not null);

    public LabelRecord? FindLabel(string name) =>
        Labels.Find(l => string.Equals(l.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The live head sha of a pull request: the branch tip while open, the recorded one once closed.</summary>
    public string HeadSha(IssueRecord pull)
    {
        if (pull.State == "open" && pull.Pull!.ForkOwner is null && Repository.BranchTip(pull.Pull.HeadRef) is { } tip)
        {
            pull.Pull.HeadSha = tip;
        }

        return pull.Pull!.HeadSha;
    }

    public IssueRecord OpenIssue(UserRecord author, string title, string? body, IEnumerable<string> labels,
        IEnumerable<string> assignees, PullRecord? pull = null)
    {
        var issue = new IssueRecord
        {
            Number = Issues.Count + 1,
            Id = NextId(),
            Title = title,
            Body = body,
            Author = author,
            CreatedAt = Now,
            UpdatedAt = Now,
            Pull = pull,
        };
        SetLabels(issue, labels);
        issue.Assignees.AddRange(assignees.Distinct(StringComparer.OrdinalIgnoreCase));
        Issues.Add(issue);
        if (pull is not null && HideNextCreatedFor > 0)
        {
            HiddenFromListing[issue.Number] = HideNextCreatedFor;
            HideNextCreatedFor = 0;
        }

        return issue;
    }

    /// <summary>Replaces an issue's labels, creating missing ones as GitHub does.</summary>
    public void SetLabels(IssueRecord issue, IEnumerable<string> labels)
    {
        issue.Labels.Clear();
        AddLabels(issue, labels);
    }

    public void AddLabels(IssueRecord issue, IEnumerable<string> labels)
    {
        foreach (var name in labels)
        {
            var label = FindLabel(name) ?? CreateLabel(name, "ededed", null);
            if (!issue.Labels.Contains(label.Name, StringComparer.Ordinal))
            {
                issue.Labels.Add(label.Name);
            }
        }

        issue.UpdatedAt = Now;
    }

    public LabelRecord CreateLabel(string name, string color, string? description)
    {
        var label = new LabelRecord { Id = NextId(), Name = name, Color = color.TrimStart('#'), Description = description };
        Labels.Add(label);
        return label;
    }

    public CommentRecord AddComment(IssueRecord issue, UserRecord author, string body)
    {
        var comment = new CommentRecord
        {
            Id = NextId(),
            IssueNumber = issue.Number,
            Author = author,
            Body = body,
            CreatedAt = Now,
            UpdatedAt = Now,
        };
        Comments.Add(comment);
        issue.UpdatedAt = Now;
        return comment;
    }

    public void Close(IssueRecord issue, UserRecord by, string? reason = null)
    {
        if (issue.State == "closed")
        {
            return;
        }

        if (issue.Pull is not null)
        {
            HeadSha(issue);
        }

        issue.State = "closed";
        issue.StateReason = issue.Pull is null ? reason ?? "completed" : null;
        issue.ClosedAt = Now;
        issue.ClosedBy = by;
        issue.UpdatedAt = Now;
    }

    public void Reopen(IssueRecord issue)
    {
        if (issue.State == "open")
        {
            return;
        }

        issue.State = "open";
        issue.StateReason = issue.Pull is null ? "reopened" : null;
        issue.ClosedAt = null;
        issue.ClosedBy = null;
        issue.UpdatedAt = Now;
    }

    /// <summary>Merges a pull request in the bare repository and records it; the refusal text when it cannot.</summary>
    public MergeOutcome Merge(IssueRecord pull, UserRecord by, string method, string? title, string? message)
    {
        var head = HeadSha(pull);
        var headRef = pull.Pull!.HeadRef;
        var commitTitle = title ?? (method == "squash"
            ? $"{pull.Title} (#{pull.Number})"
            : $"Merge pull request #{pull.Number} from {Options.Owner}/{headRef}");
        var commitMessage = message ?? (method == "squash" ? "" : pull.Title);
        var full = string.IsNullOrEmpty(commitMessage) ? commitTitle : commitTitle + "\n\n" + commitMessage;
        var who = new GitIdentity(by.Login, $"{by.Id}+{by.Login}@users.noreply.emulated.test");
        var outcome = Repository.Merge(pull.Pull.BaseRef, head, method, full, who, Now);
        if (outcome.Sha is null)
        {
            return outcome;
        }

        pull.Pull.Merged = true;
        pull.Pull.MergedAt = Now;
        pull.Pull.MergedBy = by;
        pull.Pull.MergeCommitSha = outcome.Sha;
        PushedAt = Now;
        Close(pull, by);
        return outcome;
    }

    public PullRequestSnapshot SnapshotPull(IssueRecord issue) => new(
        issue.Number, issue.Title, issue.Body, issue.State, issue.Pull!.Merged, issue.Pull.HeadRef, HeadSha(issue),
        issue.Pull.BaseRef, issue.Pull.MergeCommitSha, issue.Author.Login, [.. issue.Labels],
        [.. issue.Pull.RequestedReviewers], [.. issue.Assignees], issue.CreatedAt, issue.UpdatedAt, issue.ClosedAt,
        issue.Pull.MergedAt);

    public static IssueSnapshot SnapshotIssue(IssueRecord issue) => new(
        issue.Number, issue.Title, issue.Body, issue.State, issue.Author.Login, [.. issue.Labels],
        [.. issue.Assignees], issue.CreatedAt, issue.UpdatedAt, issue.ClosedAt);

    public static CommentSnapshot SnapshotComment(CommentRecord comment) => new(
        comment.Id, comment.IssueNumber, comment.Author.Login, comment.Body, comment.CreatedAt, comment.UpdatedAt);
}
