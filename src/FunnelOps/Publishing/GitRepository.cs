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
    public string CurrentBranch => _repository.Head.FriendlyName;

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

    /// <inheritdoc />
    public bool BranchExists(string name) => _repository.Branches[name] is not null;

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
