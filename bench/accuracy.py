"""Score the extractor on the seeds and the dev corpus, by half, with the shared scorer; optionally gate.

    python bench/accuracy.py [--eval ../shared/eval] [--min-seeds-strict 0.9] [--min-dev-strict 0.8]

Each set is loaded with `timeline load` into a fresh SQLite file and exported with `timeline
export --format ndjson`, exactly as a user would, then scored by the evaluation's own
`score.py`. The sets: the seeds; the whole dev corpus; the half developed on (articles 0xx and
2xx) and the half held out to check on (3xx). With a --min-* option the script exits 1 when a
score is below it (CI uses this as a gate).
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIELDS = ("event_f1", "strict_f1", "date_accuracy", "channel_accuracy", "country_accuracy", "location_accuracy",
          "topic_recall", "cross_document_merged", "over_merged_events")


def timeline(*args, db):
    exe = shutil.which("timeline", path=str(Path(sys.executable).parent)) or "timeline"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{db}"}
    return subprocess.run([exe, *args], env=env, capture_output=True, text=True, check=False)


def score_set(name, folder, gold_lines, scorer, work):
    db = work / f"{name}.db"
    docs = work / f"{name}-docs"
    docs.mkdir()
    for line in gold_lines:
        key = json.loads(line)["document"]
        shutil.copy(folder / key, docs / key)
    gold = work / f"{name}.gold.jsonl"
    gold.write_text("".join(gold_lines), encoding="utf-8")
    loaded = timeline("load", str(docs), db=db)
    if loaded.returncode not in (0, 1):  # 1: some article was refused; it is scored as missing
        sys.exit(f"accuracy: timeline load failed for {name}: {loaded.stderr.strip()[-300:]}")
    exported = timeline("export", "--format", "ndjson", "-o", str(work / f"{name}.ndjson"), db=db)
    if exported.returncode != 0:
        sys.exit(f"accuracy: timeline export failed for {name}: {exported.stderr.strip()[-300:]}")
    out = subprocess.run([sys.executable, str(scorer), str(gold), str(work / f"{name}.ndjson"), "--json"],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--min-seeds-strict", type=float)
    parser.add_argument("--min-dev-strict", type=float)
    args = parser.parse_args()
    scorer = args.eval / "score.py"
    if not scorer.exists():
        sys.exit(f"accuracy: no scorer at {scorer}")
    dev = (args.eval / "dev.gold.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    sets = {
        "seeds": (ROOT / "seeds", (args.eval / "seeds.gold.jsonl").read_text(encoding="utf-8").splitlines(True)),
        "dev (all)": (args.eval / "dev", dev),
        "dev: developed on (0xx, 2xx)": (args.eval / "dev", [g for g in dev if not _key(g).startswith("3")]),
        "dev: held out (3xx)": (args.eval / "dev", [g for g in dev if _key(g).startswith("3")]),
    }
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n, (name, (folder, lines)) in enumerate(sets.items()):
            if not lines:
                continue
            work = Path(tmp) / str(n)
            work.mkdir()
            results[name] = score_set(str(n), folder, lines, scorer, work)
    width = max(map(len, results))
    print(f"{'set':<{width}}  " + "  ".join(f.replace("_accuracy", "") for f in FIELDS))
    for name, r in results.items():
        print(f"{name:<{width}}  " + "  ".join(f"{_value(r.get(f)):>{len(f.replace('_accuracy', ''))}}"
                                               for f in FIELDS))
    failed = []
    if args.min_seeds_strict is not None and results["seeds"]["strict_f1"] < args.min_seeds_strict:
        failed.append(f"seeds strict_f1 {results['seeds']['strict_f1']} < {args.min_seeds_strict}")
    if args.min_dev_strict is not None and results.get("dev (all)", {}).get("strict_f1", 0) < args.min_dev_strict:
        failed.append(f"dev strict_f1 {results['dev (all)']['strict_f1']} < {args.min_dev_strict}")
    for line in failed:
        print(f"accuracy gate failed: {line}", file=sys.stderr)
    return 1 if failed else 0


def _key(line):
    return json.loads(line)["document"]


def _value(v):
    return "-" if v is None else str(v)


if __name__ == "__main__":
    sys.exit(main())
