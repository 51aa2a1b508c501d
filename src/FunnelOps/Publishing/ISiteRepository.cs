namespace FunnelOps.Publishing;

/// <summary>The site repository as FunnelOps uses it. The one real implementation uses LibGit2Sharp.</summary>
public interface ISiteRepository : IDisposable
{
    /// <summary>The working-tree folder.</summary>
    string WorkingDirectory { get; }

    /// <summary>The repository's Git folder (<c>.git</c>), where nothing shows up as a change in the working tree.</summary>
    string GitDirectory { get; }

    /// <summary>True when Git ignores the file at <paramref name="relativePath"/> of the working tree.</summary>
    bool IsIgnored(string relativePath);

    /// <summary>True when no branch is checked out, only a commit (a detached HEAD, as in many CI checkouts).</summary>
    bool IsDetached { get; }

    /// <summary>The branch checked out now.</summary>
    string CurrentBranch { get; }

    /// <summary>True when the working tree has no uncommitted changes to tracked or untracked files.</summary>
    bool IsClean { get; }

    /// <summary>True when a branch of that name exists.</summary>
    bool BranchExists(string name);

    /// <summary>The commit the branch <paramref name="name"/> points to, or null when there is no such branch.</summary>
    string? BranchTip(string name);

    /// <summary>True when <paramref name="commitId"/> is reachable from the tip of <paramref name="branch"/>.</summary>
    bool IsReachable(string commitId, string branch);

    /// <summary>
    /// True when a commit on <paramref name="branch"/>, committed at or after <paramref name="since"/>, has
    /// <paramref name="line"/> as one of its message lines. Only the latest thousand commits are read.
    /// </summary>
    bool HasCommitWithLine(string branch, string line, DateTimeOffset since);

    /// <summary>Creates <paramref name="name"/> at the tip of the current branch and checks it out.</summary>
    void CreateAndCheckout(string name);

    /// <summary>Checks out an existing branch.</summary>
    void Checkout(string name);

    /// <summary>Deletes a branch that is not checked out.</summary>
    void DeleteBranch(string name);

    /// <summary>Stages <paramref name="paths"/> and commits them; returns the commit id.</summary>
    string Commit(IReadOnlyList<string> paths, string message, DateTimeOffset timestamp);

    /// <summary>The unified diff of the commit <paramref name="commitId"/> against its parent.</summary>
    string DiffOfCommit(string commitId);

    /// <summary>The unified diff of uncommitted changes to <paramref name="paths"/>.</summary>
    string DiffOfWorkingTree(IReadOnlyList<string> paths);

    /// <summary>Throws away uncommitted changes to <paramref name="paths"/>.</summary>
    void Discard(IReadOnlyList<string> paths);

    /// <summary>The first lines of the latest <paramref name="count"/> commits on the current branch, newest first.</summary>
    IReadOnlyList<string> RecentCommitSubjects(int count);
}
