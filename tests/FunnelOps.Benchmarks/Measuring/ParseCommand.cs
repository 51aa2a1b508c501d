using System.Globalization;
using System.Text;
using AngleSharp.Html.Parser;
using FunnelOps.Crawling;

namespace FunnelOps.Benchmarks.Measuring;

/// <summary>
/// The <c>parse</c> command: the crawl's CPU work without HTTP. Pages are read from disk into
/// memory first, then measured in steps, each as CPU time and bytes allocated per page (figures
/// that hold up on a busy machine, unlike wall time): decoding, AngleSharp's parse, the engine's
/// whole <see cref="PageParser.Parse"/> (decode, parse, summarise), and resolving the links found.
/// </summary>
internal static class ParseCommand
{
    public static int Run(string folder, Arguments options)
    {
        var threads = options.Int("threads", 1);
        var pages = Load(Path.GetFullPath(folder), options.Int("limit", 2000));
        if (pages.Count == 0)
        {
            Console.Error.WriteLine($"parse: no index.html files under {folder}.");
            return 1;
        }

        var angleSharp = new HtmlParser(new HtmlParserOptions { IsScripting = false });
        var parser = new PageParser([]);
        var hrefs = new List<string>[pages.Count];

        // One pass to warm up the JIT and to collect every page's links for the resolve step.
        Each(pages.Count, threads, i => hrefs[i] = [.. parser.Parse(pages[i].Url, pages[i].Body, "utf-8").Links.Select(l => l.Href)]);

        var decode = Measure(pages.Count, threads, i => Encoding.UTF8.GetString(pages[i].Body));
        var angle = Measure(pages.Count, threads, i =>
            angleSharp.ParseDocument(Encoding.UTF8.GetString(pages[i].Body)).Dispose());
        var whole = Measure(pages.Count, threads, i => parser.Parse(pages[i].Url, pages[i].Body, "utf-8"));
        var resolve = Measure(pages.Count, threads, i =>
        {
            foreach (var href in hrefs[i])
            {
                CrawlScope.Resolve(pages[i].Url, href);
            }
        });

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"parse pages={pages.Count} threads={threads} kb_avg={pages.Average(p => p.Body.Length) / 1024:0.0} " +
            $"links_avg={hrefs.Average(h => h.Count):0.0} page_parser_pages_per_second={whole.PagesPerSecond:0} " +
            $"| cpu_ms_per_page: decode={decode.CpuMs:0.00} decode_and_anglesharp={angle.CpuMs:0.00} " +
            $"page_parser={whole.CpuMs:0.00} summarize={whole.CpuMs - angle.CpuMs:0.00} " +
            $"resolve_links={resolve.CpuMs:0.00} | allocated_kb_per_page: decode={decode.Kb:0} " +
            $"decode_and_anglesharp={angle.Kb:0} page_parser={whole.Kb:0} summarize={whole.Kb - angle.Kb:0} " +
            $"resolve_links={resolve.Kb:0}"));
        return 0;
    }

    private static List<(Uri Url, byte[] Body)> Load(string root, int limit)
    {
        // Evenly spread over the sorted paths, so every section of the site is in the sample.
        var files = Directory.EnumerateFiles(root, "index.html", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .ToList();
        var step = Math.Max(1, files.Count / limit);
        return [.. files.Where((_, i) => i % step == 0).Take(limit).Select(file =>
        {
            var path = Path.GetRelativePath(root, Path.GetDirectoryName(file)!).Replace('\\', '/');
            var url = new Uri(path == "." ? "http://localhost/" : $"http://localhost/{path}/");
            return (url, File.ReadAllBytes(file));
        })];
    }

    private static (double CpuMs, double Kb, double PagesPerSecond) Measure(int count, int threads, Action<int> work)
    {
        // Start each step from a collected heap, so one step's garbage is not charged to the next.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = ProcessFigures.Now();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Each(count, threads, work);
        var seconds = clock.Elapsed.TotalSeconds;
        return (before.Cpu.TotalMilliseconds / count, before.Allocated / 1024.0 / count, count / seconds);
    }

    private static void Each(int count, int threads, Action<int> work) =>
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = threads }, work);
}
