"""Which `Host` headers the web UI answers: the names of the address it is bound to.

A page on any web site can make the browser send requests to 127.0.0.1 by pointing its own
domain name there (DNS rebinding); the browser then sends that domain as `Host`, so a
server that answers only the names of its bound address is out of the page's reach
(issue 12). An IP address in `Host` cannot be rebound, so on an address bound to every
interface any IP literal passes, as does "localhost".
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass

_LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain"})


def _ip(name: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(name)
    except ValueError:
        return None


def split_host(header: str) -> tuple[str, int | None] | None:
    """ "127.0.0.1:8765" -> ("127.0.0.1", 8765), "[::1]" -> ("::1", None); None if malformed."""
    header = header.strip()
    if header.startswith("["):
        name, sep, rest = header[1:].partition("]")
        if not sep or (rest and not rest.startswith(":")):
            return None
        port_text = rest[1:] if rest else ""
    else:
        name, _, port_text = header.partition(":")
    if not name:
        return None
    if port_text == "":
        return name.lower().rstrip("."), None
    if not port_text.isascii() or not port_text.isdigit() or int(port_text) > 65535:
        return None
    return name.lower().rstrip("."), int(port_text)


@dataclass(frozen=True, slots=True)
class HostCheck:
    bound: str  # the host the server was bound to, as given
    port: int

    def allows(self, header: str | None) -> bool:
        if not header:
            return False  # HTTP/1.1 requires Host; a browser always sends it
        parts = split_host(header)
        if parts is None:
            return False
        name, port = parts
        if (port if port is not None else 80) != self.port:
            return False
        ip = _ip(name)
        bound = self.bound.lower().strip("[]")
        bound_ip = _ip(bound) if bound else ipaddress.ip_address("0.0.0.0")
        if bound_ip is None:  # bound by name ("localhost", a host name): that name, or its IPs
            return name == bound or (name in _LOOPBACK_NAMES and bound in _LOOPBACK_NAMES)
        if bound_ip.is_unspecified:
            return ip is not None or name in _LOOPBACK_NAMES
        if bound_ip.is_loopback:
            return (ip is not None and ip.is_loopback) or name in _LOOPBACK_NAMES
        return ip == bound_ip
