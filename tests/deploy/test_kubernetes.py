"""deploy/kubernetes: the kustomize base assembles, validates, and wires up as intended.

There is no kubectl or kustomize binary here, so the test does the part of `kustomize build`
this base uses: read kustomization.yaml, load every resource, generate the ConfigMap from its
files, apply the `labels` and `images` transformers, then validate each object: built-in kinds
against the Kubernetes OpenAPI schemas (kubernetes-validate, strict: unknown fields fail),
Prometheus Operator kinds against the structural schemas in crd_schemas.py.
"""

from __future__ import annotations

import copy
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import kubernetes_validate
import pytest
import yaml
from kubernetes_validate.utils import SchemaNotFoundError, all_versions

from tests.deploy.crd_schemas import CRD_SCHEMAS
from tests.deploy.support import ALERTS_FILE, KUSTOMIZE_DIR, PROMETHEUS_DIR, REPO

Manifest = dict[str, Any]

# Every Kubernetes minor version from 1.29 (the oldest still commonly supported on EKS) to the
# newest kubernetes-validate ships schemas for.
KUBERNETES_VERSIONS = sorted(
    {".".join(v.split(".")[:2]) for v in all_versions() if tuple(map(int, v.split(".")[:2])) >= (1, 29)},
    key=lambda v: tuple(map(int, v.split("."))),
)

KUSTOMIZATION_FIELDS = {
    "apiVersion", "kind", "metadata", "resources", "components", "crds", "namespace", "namePrefix",
    "nameSuffix", "labels", "commonLabels", "commonAnnotations", "configMapGenerator",
    "secretGenerator", "generatorOptions", "images", "patches", "replicas", "replacements",
    "openapi", "buildMetadata", "helmCharts", "sortOptions", "transformers", "generators",
    "validators", "configurations",
}  # fmt: skip
LABELS_ENTRY_FIELDS = {"pairs", "includeSelectors", "includeTemplates", "fields"}
GENERATOR_FIELDS = {"name", "namespace", "behavior", "files", "literals", "envs", "options"}
IMAGE_FIELDS = {"name", "newName", "newTag", "digest"}

STATE_DIR = "/var/lib/tagwarden"
CONFIG_DIR = "/etc/tagwarden"
USER_ID = 10001


def kustomization() -> Manifest:
    document = yaml.safe_load((KUSTOMIZE_DIR / "kustomization.yaml").read_text(encoding="utf-8"))
    assert isinstance(document, dict)
    return document


def load_resources() -> list[tuple[str, Manifest]]:
    """(file name, object) for every object in every file the kustomization lists."""
    objects: list[tuple[str, Manifest]] = []
    for name in kustomization()["resources"]:
        path = KUSTOMIZE_DIR / name
        for document in yaml.safe_load_all(path.read_text(encoding="utf-8")):
            if document is not None:
                objects.append((name, document))
    return objects


