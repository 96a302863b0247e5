using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Plugins.Tests.Host;

/// <summary>
/// The smallest plugin host that exercises PluginBase on its own: one execution context, tracing,
/// and an organization service that knows only the user's language. Pipeline behaviour is the emulator's job.
/// </summary>
internal sealed class PluginHost : IServiceProvider, ITracingService, IOrganizationServiceFactory, IOrganizationService
{
    public PluginHost(string message, string table, int stage, int mode = 0)
    {
        Context = new ExecutionContext { MessageName = message, PrimaryEntityName = table, Stage = stage, Mode = mode };
    }

    public ExecutionContext Context { get; }

    public List<string> Traces { get; } = new();

    public int UserInterfaceLanguage { get; set; } = 1033;

    public object? GetService(Type serviceType) =>
        serviceType == typeof(IPluginExecutionContext) ? Context
        : serviceType == typeof(ITracingService) || serviceType == typeof(IOrganizationServiceFactory) ? this
        : null;

    public void Trace(string format, params object[] args) => Traces.Add(string.Format(CultureInfo.InvariantCulture, format, args));

    public IOrganizationService CreateOrganizationService(Guid? userId) => this;

    public Entity Retrieve(string entityName, Guid id, ColumnSet columnSet) =>
        entityName == "usersettings" && id == Context.InitiatingUserId
            ? new Entity(entityName, id) { ["uilanguageid"] = UserInterfaceLanguage }
            : throw new NotSupportedException($"PluginHost only serves the initiating user's settings, not {entityName} {id}.");

    public Guid Create(Entity entity) => throw new NotSupportedException();

    public void Update(Entity entity) => throw new NotSupportedException();

    public void Delete(string entityName, Guid id) => throw new NotSupportedException();

    public OrganizationResponse Execute(OrganizationRequest request) => throw new NotSupportedException();

    public void Associate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities)
        => throw new NotSupportedException();

    public void Disassociate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities)
        => throw new NotSupportedException();

    public EntityCollection RetrieveMultiple(QueryBase query) => throw new NotSupportedException();

    internal sealed class ExecutionContext : IPluginExecutionContext
    {
        public int Stage { get; init; }
        public IPluginExecutionContext ParentContext => null!;
        public int Mode { get; init; }
        public int IsolationMode => 2;
        public int Depth => 1;
        public string MessageName { get; init; } = string.Empty;
        public string PrimaryEntityName { get; init; } = string.Empty;
        public Guid? RequestId => null;
        public string SecondaryEntityName => "none";
        public ParameterCollection InputParameters { get; } = new();
        public ParameterCollection OutputParameters { get; } = new();
        public ParameterCollection SharedVariables { get; } = new();
        public Guid UserId { get; } = Guid.NewGuid();
        public Guid InitiatingUserId { get; } = Guid.NewGuid();
        public Guid BusinessUnitId => Guid.Empty;
        public Guid OrganizationId => Guid.Empty;
        public string OrganizationName => "test";
        public Guid PrimaryEntityId { get; init; }
        public EntityImageCollection PreEntityImages { get; } = new();
        public EntityImageCollection PostEntityImages { get; } = new();
        public EntityReference OwningExtension => null!;
        public Guid CorrelationId { get; } = Guid.NewGuid();
        public bool IsExecutingOffline => false;
        public bool IsOfflinePlayback => false;
        public bool IsInTransaction => Stage is 20 or 30 or 40 && Mode == 0;
        public Guid OperationId => Guid.Empty;
        public DateTime OperationCreatedOn { get; init; } = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);
    }
}
