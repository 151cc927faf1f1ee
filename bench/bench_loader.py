"""Time the loader against bare spaCy over the same texts, in one run, and print the ratio.

    python bench/bench_loader.py [--copies N] [--folder seeds/]

Bare: `nlp.pipe` over the texts (the floor: parsing alone). Loader: `ingest_articles` into a
fresh SQLite file (extraction, resolution, merging, storage). Copies of each article get a
distinct last line, so every copy is a new document and nothing is skipped as unchanged.
"""
import argparse
import tempfile
import time
import tracemalloc
from pathlib import Path


def texts_from(folder, copies):
    base = [p.read_text(encoding="utf-8") for p in sorted(Path(folder).glob("*.txt"))]
    return [(f"{i}-{n}", f"{text}\n\n(bench copy {n})") for n in range(copies) for i, text in enumerate(base)]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", default=str(Path(__file__).resolve().parent.parent / "seeds"))
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--batch-size", type=int, default=16)
    args = parser.parse_args()

    from service import db
    from service.migrate import migrate
    from service.nlp.pipeline import load_nlp
    from service.nlp.types import ArticleInput

    nlp = load_nlp()
    items = texts_from(args.folder, args.copies)
    list(nlp.pipe(["warm up the pipeline."]))

    started = time.perf_counter()
    for _ in nlp.pipe([text for _, text in items], batch_size=args.batch_size):
        pass
    bare = time.perf_counter() - started

    with tempfile.TemporaryDirectory() as tmp:
        db.bind(f"sqlite:///{tmp}/bench.db")
        db.database.connect()
        migrate()
        from service.ingest import ingest_articles

        tracemalloc.start()
        started = time.perf_counter()
        results = list(ingest_articles((ArticleInput(key=k, text=t) for k, t in items), batch_size=args.batch_size))
        loader = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        db.database.close()

    failed = sum(r.status == "failed" for r in results)
    chars = sum(len(t) for _, t in items)
    print(f"articles: {len(items)} ({chars} characters), failed: {failed}")
    print(f"bare nlp.pipe: {bare:.2f}s  ({len(items) / bare:.1f} articles/s)")
    rate = len(items) / loader
    print(f"loader:        {loader:.2f}s  ({rate:.1f} articles/s), python heap peak {peak / 2**20:.1f} MiB")
    print(f"loader / bare spaCy ratio: {loader / bare:.2f}")


if __name__ == "__main__":
    main()
