using System;
using System.Globalization;
using System.Threading;

namespace Crm.Extensions.Benchmarks;

/// <summary>
/// Stops the process when its working set passes a limit: the benchmark machine is shared, and a run that outgrows its
/// share would push other processes into swap. Checked twice a second on a timer thread; exits with code 3.
/// </summary>
public sealed class WorkingSetGuard : IDisposable
{
    private readonly long _limitBytes;
    private readonly Timer _timer;

    public WorkingSetGuard(long limitBytes)
    {
        _limitBytes = limitBytes;
        _timer = new Timer(_ => Check(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(500));
    }

    private void Check()
    {
        var workingSet = Environment.WorkingSet;
        if (workingSet <= _limitBytes) return;
        var megabytes = string.Create(CultureInfo.InvariantCulture,
            $"working set {workingSet / (1024 * 1024):N0} MB passed the limit of {_limitBytes / (1024 * 1024):N0} MB");
        Console.Error.WriteLine("Stopped: " + megabytes + " (--max-working-set-mb).");
        Console.Out.Flush();
        Environment.Exit(3);
    }

    public void Dispose() => _timer.Dispose();
}
