using LibGit2Sharp;

namespace FunnelOps.GitHubEmulator.Internal;

/// <summary>
/// The real bare repository behind the emulator. Git's smart HTTP writes to it through <c>git http-backend</c>;
/// the REST side and the control API read and write it here. Each call opens the repository afresh so that it
/// always sees what the last push wrote.
/// </summary>
internal sealed class BareRepository
{
    /// <summary>The environment variable the pre-receive hook reads; set only for a push meant to be rejected.</summary>
    public const string RejectPushVariable = "FUNNELOPS_EMULATOR_REJECT_PUSH";

    private const string PreReceiveHook = """
        #!/bin/sh
        # Declines the push when the emulator armed a rejection for this request.
        if [ -n "$FUNNELOPS_EMULATOR_REJECT_PUSH" ]; then
          echo "$FUNNELOPS_EMULATOR_REJECT_PUSH" >&2
          exit 1
        fi
        exit 0

        """;

    private BareRepository(string path) => Path = path;

    /// <summary>The repository folder (<c>…/owner/name.git</c>).</summary>
    public string Path { get; }

    /// <summary>Creates an empty bare repository whose HEAD names <paramref name="defaultBranch"/>.</summary>
    public static BareRepository Create(string path, string defaultBranch)
    {
        Repository.Init(path, isBare: true);
        File.WriteAllText(System.IO.Path.Combine(path, "HEAD"), $"ref: refs/heads/{defaultBranch}\n");
        using (var repository = new Repository(path))
        {
            repository.Config.Set("http.receivepack", true);
        }

        var hook = System.IO.Path.Combine(path, "hooks", "pre-receive");
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(hook)!);
        File.WriteAllText(hook, PreReceiveHook.Replace("\r\n", "\n", StringComparison.Ordinal));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(hook, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        return new BareRepository(path);
    }

    /// <summary>Every branch and its tip, by name.</summary>
    public IReadOnlyDictionary<string, string> Branches()
    {
        using var repository = new Repository(Path);
        return repository.Branches.Where(b => !b.IsRemote && b.Tip is not null)
            .ToDictionary(b => b.FriendlyName, b => b.Tip.Sha, StringComparer.Ordinal);
    }

    /// <summary>Every reference (<c>refs/heads/…</c>, <c>refs/tags/…</c>) and the object it points at.</summary>
    public IReadOnlyList<(string Name, string Sha, string Type)> References()
    {
        using var repository = new Repository(Path);
        var list = new List<(string, string, string)>();
        foreach (var reference in repository.Refs)
        {
            if (reference.ResolveToDirectReference() is { Target: { } target } direct
                && direct.CanonicalName.StartsWith("refs/", StringComparison.Ordinal))
            {
                list.Add((direct.CanonicalName, target.Sha, target is Commit ? "commit" : "tag"));
            }
        }

        return [.. list.OrderBy(r => r.Item1, StringComparer.Ordinal)];
    }

    /// <summary>The tip of a branch, or null when it does not exist.</summary>
    public string? BranchTip(string branch)
    {
        using var repository = new Repository(Path);
        return repository.Branches[branch]?.Tip?.Sha;
    }

    /// <summary>Details of one commit for REST answers, or null when it does not exist.</summary>
    public CommitDetails? Describe(string sha)
    {
        using var repository = new Repository(Path);
        if (repository.Lookup<Commit>(sha) is not { } commit)
        {
            return null;
        }

        return new CommitDetails(commit.Sha, commit.Tree.Sha, commit.Message,
            commit.Author.Name, commit.Author.Email, commit.Author.When,
            commit.Committer.Name, commit.Committer.Email, commit.Committer.When,
            [.. commit.Parents.Select(p => p.Sha)]);
    }

    /// <summary>The text of a file on a branch, or null when the branch or file does not exist.</summary>
    public string? ReadFile(string branch, string path)
    {
        using var repository = new Repository(Path);
        return repository.Branches[branch]?.Tip?[path]?.Target is Blob blob ? blob.GetContentText() : null;
    }

    /// <summary>
    /// Commits <paramref name="changes"/> (null contents delete a file) on top of <paramref name="branch"/>, or on top
    /// of <paramref name="startPoint"/> when the branch does not exist yet. With <paramref name="replaceAll"/> the
    /// tree holds only the given files. Returns the new commit's sha.
    /// </summary>
    public string Commit(
        string branch,
        IEnumerable<(string Path, byte[]? Contents)> changes,
        string message,
        GitIdentity who,
        DateTimeOffset when,
        bool replaceAll = false,
        string? startPoint = null)
    {
        using var repository = new Repository(Path);
        var parent = repository.Branches[branch]?.Tip
            ?? (startPoint is null ? null : repository.Branches[startPoint]?.Tip ?? repository.Lookup<Commit>(startPoint));
        if (startPoint is not null && parent is null && repository.Branches[branch] is null)
        {
            throw new InvalidOperationException($"Cannot create branch '{branch}': '{startPoint}' does not exist.");
        }

        var tree = parent is null || replaceAll ? new TreeDefinition() : TreeDefinition.From(parent.Tree);
        foreach (var (path, contents) in changes)
        {
            var normalised = path.Replace('\\', '/').TrimStart('/');
            if (contents is null)
            {
                tree.Remove(normalised);
                continue;
            }

            using var stream = new MemoryStream(contents);
            tree.Add(normalised, repository.ObjectDatabase.CreateBlob(stream), Mode.NonExecutableFile);
        }

        var signature = new Signature(who.Name, who.Email, when);
        var commit = repository.ObjectDatabase.CreateCommit(signature, signature, message,
            repository.ObjectDatabase.CreateTree(tree), parent is null ? [] : [parent], prettifyMessage: true);
        repository.Refs.UpdateTarget(EnsureBranch(repository, branch, commit), commit.Id, "emulator: commit");
        return commit.Sha;
    }

