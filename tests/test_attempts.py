"""Backoff and signatures of delivery attempts, checked against their definitions."""
import base64
import datetime as dt
import ipaddress
import random

from standardwebhooks import Webhook as Reference

from service.delivery.attempts import Settings, backoff
from service.delivery.hooks import new_secret, sign


def test_backoff_doubles_up_to_the_cap_with_jitter_of_half_to_all():
    settings = Settings(timeout=10, retry_base=5, retry_max=3600, disable_after=60, lease=60, poll=1,
                        networks=(ipaddress.ip_network("127.0.0.0/8"),))
    rng = random.Random(7)
    for attempt in range(1, 15):
        ceiling = min(3600, 5 * 2 ** (attempt - 1))
        delays = [backoff(attempt, settings, rng) for _ in range(50)]
        assert all(ceiling / 2 <= d <= ceiling for d in delays), attempt
        assert max(delays) - min(delays) > ceiling / 10  # jittered: retries of many hooks spread out


def test_signatures_are_those_of_the_reference_implementation():
    secret = new_secret()
    body = b'{"type":"event.updated","data":{"seq":7}}'
    stamp = dt.datetime(2026, 3, 4, 5, 6, 7, tzinfo=dt.UTC)
    expected = Reference(secret).sign("msg_1_7", stamp, body.decode())
    assert sign(secret, "msg_1_7", str(int(stamp.timestamp())), body) == expected
    assert secret.startswith("whsec_") and len(base64.b64decode(secret.removeprefix("whsec_"))) == 24
