using System.Collections.Generic;
using System.Globalization;
using System.Xml.Linq;

namespace Crm.Extensions.Emulator.Metadata;

/// <summary>Reads choice values from an &lt;optionset&gt; element: options, states, or statuses with their state.</summary>
internal static class OptionSetXmlReader
{
    public static void ReadOptions(XElement? optionSet, HashSet<int> options, Dictionary<int, int> statusToState,
        Dictionary<int, Dictionary<int, string>>? labels = null)
    {
        if (optionSet is null) return;
        foreach (var option in optionSet.Descendants())
        {
            if (option.Name.LocalName is not ("option" or "state" or "status")) continue;
            if (!int.TryParse((string?)option.Attribute("value"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
                continue;
            options.Add(value);
            if (labels is not null) ReadLabels(option, value, labels);
            if (option.Name.LocalName == "status"
                && int.TryParse((string?)option.Attribute("state"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var state))
            {
                statusToState[value] = state;
            }
        }
    }

    /// <summary>labels/label description + languagecode of one option, kept per language.</summary>
    private static void ReadLabels(XElement option, int value, Dictionary<int, Dictionary<int, string>> labels)
    {
        foreach (var label in option.Elements("labels").Elements("label"))
        {
            if ((string?)label.Attribute("description") is not { } text
                || !int.TryParse((string?)label.Attribute("languagecode"), NumberStyles.Integer, CultureInfo.InvariantCulture,
                    out var language)) continue;
            if (!labels.TryGetValue(value, out var byLanguage)) labels[value] = byLanguage = new Dictionary<int, string>();
            byLanguage[language] = text;
        }
    }
}
