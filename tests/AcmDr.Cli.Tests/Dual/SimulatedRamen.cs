using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using AcmDr.FakeKube;

namespace AcmDr.Cli.Tests.Dual;

/// <summary>
/// Just enough of Ramen's hub operator (the DRPlacementControl controller) for the dual-cluster tests, over a fake
/// hub's store and on an injected clock. A DRPC without an action is deployed to its preferredCluster; a changed
/// action (Relocate to preferredCluster, Failover to failoverCluster) runs through Ramen's phases and progressions
/// (<see cref="RamenSteps"/>), each step lasting <see cref="StepDuration"/>, with actionStartTime, actionDuration,
/// the Available and PeerReady conditions, observedGeneration (set on every phase change, as setDRState does), the
/// annotation naming the last cluster the app was deployed to, and the PlacementDecision of the app's Placement
/// (<c>&lt;placement&gt;-decision-1</c>, which whatever deploys the app follows). Replication runs every
/// <see cref="SyncInterval"/> while the DRPC rests: lastGroupSyncTime advances; a relocation's final sync sets it,
/// a failover freezes it (the data-loss window). As in Ramen, status.preferredDecision is written once, at initial
/// deployment, and keeps that cluster after a relocation or failover (updatePreferredDecision only fills it when
/// empty); <see cref="PreferredDecisionFollowsTarget"/> changes that for callers that assume otherwise.
/// Nothing moves unless <see cref="Step"/> runs; it acts for the time that passed since the last call.
/// </summary>
public sealed partial class SimulatedRamen
{
    public const string Group = "ramendr.openshift.io";
    public const string Version = "v1alpha1";
    public const string Plural = "drplacementcontrols";
    public const string LastDeploymentAnnotation = "drplacementcontrol.ramendr.openshift.io/last-app-deployment-cluster";
    public const string PlacementLabel = "cluster.open-cluster-management.io/placement";

    private readonly ObjectStore store;
    private readonly TimeProvider clock;
    private readonly Lock gate = new();
    private readonly Dictionary<(string Ns, string Name), DrpcState> states = [];
    private readonly ConcurrentQueue<string> events = new();

    public SimulatedRamen(FakeApiServer hub, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(hub);
        hub.RegisterResource(Group, Version, "DRPlacementControl", Plural, true, "drpc");
        hub.RegisterResource(Group, Version, "DRPolicy", "drpolicies", false, "drp");
        store = hub.Store;
        this.clock = clock;
    }

    /// <summary>How long each progression lasts.</summary>
    public TimeSpan StepDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The DRPolicy's schedulingInterval: how often a resting DRPC's volumes replicate.</summary>
    public TimeSpan SyncInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>DRPC names whose action stops at WaitingForResourceRestore with this message (Ramen retries, the action never ends).</summary>
    public ConcurrentDictionary<string, string> Failures { get; } = new();

    /// <summary>DRPC names whose failover waits in WaitForFencing: their old cluster is never fenced.</summary>
    public ConcurrentDictionary<string, bool> Unfenced { get; } = new();

    /// <summary>When true, status.preferredDecision names the cluster each finished action ran to (not Ramen's behaviour).</summary>
    public bool PreferredDecisionFollowsTarget { get; set; }

    /// <summary>"deploy|relocate|failover NAME to CLUSTER" when an action started, "cleaning NAME" when it reached the target and
    /// cleans up the old cluster, "done NAME" when it completed, in order.</summary>
    public IReadOnlyList<string> Events => [.. events];

    /// <summary>Advances every DRPC on the hub to the clock's time.</summary>
    public void Step()
    {
        lock (gate)
        {
            var now = clock.GetUtcNow();
            foreach (var drpc in store.List(Group, Version, Plural))
            {
                var key = (drpc["metadata"]!["namespace"]!.GetValue<string>(), drpc["metadata"]!["name"]!.GetValue<string>());
                if (!states.TryGetValue(key, out var state))
                {
                    state = new DrpcState();
                    states[key] = state;
                }

                Reconcile(key, drpc, state, now);
            }
        }
    }

