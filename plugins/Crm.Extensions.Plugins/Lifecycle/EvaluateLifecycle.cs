using Crm.Extensions.Plugins.CustomApis;
using Crm.Extensions.Plugins.Framework;

namespace Crm.Extensions.Plugins.Lifecycle;

/// <summary>
/// cx_EvaluateLifecycle([Customer], [Cursor], [PageSize]) → Transitions, More, Cursor: the scheduled evaluation that moves
/// customers into the time-based stages (At risk, Lapsed). Each change writes the customer's stage and one
/// cx_lifecycletransition (keyed per customer and day, so a re-run the same day records nothing twice); no change writes
/// nothing. With Customer it evaluates that customer. Without it, each call is one bounded unit: one page of up to PageSize
/// (default and most 5,000) aging customers after Cursor, with one facts query and batched writes (see
/// <see cref="Application.Lifecycle.EvaluateLifecycle"/>); the caller calls again with the returned Cursor while More is true. Each call
/// runs at
/// the caller's depth, so the loop never nears the platform's chain limit.
/// </summary>
public sealed class EvaluateLifecycle : PluginBase
{
    public const string ApiName = EvaluateLifecycleApi.UniqueName;
    public const string CustomerParameter = nameof(EvaluateLifecycleApi.Request.Customer);
    public const string CursorParameter = nameof(EvaluateLifecycleApi.Request.Cursor);
    public const string PageSizeParameter = nameof(EvaluateLifecycleApi.Request.PageSize);
    public const string TransitionsOutput = nameof(EvaluateLifecycleApi.Response.Transitions);
    public const string MoreOutput = nameof(EvaluateLifecycleApi.Response.More);
    public const string CursorOutput = nameof(EvaluateLifecycleApi.Response.Cursor);

    public EvaluateLifecycle(string? unsecure, string? secure)
        : base(unsecure, secure)
    {
        Register(StepDeclaration.ForCustomApi(ApiName), Handle);
    }

    private static void Handle(PluginContext context)
    {
        var unit = Application.Lifecycle.EvaluateLifecycle.Run(
            context,
            context.Input(EvaluateLifecycleApi.Request.Customer),
            context.Input(EvaluateLifecycleApi.Request.Cursor),
            context.Input(EvaluateLifecycleApi.Request.PageSize));
        context.SetOutput(EvaluateLifecycleApi.Response.Transitions, unit.Transitions);
        context.SetOutput(EvaluateLifecycleApi.Response.More, unit.Next is not null);
        if (unit.Next is not null) context.SetOutput(EvaluateLifecycleApi.Response.Cursor, unit.Next.ToText());
    }
}
