using System;
using System.Linq;
using Crm.Extensions.Plugins.Framework;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Emulator.Tests.Plugins;

// Test plugins registered by the fixture solution's step XML. Each acts only for the scenario a test names in
// test_name (or a filtering column), so one fixture serves every test.

internal static class Scenario
{
    public static IPluginExecutionContext Context(IServiceProvider services)
        => (IPluginExecutionContext)services.GetService(typeof(IPluginExecutionContext))!;

    public static IOrganizationService Service(IServiceProvider services, IPluginExecutionContext context) =>
        ((IOrganizationServiceFactory)services.GetService(typeof(IOrganizationServiceFactory))!).CreateOrganizationService(context.UserId);

    public static Entity Target(IPluginExecutionContext context) => (Entity)context.InputParameters["Target"];

    public static string Name(Entity target) => target.GetAttributeValue<string>("test_name") ?? "";

    public static void Log(IOrganizationService service, string text, Guid? orderId, int depth) => service.Create(new Entity("test_log")
    {
        ["test_name"] = text,
        ["test_orderid"] = orderId is null ? null : new EntityReference("test_order", orderId.Value),
        ["test_depth"] = depth,
    });
}

/// <summary>Stage 10: shares a value for later stages.</summary>
public sealed class ScenarioPreValidation : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var context = Scenario.Context(serviceProvider);
        if (Scenario.Name(Scenario.Target(context)).StartsWith("shared", StringComparison.Ordinal))
            context.SharedVariables["fromStage10"] = "hello from 10";
    }
}

/// <summary>Stage 20: reads the stage-10 value through ParentContext; upper-cases names on request.</summary>
public sealed class ScenarioPreOperation : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var context = Scenario.Context(serviceProvider);
        var target = Scenario.Target(context);
        var name = Scenario.Name(target);
        if (name.StartsWith("shared", StringComparison.Ordinal))
        {
            target["test_note"] = context.ParentContext.SharedVariables.TryGetValue("fromStage10", out var value)
                ? (string)value : "missing";
        }

        if (name.StartsWith("upper", StringComparison.Ordinal)) target["test_name"] = name.ToUpperInvariant();
        if (name.StartsWith("tag", StringComparison.Ordinal))
        {
            target["test_note"] = context.SharedVariables.TryGetValue("tag", out var tag) ? (string)tag : "no tag";
        }
    }
}

/// <summary>Stage 40 of Create of test_order, declared through PluginBase: writes a test_log row in the same transaction.</summary>
public sealed class AuditLogPlugin : PluginBase
{
    public AuditLogPlugin(string? unsecure, string? secure)
        : base(unsecure, secure)
    {
        Register(StepDeclaration.On(SdkMessage.Create, "test_order", PipelineStage.PostOperation), context =>
        {
            var name = context.Target.GetAttributeValue<string>("test_name");
            context.Tracing.Trace("logging {0}", name);
            Scenario.Log(context.UserService, "created " + name, context.Execution.PrimaryEntityId, context.Execution.Depth);
        });
    }
}

/// <summary>Stage 40 of Create of test_log: fails on demand, the way plugins fail.</summary>
public sealed class ThrowingPlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var name = Scenario.Name(Scenario.Target(Scenario.Context(serviceProvider)));
        if (name.Contains("throw", StringComparison.Ordinal)) throw new InvalidPluginExecutionException("Refused: " + name);
        if (name.Contains("boom", StringComparison.Ordinal)) throw new InvalidOperationException("a bug in the plugin");
    }
}

/// <summary>Update of test_order filtered on test_counter: updates the counter again, forever.</summary>
public sealed class LoopPlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var context = Scenario.Context(serviceProvider);
        var target = Scenario.Target(context);
        Scenario.Service(serviceProvider, context)
            .Update(new Entity("test_order", target.Id) { ["test_counter"] = target.GetAttributeValue<int>("test_counter") + 1 });
    }
}

/// <summary>PreOperation rank 1, filtered on test_quantity: sets test_amount, which another step filters on.</summary>
public sealed class AmountFromQuantity : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var target = Scenario.Target(Scenario.Context(serviceProvider));
        target["test_amount"] = new Money(target.GetAttributeValue<int>("test_quantity") * 10m);
    }
}

