using LibGit2Sharp;

namespace FunnelOps.Publishing;

/// <summary>The site repository through LibGit2Sharp.</summary>
public sealed class GitRepository : ISiteRepository
{
    /// <summary>The name and e-mail FunnelOps commits as.</summary>
    public const string AuthorName = "FunnelOps";

    /// <summary>The e-mail FunnelOps commits as.</summary>
    public const string AuthorEmail = "funnelops@users.noreply.github.com";

    private readonly Repository _repository;

    private GitRepository(Repository repository)
    {
        _repository = repository;
    }

    /// <inheritdoc />
    public string WorkingDirectory => _repository.Info.WorkingDirectory.TrimEnd(Path.DirectorySeparatorChar);

    /// <inheritdoc />
    public string GitDirectory => _repository.Info.Path.TrimEnd(Path.DirectorySeparatorChar);

    /// <inheritdoc />
    public bool IsIgnored(string relativePath) =>
        _repository.Ignore.IsPathIgnored(relativePath.Replace(Path.DirectorySeparatorChar, '/'));

    /// <inheritdoc />
    public string CurrentBranch => _repository.Head.FriendlyName;

    /// <inheritdoc />
    public bool IsDetached => _repository.Info.IsHeadDetached;

    /// <inheritdoc />
    public bool IsClean => !_repository.RetrieveStatus(new StatusOptions { IncludeUntracked = true }).IsDirty;

    /// <summary>Opens the repository whose working tree contains <paramref name="path"/>.</summary>
    /// <exception cref="SiteRepositoryException">When the folder is not in a Git repository.</exception>
    public static GitRepository Open(string path)
    {
        var root = Repository.Discover(path) ?? throw new SiteRepositoryException(
            $"{path} is not inside a Git repository. Point --repo at the website's repository (the folder with .git).");
        return new GitRepository(new Repository(root));
    }

    /// <summary>
    /// Creates a repository in <paramref name="path"/> from the files already there, on a first
    /// branch named <paramref name="branch"/>, with one commit.
    /// </summary>
    public static GitRepository InitializeFrom(string path, string branch, string message, DateTimeOffset timestamp)
    {
        Repository.Init(path);
        var repository = new Repository(path);

        // libgit2 names the first branch "master"; point HEAD at the wanted name before committing.
        repository.Refs.UpdateTarget("HEAD", "refs/heads/" + branch);
        Commands.Stage(repository, "*");
        var signature = new Signature(AuthorName, AuthorEmail, timestamp);
        repository.Commit(message, signature, signature);
        return new GitRepository(repository);
    }

