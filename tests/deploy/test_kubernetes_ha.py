"""deploy/kubernetes/overlays/ha: several replicas on PostgreSQL, built and validated like the base.

No kustomize binary here either: the test builds the overlay from the base as kustomize would for
what this overlay uses (extra resources, a merged ConfigMap, a resource deleted with ``$patch:
delete``, JSON 6902 operations on the Deployment), then validates every object for every
Kubernetes version the base is validated for.
"""

from __future__ import annotations

import copy
import os
import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jsonpatch
import pytest
import yaml

from tests.deploy.support import KUSTOMIZE_DIR, REPO
from tests.deploy.test_kubernetes import (
    CONFIG_DIR,
    GENERATOR_FIELDS,
    KUBERNETES_VERSIONS,
    KUSTOMIZATION_FIELDS,
    assemble,
    object_id,
    validate,
)

Manifest = dict[str, Any]
OVERLAY = KUSTOMIZE_DIR / "overlays" / "ha"


def overlay() -> Manifest:
    document = yaml.safe_load((OVERLAY / "kustomization.yaml").read_text(encoding="utf-8"))
    assert isinstance(document, dict)
    return document


def _load(name: str) -> Any:
    return yaml.safe_load((OVERLAY / name).read_text(encoding="utf-8"))


def _matches(obj: Manifest, target: Manifest) -> bool:
    return obj["kind"] == target.get("kind", obj["kind"]) and obj["metadata"]["name"] == target.get(
        "name", obj["metadata"]["name"]
    )


def _merge_config_maps(objects: list[Manifest], config: Manifest) -> None:
    for generator in config.get("configMapGenerator", []):
        assert generator["behavior"] == "merge", "the overlay changes the base's ConfigMap"
        (config_map,) = [
            o for o in objects if o["kind"] == "ConfigMap" and o["metadata"]["name"] == generator["name"]
        ]
        for entry in generator["files"]:
            config_map["data"][Path(entry).name] = (OVERLAY / entry).read_text(encoding="utf-8")


def _apply(objects: list[Manifest], patch: Manifest) -> list[Manifest]:
    document = _load(patch["path"])
    if isinstance(document, dict) and document.get("$patch") == "delete":
        gone = {"kind": document["kind"], "name": document["metadata"]["name"]}
        assert any(_matches(obj, gone) for obj in objects), f"{patch['path']} deletes nothing"
        return [obj for obj in objects if not _matches(obj, gone)]
    targets = [obj for obj in objects if _matches(obj, patch["target"])]
    assert len(targets) == 1, f"{patch['path']} must name one object"
    patched = jsonpatch.apply_patch(targets[0], document)  # raises on a failed "test" operation
    return [patched if obj is targets[0] else obj for obj in objects]


def build() -> list[Manifest]:
    """What `kustomize build deploy/kubernetes/overlays/ha` gives, less the ConfigMap hash."""
    config = overlay()
    objects = [copy.deepcopy(obj) for obj in assemble()]
    for name in config["resources"]:
        if (OVERLAY / name).is_file():
            objects += [
                doc for doc in yaml.safe_load_all((OVERLAY / name).read_text(encoding="utf-8")) if doc
            ]
        else:
            assert (OVERLAY / name).resolve() == KUSTOMIZE_DIR.resolve(), "the one base is deploy/kubernetes"
    _merge_config_maps(objects, config)
    for patch in config["patches"]:
        objects = _apply(objects, patch)
    return objects


def the(kind: str) -> Manifest:
    (found,) = [obj for obj in build() if obj["kind"] == kind]
    return found


def test_the_overlay_uses_only_known_fields_and_lists_every_file() -> None:
    config = overlay()
    assert set(config) <= KUSTOMIZATION_FIELDS
    for generator in config["configMapGenerator"]:
        assert set(generator) <= GENERATOR_FIELDS
    used = {name for name in config["resources"] if (OVERLAY / name).is_file()}
    used |= {patch["path"] for patch in config["patches"]}
    used |= {entry for generator in config["configMapGenerator"] for entry in generator["files"]}
    on_disk = {str(path.relative_to(OVERLAY)) for path in OVERLAY.rglob("*.yaml")} - {"kustomization.yaml"}
    assert on_disk == used


@pytest.mark.parametrize("version", KUBERNETES_VERSIONS)
def test_every_object_of_the_overlay_validates(version: str) -> None:
    objects = build()
    assert "Deployment" in {manifest.get("kind") for manifest in objects}
    for manifest in objects:
        try:
            validate(manifest, version)
        except Exception as exc:
            pytest.fail(f"{object_id(manifest)} is invalid for Kubernetes {version}: {exc}")


def test_replicas_roll_without_a_gap_and_a_drain_keeps_one() -> None:
    spec = the("Deployment")["spec"]
    assert spec["replicas"] >= 2
    assert spec["strategy"] == {
        "type": "RollingUpdate",
        "rollingUpdate": {"maxUnavailable": 0, "maxSurge": 1},
    }
    budget = the("PodDisruptionBudget")["spec"]
    assert budget["minAvailable"] == 1
    pod_labels = spec["template"]["metadata"]["labels"]
    assert all(pod_labels.get(k) == v for k, v in budget["selector"]["matchLabels"].items())
    (spread,) = spec["template"]["spec"]["topologySpreadConstraints"]
    assert spread["topologyKey"] == "kubernetes.io/hostname"


def test_no_claim_and_the_database_url_from_a_secret() -> None:
    objects = build()
    assert not [obj for obj in objects if obj["kind"] == "PersistentVolumeClaim"]
    pod = the("Deployment")["spec"]["template"]["spec"]
    assert all("persistentVolumeClaim" not in volume for volume in pod["volumes"])
    (container,) = pod["containers"]
    names = {volume["name"] for volume in pod["volumes"]}
    assert {mount["name"] for mount in container["volumeMounts"]} <= names
    env = {item["name"]: item for item in container["env"]}
    assert env["TAGWARDEN_STORE__URL"]["valueFrom"] == {
        "secretKeyRef": {"name": "tagwarden-db", "key": "url"}
    }
    config = yaml.safe_load(the("ConfigMap")["data"]["tagwarden.yaml"])
    url = urlsplit(config["store"]["url"])
    assert url.scheme == "postgresql" and url.password is None, "no password in a ConfigMap"
    assert "policy.yaml" in the("ConfigMap")["data"], "the base's policy stays"


def test_the_overlay_config_passes_check_config_with_the_secret_s_url(tmp_path: Path) -> None:
    for key, content in the("ConfigMap")["data"].items():
        (tmp_path / key).write_text(content, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TAGWARDEN_", "AWS_"))}
    env["TAGWARDEN_STORE__URL"] = (
        "postgresql://tagwarden:s3cret@db.internal:5432/tagwarden?sslmode=verify-full"
    )
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
    assert "postgresql://tagwarden:***@db.internal:5432/tagwarden" in result.stdout
    assert "s3cret" not in result.stdout
    assert (
        the("Deployment")["spec"]["template"]["spec"]["containers"][0]["args"][-1]
        == f"{CONFIG_DIR}/tagwarden.yaml"
    )
