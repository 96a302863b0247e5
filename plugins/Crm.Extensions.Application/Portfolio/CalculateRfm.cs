using System;
using Crm.Extensions.Dataverse;
using Crm.Extensions.Dataverse.Portfolio;
using Crm.Extensions.Domain.Portfolio;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Application.Portfolio;

/// <summary>What "Calculate RFM" answers: the scores and the segment's name in the workflow user's language.</summary>
public sealed class RfmAnswer
{
    public RfmAnswer(CustomerRfm rfm, string segmentName)
    {
        Rfm = rfm;
        SegmentName = segmentName;
    }

    public CustomerRfm Rfm { get; }

    public string SegmentName { get; }
}

/// <summary>
/// Calculate RFM: the customer's standing in the base as the latest completed portfolio analysis scored it
/// (<see cref="StoredRfm"/> documents why a single customer is not re-ranked); the segment name comes from
/// <see cref="RfmSegmentNames"/> in the language of the workflow's user. Reads as the workflow's user.
/// </summary>
public static class CalculateRfm
{
    /// <param name="user">The workflow's user, in whose language the segment is named.</param>
    public static RfmAnswer Run(IUseCaseContext context, Guid user, EntityReference? customer)
    {
        if (context is null) throw new ArgumentNullException(nameof(context));
        context.UseCase = nameof(CalculateRfm);
        var rfm = StoredRfm.For(context.UserService, customer);
        var language = UserLanguage.Of(context.SystemService, user);
        return new RfmAnswer(rfm, RfmSegmentNames.For(rfm.Segment).For(language));
    }
}
