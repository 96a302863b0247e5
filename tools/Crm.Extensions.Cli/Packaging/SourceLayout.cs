namespace Crm.Extensions.Cli.Packaging;

/// <summary>Folder and file names of the SolutionPackager source layout (solution/src) and of the zip.</summary>
public static class SourceLayout
{
    public const string Other = "Other";
    public const string SolutionFile = "Other/Solution.xml";
    public const string CustomizationsFile = "Other/Customizations.xml";
    public const string RelationshipsIndexFile = "Other/Relationships.xml";
    public const string RelationshipsFolder = "Other/Relationships";
    public const string FieldSecurityProfilesFile = "Other/FieldSecurityProfiles.xml";
    public const string EntitiesFolder = "Entities";
    public const string EntityFile = "Entity.xml";
    public const string RibbonDiffFile = "RibbonDiff.xml";
    public const string FormsFolder = "FormXml";
    public const string ViewsFolder = "SavedQueries";
    public const string ChartsFolder = "Visualizations";
    public const string OptionSetsFolder = "OptionSets";
    public const string RolesFolder = "Roles";
    public const string DashboardsFolder = "Dashboards";
    public const string AppModulesFolder = "AppModules";
    public const string AppModuleFile = "AppModule.xml";
    public const string AppModuleSiteMapsFolder = "AppModuleSiteMaps";
    public const string AppModuleSiteMapFile = "AppModuleSiteMap.xml";
    public const string PluginAssembliesFolder = "PluginAssemblies";
    public const string StepsFolder = "SdkMessageProcessingSteps";
    public const string WebResourcesFolder = "WebResources";
    public const string WorkflowsFolder = "Workflows";
    public const string CustomApisFolder = "customapis";
    public const string EnvironmentVariablesFolder = "environmentvariabledefinitions";
    public const string EnvironmentVariableFile = "environmentvariabledefinition.xml";
    public const string DataXmlSuffix = ".data.xml";
    public const string ManagedSuffix = "_managed";

    public const string ZipSolution = "solution.xml";
    public const string ZipCustomizations = "customizations.xml";
    public const string ZipContentTypes = "[Content_Types].xml";

    /// <summary>Folders copied between source and zip without change.</summary>
    public static readonly string[] VerbatimFolders = [CustomApisFolder, EnvironmentVariablesFolder];
}
