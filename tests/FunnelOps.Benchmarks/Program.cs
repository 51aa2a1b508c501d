using FunnelOps.Benchmarks.Generation;
using FunnelOps.Benchmarks.Measuring;

namespace FunnelOps.Benchmarks;

/// <summary>
/// The crawl benchmark's command line. crawl-benchmark.sh drives it; each command prints one
/// machine-readable line of figures (key=value pairs) for the script to read.
/// </summary>
internal static class Program
{
    private const string Usage = """
        usage:
          FunnelOps.Benchmarks generate <folder> [--pages 10000] [--seed 1]
              writes a static marketing site with clean URLs, robots.txt and sitemap.xml
          FunnelOps.Benchmarks crawl <url> [--concurrency 8] [--max-pages 20000] [--hold-seconds 0]
              crawls the site with the engine's SiteCrawler and prints pages/s and peak memory;
              --hold-seconds keeps the result alive that long, for dotnet-gcdump
          FunnelOps.Benchmarks fetch <url> [--concurrency 8]
              fetches every URL of the site's sitemap.xml without parsing: the HTTP side alone
          FunnelOps.Benchmarks parse <folder> [--threads 1] [--limit 2000]
              parses the site's pages from disk without HTTP: the parsing side alone
          FunnelOps.Benchmarks serve <folder>
              serves a static site on loopback, prints url=<address>, and runs until stopped
          FunnelOps.Benchmarks render <url> --pages <file> [--runs 3] [--screenshots <folder>]
              renders each page of the list (paths, one a line) in a warm browser, with every metric,
              and prints each page's time, then the median and 90th percentile
          FunnelOps.Benchmarks verdicts <url> --pages <file> --playbooks <folder>
              crawls and renders the site, runs the playbooks, and prints one verdict line per page
              and Lighthouse audit: verdict<TAB>path<TAB>audit<TAB>pass|fail<TAB>playbooks
        """;

    public static async Task<int> Main(string[] args)
    {
        if (args.Length < 2)
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        try
        {
            var options = Arguments.Parse(args.AsSpan(2));
            return args[0] switch
            {
                "generate" => SiteGenerator.Run(args[1], options),
                "crawl" => await CrawlCommand.RunAsync(new Uri(args[1]), options),
                "fetch" => await FetchCommand.RunAsync(new Uri(args[1]), options),
                "parse" => ParseCommand.Run(args[1], options),
                "serve" => await ServeCommand.RunAsync(args[1]),
                "render" => await RenderCommand.RunAsync(new Uri(args[1]), options),
                "verdicts" => await VerdictsCommand.RunAsync(new Uri(args[1]), options),
                _ => Fail($"Unknown command '{args[0]}'.\n{Usage}"),
            };
        }
        catch (ArgumentException exception)
        {
            return Fail($"{exception.Message}\n{Usage}");
        }
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 2;
    }
}
