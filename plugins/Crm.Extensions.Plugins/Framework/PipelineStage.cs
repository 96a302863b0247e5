namespace Crm.Extensions.Plugins.Framework;

/// <summary>Event pipeline stages, with Dataverse's numeric values.</summary>
public enum PipelineStage
{
    PreValidation = 10,
    PreOperation = 20,

    /// <summary>Only custom APIs run plugin code here.</summary>
    MainOperation = 30,
    PostOperation = 40,
}

/// <summary>Step execution modes, with Dataverse's numeric values.</summary>
public enum ExecutionMode
{
    Synchronous = 0,
    Asynchronous = 1,
}

/// <summary>Which images a step registers, with Dataverse's sdkmessageprocessingstepimage.imagetype values.</summary>
public enum ImageType
{
    PreImage = 0,
    PostImage = 1,
    Both = 2,
}
