"""uvicorn glue for ``itukg serve``: its HTTP/1.1 protocol with TCP_NODELAY set on
every connection.

With ``--workers`` above 1, uvicorn binds the listening socket itself (protocol
number 0), and asyncio then skips TCP_NODELAY on the accepted connections
(``asyncio.base_events._set_nodelay`` wants ``IPPROTO_TCP``): each answer written
in two parts waits for the client's delayed ACK, some 40 ms a request. Setting
the option here makes the number of workers no matter."""

from __future__ import annotations

import asyncio
import contextlib
import socket

from uvicorn.protocols.http.h11_impl import H11Protocol


class NoDelayH11Protocol(H11Protocol):
    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        sock = transport.get_extra_info("socket")
        if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
            with contextlib.suppress(OSError):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        super().connection_made(transport)  # type: ignore[arg-type]
