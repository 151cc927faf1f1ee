"""Writes racing through a real threaded server on the real store (both engines): nothing refused,
lost or duplicated by a race between requests."""
import json
from concurrent.futures import ThreadPoolExecutor

from service.models import Actor, ActorAlias, EventActor
from tests import factories as f
from tests.integration.test_concurrency import _request

# invented: one new person, reported by six articles about six different meetings
PARTNERS = ["Oskar Brandvold", "Tilde Marcussen", "Joris Vanhoeck", "Anneli Kivisto", "Pavo Rendic", "Rui Albergaria"]
CITIES = ["Tromso", "Aarhus", "Ghent", "Tartu", "Split", "Braga"]


def _article(n):
    return {"key": f"vantongeren-{n}", "text": (
        f"Published: March {n + 2}, 2025\n\n{CITIES[n]}, March {n + 2}. Belgian Foreign Minister Liesel "
        f"Vantongeren met {PARTNERS[n]} in {CITIES[n]} on Monday to discuss port security, her ministry said.\n")}


def test_articles_bringing_in_the_same_new_person_at_once_make_one_actor(server, db, key):
    auth = {"Authorization": f"Bearer {key}"}
    _request(server, "POST", "/v1/documents", {"text": "Warm-up: the pipeline loads once, here."}, auth)

    def push(n):
        status, _, body = _request(server, "POST", "/v1/documents", _article(n), auth)
        return status, json.loads(body)

    with ThreadPoolExecutor(max_workers=6) as pool:
        results = list(pool.map(push, range(6)))
    assert [status for status, _ in results] == [201] * 6, results
    people = [a.slug for a in Actor.select().where(Actor.name.contains("Vantongeren"))]
    assert people == ["liesel-vantongeren"]
    actor = Actor.get(Actor.slug == "liesel-vantongeren")
    assert EventActor.select().where(EventActor.actor == actor).count() == 6
    assert len({event for _, body in results for event in body["events_created"]}) == 6


def test_opposite_merges_at_once_one_wins_and_nothing_is_lost(server, db, key):
    auth = {"Authorization": f"Bearer {key}"}
    pairs = []
    for n in range(5):
        left = f.actor(f"Marit Solberg{'a' * n}", "NO")
        right = f.actor(f"M. Solberg{'a' * n}", None, slug=f"m-solberg-{n}")
        shared = f.event(f"Meeting {n}", participants=[left, right])
        own = [f.event(f"Talk {n}-{side}", participants=[who]) for side, who in enumerate((left, right))]
        pairs.append((left.id, right.id, {shared.id, *(e.id for e in own)}))

    def merge(job):
        target, duplicate = job
        return _request(server, "POST", f"/v1/participants/{target}/merge", {"duplicate": duplicate}, auth)[::2]

    jobs = [job for left, right, _ in pairs for job in ((left, right), (right, left))]
    with ThreadPoolExecutor(max_workers=10) as pool:
        answers = list(pool.map(merge, jobs))
    for n, (left, right, events) in enumerate(pairs):
        (first, body_a), (second, body_b) = answers[2 * n], answers[2 * n + 1]
        assert sorted((first, second)) in ([200, 404], [200, 422]), answers
        winner = json.loads(body_a if first == 200 else body_b)
        kept = winner["participant"]["id"]
        assert {kept, winner["merged"]} == {left, right}
        assert [a.id for a in Actor.select().where(Actor.id.in_([left, right]))] == [kept]
        linked = {link.event_id for link in EventActor.select().where(EventActor.actor == kept)}
        assert linked == events
        assert ActorAlias.select().where(ActorAlias.actor == kept).count() >= 2
