namespace FunnelOps.Tests.Reporting;

/// <summary>Files read from the repository itself rather than copied beside the tests.</summary>
public static class RepositoryFiles
{
    /// <summary>The repository's root: the folder above the test assembly that holds FunnelOps.sln.</summary>
    public static string Root
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "FunnelOps.sln")))
                {
                    return folder.FullName;
                }
            }

            throw new InvalidOperationException("The tests must run inside the repository: no FunnelOps.sln above " + AppContext.BaseDirectory);
        }
    }

    public static string ReportSchema => Path.Combine(Root, "src", "FunnelOps", "Reporting", "report.schema.json");

    /// <summary>The SARIF 2.1.0 schema from the pinned npm package; 'npm ci --prefix tests/sarif-schema' installs it.</summary>
    public static string SarifSchema
    {
        get
        {
            var path = Path.Combine(Root, "tests", "sarif-schema", "node_modules", "@microsoft", "jest-sarif", "lib", "schemas",
                "sarif-2.1.0-rtm.5.json");
            return File.Exists(path)
                ? path
                : throw new InvalidOperationException("The SARIF 2.1.0 schema is not installed. Run " +
                    "'npm ci --prefix tests/sarif-schema --ignore-scripts' from the repository root, then run the tests again.");
        }
    }
}
