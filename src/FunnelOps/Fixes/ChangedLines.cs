namespace FunnelOps.Fixes;

/// <summary>Counts the lines a change removes and adds, as a unified diff of the two texts would show them.</summary>
public static class ChangedLines
{
    /// <summary>
    /// Lines removed plus lines added between <paramref name="before"/> and <paramref name="after"/>;
    /// counting stops a little above <paramref name="limit"/>, which is all a size check needs.
    /// </summary>
    public static int Count(string before, string after, int limit = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var a = before.Split('\n');
        var b = after.Split('\n');

        // Lines both texts share at the start and the end are no part of the diff.
        var start = 0;
        while (start < a.Length && start < b.Length && a[start] == b[start])
        {
            start++;
        }

        var endA = a.Length;
        var endB = b.Length;
        while (endA > start && endB > start && a[endA - 1] == b[endB - 1])
        {
            endA--;
            endB--;
        }

        return Distance(a[start..endA], b[start..endB], limit);
    }

    // Myers' shortest edit script, length only: O((n + m) d) for d changed lines.
    private static int Distance(string[] a, string[] b, int limit)
    {
        var n = a.Length;
        var m = b.Length;
        var max = n + m;
        if (n == 0 || m == 0)
        {
            return max;
        }

        var offset = max + 1;
        var furthest = new int[(2 * max) + 3];
        for (var d = 0; d <= max; d++)
        {
            if (d > limit)
            {
                return d;
            }

            for (var k = -d; k <= d; k += 2)
            {
                var x = k == -d || (k != d && furthest[offset + k - 1] < furthest[offset + k + 1])
                    ? furthest[offset + k + 1]
                    : furthest[offset + k - 1] + 1;
                var y = x - k;
                while (x < n && y < m && a[x] == b[y])
                {
                    x++;
                    y++;
                }

                furthest[offset + k] = x;
                if (x >= n && y >= m)
                {
                    return d;
                }
            }
        }

        return max;
    }
}
