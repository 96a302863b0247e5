using System;
using System.Collections.Generic;
using Crm.Extensions.Emulator.Faults;
using Crm.Extensions.Emulator.Observability;

namespace Crm.Extensions.Emulator.Pipeline;

/// <summary>Configurable limit guards: the 2-minute operation timeout and service-protection throttling of caller requests.</summary>
internal sealed class ServiceLimits
{
    private readonly EmulatorOptions _options;
    private readonly EmulatorClock _clock;
    private readonly Queue<DateTime> _callerRequests = new();

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
            throw new TimeoutException($"The operation took {elapsed.TotalSeconds:0} s, beyond the {_options.OperationTimeout.TotalSeconds:0} s limit, and was rolled back.");
        }
    }

    /// <summary>Plugin requests are not counted by service protection; caller requests are, in a sliding window.</summary>
    public void OnCallerRequest()
    {
        if (_options.ServiceProtectionRequestLimit is not { } limit) return;
        var now = _clock.UtcNow;
        while (_callerRequests.Count > 0 && now - _callerRequests.Peek() >= _options.ServiceProtectionWindow) _callerRequests.Dequeue();
        if (_callerRequests.Count >= limit)
        {
            var retryAfter = _callerRequests.Peek() + _options.ServiceProtectionWindow - now;
            throw PlatformFault.Create(ErrorCodes.ThrottlingRequests, "Number of requests exceeded the limit of " + limit + " over time window of " + _options.ServiceProtectionWindow.TotalSeconds + " seconds.",
                new[] { new KeyValuePair<string, object>("Retry-After", retryAfter) });
        }

        _callerRequests.Enqueue(now);
    }
}
