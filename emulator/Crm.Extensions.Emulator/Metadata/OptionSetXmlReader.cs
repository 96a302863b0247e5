using System.Collections.Generic;
using System.Globalization;
using System.Xml.Linq;

namespace Crm.Extensions.Emulator.Metadata;

/// <summary>Reads choice values from an &lt;optionset&gt; element: options, states, or statuses with their state.</summary>
internal static class OptionSetXmlReader
{
    public static void ReadOptions(XElement? optionSet, HashSet<int> options, Dictionary<int, int> statusToState)
    {
        if (optionSet is null) return;
        foreach (var option in optionSet.Descendants())
        {
            if (option.Name.LocalName is not ("option" or "state" or "status")) continue;
            if (!int.TryParse((string?)option.Attribute("value"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)) continue;
            options.Add(value);
            if (option.Name.LocalName == "status"
                && int.TryParse((string?)option.Attribute("state"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var state))
            {
                statusToState[value] = state;
            }
        }
    }
}
