"""Scale benchmark: full builds of generated corpora and an incremental rebuild.

For each size (default 100, 1,000 and 10,000 documents) it generates a corpus
(`generate_corpus.py`), runs `spacecoop build` on it in a fresh process with a fresh DAGSTER_HOME and
output folder, and records wall time, documents/s, MB/s and the peak resident memory of the build
process. On the 1,000-document corpus it then changes one document and rebuilds (and rebuilds once
more with nothing changed), and runs the per-document partitions over the whole corpus as one run
(`partition_backfill.py`) to measure Dagster's per-partition cost.

Python bytecode is cached in <workdir>/pycache (PYTHONPYCACHEPREFIX), as on a normal install; if the
environment sets PYTHONDONTWRITEBYTECODE every process would recompile Dagster (~6 s here).

    .venv/bin/python benchmarks/run_benchmark.py                    # 100, 1,000, 10,000
    .venv/bin/python benchmarks/run_benchmark.py --sizes 100,1000   # quicker
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent
sys.path.insert(0, str(HERE))

from generate_corpus import generate  # noqa: E402

SPACECOOP = [sys.executable, "-m", "pipeline.cli"]
CHANGE = "\nKenya joined the International Lunar Research Station in 2025, officials said.\n"


def machine() -> dict:
    cpu = "unknown"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        found = re.search(r"model name\s*:\s*(.+)", cpuinfo.read_text())
        cpu = found.group(1).strip() if found else cpu
    memory = "unknown"
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        found = re.search(r"MemTotal:\s*(\d+) kB", meminfo.read_text())
        memory = f"{int(found.group(1)) / 1e6:.1f} GB" if found else memory
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory": memory,
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def run(command: list[str], env: dict[str, str]) -> dict:
    """Run `command`; return wall seconds, peak RSS (MB) of the process and its output."""
    logs = Path(env["DAGSTER_HOME"])
    with (logs / "stdout.txt").open("w+") as out, (logs / "stderr.txt").open("w+") as err:
        load = os.getloadavg()[0]
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=PROJECT, env=env, stdout=out, stderr=err, text=True)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}):\n{stdout}\n{stderr[-4000:]}")
    return {"wall_s": wall, "peak_mb": usage.ru_maxrss / 1024, "load_at_start": load, "stdout": stdout}


def build(corpus: Path, output: Path, env: dict[str, str]) -> dict:
    result = run([*SPACECOOP, "build", "--seeds", str(corpus), "--output", str(output)], env)
    found = re.search(r"read (\d+) documents .*\((\d+) extracted, (\d+) reused", result["stdout"])
    done = re.search(r"done in ([\d.]+) s", result["stdout"])
    result.update(
        documents=int(found.group(1)),
        extracted=int(found.group(2)),
        reused=int(found.group(3)),
        in_process_s=float(done.group(1)),
    )
    del result["stdout"]
    return result


def environment(workdir: Path, home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    home.mkdir(parents=True, exist_ok=True)
    (home / "dagster.yaml").write_text("telemetry:\n  enabled: false\n", encoding="utf-8")
    env.update(DAGSTER_HOME=str(home), PYTHONPYCACHEPREFIX=str(workdir / "pycache"))
    return env


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--rebuild-size", type=int, default=1000)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/spacecoop-benchmark"))
    parser.add_argument("--keep", action="store_true", help="keep corpora and outputs")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    workdir = args.workdir.resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    results: dict = {"machine": machine(), "builds": [], "command": " ".join(sys.argv)}
    print(json.dumps(results["machine"]), flush=True)
    warm = environment(workdir, workdir / "home_warmup")
    run([sys.executable, "-c", "import pipeline.cli, pipeline.definitions"], warm)  # fill the bytecode cache

    for size in sizes:
        corpus, output = workdir / f"corpus_{size}", workdir / f"output_{size}"
        shutil.rmtree(output, ignore_errors=True)
        started = time.perf_counter()
        total_bytes = generate(size, corpus)
        print(
            f"generated {size} documents ({total_bytes / 1e6:.1f} MB), {time.perf_counter() - started:.0f} s"
        )
        env = environment(workdir, workdir / f"home_{size}")
        full = build(corpus, output, env)
        full.update(kind="full build", size=size, mb=total_bytes / 1e6)
        results["builds"].append(full)
        print(json.dumps(full), flush=True)
        if size == args.rebuild_size:
            changed = sorted(corpus.rglob("*.txt"))[size // 2]
            changed.write_bytes(changed.read_bytes() + CHANGE.encode("utf-8"))
            one = build(corpus, output, env)
            one.update(kind="rebuild, 1 document changed", size=size, mb=total_bytes / 1e6)
            results["builds"].append(one)
            print(json.dumps(one), flush=True)
            same = build(corpus, output, env)
            same.update(kind="rebuild, nothing changed", size=size, mb=total_bytes / 1e6)
            results["builds"].append(same)
            print(json.dumps(same), flush=True)
            backfill = run(
                [sys.executable, str(HERE / "partition_backfill.py"), str(corpus), str(output)],
                environment(workdir, workdir / f"home_partitions_{size}"),
            )
            match = re.search(r"run ([\d.]+) s", backfill["stdout"])
            results["partition_run"] = {
                "size": size,
                "run_s": float(match.group(1)),
                "wall_s": backfill["wall_s"],
                "peak_mb": backfill["peak_mb"],
            }
            print(json.dumps(results["partition_run"]), flush=True)
        if not args.keep:
            shutil.rmtree(output, ignore_errors=True)
            shutil.rmtree(corpus, ignore_errors=True)

    (workdir / "results.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    print()
    print(
        "| build | documents | MB | wall (s) | in process (s) | documents/s | MB/s | peak RSS (MB) | load |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for b in results["builds"]:
        print(
            f"| {b['kind']} | {b['size']:,} | {b['mb']:.1f} | {b['wall_s']:.1f} | {b['in_process_s']:.1f} | "
            f"{b['size'] / b['wall_s']:.1f} | {b['mb'] / b['wall_s']:.2f} | {b['peak_mb']:.0f} | "
            f"{b['load_at_start']:.1f} |"
        )
    full = {b["size"]: b for b in results["builds"] if b["kind"] == "full build"}
    rebuild = next((b for b in results["builds"] if b["kind"].startswith("rebuild, 1")), None)
    if rebuild and rebuild["size"] in full:
        share = rebuild["wall_s"] / full[rebuild["size"]]["wall_s"]
        print(f"\nrebuild after changing 1 of {rebuild['size']:,}: {share:.0%} of the full build's wall time")
    if "partition_run" in results:
        p = results["partition_run"]
        print(f"one run over {p['size']:,} partitions (cache warm): {p['run_s']:.1f} s")


if __name__ == "__main__":
    main()
