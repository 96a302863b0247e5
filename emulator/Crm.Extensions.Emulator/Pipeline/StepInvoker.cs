using System;
using System.ServiceModel;
using Crm.Extensions.Emulator.Faults;
using Crm.Extensions.Emulator.Metadata;
using Crm.Extensions.Emulator.Observability;
using Crm.Extensions.Emulator.Storage;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Emulator.Pipeline;

/// <summary>Runs one step's plugin: logs the firing, supplies services, and surfaces exceptions as Dataverse does.</summary>
internal sealed class StepInvoker
{
    public const string UnexpectedIsvMessage = "An unexpected error occurred from ISV code.";

    private readonly EmulatorEngine _engine;

    public StepInvoker(EmulatorEngine engine) => _engine = engine;

    /// <summary>Synchronous step: any exception becomes the platform's fault and rolls the transaction back.</summary>
    public void InvokeSync(StepRegistration step, PluginExecutionContext context, Transaction? transaction)
    {
        try
        {
            InvokeRaw(step, context, transaction);
        }
        catch (Exception exception)
        {
            throw ToFault(exception);
        }
    }

    /// <summary>Lets the plugin's own exception through, so the async queue can read OperationStatus.Retry.</summary>
    public void InvokeRaw(StepRegistration step, PluginExecutionContext context, Transaction? transaction)
    {
        var fired = new FiredStep(step.PluginTypeName, context.MessageName, context.PrimaryEntityName, context.Stage, context.Mode,
            context.Depth, step.Rank, step.Name);
        _engine.FiredSteps.Add(fired);
        var plugin = _engine.PluginTypes.InstanceFor(step);
        var services = new PluginServiceProvider(context, new TracingService(_engine.Traces, fired),
            new PluginServiceFactory(_engine, context, transaction));
        var started = _engine.Clock.UtcNow;
        try
        {
            plugin.Execute(services);
            if (_engine.StepDurations.TryGetValue(step.Id, out var simulated)) _engine.Clock.Advance(simulated);
        }
        finally
        {
            var elapsed = _engine.Clock.UtcNow - started;
            if (elapsed > _engine.Options.SlowPluginWarning)
                _engine.Warnings.Add(
                    $"{fired} ran {elapsed.TotalSeconds:0.#} s, beyond the recommended " +
                    $"{_engine.Options.SlowPluginWarning.TotalSeconds:0.#} s.");
        }
    }

    public static FaultException<OrganizationServiceFault> ToFault(Exception exception) => exception switch
    {
        FaultException<OrganizationServiceFault> fault => fault,
        InvalidPluginExecutionException refusal => PlatformFault.Create(ErrorCodes.IsvAborted, refusal.Message),
        _ => PlatformFault.Create(ErrorCodes.IsvUnExpected, UnexpectedIsvMessage, new[]
        {
            new System.Collections.Generic.KeyValuePair<string, object>("ExceptionType", exception.GetType().FullName ?? "Exception"),
            new System.Collections.Generic.KeyValuePair<string, object>("ExceptionMessage", exception.Message),
        }),
    };
}
