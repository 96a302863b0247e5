using System;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.Domain;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Framework;

/// <summary>
/// Base of every plugin. A plugin only declares its steps and hands each to a handler.
/// This class matches the platform event to a declaration (ignoring, with a trace, any event it was not declared for),
/// builds the <see cref="PluginContext"/> and turns a domain refusal into a message in the user's language.
/// It is stateless after construction, as Dataverse caches and shares plugin instances across threads.
/// </summary>
public abstract class PluginBase : IPlugin
{
    private readonly List<Registration> _registrations = new();

    protected PluginBase(string? unsecureConfiguration, string? secureConfiguration)
    {
        Configuration = new PluginConfiguration(unsecureConfiguration, secureConfiguration);
    }

    public PluginConfiguration Configuration { get; }

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

        var context = new PluginContext(serviceProvider, execution, registration.Step, Configuration);
        tracing.Trace("{0}: {1}, depth {2}.", GetType().Name, registration.Step, execution.Depth);
        try
        {
            // At stage 40 the platform has validated the Target; before it, a wrongly typed column is still as sent.
            if (execution.Stage < (int)PipelineStage.MainOperation && context.TargetRow is { } target) TargetTypes.Check(target);
            registration.Handler(context);
        }
        catch (BusinessRuleException refusal)
        {
            tracing.Trace("Refused: {0}", refusal.Text.English);
            throw new InvalidPluginExecutionException(OperationStatus.Failed, refusal.Text.For(context.InitiatingUserLanguage()));
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

        _registrations.Add(new Registration(step, handler));
    }

    private sealed record Registration(StepDeclaration Step, Action<PluginContext> Handler);
}
