using Crm.Extensions.Plugins.Framework;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Lifecycle;

/// <summary>
/// cx_EvaluateLifecycle([Customer], [Cursor], [PageSize]) → Transitions, More, Cursor: the scheduled evaluation that moves
/// customers into the time-based stages (At risk, Lapsed). Each change writes the customer's stage and one
/// cx_lifecycletransition (keyed per customer and day, so a re-run the same day records nothing twice); no change writes
/// nothing. With Customer it evaluates that customer. Without it, each call is one bounded unit: one page of up to PageSize
/// (default and most 5,000) aging customers after Cursor, with one facts query and batched writes (see
/// <see cref="Application.Lifecycle.EvaluateLifecycle"/>); the caller calls again with the returned Cursor while More is true. Each call runs at
/// the caller's depth, so the loop never nears the platform's chain limit.
/// </summary>
public sealed class EvaluateLifecycle : PluginBase
{
    public const string ApiName = "cx_EvaluateLifecycle";
    public const string CustomerParameter = "Customer";
    public const string CursorParameter = "Cursor";
    public const string PageSizeParameter = "PageSize";
    public const string TransitionsOutput = "Transitions";
    public const string MoreOutput = "More";
    public const string CursorOutput = "Cursor";

    public EvaluateLifecycle(string? unsecure, string? secure)
        : base(unsecure, secure)
    {
        Register(StepDeclaration.ForCustomApi(ApiName), Handle);
    }

    private static void Handle(PluginContext context)
    {
        var unit = Application.Lifecycle.EvaluateLifecycle.Run(
            context, context.Input<EntityReference>(CustomerParameter), context.Input<string>(CursorParameter), context.Input<int?>(PageSizeParameter));
        context.SetOutput(TransitionsOutput, unit.Transitions);
        context.SetOutput(MoreOutput, unit.Next is not null);
        if (unit.Next is not null) context.SetOutput(CursorOutput, unit.Next.ToText());
    }
}
