using AcmDr.Core.Planning;
using AcmDr.Core.Settings;

namespace AcmDr.Core.Manifests;

/// <summary>
/// Least privilege for the people or pipelines who flip: get and patch on the one switch ConfigMap,
/// and create events (flip records one on the switch). Nothing else; in particular nothing on VMs.
/// </summary>
public static class RbacManifests
{
    public const string RoleName = "acmdr-flip";
    public const string DefaultGroup = "acmdr-flippers";

    public static Mapping Role(DrSettings settings) =>
        Meta.Document("rbac.authorization.k8s.io/v1", "Role", Meta.Metadata(RoleName, settings.HubNamespace))
            .Add("rules", new Sequence()
                .Add(new Mapping()
                    .Add("apiGroups", Sequence.Of([string.Empty]))
                    .Add("resources", Sequence.Of(["configmaps"]))
                    .Add("resourceNames", Sequence.Of([PolicyNames.SwitchConfigMap]))
                    .Add("verbs", Sequence.Of(["get", "patch"])))
                .Add(new Mapping()
                    .Add("apiGroups", Sequence.Of([string.Empty, "events.k8s.io"]))
                    .Add("resources", Sequence.Of(["events"]))
                    .Add("verbs", Sequence.Of(["create"]))));

    public static Mapping RoleBinding(DrSettings settings) =>
        Meta.Document("rbac.authorization.k8s.io/v1", "RoleBinding", Meta.Metadata(RoleName, settings.HubNamespace))
            .Add("roleRef", new Mapping()
                .Add("apiGroup", "rbac.authorization.k8s.io")
                .Add("kind", "Role")
                .Add("name", RoleName))
            .Add("subjects", new Sequence().Add(new Mapping()
                .Add("apiGroup", "rbac.authorization.k8s.io")
                .Add("kind", "Group")
                .Add("name", DefaultGroup)));
}
