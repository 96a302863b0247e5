using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Dataverse.Intimacy;

/// <summary>Which changes of the customer's own columns can change a "who is the customer" answer.</summary>
public static class ProfileAnswers
{
    /// <summary>
    /// True when the stage was set or cleared, or the customer went from no paid invoice to some (or back): the only
    /// changes of the customer's own columns that move an answer. Without both images the answer is "maybe", so true.
    /// </summary>
    public static bool CustomerAnswersChanged(Entity? before, Entity? after)
    {
        if (before is null || after is null) return true;
        var stageAnswered = before.GetAttributeValue<OptionSetValue>(Contact.Fields.LifecycleStage) is not null;
        var bought = (before.GetAttributeValue<int?>(Contact.Fields.PaidInvoiceCount) ?? 0) > 0;
        return stageAnswered != (after.GetAttributeValue<OptionSetValue>(Contact.Fields.LifecycleStage) is not null)
            || bought != ((after.GetAttributeValue<int?>(Contact.Fields.PaidInvoiceCount) ?? 0) > 0);
    }
}
