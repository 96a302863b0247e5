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
public static class RefreshProfileCompleteness
{
    /// <summary>The score now stored, or null when the customer no longer exists.</summary>
    /// <param name="customerImage">The customer's post-image with <see cref="ProfileFactsReader.CustomerColumns"/>, when the event carries
    /// one.</param>
    public static int? Run(IUseCaseContext context, EntityReference customer, Entity? customerImage = null)
    {
        if (context is null) throw new ArgumentNullException(nameof(context));
        if (customer is null) throw new ArgumentNullException(nameof(customer));
        context.UseCase = nameof(RefreshProfileCompleteness);
        var service = context.SystemService;
        var profile = ProfileFactsReader.Read(service, customer, customerImage);
        if (profile is null) return null;

        var score = ProfileCompleteness.Evaluate(profile.Facts).Score;
        if (profile.StoredCompleteness == score) return score;

        // The column has the same name on contact and account; each table's own constant names it.
        var column = customer.LogicalName == Account.EntityLogicalName
            ? Account.Fields.ProfileCompleteness : Contact.Fields.ProfileCompleteness;
        service.Update(new Entity(customer.LogicalName, customer.Id) { [column] = score });
        return score;
    }
}
