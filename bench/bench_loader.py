"""Time the loader against bare spaCy over the same texts, in one run, and print the ratio.

    python bench/bench_loader.py [--copies N] [--folder seeds/] [--rounds R]

Bare: en_core_web_sm's own `nlp.pipe` over the texts, none of our components (the floor:
parsing alone). Loader: `ingest_articles` into a fresh SQLite file (extraction, resolution,
merging, storage). Copies of each article get a distinct last line, so every copy is a new
document and nothing is skipped as unchanged.

Bare spaCy and the loader run in turns, R rounds (a fresh store each time); the ratio uses each
one's fastest round, and the median rounds' ratio is printed beside it: on a shared machine
other work only ever slows a round down, so the fastest is the least disturbed. Each time is
also taken as the process's CPU time, which that other work disturbs less than the wall clock
(it leaves out waits: the store's fsyncs). Memory is the process's peak resident set
(tracemalloc would slow the Python side several times and skew the ratio).
"""
import argparse
import resource
import statistics
import tempfile
import time
from pathlib import Path

PARSE_COMPONENTS = {"timeline_publication", "timeline_line_breaks"}


def texts_from(folder, copies):
    base = [p.read_text(encoding="utf-8") for p in sorted(Path(folder).glob("*.txt"))]
    return [(f"{i}-{n}", f"{text}\n\n(bench copy {n})") for n in range(copies) for i, text in enumerate(base)]


def timed(run):
    """(wall seconds, CPU seconds, what run returned)."""
    wall, cpu = time.perf_counter(), time.process_time()
    out = run()
    return time.perf_counter() - wall, time.process_time() - cpu, out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", default=str(Path(__file__).resolve().parent.parent / "seeds"))
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    import spacy

    from service import db
    from service.loading.ingest import ingest_articles
    from service.migrate import migrate
    from service.nlp.pipeline import MODEL, load_nlp
    from service.nlp.types import ArticleInput

    ours = load_nlp()  # the loader's pipeline (the model and our components), loaded outside the timings
    nlp = spacy.load(MODEL)  # bare: the model alone, none of our components
    items = texts_from(args.folder, args.copies)
    texts = [text for _, text in items]
    list(nlp.pipe(["warm up the pipeline."]))
    # the parse our pipeline runs without extracting: the model, the entity ruler and the line breaks
    # (the "bare" of the measurements before the extractor ran as components)
    extraction = [n for n in ours.pipe_names if n.startswith("timeline_") and n not in PARSE_COMPONENTS]

    def bare_run():
        for _ in nlp.pipe(texts, batch_size=args.batch_size):
            pass

    def parse_run():
        with ours.select_pipes(disable=extraction):
            for _ in ours.pipe(texts, batch_size=args.batch_size):
                pass

    def loader_run():
        with tempfile.TemporaryDirectory() as tmp:
            db.bind(f"sqlite:///{tmp}/bench.db")
            db.database.connect()
            migrate()
            try:
                articles = (ArticleInput(key=k, text=t) for k, t in items)
                return list(ingest_articles(articles, batch_size=args.batch_size))
            finally:
                db.database.close()

    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    bare, loader, parse = [], [], []
    for _ in range(args.rounds):
        bare.append(timed(bare_run)[:2])
        *loader_times, results = timed(loader_run)
        loader.append(tuple(loader_times))
        parse.append(timed(parse_run)[:2])
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    failed = sum(r.status == "failed" for r in results)
    chars = sum(len(t) for t in texts)
    words = sum(len(t.split()) for t in texts)
    best = {name: (min(w for w, _ in runs), min(c for _, c in runs))
            for name, runs in (("bare", bare), ("loader", loader), ("parse", parse))}
    median = {name: statistics.median(w for w, _ in runs) for name, runs in (("bare", bare), ("loader", loader))}
    print(f"articles: {len(items)} ({chars} characters, {words} words), failed: {failed}; {args.rounds} rounds")
    print("bare nlp.pipe: " + ", ".join(f"{w:.2f}s" for w, _ in bare)
          + f" (fastest {len(items) / best['bare'][0]:.1f} articles/s)")
    print("loader:        " + ", ".join(f"{w:.2f}s" for w, _ in loader)
          + f" (fastest {len(items) / best['loader'][0]:.1f} articles/s)")
    print(f"peak RSS: {rss_before / 1024:.0f} MiB with spaCy loaded, {rss_after / 1024:.0f} MiB after loading")
    print(f"loader / bare spaCy ratio: {best['loader'][0] / best['bare'][0]:.2f}")
    print(f"loader / our parse without extraction (model + entity ruler + line breaks): "
          f"{best['loader'][0] / best['parse'][0]:.2f}")
    print(f"words/s: loader {words / best['loader'][0]:.0f}, bare {words / best['bare'][0]:.0f}; "
          f"loader vs bare {best['bare'][0] / best['loader'][0]:.2f} (goal >= 0.8; "
          f"median rounds {median['bare'] / median['loader']:.2f})")
    print(f"words per CPU second: loader {words / best['loader'][1]:.0f}, bare {words / best['bare'][1]:.0f}; "
          f"loader vs bare {best['bare'][1] / best['loader'][1]:.2f}")


if __name__ == "__main__":
    main()