    /// <summary>Points a branch at a commit, creating it when missing.</summary>
    public void SetBranch(string branch, string sha)
    {
        using var repository = new Repository(Path);
        var commit = repository.Lookup<Commit>(sha)
            ?? throw new InvalidOperationException($"Commit {sha} does not exist in the emulated repository.");
        repository.Refs.UpdateTarget(EnsureBranch(repository, branch, commit), commit.Id, "emulator: set branch");
    }

    /// <summary>Deletes a reference by its full name; false when it did not exist.</summary>
    public bool DeleteReference(string canonicalName)
    {
        using var repository = new Repository(Path);
        if (repository.Refs[canonicalName] is null)
        {
            return false;
        }

        repository.Refs.Remove(canonicalName);
        return true;
    }

    /// <summary>Whether <paramref name="headSha"/> merges into <paramref name="baseRef"/> without conflicts.</summary>
    public bool CanMerge(string baseRef, string headSha)
    {
        using var repository = new Repository(Path);
        var target = repository.Branches[baseRef]?.Tip;
        var head = repository.Lookup<Commit>(headSha);
        if (target is null || head is null)
        {
            return false;
        }

        return repository.ObjectDatabase.MergeCommits(target, head, new MergeTreeOptions()).Status
            == MergeTreeStatus.Succeeded;
    }

    /// <summary>Counts what a pull request changes: commits on head not on base, and files changed.</summary>
    public (int Commits, int Files, int Additions, int Deletions) Compare(string baseRef, string headSha)
    {
        using var repository = new Repository(Path);
        var target = repository.Branches[baseRef]?.Tip;
        var head = repository.Lookup<Commit>(headSha);
        if (target is null || head is null)
        {
            return (0, 0, 0, 0);
        }

        var commits = repository.Commits.QueryBy(new CommitFilter
        {
            IncludeReachableFrom = head,
            ExcludeReachableFrom = target,
        }).Count();
        var mergeBase = repository.ObjectDatabase.FindMergeBase(target, head) ?? target;
        var patch = repository.Diff.Compare<PatchStats>(mergeBase.Tree, head.Tree);
        return (commits, patch.Count(), patch.TotalLinesAdded, patch.TotalLinesDeleted);
    }

    /// <summary>
    /// Merges <paramref name="headSha"/> into <paramref name="baseRef"/> as GitHub does: <c>merge</c> always writes a
    /// merge commit, <c>squash</c> writes one commit with the merged tree, <c>rebase</c> fast-forwards when the base
    /// has not moved. Returns the new tip, or an explanation why the merge is not possible.
    /// </summary>
    public MergeOutcome Merge(
        string baseRef, string headSha, string method, string message, GitIdentity who, DateTimeOffset when)
    {
        using var repository = new Repository(Path);
        var target = repository.Branches[baseRef]?.Tip;
        var head = repository.Lookup<Commit>(headSha);
        if (target is null || head is null)
        {
            return new MergeOutcome(null, "Base or head branch does not exist");
        }

        if (string.Equals(method, "rebase", StringComparison.Ordinal))
        {
            var mergeBase = repository.ObjectDatabase.FindMergeBase(target, head);
            if (mergeBase?.Sha != target.Sha)
            {
                return new MergeOutcome(null, "This branch can't be rebased");
            }

            repository.Refs.UpdateTarget(repository.Refs[$"refs/heads/{baseRef}"], head.Id, "emulator: rebase merge");
            return new MergeOutcome(head.Sha, null);
        }

        var merged = repository.ObjectDatabase.MergeCommits(target, head, new MergeTreeOptions());
        if (merged.Status != MergeTreeStatus.Succeeded)
        {
            return new MergeOutcome(null, "Merge conflict");
        }

        var signature = new Signature(who.Name, who.Email, when);
        Commit[] parents = string.Equals(method, "squash", StringComparison.Ordinal) ? [target] : [target, head];
        var commit = repository.ObjectDatabase.CreateCommit(signature, signature, message, merged.Tree, parents,
            prettifyMessage: true);
        repository.Refs.UpdateTarget(repository.Refs[$"refs/heads/{baseRef}"], commit.Id, "emulator: merge");
        return new MergeOutcome(commit.Sha, null);
    }

    private static Reference EnsureBranch(Repository repository, string branch, Commit commit) =>
        repository.Refs[$"refs/heads/{branch}"] ?? repository.Refs.Add($"refs/heads/{branch}", commit.Id);
}

/// <summary>Who a commit is written by.</summary>
internal sealed record GitIdentity(string Name, string Email);

/// <summary>The result of a merge: the new tip, or why there is none.</summary>
internal sealed record MergeOutcome(string? Sha, string? Refusal);

/// <summary>What the REST side tells about a commit.</summary>
internal sealed record CommitDetails(
    string Sha,
    string TreeSha,
    string Message,
    string AuthorName,
    string AuthorEmail,
    DateTimeOffset AuthorDate,
    string CommitterName,
    string CommitterEmail,
    DateTimeOffset CommitterDate,
    IReadOnlyList<string> Parents);