    private void Reconcile((string Ns, string Name) key, JsonObject drpc, DrpcState state, DateTimeOffset now)
    {
        var spec = drpc["spec"] as JsonObject ?? [];
        var action = Text(spec["action"]);
        var kind = action is "Failover" or "Relocate" ? action : "Deploy";
        var target = kind == "Failover" ? Text(spec["failoverCluster"]) : Text(spec["preferredCluster"]);
        if (state.Run is null)
        {
            if (string.IsNullOrEmpty(target))
            {
                Write(key, drpc, state, now, available: (false, kind == "Failover" ? "missing value for spec.FailoverCluster" : "PreferredCluster not set"));
                return;
            }

            if (state.Current is null && kind != "Deploy")
            {
                Write(key, drpc, state, now, available: (false, "no VRGs exists. Can't relocate"));
                return;
            }

            if (state.Current is not null && (state.Current == target || kind == "Deploy"))
            {
                // Already there (or the action was cleared): Ramen only confirms the phase, no new actionStartTime.
                state.Done = (kind, target);
                Rest(key, drpc, state, now, kind);
                return;
            }

            Start(key, state, kind, target, now);
        }

        Advance(key, drpc, state, now);
    }

    private void Start((string Ns, string Name) key, DrpcState state, string kind, string target, DateTimeOffset now)
    {
        var fencing = kind == "Failover" && Unfenced.ContainsKey(key.Name);
        state.Run = new ActionRun(kind, target, state.Current, kind switch
        {
            "Relocate" => RamenSteps.Relocate(),
            "Failover" => RamenSteps.Failover(fencing),
            _ => RamenSteps.Deploy(),
        }, now);
        events.Enqueue($"{kind.ToLowerInvariant()} {key.Name} to {target}");
    }

    /// <summary>Moves the run on by as many steps as the time since it entered its step allows, writing each.</summary>
    private void Advance((string Ns, string Name) key, JsonObject drpc, DrpcState state, DateTimeOffset now)
    {
        var run = state.Run!;
        while (true)
        {
            var step = run.Steps[run.Index];
            if (!run.Entered)
            {
                run.Entered = true;
                Enter(key, drpc, state, step, run.StepStarted);
                drpc = store.Get(Group, Version, Plural, key.Ns, key.Name)!;
            }

            if (Blocked(key.Name, run, step) is { } reason)
            {
                Write(key, drpc, state, run.StepStarted, available: (false, reason), phase: step.Phase);
                return;
            }

            if (run.Index == run.Steps.Count - 1)
            {
                state.Run = null;
                state.Done = (run.Kind, run.Target);
                events.Enqueue($"done {key.Name}");
                return;
            }

            if (now - run.StepStarted < StepDuration)
            {
                return;
            }

            run.Index++;
            run.StepStarted += StepDuration;
            run.Entered = false;
        }
    }

    private string? Blocked(string name, ActionRun run, RamenStep step)
    {
        if (step.Progression == RamenSteps.WaitForFencing)
        {
            return $"current home cluster {run.From} is not fenced";
        }

        return step.Progression == RamenSteps.WaitingForResourceRestore && Failures.TryGetValue(name, out var message) ? message : null;
    }

    private static string Text(JsonNode? node) => node?.GetValue<string>() ?? string.Empty;

    private sealed class DrpcState
    {
        /// <summary>The cluster the app was last deployed to (the PlacementDecision's), null before the first deployment.</summary>
        public string? Current { get; set; }

        public ActionRun? Run { get; set; }

        public (string Kind, string Target)? Done { get; set; }

        public DateTimeOffset? LastSync { get; set; }

        public DateTimeOffset? ActionStart { get; set; }

        public TimeSpan? ActionDuration { get; set; }

        public string? PreferredDecision { get; set; }
    }

    private sealed class ActionRun(string kind, string target, string? from, IReadOnlyList<RamenStep> steps, DateTimeOffset started)
    {
        public string Kind { get; } = kind;

        public string Target { get; } = target;

        public string? From { get; } = from;

        public IReadOnlyList<RamenStep> Steps { get; } = steps;

        public DateTimeOffset Started { get; } = started;

        public int Index { get; set; }

        public DateTimeOffset StepStarted { get; set; } = started;

        public bool Entered { get; set; }
    }
}
