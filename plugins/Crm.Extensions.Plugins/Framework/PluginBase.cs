using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Crm.Extensions.Dataverse.Configuration;
using Crm.Extensions.Dataverse.Diagnostics;
using Crm.Extensions.Domain;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Framework;

/// <summary>
/// Base of every plugin. A plugin only declares its steps and hands each to a handler.
/// This class matches the platform event to a declaration (ignoring, with a trace, any event it was not declared for),
/// builds the <see cref="PluginContext"/>, turns a domain refusal into a message in the user's language, and ends every
/// step with one <see cref="StageTrace"/> line: handler, outcome, requests made, elapsed time and correlation id.
/// Dataverse caches and shares plugin instances across threads: after construction the only state is the lock-free
/// <see cref="SettingsCache"/>, so every handler of the instance classifies and earns with the same settings.
/// </summary>
public abstract class PluginBase : IPlugin
{
    private readonly List<Registration> _registrations = new();
    private readonly SettingsCache _settings = new();

    /// <summary>
    /// Dataverse constructs a plugin with the step's unsecure and secure configuration. No step of this product declares
    /// any (settings are environment variables and program rows), so the strings are accepted and not kept.
    /// </summary>
    protected PluginBase(string? unsecureConfiguration, string? secureConfiguration)
    {
    }

    /// <summary>The steps this plugin declares; the source of the generated solution XML.</summary>
    public IReadOnlyList<StepDeclaration> Steps => _registrations.Select(r => r.Step).ToList();

    public void Execute(IServiceProvider serviceProvider)
    {
        if (serviceProvider is null) throw new ArgumentNullException(nameof(serviceProvider));
        var execution = serviceProvider.Get<IPluginExecutionContext>();
        var tracing = serviceProvider.Get<ITracingService>();

        var registration = _registrations.FirstOrDefault(r =>
            r.Step.Matches(execution.MessageName, execution.PrimaryEntityName, execution.Stage, execution.Mode));
        if (registration is null)
        {
            tracing.Trace(
                "{0} ignored {1} of {2} at stage {3}, mode {4}: no step is declared for it.",
                GetType().Name, execution.MessageName, execution.PrimaryEntityName, execution.Stage, execution.Mode);
            return;
        }

        var context = new PluginContext(serviceProvider, execution, registration.Step, _settings);
        var watch = Stopwatch.StartNew();
        var outcome = StageTrace.Failed;
        try
        {
            // At stage 40 the platform has validated the Target; before it, a wrongly typed column is still as sent.
            if (execution.Stage < (int)PipelineStage.MainOperation && context.TargetRow is { } target) TargetTypes.Check(target);
            registration.Handler(context);
            outcome = StageTrace.Done;
        }
        catch (BusinessRuleException refusal)
        {
            outcome = StageTrace.Refused;
            tracing.Trace("Refused: {0}", refusal.Text.English);
            throw new InvalidPluginExecutionException(OperationStatus.Failed, refusal.Text.For(context.InitiatingUserLanguage()));
        }
        finally
        {
            var step = registration.Step.ToString();
            tracing.Trace(StageTrace.Line(
                StageTrace.Name(registration.Name, context.UseCase), step, outcome, context.Requests, watch.Elapsed,
                execution.CorrelationId, execution.Depth));
        }
    }

    /// <summary>Declares a step and the handler that runs for it. Call from the constructor only.</summary>
    protected void Register(StepDeclaration step, Action<PluginContext> handler)
    {
        if (step is null) throw new ArgumentNullException(nameof(step));
        if (handler is null) throw new ArgumentNullException(nameof(handler));
        if (_registrations.Any(r => r.Step.Matches(step.Message.Name, step.PrimaryEntity, (int)step.Stage, (int)step.Mode)))
        {
            throw new InvalidOperationException($"{GetType().Name} declares {step} twice.");
        }

        _registrations.Add(new Registration(step, handler, NameOf(handler)));
    }

    /// <summary>The handler's own name (Type.Method); the plugin's name when the handler is a lambda.</summary>
    private string NameOf(Action<PluginContext> handler)
    {
        var method = handler.Method;
        return method.Name.IndexOf('<') >= 0 || method.DeclaringType is null || method.DeclaringType.Name.IndexOf('<') >= 0
            ? GetType().Name
            : method.DeclaringType.Name + "." + method.Name;
    }

    private sealed record Registration(StepDeclaration Step, Action<PluginContext> Handler, string Name);
}