    /// <summary>
    /// Clones <paramref name="remote"/> into the empty folder <paramref name="folder"/> with
    /// <paramref name="branch"/> checked out: shallow (only the tip) where the server allows it, else in full.
    /// </summary>
    /// <exception cref="SiteRepositoryException">When the repository cannot be cloned.</exception>
    public static GitRepository Clone(RemoteAccess remote, string folder, string branch)
    {
        ArgumentNullException.ThrowIfNull(remote);
        LibGit2SharpException? shallowFailure = null;
        foreach (var depth in new[] { 1, 0 })
        {
            try
            {
                var options = new CloneOptions { BranchName = branch };
                options.FetchOptions.Depth = depth;
                options.FetchOptions.CredentialsProvider = Credentials(remote);
                var gitFolder = Repository.Clone(remote.CloneUrl.ToString(), folder, options);
                return new GitRepository(new Repository(gitFolder));
            }
            catch (LibGit2SharpException exception)
            {
                shallowFailure ??= exception;
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
        }

        throw new SiteRepositoryException($"Git could not clone {remote.CloneUrl} (branch {branch}): " +
            $"{shallowFailure!.Message}. Check the address, the branch name and that the token may read the repository.",
            shallowFailure);
    }

    /// <summary>The commit <paramref name="branch"/> points to on <paramref name="remote"/>, or null when it does not exist there.</summary>
    public static string? RemoteTip(RemoteAccess remote, string branch)
    {
        ArgumentNullException.ThrowIfNull(remote);
        try
        {
            return Repository.ListRemoteReferences(remote.CloneUrl.ToString(), Credentials(remote))
                .FirstOrDefault(r => r.CanonicalName == "refs/heads/" + branch)?.TargetIdentifier;
        }
        catch (LibGit2SharpException exception)
        {
            throw new SiteRepositoryException($"Git could not read the branches of {remote.CloneUrl}: {exception.Message}",
                exception);
        }
    }

    /// <summary>
    /// Pushes the local <paramref name="branch"/> to <paramref name="remote"/>, which must still point at
    /// <paramref name="expectedRemoteTip"/> (null: must not exist yet). Only FunnelOps' own branches are pushed, never
    /// <paramref name="baseBranch"/>; a branch that already exists is replaced only under that lease.
    /// </summary>
    /// <exception cref="SiteRepositoryException">When the branch is not FunnelOps', moved, or the push was declined.</exception>
    public void Push(RemoteAccess remote, string branch, string baseBranch, string? expectedRemoteTip)
    {
        ArgumentNullException.ThrowIfNull(remote);
        if (!branch.StartsWith(ChangeNaming.BranchPrefix, StringComparison.Ordinal) || branch == baseBranch)
        {
            throw new SiteRepositoryException($"FunnelOps pushes only its own {ChangeNaming.BranchPrefix}... branches, " +
                $"never {branch}.");
        }

        // libgit2 has no force-with-lease: compare the remote tip just before pushing instead.
        var actual = RemoteTip(remote, branch);
        if (actual != expectedRemoteTip)
        {
            throw new SiteRepositoryException(actual is null
                ? $"The branch {branch} was deleted on {remote.CloneUrl} since FunnelOps last pushed it."
                : $"The branch {branch} on {remote.CloneUrl} is at {actual[..7]}, not where FunnelOps left it; " +
                  "someone else pushed to it, so FunnelOps leaves it alone.");
        }

        string? declined = null;
        var options = new PushOptions
        {
            CredentialsProvider = Credentials(remote),
            OnPushStatusError = error => declined = error.Message,
        };
        var force = expectedRemoteTip is null ? "" : "+";
        Guard($"push {branch} (check the repository's branch rules and that the token may push)", () => _repository.Network.Push(_repository.Network.Remotes["origin"],
            $"{force}refs/heads/{branch}:refs/heads/{branch}", options));
        if (declined is not null)
        {
            throw new SiteRepositoryException($"The code host declined the push of {branch}: {declined}. " +
                "Check the repository's branch rules and that the token may push, then run again.");
        }
    }

    /// <summary>
    /// Fetches <paramref name="branch"/> from <paramref name="remote"/> and describes its tip, or returns null when
    /// the branch does not exist there.
    /// </summary>
    public RemoteCommit? FetchBranch(RemoteAccess remote, string branch)
    {
        ArgumentNullException.ThrowIfNull(remote);
        if (RemoteTip(remote, branch) is null)
        {
            return null;
        }

        var tracking = "refs/funnelops/remote/" + branch;
        var options = new FetchOptions { CredentialsProvider = Credentials(remote), Depth = 2 };
        Guard($"fetch {branch}", () => Commands.Fetch(_repository, "origin", [$"+refs/heads/{branch}:{tracking}"], options,
            null));
        var commit = _repository.Lookup<Commit>(_repository.Refs[tracking].TargetIdentifier);
        return new RemoteCommit(commit.Sha, commit.Author.Email, commit.Message,
            [.. commit.Parents.Select(p => p.Sha)], commit.Tree.Sha);
    }

    /// <summary>The tree id of the local branch's tip.</summary>
    public string TreeOf(string branch) => _repository.Branches[branch].Tip.Tree.Sha;

    /// <summary>The commit the local branch points to.</summary>
    public string TipOf(string branch) => _repository.Branches[branch].Tip.Sha;

    /// <inheritdoc />
    public IReadOnlyList<string> RecentCommitSubjects(int count) =>
        [.. _repository.Commits.Take(count).Select(c => c.MessageShort)];

    /// <inheritdoc />
    public bool BranchExists(string name) => _repository.Branches[name] is not null;

    /// <inheritdoc />
    public string? BranchTip(string name) => _repository.Branches[name]?.Tip?.Sha;

    /// <inheritdoc />
    public bool IsReachable(string commitId, string branch)
    {
        var tip = _repository.Branches[branch]?.Tip;
        var commit = _repository.Lookup<Commit>(commitId);
        if (tip is null || commit is null)
        {
            return false;
        }

        return tip.Sha == commit.Sha || _repository.ObjectDatabase.FindMergeBase(commit, tip)?.Sha == commit.Sha;
    }

    /// <inheritdoc />
    public bool HasCommitWithLine(string branch, string line, DateTimeOffset since)
    {
        if (_repository.Branches[branch]?.Tip is not { } tip)
        {
            return false;
        }

        var filter = new CommitFilter { IncludeReachableFrom = tip, SortBy = CommitSortStrategies.Time };
        return _repository.Commits.QueryBy(filter).Take(1_000)
            .TakeWhile(c => c.Committer.When >= since)
            .Any(c => c.Message.Split('\n').Any(l => l.Trim() == line));
    }

    /// <inheritdoc />
    public void CreateAndCheckout(string name) => Guard($"create the branch {name}", () =>
    {
        var branch = _repository.CreateBranch(name);
        Commands.Checkout(_repository, branch);
    });

    /// <inheritdoc />
    public void Checkout(string name) => Guard($"check out {name}", () => Commands.Checkout(_repository,
        _repository.Branches[name] ?? throw new SiteRepositoryException($"The branch {name} does not exist.")));

    /// <inheritdoc />
    public void DeleteBranch(string name) => Guard($"delete the branch {name}", () => _repository.Branches.Remove(name));

    /// <inheritdoc />
    public string Commit(IReadOnlyList<string> paths, string message, DateTimeOffset timestamp)
    {
        var sha = "";
        Guard("commit the change", () =>
        {
            Commands.Stage(_repository, paths);
            var signature = new Signature(AuthorName, AuthorEmail, timestamp);
            sha = _repository.Commit(message, signature, signature).Sha;
        });
        return sha;
    }

    /// <inheritdoc />
    public string DiffOfCommit(string commitId)
    {
        var commit = _repository.Lookup<Commit>(commitId)
            ?? throw new SiteRepositoryException($"The commit {commitId} does not exist.");
        var parent = commit.Parents.FirstOrDefault()?.Tree;
        return _repository.Diff.Compare<Patch>(parent, commit.Tree).Content;
    }

    /// <inheritdoc />
    public string DiffOfWorkingTree(IReadOnlyList<string> paths) =>
        _repository.Diff.Compare<Patch>(_repository.Head.Tip.Tree, DiffTargets.WorkingDirectory, paths).Content;

    /// <inheritdoc />
    public void Discard(IReadOnlyList<string> paths) =>
        _repository.CheckoutPaths(_repository.Head.FriendlyName, paths,
            new CheckoutOptions { CheckoutModifiers = CheckoutModifiers.Force });

    /// <inheritdoc />
    public void Dispose() => _repository.Dispose();

    private static LibGit2Sharp.Handlers.CredentialsHandler Credentials(RemoteAccess remote) =>
        (_, _, _) => new UsernamePasswordCredentials { Username = "x-access-token", Password = remote.Token };

    private static void Guard(string action, Action work)
    {
        try
        {
            work();
        }
        catch (LibGit2SharpException exception)
        {
            throw new SiteRepositoryException($"Git could not {action}: {exception.Message}", exception);
        }
    }
}
