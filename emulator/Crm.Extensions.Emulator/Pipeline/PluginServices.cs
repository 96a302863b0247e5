using System;
using System.Collections.Generic;
using System.Globalization;
using Crm.Extensions.Emulator.Observability;
using Crm.Extensions.Emulator.Storage;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Emulator.Pipeline;

/// <summary>
/// The IServiceProvider a plugin receives: its context, tracing and an organization-service factory bound to its pipeline.
/// </summary>
internal sealed class PluginServiceProvider : IServiceProvider
{
    private readonly PluginExecutionContext _context;
    private readonly ITracingService _tracing;
    private readonly IOrganizationServiceFactory _factory;

    public PluginServiceProvider(PluginExecutionContext context, ITracingService tracing, IOrganizationServiceFactory factory)
    {
        _context = context;
        _tracing = tracing;
        _factory = factory;
    }

    public object? GetService(Type serviceType)
    {
        if (serviceType == typeof(IPluginExecutionContext) || serviceType == typeof(IExecutionContext)
            || serviceType == typeof(IPluginExecutionContext2) || serviceType == typeof(IPluginExecutionContext3)
            || serviceType == typeof(IPluginExecutionContext4))
        {
            return _context;
        }

        if (serviceType == typeof(ITracingService)) return _tracing;
        if (serviceType == typeof(IOrganizationServiceFactory)) return _factory;
        return null;
    }
}

internal sealed class TracingService : ITracingService
{
    private readonly List<TraceEntry> _log;
    private readonly FiredStep _step;

    public TracingService(List<TraceEntry> log, FiredStep step)
    {
        _log = log;
        _step = step;
    }

    public void Trace(string format, params object[] args) =>
        _log.Add(
            new TraceEntry(_step, args is null || args.Length == 0 ? format : string.Format(CultureInfo.InvariantCulture, format, args)));
}

/// <summary>
/// Services for calls a plugin makes: same pipeline, one level deeper, inside the plugin's transaction when it is synchronous.
/// </summary>
internal sealed class PluginServiceFactory : IOrganizationServiceFactory
{
    private readonly EmulatorEngine _engine;
    private readonly PluginExecutionContext _context;
    private readonly Transaction? _transaction;

    public PluginServiceFactory(EmulatorEngine engine, PluginExecutionContext context, Transaction? transaction)
    {
        _engine = engine;
        _context = context;
        _transaction = transaction;
    }

    /// <summary>null means SYSTEM, as in Dataverse.</summary>
    public IOrganizationService CreateOrganizationService(Guid? userId) => new EmulatedOrganizationService(_engine, new CallFrame
    {
        UserId = userId ?? _engine.Users.SystemUserId,
        InitiatingUserId = _context.InitiatingUserId,
        Depth = _context.Depth,
        ParentContext = _context,
        Transaction = _transaction,
        FromPlugin = true,
        CorrelationId = _context.CorrelationId,
    });
}
