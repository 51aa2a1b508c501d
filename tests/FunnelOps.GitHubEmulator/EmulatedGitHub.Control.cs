using System.Text;
using FunnelOps.GitHubEmulator.Internal;

namespace FunnelOps.GitHubEmulator;

/// <summary>The control API: what tests do as the humans around the repository, and what they read back.</summary>
public sealed partial class EmulatedGitHub
{
    /// <summary>
    /// Commits every file under <paramref name="folder"/> (except <c>.git</c>) as the whole tree of the default
    /// branch, as the site's maintainer. Returns the commit sha.
    /// </summary>
    public string Seed(string folder, string message = "Initial site")
    {
        var root = Path.GetFullPath(folder);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"The seed folder {root} does not exist.");
        }

        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith(".git/", StringComparison.Ordinal) && f != ".git")
            .Select(f => (f, (byte[]?)File.ReadAllBytes(Path.Combine(root, f))))
            .ToList();
        return Write(DefaultBranch, files, message, replaceAll: true, startPoint: null);
    }

    /// <summary>
    /// Pushes one commit to <paramref name="branch"/> as the human (<see cref="HumanLogin"/>): each entry writes a
    /// file, a null value deletes it. A missing branch is created from <paramref name="startPoint"/> (the default
    /// branch when null). Returns the commit sha.
    /// </summary>
    public string PushAsHuman(
        string branch, IReadOnlyDictionary<string, string?> files, string message, string? startPoint = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        return Write(branch, files.Select(f => (f.Key, f.Value is null ? null : Encoding.UTF8.GetBytes(f.Value))),
            message, replaceAll: false, startPoint: startPoint ?? DefaultBranch);
    }

    /// <summary>Creates (or moves) <paramref name="branch"/> to the tip of <paramref name="from"/>.</summary>
    public void CreateBranch(string branch, string from)
    {
        lock (_state.Gate)
        {
            var tip = _state.Repository.BranchTip(from)
                ?? throw new InvalidOperationException($"Branch '{from}' does not exist in the emulated repository.");
            _state.Repository.SetBranch(branch, tip);
            _state.PushedAt = _state.Now;
        }
    }

    /// <summary>Deletes a branch as the human would on GitHub; false when it did not exist.</summary>
    public bool DeleteBranchAsHuman(string branch)
    {
        lock (_state.Gate)
        {
            return _state.Repository.DeleteReference($"refs/heads/{branch}");
        }
    }

    /// <summary>
    /// Merges a pull request as the human, with GitHub's <paramref name="method"/> (<c>merge</c>, <c>squash</c>,
    /// <c>rebase</c>): a real commit in the bare repository. Returns the new tip of the base branch.
    /// </summary>
    public string MergePullRequestAsHuman(int number, string method = "merge")
    {
        lock (_state.Gate)
        {
            var pull = RequirePull(number);
            if (pull.State != "open")
            {
                throw new InvalidOperationException($"Pull request #{number} is {pull.State}; only an open one merges.");
            }

            var outcome = _state.Merge(pull, _state.Human, method, null, null);
            return outcome.Sha ?? throw new InvalidOperationException(
                $"Pull request #{number} cannot be merged: {outcome.Refusal}.");
        }
    }

    /// <summary>Closes a pull request without merging it, as the human.</summary>
    public void ClosePullRequestAsHuman(int number)
    {
        lock (_state.Gate)
        {
            _state.Close(RequirePull(number), _state.Human);
        }
    }

    /// <summary>
    /// Opens a pull request from <paramref name="headRef"/> of a fork owned by <paramref name="forkOwner"/>, as an
    /// outsider can on a public repository: any branch name and any body. Returns its number.
    /// </summary>
    public int OpenPullRequestFromForkAsHuman(string forkOwner, string headRef, string title, string? body)
    {
        lock (_state.Gate)
        {
            var pull = new PullRecord
            {
                Id = _state.NextId(),
                HeadRef = headRef,
                HeadSha = _state.Repository.BranchTip(DefaultBranch) ?? "",
                BaseRef = DefaultBranch,
                ForkOwner = forkOwner,
            };
            return _state.OpenIssue(_state.Human, title, body, [], [], pull).Number;
        }
    }

    /// <summary>Closes an issue as the human.</summary>
    public void CloseIssueAsHuman(int number, string reason = "completed")
    {
        lock (_state.Gate)
        {
            _state.Close(RequireIssue(number), _state.Human, reason);
        }
    }

    /// <summary>Reopens an issue or an unmerged pull request, as the human.</summary>
    public void ReopenAsHuman(int number)
    {
        lock (_state.Gate)
        {
            var issue = RequireIssue(number);
            if (issue.Pull?.Merged == true)
            {
                throw new InvalidOperationException($"Pull request #{number} was merged; it cannot be reopened.");
            }

            _state.Reopen(issue);
        }
    }

    /// <summary>Comments on an issue or pull request as the human.</summary>
    public CommentSnapshot CommentAsHuman(int number, string body)
    {
        lock (_state.Gate)
        {
            return EmulatorState.SnapshotComment(_state.AddComment(RequireIssue(number), _state.Human, body));
        }
    }

    /// <summary>Adds a label (created when missing) to an issue or pull request, as the human.</summary>
    public void AddLabelAsHuman(int number, string label)
    {
        lock (_state.Gate)
        {
            _state.AddLabels(RequireIssue(number), [label]);
        }
    }

    /// <summary>Removes a label from an issue or pull request, as the human; false when it was not there.</summary>
    public bool RemoveLabelAsHuman(int number, string label)
    {
        lock (_state.Gate)
        {
            var issue = RequireIssue(number);
            var removed = issue.Labels.RemoveAll(l => string.Equals(l, label, StringComparison.OrdinalIgnoreCase)) > 0;
            issue.UpdatedAt = _state.Now;
            return removed;
        }
    }

    /// <summary>Creates a repository label, as the human.</summary>
    public void CreateLabelAsHuman(string name, string color = "ededed", string? description = null)
    {
        lock (_state.Gate)
        {
            if (_state.FindLabel(name) is not null)
            {
                throw new InvalidOperationException($"Label '{name}' already exists.");
            }

            _state.CreateLabel(name, color, description);
        }
    }

    /// <summary>Opens an issue as the human; returns its number.</summary>
    public int CreateIssueAsHuman(string title, string? body = null, params string[] labels)
    {
        lock (_state.Gate)
        {
            return _state.OpenIssue(_state.Human, title, body, labels, []).Number;
        }
    }

    /// <summary>Rewrites the body of an issue or pull request, as the human.</summary>
    public void EditBodyAsHuman(int number, Func<string?, string?> edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        lock (_state.Gate)
        {
            var issue = RequireIssue(number);
            issue.Body = edit(issue.Body);
            issue.UpdatedAt = _state.Now;
        }
    }

    /// <summary>
    /// Ticks the first unticked task-list checkbox (<c>- [ ]</c>) whose line contains <paramref name="lineContaining"/>,
    /// as a human clicking it on GitHub (which rewrites the body to <c>- [x]</c>).
    /// </summary>
    public void TickCheckboxAsHuman(int number, string lineContaining)
    {
        lock (_state.Gate)
        {
            var issue = RequireIssue(number);
            var lines = (issue.Body ?? "").Split('\n');
            var index = Array.FindIndex(lines, l => l.Contains(lineContaining, StringComparison.Ordinal)
                && l.TrimStart().StartsWith("- [ ]", StringComparison.Ordinal));
            if (index < 0)
            {
                throw new InvalidOperationException(
                    $"Issue #{number} has no unticked checkbox on a line containing '{lineContaining}'.");
            }

            var box = lines[index].IndexOf("- [ ]", StringComparison.Ordinal);
            lines[index] = string.Concat(lines[index].AsSpan(0, box), "- [x]", lines[index].AsSpan(box + 5));
            issue.Body = string.Join('\n', lines);
            issue.UpdatedAt = _state.Now;
        }
    }

    /// <summary>Every pull request, by number.</summary>
    public IReadOnlyList<PullRequestSnapshot> PullRequests
    {
        get
        {
            lock (_state.Gate)
            {
                return [.. _state.Issues.Where(i => i.Pull is not null).Select(_state.SnapshotPull)];
            }
        }
    }

    /// <summary>One pull request.</summary>
    public PullRequestSnapshot PullRequest(int number)
    {
        lock (_state.Gate)
        {
            return _state.SnapshotPull(RequirePull(number));
        }
    }

    /// <summary>Every issue that is not a pull request, by number.</summary>
    public IReadOnlyList<IssueSnapshot> Issues
    {
        get
        {
            lock (_state.Gate)
            {
                return [.. _state.Issues.Where(i => i.Pull is null).Select(EmulatorState.SnapshotIssue)];
            }
        }
    }

    /// <summary>One issue (or the issue side of a pull request).</summary>
    public IssueSnapshot Issue(int number)
    {
        lock (_state.Gate)
        {
            return EmulatorState.SnapshotIssue(RequireIssue(number));
        }
    }

    /// <summary>The comments on an issue or pull request, oldest first.</summary>
    public IReadOnlyList<CommentSnapshot> Comments(int number)
    {
        lock (_state.Gate)
        {
            return [.. _state.Comments.Where(c => c.IssueNumber == number).Select(EmulatorState.SnapshotComment)];
        }
    }

    /// <summary>The repository's labels.</summary>
    public IReadOnlyList<LabelSnapshot> Labels
    {
        get
        {
            lock (_state.Gate)
            {
                return [.. _state.Labels.Select(l => new LabelSnapshot(l.Name, l.Color, l.Description))];
            }
        }
    }

    /// <summary>Every branch and its tip, read from the bare repository.</summary>
    public IReadOnlyDictionary<string, string> Branches => _state.Repository.Branches();

    /// <summary>The text of a file on a branch, or null when the branch or file does not exist.</summary>
    public string? ReadFile(string branch, string path) => _state.Repository.ReadFile(branch, path);

    /// <summary>The full message of a commit, or null when it does not exist.</summary>
    public string? CommitMessage(string sha) => _state.Repository.Describe(sha)?.Message;

    /// <summary>The parents of a commit (two for a merge commit), or null when it does not exist.</summary>
    public IReadOnlyList<string>? CommitParents(string sha) => _state.Repository.Describe(sha)?.Parents;

    /// <summary>The author name of a commit, or null when it does not exist.</summary>
    public string? CommitAuthor(string sha) => _state.Repository.Describe(sha)?.AuthorName;

    private string Write(
        string branch, IEnumerable<(string, byte[]?)> files, string message, bool replaceAll, string? startPoint)
    {
        lock (_state.Gate)
        {
            var who = new GitIdentity(_state.Human.Login, $"{_state.Human.Id}+{_state.Human.Login}@users.noreply.emulated.test");
            var sha = _state.Repository.Commit(branch, files, message, who, _state.Now, replaceAll, startPoint);
            _state.PushedAt = _state.Now;
            return sha;
        }
    }

    private IssueRecord RequireIssue(int number) =>
        _state.Find(number) ?? throw new InvalidOperationException($"There is no issue or pull request #{number}.");

    private IssueRecord RequirePull(int number) =>
        _state.FindPull(number) ?? throw new InvalidOperationException($"There is no pull request #{number}.");
}
