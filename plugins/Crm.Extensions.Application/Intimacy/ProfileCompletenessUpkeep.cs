using System;
using Crm.Extensions.Dataverse.Intimacy;
using Crm.Extensions.Domain.Intimacy;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Application.Intimacy;

/// <summary>
/// Recomputes a customer's cx_profilecompleteness from its facts and writes it only when the value changes, so a replayed
/// or redundant event costs one read and no write (and fires nothing downstream).
/// </summary>
public static class ProfileCompletenessUpkeep
{
    /// <summary>The score now stored, or null when the customer no longer exists.</summary>
    /// <param name="customerImage">The customer's post-image with <see cref="ProfileFactsReader.CustomerColumns"/>, when the event carries one.</param>
    public static int? Refresh(IOrganizationService service, EntityReference customer, Entity? customerImage = null)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        var profile = ProfileFactsReader.Read(service, customer, customerImage);
        if (profile is null) return null;

        var score = ProfileCompleteness.Evaluate(profile.Facts).Score;
        if (profile.StoredCompleteness == score) return score;

        service.Update(new Entity(customer.LogicalName, customer.Id) { [Contact.Fields.ProfileCompleteness] = score });
        return score;
    }
}
