using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Crm.Extensions.Emulator.Faults;
using Crm.Extensions.Emulator.Observability;

namespace Crm.Extensions.Emulator.Pipeline;

/// <summary>
/// Configurable limit guards: the 2-minute operation timeout and the three service-protection limits on caller requests
/// (request count and combined execution time per sliding window, requests in flight at once). Requests made by plugins
/// are not counted, but their time is part of the caller request that triggered them, as on the platform.
/// </summary>
internal sealed class ServiceLimits
{
    /// <summary>What a concurrency fault advises: the platform gives no figure, so the emulator suggests one second.</summary>
    public static readonly TimeSpan ConcurrencyRetryAfter = TimeSpan.FromSeconds(1);

    private readonly EmulatorOptions _options;
    private readonly EmulatorClock _clock;
    private readonly Queue<DateTime> _callerRequests = new();
    private readonly Queue<(DateTime Started, TimeSpan Duration)> _executions = new();
    private int _inFlight;

    public ServiceLimits(EmulatorOptions options, EmulatorClock clock)
    {
        _options = options;
        _clock = clock;
    }

    public void CheckDuration(DateTime started)
    {
        var elapsed = _clock.UtcNow - started;
        if (elapsed > _options.OperationTimeout)
        {
            throw new TimeoutException(
                $"The operation took {elapsed.TotalSeconds:0} s, beyond the {_options.OperationTimeout.TotalSeconds:0} s limit, and was " +
                $"rolled back.");
        }
    }

    /// <summary>
    /// A caller request arrives: counted as in flight until <see cref="LeaveCallerRequest"/>, refused at once when more are in
    /// flight than the limit allows. Called before the request waits for the engine, so waiting requests count as concurrent.
    /// </summary>
    public void EnterCallerRequest()
    {
        var inFlight = Interlocked.Increment(ref _inFlight);
        if (_options.ServiceProtectionConcurrencyLimit is not { } limit || inFlight <= limit) return;
        Interlocked.Decrement(ref _inFlight);
        throw PlatformFault.Create(ErrorCodes.ThrottlingConcurrency, "Number of concurrent requests exceeded the limit of " + limit + ".",
            new[] { new KeyValuePair<string, object>("Retry-After", ConcurrencyRetryAfter) });
    }

    public void LeaveCallerRequest() => Interlocked.Decrement(ref _inFlight);

    /// <summary>How long a caller request ran on the emulator clock, plugins included: the input of the execution-time limit.</summary>
    public void RecordExecution(DateTime started, TimeSpan duration)
    {
        if (_options.ServiceProtectionExecutionTimeLimit is not null && duration > TimeSpan.Zero) _executions.Enqueue((started, duration));
    }

    /// <summary>Plugin requests are not counted by service protection; caller requests are, in a sliding window.</summary>
    public void OnCallerRequest()
    {
        CheckExecutionTime();
        if (_options.ServiceProtectionRequestLimit is not { } limit) return;
        var now = _clock.UtcNow;
        while (_callerRequests.Count > 0 && now - _callerRequests.Peek() >= _options.ServiceProtectionWindow) _callerRequests.Dequeue();
        if (_callerRequests.Count >= limit)
        {
            var retryAfter = _callerRequests.Peek() + _options.ServiceProtectionWindow - now;
            throw PlatformFault.Create(ErrorCodes.ThrottlingRequests,
                "Number of requests exceeded the limit of " + limit + " over time window of "
                + _options.ServiceProtectionWindow.TotalSeconds + " seconds.",
                new[] { new KeyValuePair<string, object>("Retry-After", retryAfter) });
        }

        _callerRequests.Enqueue(now);
    }

    private void CheckExecutionTime()
    {
        if (_options.ServiceProtectionExecutionTimeLimit is not { } limit) return;
        var now = _clock.UtcNow;
        while (_executions.Count > 0 && now - _executions.Peek().Started >= _options.ServiceProtectionWindow) _executions.Dequeue();
        var combined = _executions.Aggregate(TimeSpan.Zero, (sum, e) => sum + e.Duration);
        if (combined < limit) return;
        var retryAfter = _executions.Peek().Started + _options.ServiceProtectionWindow - now;
        throw PlatformFault.Create(ErrorCodes.ThrottlingTime,
            $"Combined execution time of incoming requests exceeded limit of {limit.TotalMilliseconds:0} milliseconds over time window " +
            $"of {_options.ServiceProtectionWindow.TotalSeconds:0} seconds.",
            new[] { new KeyValuePair<string, object>("Retry-After", retryAfter) });
    }
}
