"""The UI: a real webserver on 127.0.0.1 serves the assets, partitions, checks, sensor and schedule."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]
WEBSERVER = Path(sys.executable).parent / "dagster-webserver"
QUERY = """
{
  assetNodes {
    assetKey { path }
    isPartitioned
    partitionDefinition { type }
    assetChecksOrError { ... on AssetChecks { checks { name blocking } } }
  }
  repositoriesOrError {
    ... on RepositoryConnection {
      nodes { sensors { name } schedules { name cronSchedule } jobs { name } }
    }
  }
}
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str, payload: dict | None = None) -> bytes:
    data = json.dumps(payload).encode() if payload is not None else None
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.read()


@pytest.fixture()
def webserver(tmp_path: Path):
    home = tmp_path / "dagster_home"
    home.mkdir()
    (home / "dagster.yaml").write_text("telemetry:\n  enabled: false\n", encoding="utf-8")
    port = _free_port()
    log = (tmp_path / "webserver.log").open("wb")
    process = subprocess.Popen(
        [str(WEBSERVER), "-h", "127.0.0.1", "-p", str(port), "-m", "pipeline.definitions"],
        cwd=PROJECT,
        env={**os.environ, "DAGSTER_HOME": str(home)},
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group, so the code server it spawns is stopped too
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180
        while True:
            try:
                _get(f"{base}/server_info")
                break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(
                        f"webserver did not start:\n{(tmp_path / 'webserver.log').read_text()[-3000:]}"
                    )
                time.sleep(0.5)
        yield base
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        log.close()


def test_graphql_lists_assets_checks_sensor_and_schedule(webserver: str) -> None:
    answer = json.loads(_get(f"{webserver}/graphql", {"query": QUERY}))
    assert "errors" not in answer, answer
    nodes = {"/".join(n["assetKey"]["path"]): n for n in answer["data"]["assetNodes"]}
    assert set(nodes) == {
        "document_extraction",
        "memberships",
        "agreements",
        "missions",
        "documents",
        "evidence",
        "conflicts",
        "rejections",
        "release",
    }
    assert nodes["document_extraction"]["isPartitioned"]
    assert nodes["document_extraction"]["partitionDefinition"]["type"] == "DYNAMIC"
    checks = {c["name"]: c["blocking"] for n in nodes.values() for c in n["assetChecksOrError"]["checks"]}
    assert checks["evidence_references_exist"] and checks["evidence_ids_are_unique"]
    assert checks["memberships_matches_contract"] and checks["evidence_is_exact_and_complete"]
    assert checks["memberships_row_drift"] is False
    (repository,) = answer["data"]["repositoriesOrError"]["nodes"]
    assert [s["name"] for s in repository["sensors"]] == ["corpus_sensor"]
    assert repository["schedules"] == [{"name": "daily_release", "cronSchedule": "0 4 * * *"}]
    assert {"extract_documents", "publish_dataset"} <= {j["name"] for j in repository["jobs"]}
