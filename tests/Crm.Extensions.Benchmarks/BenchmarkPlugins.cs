using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Benchmarks;

/// <summary>Create PreOperation: touches Target only.</summary>
public sealed class StampName : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
        var target = (Entity)context.InputParameters["Target"];
        target["accountnumber"] = "B-" + (target.GetAttributeValue<string>("name")?.Length ?? 0);
    }
}

/// <summary>Update PreOperation: touches Target only.</summary>
public sealed class CountUpdates : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
        ((Entity)context.InputParameters["Target"])["description"] = "updated";
    }
}

/// <summary>Update PostOperation: one Retrieve through the service, the typical plugin read.</summary>
public sealed class ReadBack : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
        var factory = (IOrganizationServiceFactory)serviceProvider.GetService(typeof(IOrganizationServiceFactory))!;
        factory.CreateOrganizationService(context.UserId).Retrieve("account", context.PrimaryEntityId, new ColumnSet("name"));
    }
}
