"""Canonical article URLs: one spelling per article, so the same story in two feeds is one article."""

from __future__ import annotations

import contextlib
import re
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

# Parameters that only say where a click came from; they never change the page served.
# Prefix rules catch the families (utm_source, utm_medium, ..., ns_mchannel, ...).
_TRACKING_PREFIXES = ("utm_", "ns_", "at_", "mc_", "_hs", "pk_", "mtm_", "itm_", "stm_")
_TRACKING_NAMES = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "gbraid",
        "wbraid",
        "msclkid",
        "yclid",
        "twclid",
        "ttclid",
        "li_fat_id",
        "igshid",
        "igsh",
        "mkt_tok",
        "_ga",
        "_gl",
        "oly_anon_id",
        "oly_enc_id",
        "vero_id",
        "wickedid",
        "rb_clickid",
        "s_cid",
        "cmpid",
        "ocid",
        "smid",
        "smtyp",
        "traffic_source",
        "ito",
        "ref_src",
    }
)
_DEFAULT_PORTS = {"http": 80, "https": 443}
# Characters a browser would percent-encode; raw CJK in DW's links must compare equal to the encoded form.
_PATH_SAFE = "/:@!$&'()*+,;=-._~%"


def is_tracking_param(name: str) -> bool:
    """True for a query parameter that only tracks the click (utm_*, fbclid, gclid and the like)."""
    lowered = name.lower()
    return lowered in _TRACKING_NAMES or lowered.startswith(_TRACKING_PREFIXES)


def canonical_url(url: str) -> str:
    """Return `url` with tracking parameters and the fragment removed, scheme and host lower-cased.

    Non-http(s) URLs (file:, tag:, urn:) only lose surrounding whitespace and their fragment,
    because their query and case carry meaning we cannot judge.
    """
    url = url.strip()
    if not url:
        return url
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        return urlunsplit((parts.scheme, parts.netloc, parts.path, parts.query, "")) if parts.scheme else url
    host = (parts.hostname or "").rstrip(".")
    with contextlib.suppress(UnicodeError):  # an un-encodable name stays as written
        host = host.encode("idna").decode("ascii") if host and not host.isascii() else host
    netloc = host
    if ":" in host:  # an IPv6 literal keeps its brackets
        netloc = f"[{host}]"
    try:
        port = parts.port
    except ValueError:
        port = None
    if port is not None and port != _DEFAULT_PORTS.get(scheme):
        netloc += f":{port}"
    if parts.username:
        userinfo = parts.username + (f":{parts.password}" if parts.password else "")
        netloc = f"{userinfo}@{netloc}"
    path = quote(parts.path, safe=_PATH_SAFE) or "/"
    path = re.sub(r"/{2,}", "/", path)
    kept = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not is_tracking_param(k)]
    query = urlencode(kept, quote_via=quote, safe="/:@!$'()*+,;=-._~") if kept else ""
    return urlunsplit((scheme, netloc, path, query, ""))
