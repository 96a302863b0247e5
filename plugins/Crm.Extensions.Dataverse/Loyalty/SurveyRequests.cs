using System;
using Crm.Extensions.Domain.Loyalty.Surveys;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Dataverse.Loyalty;

/// <summary>
/// Creates the one post-sale survey request of a paid invoice, under the alternate key <c>cx_requestkey</c>
/// (<see cref="SurveyLoop.RequestKey"/>). The caller knows from its invoice query whether the request exists already,
/// so an answered survey is never touched again; a racing replay fails on the key instead of creating a second one.
/// </summary>
public static class SurveyRequests
{
    public static void Request(IOrganizationService service, Guid invoiceId, EntityReference customer, EntityReference? owner, DateTime on)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        var survey = new Entity(SatisfactionSurvey.EntityLogicalName)
        {
            [SatisfactionSurvey.Fields.Name] = "Post-sale survey",
            [SatisfactionSurvey.Fields.RequestKey] = SurveyLoop.RequestKey(invoiceId),
            [SatisfactionSurvey.Fields.CustomerId] = customer,
            [SatisfactionSurvey.Fields.InvoiceId] = new EntityReference(Invoice.EntityLogicalName, invoiceId),
            [SatisfactionSurvey.Fields.SurveyStatus] = new OptionSetValue((int)SatisfactionSurvey.SurveyStatusChoice.Requested),
            [SatisfactionSurvey.Fields.RequestedOn] = on,
        };
        if (owner is not null) survey[SatisfactionSurvey.Fields.OwnerId] = owner;
        service.Create(survey);
    }
}
