using System;
using System.Linq;
using System.Threading;
using Crm.Extensions.Emulator.Faults;
using Crm.Extensions.Emulator.Tests.Plugins;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Emulator.Tests;

public class LimitGuardTests
{
    private const string AuditLogStep = "Crm.Extensions.Emulator.Tests.Plugins.AuditLogPlugin: Create of test_order";

    [Fact]
    public void Should_TimeOutAndRollBack_When_AStepAdvancesTheClockBeyondTwoMinutes()
    {
        var crm = EmulatorFixture.Create();
        crm.SetPluginDuration(AuditLogStep, TimeSpan.FromMinutes(2.5));

        Assert.Throws<TimeoutException>(() => crm.Service.Create(new Entity("test_order") { ["test_name"] = "slow step" }));

        Assert.Equal(0, crm.Count("test_order"));
        Assert.Equal(0, crm.Count("test_log"));
        Assert.Contains(crm.Warnings, w => w.Contains("AuditLogPlugin", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_WarnButCommit_When_AStepRunsLongerThanTwoSecondsButWithinTheTimeout()
    {
        var crm = EmulatorFixture.Create();
        crm.SetPluginDuration(AuditLogStep, TimeSpan.FromSeconds(2.5));

        crm.Service.Create(new Entity("test_order") { ["test_name"] = "slowish step" });

        Assert.Equal(1, crm.Count("test_order"));
        Assert.Single(crm.Warnings,
            w => w.Contains("AuditLogPlugin", StringComparison.Ordinal) && w.Contains("2.5 s", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_ThrottleWithRetryAfter_When_CombinedExecutionTimeExceedsTheLimit()
    {
        var crm = EmulatorFixture.Create(new EmulatorOptions { ServiceProtectionExecutionTimeLimit = TimeSpan.FromSeconds(60) });
        crm.SetPluginDuration(AuditLogStep, TimeSpan.FromSeconds(40));
        crm.Service.Create(new Entity("test_order") { ["test_name"] = "first" });
        crm.Service.Create(new Entity("test_order") { ["test_name"] = "second" });

        var fault = Faults.Expect(ErrorCodes.ThrottlingTime, () => crm.Service.Execute(new WhoAmIRequest()));

        var retryAfter = Assert.IsType<TimeSpan>(fault.ErrorDetails["Retry-After"]);
        // The first 40 s request started 80 s ago, so it leaves the 5-minute window in 220 s.
        Assert.Equal(TimeSpan.FromSeconds(220), retryAfter);
        crm.Clock.Advance(retryAfter);
        crm.Service.Execute(new WhoAmIRequest());
    }

    [Fact]
    public void Should_RefuseAtOnceWithRetryAfter_When_MoreCallerRequestsAreInFlightThanTheLimit()
    {
        var crm = EmulatorFixture.Create(new EmulatorOptions { ServiceProtectionConcurrencyLimit = 1 });
        var gateName = "gate:" + Guid.NewGuid();
        using var entered = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        GatePlugin.Gates[gateName] = (entered, release);
        try
        {
            Exception? heldFailure = null;
            var held = new Thread(() =>
            {
                try
                {
                    crm.Service.Create(new Entity("test_log") { ["test_name"] = gateName });
                }
                catch (Exception failure)
                {
                    heldFailure = failure;
                }
            });
            held.Start();
            Assert.True(entered.Wait(TimeSpan.FromSeconds(10)), "The first request never reached the plugin.");

            var fault = Faults.Expect(ErrorCodes.ThrottlingConcurrency, () => crm.Service.Execute(new WhoAmIRequest()));

            Assert.IsType<TimeSpan>(fault.ErrorDetails["Retry-After"]);
            release.Set();
            Assert.True(held.Join(TimeSpan.FromSeconds(10)), "The first request did not finish.");
            Assert.Null(heldFailure);
            Assert.Equal(1, crm.Count("test_log"));
            crm.Service.Execute(new WhoAmIRequest());
        }
        finally
        {
            release.Set();
            GatePlugin.Gates.TryRemove(gateName, out _);
        }
    }
}
