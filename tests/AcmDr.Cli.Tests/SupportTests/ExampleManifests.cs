namespace AcmDr.Cli.Tests.SupportTests;

/// <summary>The resource documents of shared/EXAMPLE.md (kustomization left out: it is no API object).</summary>
internal static class ExampleManifests
{
    public const string SiteSwitch = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: acmdr-sites
          namespace: acmdr
          labels:
            app.kubernetes.io/managed-by: acmdr
        data:
          site: Primary
          sites: Primary,DR
        """;

    public const string PolicyDrWeb = """
        apiVersion: policy.open-cluster-management.io/v1
        kind: Policy
        metadata:
          name: dr-web
          namespace: acmdr
          labels:
            app.kubernetes.io/managed-by: acmdr
            acmdr.io/app: web
            acmdr.io/tier: '2'
          annotations:
            policy.open-cluster-management.io/standards: NIST SP 800-53
            policy.open-cluster-management.io/categories: CP Contingency Planning
            policy.open-cluster-management.io/controls: CP-10 System Recovery and Reconstitution
        spec:
          disabled: false
          policy-templates:
          - objectDefinition:
              apiVersion: policy.open-cluster-management.io/v1
              kind: ConfigurationPolicy
              metadata:
                name: dr-web-site
              spec:
                remediationAction: enforce
                pruneObjectBehavior: None
                severity: high
                object-templates:
                - complianceType: musthave
                  objectDefinition:
                    apiVersion: kubevirt.io/v1
                    kind: VirtualMachine
                    metadata:
                      name: web-0
                      namespace: web
                    spec:
                      template:
                        spec:
                          nodeSelector:
                            topology.kubernetes.io/site: '{{hub $s := fromConfigMap "" "acmdr-sites" "app-web" | default (fromConfigMap "" "acmdr-sites" "tier-2") | default (fromConfigMap "" "acmdr-sites" "site") hub}}{{hub if has $s (list "Primary" "DR") hub}}{{hub $s hub}}{{hub else hub}}{{hub fromConfigMap "" "acmdr-sites-invalid-site" "site" hub}}{{hub end hub}}'
          - objectDefinition:
              apiVersion: policy.open-cluster-management.io/v1
              kind: ConfigurationPolicy
              metadata:
                name: dr-web-running
              spec:
                remediationAction: inform
                pruneObjectBehavior: None
                severity: high
                object-templates-raw: |
                  {{- $site := "{{hub $s := fromConfigMap "" "acmdr-sites" "app-web" | default (fromConfigMap "" "acmdr-sites" "tier-2") | default (fromConfigMap "" "acmdr-sites" "site") hub}}{{hub if has $s (list "Primary" "DR") hub}}{{hub $s hub}}{{hub else hub}}{{hub fromConfigMap "" "acmdr-sites-invalid-site" "site" hub}}{{hub end hub}}" }}
                  {{- $vmi := lookup "kubevirt.io/v1" "VirtualMachineInstance" "web" "web-0" }}
                  {{- $node := "" }}{{- $ns := "" }}
                  {{- if $vmi.status }}{{- $node = $vmi.status.nodeName }}{{- end }}
                  {{- if $node }}{{- $n := lookup "v1" "Node" "" $node }}{{- if $n.metadata.labels }}{{- $ns = index $n.metadata.labels "topology.kubernetes.io/site" }}{{- end }}{{- end }}
                  - complianceType: musthave
                    objectDefinition:
                      apiVersion: kubevirt.io/v1
                      kind: VirtualMachineInstance
                      metadata:
                        name: "web-0"
                        namespace: "web"
                      status:
                        phase: Running
                        nodeName: '{{ if eq $ns $site }}{{ $node }}{{ else }}acmdr-expected-at-{{ $site }}{{ end }}'
          dependencies:
          - apiVersion: policy.open-cluster-management.io/v1beta1
            kind: PolicySet
            name: dr-tier-1
            namespace: acmdr
            compliance: Compliant
          - apiVersion: policy.open-cluster-management.io/v1
            kind: Policy
            name: dr-db
            namespace: acmdr
            compliance: Compliant
        """;

    public const string PolicySetTier2 = """
        apiVersion: policy.open-cluster-management.io/v1beta1
        kind: PolicySet
        metadata:
          name: dr-tier-2
          namespace: acmdr
          labels:
            app.kubernetes.io/managed-by: acmdr
        spec:
          policies:
          - dr-web
        """;

    public const string Placement = """
        apiVersion: cluster.open-cluster-management.io/v1beta1
        kind: Placement
        metadata:
          name: acmdr-stretch-1
          namespace: acmdr
          labels:
            app.kubernetes.io/managed-by: acmdr
        spec:
          clusterSets:
          - default
          predicates:
          - requiredClusterSelector:
              labelSelector:
                matchLabels:
                  name: stretch-1
          tolerations:
          - key: cluster.open-cluster-management.io/unreachable
            operator: Exists
          - key: cluster.open-cluster-management.io/unavailable
            operator: Exists
        """;

    public const string PlacementBinding = """
        apiVersion: policy.open-cluster-management.io/v1
        kind: PlacementBinding
        metadata:
          name: acmdr-stretch-1
          namespace: acmdr
          labels:
            app.kubernetes.io/managed-by: acmdr
        placementRef:
          apiGroup: cluster.open-cluster-management.io
          kind: Placement
          name: acmdr-stretch-1
        subjects:
        - apiGroup: policy.open-cluster-management.io
          kind: Policy
          name: dr-db
        - apiGroup: policy.open-cluster-management.io
          kind: Policy
          name: dr-web
        """;

    public const string ManagedClusterSetBinding = """
        apiVersion: cluster.open-cluster-management.io/v1beta2
        kind: ManagedClusterSetBinding
        metadata:
          name: default
          namespace: acmdr
          labels:
            app.kubernetes.io/managed-by: acmdr
        spec:
          clusterSet: default
        """;

    public static string All => string.Join(
        "\n---\n",
        SiteSwitch, PolicyDrWeb, PolicySetTier2, Placement, PlacementBinding, ManagedClusterSetBinding);
}
