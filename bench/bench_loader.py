"""Time the loader against bare spaCy over the same texts, in one run, and print the ratio.

    python bench/bench_loader.py [--copies N] [--folder seeds/]

Bare: en_core_web_sm's own `nlp.pipe` over the texts, none of our components (the floor:
parsing alone). Loader: `ingest_articles` into a
fresh SQLite file (extraction, resolution, merging, storage). Copies of each article get a
distinct last line, so every copy is a new document and nothing is skipped as unchanged.
Bare spaCy runs before and after the loader, and the ratio uses their mean, so drift in a
shared machine's speed shows up as a gap between the two bare runs. Memory is the process's
peak resident set (tracemalloc would slow the Python side several times and skew the ratio).
"""
import argparse
import resource
import tempfile
import time
from pathlib import Path

PARSE_COMPONENTS = {"timeline_publication", "timeline_line_breaks"}


def texts_from(folder, copies):
    base = [p.read_text(encoding="utf-8") for p in sorted(Path(folder).glob("*.txt"))]
    return [(f"{i}-{n}", f"{text}\n\n(bench copy {n})") for n in range(copies) for i, text in enumerate(base)]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", default=str(Path(__file__).resolve().parent.parent / "seeds"))
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--batch-size", type=int, default=16)
    args = parser.parse_args()

    import spacy

    from service import db
    from service.migrate import migrate
    from service.nlp.pipeline import MODEL, load_nlp
    from service.nlp.types import ArticleInput

    ours = load_nlp()  # the loader's pipeline (the model and our components), loaded outside the timings
    nlp = spacy.load(MODEL)  # bare: the model alone, none of our components
    items = texts_from(args.folder, args.copies)
    list(nlp.pipe(["warm up the pipeline."]))
    # the parse our pipeline runs without extracting: the model, the entity ruler and the line breaks
    # (the "bare" of the measurements before the extractor ran as components)
    extraction = [n for n in ours.pipe_names if n.startswith("timeline_") and n not in PARSE_COMPONENTS]

    def bare_run():
        started = time.perf_counter()
        for _ in nlp.pipe([text for _, text in items], batch_size=args.batch_size):
            pass
        return time.perf_counter() - started

    def parse_run():
        started = time.perf_counter()
        with ours.select_pipes(disable=extraction):
            for _ in ours.pipe([text for _, text in items], batch_size=args.batch_size):
                pass
        return time.perf_counter() - started

    parse = parse_run()

    bare_before = bare_run()
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    with tempfile.TemporaryDirectory() as tmp:
        db.bind(f"sqlite:///{tmp}/bench.db")
        db.database.connect()
        migrate()
        from service.loading.ingest import ingest_articles

        started = time.perf_counter()
        results = list(ingest_articles((ArticleInput(key=k, text=t) for k, t in items), batch_size=args.batch_size))
        loader = time.perf_counter() - started
        db.database.close()
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    bare_after = bare_run()
    bare = (bare_before + bare_after) / 2

    failed = sum(r.status == "failed" for r in results)
    chars = sum(len(t) for _, t in items)
    print(f"articles: {len(items)} ({chars} characters), failed: {failed}")
    print(f"bare nlp.pipe: {bare_before:.2f}s before, {bare_after:.2f}s after ({len(items) / bare:.1f} articles/s)")
    rate = len(items) / loader
    print(f"loader:        {loader:.2f}s  ({rate:.1f} articles/s)")
    print(f"peak RSS: {rss_before / 1024:.0f} MiB with spaCy loaded, {rss_after / 1024:.0f} MiB after loading")
    print(f"loader / bare spaCy ratio: {loader / bare:.2f}")
    parse = (parse + parse_run()) / 2
    print(f"loader / our parse without extraction (model + entity ruler + line breaks): {loader / parse:.2f}")
    words = sum(len(t.split()) for _, t in items)
    print(f"words/s: loader {words / loader:.0f}, bare {words / bare:.0f}; "
          f"loader vs bare {bare / loader:.2f} (goal >= 0.8)")


if __name__ == "__main__":
    main()
