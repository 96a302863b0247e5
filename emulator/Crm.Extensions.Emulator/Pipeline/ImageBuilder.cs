using System;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.Emulator.Metadata;
using Crm.Extensions.Emulator.Storage;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Emulator.Pipeline;

/// <summary>
/// Entity images per the platform's rules: no pre-image on Create, no post-image on Delete, post-images only at
/// PostOperation, each trimmed to its registered columns. *Multiple lanes get one collection per target (IPluginExecutionContext4).
/// </summary>
internal static class ImageBuilder
{
    public static void Apply(PipelineLane lane, StepRegistration step, PluginExecutionContext context)
    {
        if (!lane.SupportsImages || step.Images.Count == 0) return;
        var isCreate = lane.Message.StartsWith("Create", StringComparison.OrdinalIgnoreCase);
        var isDelete = lane.Message.Equals("Delete", StringComparison.OrdinalIgnoreCase);
        var ids = lane.TargetIds();

        var pre = ids.Select(_ => new EntityImageCollection()).ToArray();
        var post = ids.Select(_ => new EntityImageCollection()).ToArray();
        for (var i = 0; i < ids.Count; i++)
        {
            foreach (var image in step.Images)
            {
                if (image.IsPre && !isCreate && lane.PreRows.TryGetValue(ids[i], out var before)) pre[i][image.Alias] = Trim(before, image);
                if (image.IsPost && !isDelete && step.Stage == 40 && lane.PostRows.TryGetValue(ids[i], out var after))
                    post[i][image.Alias] = Trim(after, image);
            }
        }

        if (lane.IsMultiple)
        {
            context.PreEntityImagesCollection = pre;
            context.PostEntityImagesCollection = post;
        }
        else if (ids.Count == 1)
        {
            context.PreEntityImages = pre[0];
            context.PostEntityImages = post[0];
        }
    }

    private static Entity Trim(Entity row, StepImageRegistration image)
    {
        var copy = new Entity(row.LogicalName, row.Id) { RowVersion = row.RowVersion };
        foreach (var pair in row.Attributes)
        {
            if (image.Attributes.Count == 0 || image.Attributes.Contains(pair.Key, StringComparer.OrdinalIgnoreCase))
                copy[pair.Key] = ValueCopier.Copy(pair.Value);
        }

        return copy;
    }
}
