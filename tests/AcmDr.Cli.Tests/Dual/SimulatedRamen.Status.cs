using System.Globalization;
using System.Text.Json.Nodes;

namespace AcmDr.Cli.Tests.Dual;

/// <summary>What the simulated controller writes: the DRPC's status and annotation, and the app's PlacementDecision.</summary>
public sealed partial class SimulatedRamen
{
    private void Enter((string Ns, string Name) key, JsonObject drpc, DrpcState state, RamenStep step, DateTimeOffset at)
    {
        var run = state.Run!;
        if (run.Index == 0)
        {
            // setStatusInitiating: a new action starts its clock and forgets the last one's duration.
            state.ActionStart = run.Started;
            state.ActionDuration = null;
        }

        if (step.Decide is { } decide)
        {
            Decide(drpc, decide ? run.Target : null, run.Kind == "Failover" ? string.Empty : run.Target);
            if (decide)
            {
                state.Current = run.Target;
            }
        }

        if (step.FinalSync)
        {
            state.LastSync = at;
        }

        if (step.Progression == RamenSteps.CleaningUp)
        {
            events.Enqueue($"cleaning {key.Name}");
        }

        var last = run.Index == run.Steps.Count - 1;
        if (last)
        {
            state.ActionDuration = at - state.ActionStart;
            state.LastSync ??= at;
            if (run.Kind == "Deploy" || PreferredDecisionFollowsTarget)
            {
                state.PreferredDecision = run.Target;
            }
        }

        var peer = step.PeerReady switch
        {
            true => (true, "Ready"),
            false => (false, run.Kind == "Failover" ? $"Started failover to cluster \"{run.Target}\"" : $"Relocation in progress to cluster \"{run.Target}\""),
            null => ((bool, string)?)null,
        };
        Write(key, drpc, state, at, (step.Available, step.Message), step.Phase, step.Progression, peer);
    }

    /// <summary>A DRPC with nothing to do: confirms the phase the finished action ends in, and replicates.</summary>
    private void Rest((string Ns, string Name) key, JsonObject drpc, DrpcState state, DateTimeOffset now, string kind)
    {
        while (state.LastSync is { } last && last + SyncInterval <= now)
        {
            state.LastSync = last + SyncInterval;
        }

        var phase = kind switch
        {
            "Relocate" => RamenSteps.Relocated,
            "Failover" => RamenSteps.FailedOver,
            _ => drpc["status"]?["phase"]?.GetValue<string>(),
        };
        Write(key, drpc, state, now, (true, "Completed"), phase, RamenSteps.Completed);
    }

    private void Write((string Ns, string Name) key, JsonObject drpc, DrpcState state, DateTimeOffset at,
        (bool Ok, string Message)? available, string? phase = null, string? progression = null, (bool Ok, string Message)? peerReady = null)
    {
        var next = (JsonObject)drpc.DeepClone();
        var status = next["status"] as JsonObject ?? [];
        next["status"] = status;
        var generation = next["metadata"]!["generation"]?.GetValue<long>() ?? 1;
        if (phase is not null && status["phase"]?.GetValue<string>() != phase)
        {
            status["phase"] = phase;
            status["observedGeneration"] = generation;
        }

        if (progression is not null)
        {
            status["progression"] = progression;
        }

        Set(status, "actionStartTime", state.ActionStart is { } start ? Time(start) : null);
        Set(status, "actionDuration", state.ActionDuration is { } took ? GoDuration(took) : null);
        Set(status, "lastGroupSyncTime", state.LastSync is { } sync ? Time(sync) : null);
        if (state.PreferredDecision is { } preferred)
        {
            status["preferredDecision"] = new JsonObject { ["clusterName"] = preferred, ["clusterNamespace"] = preferred };
        }

        var conditions = status["conditions"] as JsonArray ?? [];
        status["conditions"] = conditions;
        var reason = status["phase"]?.GetValue<string>() ?? string.Empty;
        if (available is { } a)
        {
            Condition(conditions, "Available", a.Ok, reason, a.Message, at);
        }

        if (peerReady is { } p)
        {
            Condition(conditions, "PeerReady", p.Ok, p.Ok ? "Success" : "NotStarted", p.Message, at);
        }

        foreach (var condition in conditions)
        {
            condition!["observedGeneration"] = generation;
        }

        if (state.Current is { } current)
        {
            var metadata = (JsonObject)next["metadata"]!;
            var annotations = metadata["annotations"] as JsonObject ?? [];
            metadata["annotations"] = annotations;
            annotations[LastDeploymentAnnotation] = current;
        }

        if (JsonNode.DeepEquals(next, drpc))
        {
            return;
        }

        status["lastUpdateTime"] = Time(at);
        store.Update(Group, Version, Plural, key.Ns, key.Name, d =>
        {
            d["status"] = status.DeepClone();
            d["metadata"]!["annotations"] = next["metadata"]!["annotations"]?.DeepClone();
        });
    }

