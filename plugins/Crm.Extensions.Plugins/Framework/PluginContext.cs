using System;
using Crm.Extensions.Application;
using Crm.Extensions.Dataverse;
using Crm.Extensions.Dataverse.Configuration;
using Crm.Extensions.Dataverse.Diagnostics;
using Crm.Extensions.Dataverse.Inputs;
using Crm.Extensions.Domain;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Framework;

/// <summary>
/// What a handler needs from one execution: typed target and images, services (each request counted for the stage's trace
/// line), tracing, the clock and the settings of the plugin instance's cache.
/// </summary>
public sealed class PluginContext : IUseCaseContext
{
    private const string TargetParameter = "Target";

    private readonly IOrganizationServiceFactory _factory;
    private readonly SettingsCache _settingsCache;
    private IOrganizationService? _userService;
    private IOrganizationService? _systemService;
    private ExecutionSettings? _settings;

    internal PluginContext(IServiceProvider services, IPluginExecutionContext execution, StepDeclaration step, SettingsCache settings)
    {
        Execution = execution;
        Step = step;
        _settingsCache = settings;
        Tracing = services.Get<ITracingService>();
        _factory = services.Get<IOrganizationServiceFactory>();
        Clock = new OperationClock(execution);
    }

    public IPluginExecutionContext Execution { get; }

    public StepDeclaration Step { get; }

    public ITracingService Tracing { get; }

    /// <summary>The operation's own timestamp: every step of one request sees the same "now".</summary>
    public IClock Clock { get; }

    /// <summary>Every request this execution made through <see cref="UserService"/> and <see cref="SystemService"/>.</summary>
    public RequestCounter Requests { get; } = new();

    /// <summary>Lifecycle thresholds and the loyalty program, from the one cache of the plugin instance (read as SYSTEM).</summary>
    public ExecutionSettings Settings =>
        _settings ??= new ExecutionSettings(_settingsCache, SystemService, Execution.OrganizationId, Clock.UtcNow);

    /// <summary>Runs as the step's user (the caller, or the step's run-as user).</summary>
    public IOrganizationService UserService => _userService ??= Counted(Execution.UserId);

    /// <summary>Runs as SYSTEM. Use only where the caller may lack privileges by design.</summary>
    public IOrganizationService SystemService => _systemService ??= Counted(null);

    public Entity Target => Execution.InputParameters.TryGetValue(TargetParameter, out object value) && value is Entity entity
        ? entity
        : throw new InvalidOperationException($"{Step} has no Target entity.");

    /// <summary>Target when it is a row (Create, Update); null on messages whose Target is a reference (Delete).</summary>
    public Entity? TargetRow => Execution.InputParameters.TryGetValue(TargetParameter, out object value) ? value as Entity : null;

    public EntityReference TargetReference
        => Execution.InputParameters.TryGetValue(TargetParameter, out object value) && value is EntityReference reference
        ? reference
        : new EntityReference(Execution.PrimaryEntityName, Execution.PrimaryEntityId);

    public Entity? PreImage => Execution.PreEntityImages.TryGetValue(StepDeclaration.PreImageAlias, out Entity image) ? image : null;

    public Entity? PostImage => Execution.PostEntityImages.TryGetValue(StepDeclaration.PostImageAlias, out Entity image) ? image : null;

    /// <summary>Input parameter of a custom API; default when absent or null; a value of another type is refused (en/es).</summary>
    public T? Input<T>(string name) =>
        Execution.InputParameters.TryGetValue(name, out object value) ? InputRules.As<T>(name, value) : default;

    public void SetOutput(string name, object value) => Execution.OutputParameters[name] = value;

    /// <inheritdoc />
    public string? UseCase { get; set; }

    /// <summary>The interface language of the person who started the operation. Read only on the error path.</summary>
    internal int InitiatingUserLanguage() => UserLanguage.Of(SystemService, Execution.InitiatingUserId);

    private IOrganizationService Counted(Guid? userId) =>
        new CountingOrganizationService(_factory.CreateOrganizationService(userId), Requests);

    private sealed class OperationClock(IExecutionContext execution) : IClock
    {
        public DateTime UtcNow => DateTime.SpecifyKind(execution.OperationCreatedOn, DateTimeKind.Utc);
    }
}
