"""What every write documents: the API key it needs (service.auth checks it before the view runs)
and the errors any write can answer."""
from ..auth import SECURITY_SCHEME

SECURITY = [{SECURITY_SCHEME: []}]
_RESPONSES = {401: "UNAUTHORIZED", 404: "NOT_FOUND", 412: "PRECONDITION_FAILED",
              413: "REQUEST_ENTITY_TOO_LARGE", 422: "UNPROCESSABLE_ENTITY", 429: "TOO_MANY_REQUESTS"}


def key_needed(blp, *statuses):
    """Document the key an operation needs, its 401, and the other errors given."""
    def decorate(view):
        for status in (401, *statuses):
            view = blp.alt_response(status, response=_RESPONSES[status])(view)
        return blp.doc(security=SECURITY)(view)
    return decorate


def write_errors(blp, *statuses):
    """Document the errors every write can answer (401, 413, 422, 429), plus those given, and the key."""
    return key_needed(blp, 413, 422, 429, *statuses)