    /// <summary>createOrUpdatePlacementDecision: the one decision of the DRPC's Placement, or none while the app moves.</summary>
    private void Decide(JsonObject drpc, string? cluster, string reason)
    {
        var reference = drpc["spec"]?["placementRef"];
        var placement = reference?["name"]?.GetValue<string>();
        if (placement is null)
        {
            return;
        }

        var ns = reference!["namespace"]?.GetValue<string>() ?? drpc["metadata"]!["namespace"]!.GetValue<string>();
        const string ClusterGroup = "cluster.open-cluster-management.io";
        var name = $"{placement}-decision-1";
        var decisions = cluster is null ? new JsonArray() : new JsonArray(new JsonObject { ["clusterName"] = cluster, ["reason"] = reason });
        if (store.Get(ClusterGroup, "v1beta1", "placementdecisions", ns, name) is null)
        {
            var owner = store.Get(ClusterGroup, "v1beta1", "placements", ns, placement);
            var metadata = new JsonObject
            {
                ["name"] = name,
                ["namespace"] = ns,
                ["labels"] = new JsonObject { [PlacementLabel] = placement, ["velero.io/exclude-from-backup"] = "true" },
            };
            if (owner?["metadata"]?["uid"] is { } uid)
            {
                metadata["ownerReferences"] = new JsonArray(new JsonObject
                {
                    ["apiVersion"] = ClusterGroup + "/v1beta1",
                    ["kind"] = "Placement",
                    ["name"] = placement,
                    ["uid"] = uid.DeepClone(),
                    ["controller"] = true,
                    ["blockOwnerDeletion"] = true,
                });
            }

            store.Put(new JsonObject
            {
                ["apiVersion"] = ClusterGroup + "/v1beta1",
                ["kind"] = "PlacementDecision",
                ["metadata"] = metadata,
                ["status"] = new JsonObject { ["decisions"] = decisions },
            });
            return;
        }

        store.Update(ClusterGroup, "v1beta1", "placementdecisions", ns, name, d => d["status"] = new JsonObject { ["decisions"] = decisions });
    }

    /// <summary>meta.SetStatusCondition: lastTransitionTime moves only when the status does.</summary>
    private static void Condition(JsonArray conditions, string type, bool ok, string reason, string message, DateTimeOffset at)
    {
        var value = ok ? "True" : "False";
        var existing = conditions.OfType<JsonObject>().FirstOrDefault(c => c["type"]?.GetValue<string>() == type);
        if (existing is null)
        {
            existing = new JsonObject { ["type"] = type };
            conditions.Add(existing);
        }

        if (existing["status"]?.GetValue<string>() != value)
        {
            existing["lastTransitionTime"] = Time(at);
        }

        existing["status"] = value;
        existing["reason"] = reason;
        existing["message"] = message;
    }

    private static void Set(JsonObject status, string field, string? value)
    {
        if (value is null)
        {
            status.Remove(field);
        }
        else
        {
            status[field] = value;
        }
    }

    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A metav1.Duration as Go's time.Duration.String writes it (4m30s, 1h0m0s, 0s).</summary>
    public static string GoDuration(TimeSpan duration)
    {
        var seconds = (long)duration.TotalSeconds;
        if (seconds <= 0)
        {
            return "0s";
        }

        var (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
        return h > 0 ? string.Create(CultureInfo.InvariantCulture, $"{h}h{m}m{s}s")
            : m > 0 ? string.Create(CultureInfo.InvariantCulture, $"{m}m{s}s")
            : string.Create(CultureInfo.InvariantCulture, $"{s}s");
    }
}