/// <summary>PreOperation rank 2, filtered on test_amount: notes that it saw the amount.</summary>
public sealed class AmountWatcher : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
        => Scenario.Target(Scenario.Context(serviceProvider))["test_note"] = "amount seen";
}

/// <summary>PostOperation with trimmed pre- and post-images: writes what it saw.</summary>
public sealed class ImageRecorder : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var context = Scenario.Context(serviceProvider);
        var pre = context.PreEntityImages["PreImage"];
        var post = context.PostEntityImages["PostImage"];
        var text = $"pre={pre.GetAttributeValue<string>("test_name")};post={post.GetAttributeValue<string>("test_name")};preColumns=" +
            $"{string.Join(",", pre.Attributes.Keys.OrderBy(k => k, StringComparer.Ordinal))}";
        Scenario.Log(Scenario.Service(serviceProvider, context), text, context.PrimaryEntityId, context.Depth);
    }
}

/// <summary>Async PostOperation on Update: reads the committed row; on "retry" orders asks for a retry every time.</summary>
public sealed class AsyncAuditPlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var context = Scenario.Context(serviceProvider);
        var service = Scenario.Service(serviceProvider, context);
        var order = service.Retrieve("test_order", context.PrimaryEntityId, new ColumnSet("test_name", "test_amount"));
        var name = order.GetAttributeValue<string>("test_name") ?? "";
        var text = $"async saw {order.GetAttributeValue<Money>("test_amount")?.Value} in transaction {context.IsInTransaction} mode " +
            $"{context.Mode}";
        Scenario.Log(service, text, context.PrimaryEntityId, context.Depth);
        if (name.StartsWith("retry", StringComparison.Ordinal))
            throw new InvalidPluginExecutionException(OperationStatus.Retry, "try again later");
    }
}

/// <summary>Echoes its configuration and instance into the Target.</summary>
public sealed class ConfigEcho : IPlugin
{
    private readonly string? _unsecure;
    private readonly string? _secure;

    public ConfigEcho(string? unsecure, string? secure)
    {
        _unsecure = unsecure;
        _secure = secure;
    }

    public void Execute(IServiceProvider serviceProvider)
    {
        var target = Scenario.Target(Scenario.Context(serviceProvider));
        if (Scenario.Name(target) == "config") target["test_name"] = $"config:{_unsecure}:{_secure}";
    }
}

/// <summary>A step registered to run as a fixed user: echoes UserId and InitiatingUserId.</summary>
public sealed class RunAsEcho : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var context = Scenario.Context(serviceProvider);
        var target = Scenario.Target(context);
        if (Scenario.Name(target) == "runas") target["test_name"] = $"runas:{context.UserId}:{context.InitiatingUserId}";
    }
}

/// <summary>CreateMultiple PreOperation: stamps how many targets the merged pipeline handed it.</summary>
public sealed class BulkCounter : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var context = (IPluginExecutionContext4)Scenario.Context(serviceProvider);
        var targets = (EntityCollection)context.InputParameters["Targets"];
        foreach (var target in targets.Entities.Where(t => Scenario.Name(t).StartsWith("bulk", StringComparison.Ordinal)))
            target["test_counter"] = targets.Entities.Count;
    }
}

/// <summary>Update PostOperation without filter: logs which columns each Update pipeline carried, for split-update tests.</summary>
public sealed class StateWatcher : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var context = Scenario.Context(serviceProvider);
        var target = Scenario.Target(context);
        if (target.GetAttributeValue<string>("test_note") == "split" || target.Contains("statecode") || target.Contains("ownerid"))
        {
            Scenario.Log(Scenario.Service(serviceProvider, context),
                "update:" + string.Join(",", target.Attributes.Keys.OrderBy(k => k, StringComparer.Ordinal)), target.Id, context.Depth);
        }
    }
}

/// <summary>Main operation of the test_Calculate custom API.</summary>
public sealed class CalculatePlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var context = Scenario.Context(serviceProvider);
        context.OutputParameters["test_Output"] = (int)context.InputParameters["test_Input"] * 2;
        context.OutputParameters["undeclared"] = "not returned";
    }
}
