using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace FunnelOps.Benchmarks.Generation;

/// <summary>
/// The <c>generate</c> command: writes the site, then checks what the benchmark promises about
/// it (page sizes, links per page, every page reachable in a few clicks) and prints the figures.
/// </summary>
internal static class SiteGenerator
{
    private const int MinBytes = 20 * 1024;
    private const int MaxBytes = 60 * 1024;

    public static int Run(string folder, Arguments options)
    {
        var pageCount = options.Int("pages", 10_000);
        var seed = options.Int("seed", 1);
        var clock = Stopwatch.StartNew();

        var plan = SitePlan.Build(pageCount, seed);
        var root = Path.GetFullPath(folder);
        Directory.CreateDirectory(root);
        var sizes = new int[plan.Pages.Count];
        var targets = new IReadOnlyList<int>[plan.Pages.Count];
        Parallel.For(0, plan.Pages.Count, i =>
        {
            var page = plan.Pages[i];
            var rendered = new PageWriter(plan, page, seed).Render();
            var bytes = Encoding.UTF8.GetBytes(rendered.Html);
            var directory = Path.Combine(root, page.Path.TrimStart('/'));
            Directory.CreateDirectory(directory);
            File.WriteAllBytes(Path.Combine(directory, "index.html"), bytes);
            sizes[i] = bytes.Length;
            targets[i] = rendered.Targets;
        });
        SiteFiles.Write(root, plan);

        var depths = Depths(targets);
        var links = targets.Select(t => t.Count).ToArray();
        var unreachable = depths.Count(d => d < 0);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"generated pages={plan.Pages.Count} megabytes={sizes.Sum(s => (long)s) / 1e6:0.0} " +
            $"page_kb_min={sizes.Min() / 1024.0:0.0} page_kb_max={sizes.Max() / 1024.0:0.0} " +
            $"page_kb_avg={sizes.Average() / 1024:0.0} links_min={links.Min()} links_max={links.Max()} " +
            $"links_avg={links.Average():0.0} max_depth={depths.Max()} unreachable={unreachable} " +
            $"seconds={clock.Elapsed.TotalSeconds:0.0} folder={root}"));

        return Check(sizes, links, unreachable, pageCount);
    }

    private static int Check(int[] sizes, int[] links, int unreachable, int pageCount)
    {
        var problems = new List<string>();
        if (unreachable > 0)
        {
            problems.Add($"{unreachable} pages cannot be reached from the home page");
        }

        if (sizes.Any(s => s is < MinBytes or > MaxBytes))
        {
            problems.Add("some pages are outside 20-60 KB");
        }

        // A site of a few dozen pages has too few pages to link to 30 distinct ones.
        if (pageCount >= 100 && links.Any(l => l is < PageWriter.MinLinks or > PageWriter.MaxLinks))
        {
            problems.Add($"some pages have fewer than {PageWriter.MinLinks} or more than {PageWriter.MaxLinks} links");
        }

        foreach (var problem in problems)
        {
            Console.Error.WriteLine($"generate: {problem}.");
        }

        return problems.Count == 0 ? 0 : 1;
    }

    /// <summary>Clicks from the home page to each page, breadth first; -1 where no path leads.</summary>
    private static int[] Depths(IReadOnlyList<int>[] targets)
    {
        var depths = Enumerable.Repeat(-1, targets.Length).ToArray();
        var queue = new Queue<int>();
        depths[0] = 0;
        queue.Enqueue(0);
        while (queue.TryDequeue(out var page))
        {
            foreach (var target in targets[page])
            {
                if (depths[target] < 0)
                {
                    depths[target] = depths[page] + 1;
                    queue.Enqueue(target);
                }
            }
        }

        return depths;
    }
}
