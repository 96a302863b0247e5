using System;
using Crm.Extensions.Domain.Localization;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Dataverse;

/// <summary>The interface language a user chose in their personal settings.</summary>
public static class UserLanguage
{
    private const string UserSettingsTable = "usersettings";
    private const string UiLanguageColumn = "uilanguageid";

    /// <summary>usersettings is keyed by systemuserid, so this is one Retrieve. Call it only on the error path.</summary>
    public static int Of(IOrganizationService service, Guid userId)
    {
        var settings = service.Retrieve(UserSettingsTable, userId, new ColumnSet(UiLanguageColumn));
        return settings.GetAttributeValue<int?>(UiLanguageColumn) ?? LocalizedText.EnglishLcid;
    }
}
