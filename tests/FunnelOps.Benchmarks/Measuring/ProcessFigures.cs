using System.Diagnostics;
using System.Globalization;

namespace FunnelOps.Benchmarks.Measuring;

/// <summary>What this process has used so far: CPU time, peak resident memory, garbage collections.</summary>
internal sealed class ProcessFigures
{
    private readonly TimeSpan _cpu;
    private readonly long _allocated;
    private readonly TimeSpan _pauses;
    private readonly int[] _collections;

    private ProcessFigures()
    {
        _cpu = Process.GetCurrentProcess().TotalProcessorTime;
        _allocated = GC.GetTotalAllocatedBytes();
        _pauses = GC.GetTotalPauseDuration();
        _collections = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
    }

    public static ProcessFigures Now() => new();

    /// <summary>CPU time of the whole process since <see cref="Now"/>, every thread and the GC included.</summary>
    public TimeSpan Cpu => Process.GetCurrentProcess().TotalProcessorTime - _cpu;

    /// <summary>Bytes allocated on the managed heap since <see cref="Now"/>.</summary>
    public long Allocated => GC.GetTotalAllocatedBytes() - _allocated;

    /// <summary>The high-water mark of resident memory (VmHWM), in megabytes; 0 where /proc is missing.</summary>
    public static double PeakResidentMegabytes()
    {
        const string Status = "/proc/self/status";
        if (!File.Exists(Status))
        {
            return 0;
        }

        var line = File.ReadLines(Status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        var kilobytes = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        return kilobytes is null ? 0 : long.Parse(kilobytes, CultureInfo.InvariantCulture) / 1024.0;
    }

    /// <summary>CPU, allocation and collection figures since <see cref="Now"/>, as key=value pairs.</summary>
    public string Since(int units, string unitName)
    {
        var cpu = Cpu;
        var allocated = Allocated / 1e6;
        return string.Create(CultureInfo.InvariantCulture,
            $"cpu_seconds={cpu.TotalSeconds:0.00} cpu_ms_per_{unitName}={cpu.TotalMilliseconds / Math.Max(1, units):0.000} " +
            $"allocated_mb={allocated:0} allocated_kb_per_{unitName}={allocated * 1000 / Math.Max(1, units):0} " +
            $"gc_gen0={GC.CollectionCount(0) - _collections[0]} gc_gen1={GC.CollectionCount(1) - _collections[1]} " +
            $"gc_gen2={GC.CollectionCount(2) - _collections[2]} " +
            $"gc_pause_ms={(GC.GetTotalPauseDuration() - _pauses).TotalMilliseconds:0}");
    }
}