def generated_config_maps() -> list[Manifest]:
    maps = []
    for generator in kustomization().get("configMapGenerator", []):
        data = {}
        for entry in generator.get("files", []):
            key, _, source = entry.rpartition("=") if "=" in entry else ("", "", entry)
            data[key or Path(source).name] = (KUSTOMIZE_DIR / source).read_text(encoding="utf-8")
        maps.append(
            {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": generator["name"]}, "data": data}
        )
    return maps


def pod_templates(manifest: Manifest) -> list[Manifest]:
    template = manifest.get("spec", {}).get("template")
    return (
        [template]
        if manifest["kind"] in {"Deployment", "StatefulSet", "DaemonSet", "Job"} and template
        else []
    )


def assemble() -> list[Manifest]:
    """What `kustomize build deploy/kubernetes` gives, less the ConfigMap name's hash suffix."""
    config = kustomization()
    objects = [copy.deepcopy(obj) for _, obj in load_resources()] + generated_config_maps()
    for entry in config.get("labels", []):
        for obj in objects:
            obj["metadata"].setdefault("labels", {}).update(entry["pairs"])
            if entry.get("includeTemplates") or entry.get("includeSelectors"):
                for template in pod_templates(obj):
                    template.setdefault("metadata", {}).setdefault("labels", {}).update(entry["pairs"])
    for image in config.get("images", []):
        for obj in objects:
            for template in pod_templates(obj):
                for container in template["spec"].get("containers", []):
                    name, _, tag = container["image"].partition(":")
                    if name == image["name"]:
                        new_name = image.get("newName", name)
                        new_tag = image.get("newTag", tag)
                        container["image"] = f"{new_name}:{new_tag}" if new_tag else new_name
    return objects


def the(kind: str) -> Manifest:
    (found,) = [obj for obj in assemble() if obj["kind"] == kind]
    return found


def validate(manifest: Manifest, version: str) -> None:
    """Validate one object; raises on any problem, including a kind nothing can check."""
    schema = CRD_SCHEMAS.get((manifest["apiVersion"], manifest["kind"]))
    if schema is not None:
        jsonschema.validate(manifest, schema, cls=jsonschema.Draft202012Validator)
        return
    kubernetes_validate.validate(manifest, version, strict=True)


def object_id(manifest: Manifest) -> str:
    return f"{manifest['kind']}/{manifest['metadata']['name']}"


# --- the kustomization itself ---------------------------------------------------------------


def test_kustomization_uses_only_known_fields() -> None:
    config = kustomization()
    assert config["apiVersion"] == "kustomize.config.k8s.io/v1beta1"
    assert config["kind"] == "Kustomization"
    assert set(config) <= KUSTOMIZATION_FIELDS, set(config) - KUSTOMIZATION_FIELDS
    assert "commonLabels" not in config, "commonLabels rewrites selectors; use labels"
    for entry in config.get("labels", []):
        assert set(entry) <= LABELS_ENTRY_FIELDS
        assert not entry.get("includeSelectors"), "selectors of a live Deployment cannot change"
    for generator in config["configMapGenerator"]:
        assert set(generator) <= GENERATOR_FIELDS
    for image in config.get("images", []):
        assert set(image) <= IMAGE_FIELDS


def test_every_listed_resource_and_generator_file_exists() -> None:
    config = kustomization()
    for name in config["resources"]:
        assert (KUSTOMIZE_DIR / name).is_file(), f"resource {name} is missing"
    files = [entry for generator in config["configMapGenerator"] for entry in generator["files"]]
    assert sorted(files) == ["config/policy.yaml", "config/tagwarden.yaml"]
    for entry in files:
        assert (KUSTOMIZE_DIR / entry).is_file(), f"configMapGenerator file {entry} is missing"


def test_no_manifest_is_left_out_of_the_kustomization() -> None:
    listed = set(kustomization()["resources"])
    on_disk = {path.name for path in KUSTOMIZE_DIR.glob("*.yaml")} - {"kustomization.yaml"}
    assert on_disk == listed


def test_the_base_has_the_expected_objects_once_each() -> None:
    ids = [object_id(obj) for obj in assemble()]
    assert len(ids) == len(set(ids)), ids
    assert sorted(obj["kind"] for obj in assemble()) == sorted(
        ["ConfigMap", "Deployment", "NetworkPolicy", "PersistentVolumeClaim", "PrometheusRule", "Service",
         "ServiceAccount", "ServiceMonitor"]
    )  # fmt: skip


# --- schema validation ----------------------------------------------------------------------


@pytest.mark.parametrize("version", KUBERNETES_VERSIONS)
def test_every_object_validates(version: str) -> None:
    assert KUBERNETES_VERSIONS, "kubernetes-validate ships no schema for 1.29 or later"
    for manifest in assemble():
        try:
            validate(manifest, version)
        except SchemaNotFoundError:
            pytest.fail(
                f"{object_id(manifest)}: no schema for {manifest['apiVersion']} in Kubernetes {version}"
            )
        except (kubernetes_validate.ValidationError, jsonschema.ValidationError) as exc:
            path = ".".join(str(part) for part in exc.path)
            pytest.fail(f"{object_id(manifest)} is invalid for Kubernetes {version} at {path}: {exc.message}")


def test_every_raw_resource_file_validates_too() -> None:
    """The files as written, before the transformers: what `kubectl apply -f` would see."""
    resources = load_resources()
    assert "Deployment" in {manifest.get("kind") for _, manifest in resources}
    for name, manifest in resources:
        try:
            validate(manifest, KUBERNETES_VERSIONS[-1])
        except (kubernetes_validate.ValidationError, jsonschema.ValidationError) as exc:
            pytest.fail(f"{name}: {exc.message}")


def test_crd_kinds_are_unknown_to_kubernetes_validate() -> None:
    """Why crd_schemas.py exists: kubernetes-validate has no schema for operator kinds."""
    for kind in ("ServiceMonitor", "PrometheusRule"):
        with pytest.raises(SchemaNotFoundError):
            kubernetes_validate.validate(the(kind), KUBERNETES_VERSIONS[-1], strict=True)


@pytest.mark.parametrize(
    ("kind", "mutate"),
    [
        ("Deployment", lambda m: m["spec"]["template"]["spec"]["containers"][0]["securityContext"].update(
            readOnlyRootFilesytem=True)),
        ("Deployment", lambda m: m["spec"].update(replicas="one")),
        ("Service", lambda m: m["spec"]["ports"][0].update(port="http")),
        ("ServiceMonitor", lambda m: m["spec"]["endpoints"][0].update(intervall="30s")),
        ("ServiceMonitor", lambda m: m["spec"]["endpoints"][0].update(interval="30 seconds")),
        ("ServiceMonitor", lambda m: m["spec"].pop("selector")),
        ("PrometheusRule", lambda m: m["spec"]["groups"][0]["rules"][0].update(record="x")),
        ("PrometheusRule", lambda m: m["spec"]["groups"][0]["rules"][0].update(**{"for": "five minutes"})),
        ("PrometheusRule", lambda m: m["spec"]["groups"][0]["rules"][0].pop("expr")),
        ("PrometheusRule", lambda m: m["spec"]["groups"][0]["rules"][0]["labels"].update(severity=3)),
    ],
    ids=["typo", "wrong-type", "port-name", "sm-typo", "sm-duration", "sm-no-selector",
         "rule-alert-and-record", "rule-duration", "rule-no-expr", "rule-label-type"],
)  # fmt: skip
def test_validation_rejects_broken_objects(kind: str, mutate: Any) -> None:
    """The validators are not vacuous: a typo or a wrong type in each kind fails."""
    broken = copy.deepcopy(the(kind))
    mutate(broken)
    with pytest.raises((kubernetes_validate.ValidationError, jsonschema.ValidationError)):
        validate(broken, KUBERNETES_VERSIONS[-1])


# --- the generated ConfigMap: tagwarden.yaml and policy.yaml --------------------------------


def daemon_config() -> Manifest:
    config = yaml.safe_load((KUSTOMIZE_DIR / "config" / "tagwarden.yaml").read_text(encoding="utf-8"))
    assert isinstance(config, dict)
    return config


def test_daemon_config_has_the_agreed_keys() -> None:
    config = daemon_config()
    assert set(config) >= {"policy", "store", "http", "aws", "sources"}
    assert config["policy"] == "policy.yaml"
    assert config["store"]["url"] == f"sqlite:///{STATE_DIR}/state.db"
    assert config["http"]["listen"] == "0.0.0.0:9464"
    assert re.fullmatch(r"[a-z]{2}(-[a-z]+)+-\d", config["aws"]["region"])
    (source,) = config["sources"]
    assert source["type"] == "sqs"
    assert re.fullmatch(r"https://sqs\.[a-z0-9-]+\.amazonaws\.com/\d{12}/[\w-]+", source["queue_url"])
    assert 1 <= source["wait_seconds"] <= 20, "SQS long polling waits at most 20 seconds"


def test_config_map_passes_tagwarden_check_config(tmp_path: Path) -> None:
    """tagwarden's own loader accepts the config and the policy, as mounted in the pod."""
    (config_map,) = generated_config_maps()
    for key, content in config_map["data"].items():
        (tmp_path / key).write_text(content, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TAGWARDEN_", "AWS_"))}
    result = subprocess.run(
        [sys.executable, "-m", "tagwarden", "check-config", "--config", str(tmp_path / "tagwarden.yaml")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=REPO,
        env=env,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ABAC keys: team" in result.stdout


def test_deployment_points_exec_sessions_at_the_config() -> None:
    env = {item["name"]: item.get("value") for item in container().get("env", [])}
    assert env["TAGWARDEN_CONFIG"] == f"{CONFIG_DIR}/tagwarden.yaml"


def test_policy_follows_the_governance_format() -> None:
    policy = yaml.safe_load((KUSTOMIZE_DIR / "config" / "policy.yaml").read_text(encoding="utf-8"))
    assert policy["version"] == 1
    assert policy["abac_keys"] == ["team"]
    ids = [rule["id"] for rule in policy["rules"]]
    assert len(ids) == len(set(ids))
    writer_fields = {"principal", "invoked_by", "principal_tag", "same_as_resource"}
    for rule in policy["rules"]:
        assert set(rule) <= {
            "id",
            "description",
            "keys",
            "accounts",
            "resources",
            "writers",
            "values",
            "severity",
        }
        assert rule["keys"] and rule["writers"]
        for writer in rule["writers"]:
            assert set(writer) <= writer_fields, writer
        assert set(rule["values"]) <= {"allowed", "pattern"}
        if "pattern" in rule["values"]:
            re.compile(rule["values"]["pattern"])
        assert rule["severity"] in {"critical", "high", "warning", "info"}


def test_policy_path_resolves_inside_the_mounted_config_map() -> None:
    (config_map,) = generated_config_maps()
    assert set(config_map["data"]) == {"tagwarden.yaml", "policy.yaml"}
    # policy: is relative to tagwarden.yaml; both are keys of the same ConfigMap volume.
    assert daemon_config()["policy"] in config_map["data"]


# --- the Deployment -------------------------------------------------------------------------


def container() -> Manifest:
    (only,) = the("Deployment")["spec"]["template"]["spec"]["containers"]
    assert isinstance(only, dict)
    return only


def test_deployment_runs_one_writer() -> None:
    spec = the("Deployment")["spec"]
    assert spec["replicas"] == 1
    assert spec["strategy"] == {"type": "Recreate"}, "a rolling update would run two SQLite writers"
    assert the("PersistentVolumeClaim")["spec"]["accessModes"] == ["ReadWriteOnce"]


def test_deployment_probes_resources_and_shutdown() -> None:
    pod = the("Deployment")["spec"]["template"]["spec"]
    main = container()
    assert main["ports"] == [{"name": "http", "containerPort": 9464, "protocol": "TCP"}]
    assert main["livenessProbe"]["httpGet"] == {"path": "/healthz", "port": "http"}
    assert main["readinessProbe"]["httpGet"] == {"path": "/readyz", "port": "http"}
    assert main["startupProbe"]["httpGet"] == {"path": "/healthz", "port": "http"}
    for kind in ("requests", "limits"):
        assert set(main["resources"][kind]) == {"cpu", "memory"}, kind
    # The daemon finishes its batch and exits within 10 s of SIGTERM; leave margin.
    assert pod["terminationGracePeriodSeconds"] == 30
    assert main["image"] == "tagwarden:0.1.0"
    assert main["args"] == ["run", "--config", f"{CONFIG_DIR}/tagwarden.yaml"]
    assert "command" not in main, "keep the image's exec-form ENTRYPOINT"


def test_pod_security() -> None:
    pod = the("Deployment")["spec"]["template"]["spec"]
    assert pod["securityContext"]["runAsNonRoot"] is True
    assert pod["securityContext"]["runAsUser"] == USER_ID
    assert pod["securityContext"]["fsGroup"] == USER_ID, "the state volume must be writable by the user"
    assert pod["securityContext"]["seccompProfile"] == {"type": "RuntimeDefault"}
    context = container()["securityContext"]
    assert context["readOnlyRootFilesystem"] is True
    assert context["allowPrivilegeEscalation"] is False
    assert context["runAsNonRoot"] is True
    assert context["runAsUser"] == USER_ID
    assert context["capabilities"] == {"drop": ["ALL"]}
    assert context["seccompProfile"] == {"type": "RuntimeDefault"}
    assert not pod.get("hostNetwork") and not pod.get("hostPID")


def test_volumes_and_mounts() -> None:
    pod = the("Deployment")["spec"]["template"]["spec"]
    volumes = {volume["name"]: volume for volume in pod["volumes"]}
    mounts = {mount["mountPath"]: mount for mount in container()["volumeMounts"]}
    assert set(mounts) == {CONFIG_DIR, STATE_DIR, "/tmp"}
    config_volume = volumes[mounts[CONFIG_DIR]["name"]]
    assert config_volume["configMap"]["name"] == the("ConfigMap")["metadata"]["name"]
    assert mounts[CONFIG_DIR]["readOnly"] is True
    state_volume = volumes[mounts[STATE_DIR]["name"]]
    assert (
        state_volume["persistentVolumeClaim"]["claimName"] == the("PersistentVolumeClaim")["metadata"]["name"]
    )
    assert "emptyDir" in volumes[mounts["/tmp"]["name"]]
    # The store lives on the claim, so it survives restarts.
    assert daemon_config()["store"]["url"].removeprefix("sqlite:///").startswith(STATE_DIR + "/")


def test_service_account_is_annotated_for_irsa() -> None:
    account = the("ServiceAccount")
    assert the("Deployment")["spec"]["template"]["spec"]["serviceAccountName"] == account["metadata"]["name"]
    role = account["metadata"]["annotations"]["eks.amazonaws.com/role-arn"]
    assert re.fullmatch(r"arn:aws:iam::\d{12}:role/[\w+=,.@/-]+", role)
    # The pod identity webhook needs the service account token mounted.
    assert the("Deployment")["spec"]["template"]["spec"].get("automountServiceAccountToken", True) is True


# --- Service, ServiceMonitor, PrometheusRule ------------------------------------------------


def selects(selector: dict[str, str], labels: dict[str, str]) -> bool:
    return all(labels.get(key) == value for key, value in selector.items())


def test_service_reaches_the_pod_and_the_monitor_reaches_the_service() -> None:
    deployment, service, monitor = the("Deployment"), the("Service"), the("ServiceMonitor")
    pod_labels = deployment["spec"]["template"]["metadata"]["labels"]
    assert selects(deployment["spec"]["selector"]["matchLabels"], pod_labels)
    assert selects(service["spec"]["selector"], pod_labels)
    (port,) = service["spec"]["ports"]
    assert port["targetPort"] == container()["ports"][0]["name"]
    assert selects(monitor["spec"]["selector"]["matchLabels"], service["metadata"]["labels"])
    (endpoint,) = monitor["spec"]["endpoints"]
    assert endpoint["port"] == port["name"]
    assert endpoint["path"] == "/metrics"


def seconds(duration: str) -> int:
    units = {"h": 3600, "m": 60, "s": 1}
    return sum(int(n) * units[u] for n, u in re.findall(r"(\d+)([hms])", duration))


def test_scrape_gives_the_job_label_the_alerts_expect() -> None:
    monitor, service = the("ServiceMonitor"), the("Service")
    # The operator takes job from this Service label (else from the Service's name).
    job = service["metadata"]["labels"][monitor["spec"]["jobLabel"]]
    assert job == "tagwarden"
    assert f'up{{job="{job}"}}' in ALERTS_FILE.read_text(encoding="utf-8")
    (endpoint,) = monitor["spec"]["endpoints"]
    assert seconds(endpoint["scrapeTimeout"]) <= seconds(endpoint["interval"])


def test_prometheus_rule_holds_exactly_the_groups_of_alerts_yaml() -> None:
    rule_file = yaml.safe_load(ALERTS_FILE.read_text(encoding="utf-8"))
    assert the("PrometheusRule")["spec"]["groups"] == rule_file["groups"]


def test_prometheus_rule_is_generated_and_up_to_date() -> None:
    result = subprocess.run(
        [sys.executable, str(PROMETHEUS_DIR / "sync_rule.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_sync_rule_notices_a_stale_manifest(tmp_path: Path) -> None:
    stale = tmp_path / "prometheusrule.yaml"
    stale.write_text(
        (KUSTOMIZE_DIR / "prometheusrule.yaml").read_text(encoding="utf-8").replace("for: 5m", "for: 6m"),
        encoding="utf-8",
    )
    script = str(PROMETHEUS_DIR / "sync_rule.py")
    check = [sys.executable, script, "--output", str(stale), "--check"]
    assert subprocess.run(check, capture_output=True, timeout=60, check=False).returncode == 1
    rewrite = [sys.executable, script, "--output", str(stale)]
    assert subprocess.run(rewrite, capture_output=True, timeout=60, check=False).returncode == 0
    assert stale.read_text(encoding="utf-8") == (KUSTOMIZE_DIR / "prometheusrule.yaml").read_text(
        encoding="utf-8"
    )
