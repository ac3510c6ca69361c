"""Who can reach the daemon in the cluster: /api/findings (every finding's tags and principals)
needs the bearer token from a Secret, and only the monitoring namespace reaches the port."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from tagwarden.app.config import load_config
from tests.deploy import test_kubernetes_ha as ha
from tests.deploy.test_kubernetes import container, daemon_config, generated_config_maps, selects, the

TOKEN_VARIABLE = "TAGWARDEN_HTTP__TOKEN"


def test_the_api_token_comes_from_a_secret_the_pod_cannot_start_without() -> None:
    for pod in (the("Deployment"), ha.the("Deployment")):
        (only,) = pod["spec"]["template"]["spec"]["containers"]
        env = {item["name"]: item for item in only["env"]}
        reference = env[TOKEN_VARIABLE]["valueFrom"]["secretKeyRef"]
        assert reference == {"name": "tagwarden-api-token", "key": "token"}, "optional would leave /api open"
    assert "token" not in daemon_config().get("http", {}), "no token in a ConfigMap"


def test_the_configuration_with_the_secret_s_token_protects_the_findings(tmp_path: Path) -> None:
    (config_map,) = generated_config_maps()
    for name, text in config_map["data"].items():
        (tmp_path / name).write_text(text)
    settings = load_config(tmp_path / "tagwarden.yaml", env={TOKEN_VARIABLE: "0042317766113"}).settings
    assert settings.http.token == "0042317766113"  # the daemon then asks it on /api and /findings


def test_only_the_monitoring_namespace_reaches_the_daemon_s_port() -> None:
    policy = the("NetworkPolicy")["spec"]
    pod_labels = the("Deployment")["spec"]["template"]["metadata"]["labels"]
    assert selects(policy["podSelector"]["matchLabels"], pod_labels)
    assert policy["policyTypes"] == ["Ingress"], "egress (AWS APIs, Alertmanager) stays open"
    (rule,) = policy["ingress"]
    assert rule["ports"] == [{"port": container()["ports"][0]["name"], "protocol": "TCP"}]
    (peer,) = rule["from"]
    assert set(peer) == {"namespaceSelector"}
    # The namespace the config already sends alerts to (alertmanager-operated.<namespace>).
    (sink,) = daemon_config()["sinks"]
    namespace = urlsplit(sink["url"]).hostname.split(".")[1]  # type: ignore[union-attr]
    assert peer["namespaceSelector"] == {"matchLabels": {"kubernetes.io/metadata.name": namespace}}
