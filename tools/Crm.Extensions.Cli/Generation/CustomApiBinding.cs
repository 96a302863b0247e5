using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Crm.Extensions.Cli.Metadata;
using Crm.Extensions.Cli.Packaging;

namespace Crm.Extensions.Cli.Generation;

/// <summary>
/// A custom API runs its plugin at stage 30 through customapi.xml's plugintypeid, not through a step.
/// The plugin's declaration is the one source, so the generator writes that id into the custom API's XML.
/// </summary>
public static class CustomApiBinding
{
    public const string FileName = "customapi.xml";

    /// <returns>False when the custom API has no definition in the folder yet.</returns>
    public static bool Bind(string solutionFolder, string uniqueName, Guid pluginTypeId)
    {
        var apis = Path.Combine(solutionFolder, SourceLayout.CustomApisFolder);
        var file = Directory.Exists(apis)
            ? Directory.GetDirectories(apis).Where(d => Path.GetFileName(d).Equals(uniqueName, StringComparison.OrdinalIgnoreCase))
                .Select(d => Path.Combine(d, FileName)).FirstOrDefault(File.Exists)
            : null;
        if (file is null)
        {
            return false;
        }

        var api = Xml.Load(file);
        var binding = api.Element("plugintypeid");
        var replacement = new XElement("plugintypeid", new XElement("plugintypeid", pluginTypeId.ToString("D")));
        if (binding is null)
        {
            api.Add(replacement);
        }
        else
        {
            binding.ReplaceWith(replacement);
        }

        Xml.Save(api, file);
        return true;
    }
}
