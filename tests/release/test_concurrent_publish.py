"""Concurrent publishers are serialised by the release root's lock: no lost, doubled or torn release."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from release_fixtures import CHANGE, EGYPT, GHANA, KENYA

from pipeline.release.verify import verify

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parents[1]
PUBLISH = (
    "import sys, time; from pathlib import Path; sys.path.insert(0, sys.argv[1]);"
    "from release_fixtures import release; release(Path(sys.argv[2]), sys.argv[3]);"
    "print(time.time())"
)
HOLD_LOCK = (
    "import sys, time; from pathlib import Path;"
    "from pipeline.release.layout import publish_lock\n"
    "with publish_lock(Path(sys.argv[1])):\n"
    "    Path(sys.argv[2]).write_text('held')\n"
    "    time.sleep(float(sys.argv[3]))\n"
    "    released = time.time()\n"
    "print(released)"
)


def _spawn(*args: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(PROJECT)}
    return subprocess.Popen(
        [sys.executable, "-c", *args],
        env=env,
        cwd=PROJECT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _finish(process: subprocess.Popen) -> str:
    out, err = process.communicate(timeout=180)
    assert process.returncode == 0, err
    return out.strip().splitlines()[-1]


def test_a_publisher_waits_for_the_lock_holder(tmp_path: Path) -> None:
    root, marker = tmp_path / "releases", tmp_path / "held"
    holder = _spawn(HOLD_LOCK, str(root), str(marker), "3")
    deadline = time.time() + 60
    while not marker.exists():
        assert time.time() < deadline and holder.poll() is None
        time.sleep(0.05)
    publisher = _spawn(PUBLISH, str(HERE), str(root), KENYA)
    published_at = float(_finish(publisher))
    released_at = float(_finish(holder))
    assert published_at >= released_at  # the publisher could only finish after the lock was released
    assert json.loads((root / "latest.json").read_text())["version"] == "0.1.0"


def test_parallel_publishers_each_make_one_whole_release(tmp_path: Path) -> None:
    root = tmp_path / "releases"
    texts = [KENYA, KENYA + GHANA, KENYA + EGYPT, KENYA + CHANGE]
    processes = [_spawn(PUBLISH, str(HERE), str(root), text) for text in texts]
    for process in processes:
        _finish(process)
    index = json.loads((root / "index.json").read_text())
    versions = [entry["version"] for entry in index["releases"]]
    assert len(versions) == len(texts) == len(set(versions))  # one release each, none lost or doubled
    assert [e["status"] for e in index["releases"]].count("current") == 1
    assert json.loads((root / "latest.json").read_text())["version"] == versions[-1]
    previous = [
        json.loads((root / f"v{v}" / "manifest.json").read_text())["previous_version"] for v in versions
    ]
    assert previous == [None, *versions[:-1]]  # a chain: each publisher saw the one before it
    root_problems, reports = verify(root)
    assert not root_problems and all(r.ok for r in reports)
    assert not [p.name for p in root.iterdir() if p.name.startswith(".staging-")]
