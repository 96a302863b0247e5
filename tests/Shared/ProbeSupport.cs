using System;
using System.Collections.Generic;
using Crm.Extensions.Emulator;
using Crm.Extensions.Emulator.Observability;

namespace Crm.Extensions.Tests.Shared;

/// <summary>
/// What the bad-input probes of the plugin and workflow tests share (linked into both projects): running one input and
/// keeping its exception, and finding async jobs that crashed since the last look.
/// </summary>
internal static class ProbeSupport
{
    /// <summary>The exception <paramref name="act"/> ended with, or null when it succeeded.</summary>
    public static Exception? Outcome(Action act)
    {
        try
        {
            act();
            return null;
        }
        catch (Exception exception)
        {
            return exception;
        }
    }

    /// <summary>
    /// Async jobs queued since <paramref name="seen"/> that failed with the platform's "unexpected" error (a crash, not a
    /// refusal); moves <paramref name="seen"/> past every job looked at.
    /// </summary>
    public static IEnumerable<SystemJob> CrashedAsyncJobs(DataverseEmulator crm, ref int seen)
    {
        var crashed = new List<SystemJob>();
        var jobs = crm.SystemJobs;
        for (; seen < jobs.Count; seen++)
        {
            var job = jobs[seen];
            if (job.Status == SystemJobStatus.Failed && job.Error?.Contains("unexpected", StringComparison.OrdinalIgnoreCase) == true)
            {
                crashed.Add(job);
            }
        }

        return crashed;
    }
}
