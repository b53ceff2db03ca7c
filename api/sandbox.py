"""The query processes of ``/sparql`` cannot open network connections: the second
line of defence behind ``api.algebra`` (which refuses SERVICE), for whatever the
engine might still try (Oxigraph's HTTP client is native code, out of reach of a
Python-level guard).

On Linux (x86-64 and aarch64) a seccomp filter, installed by the process on itself
before it opens the store, makes the ``socket`` system call fail with EACCES for
every address family but ``AF_UNIX``: no TCP, UDP (so no DNS either), raw or
netlink socket can be created by any thread of the process, native or Python,
and the filter cannot be lifted (``PR_SET_NO_NEW_PRIVS``). The pipe to the server
process exists before the filter and is not a new socket. Elsewhere, and as a
clear Python error in any case, ``socket.socket`` and ``socket.create_connection``
are replaced by functions that refuse."""

from __future__ import annotations

import ctypes
import errno
import platform
import socket
import struct
import sys
import urllib.parse
from typing import Any, NoReturn

_PR_SET_NO_NEW_PRIVS = 38
_PR_SET_SECCOMP = 22
_SECCOMP_MODE_FILTER = 2
_RET_ALLOW = 0x7FFF0000
_RET_ERRNO = 0x00050000
# BPF opcodes: load word (absolute), jump if equal, return constant
_LD_ABS = 0x20
_JEQ = 0x15
_RET = 0x06
# (audit architecture, number of the socket system call)
_ARCHES = {"x86_64": (0xC000003E, 41), "aarch64": (0xC00000B7, 198)}


class _Program(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]


def _insn(code: int, jt: int, jf: int, k: int) -> bytes:
    return struct.pack("HBBI", code, jt, jf, k)


def _filter(arch: int, nr: int) -> bytes:
    """Allow everything but ``socket(family != AF_UNIX, …)`` on this arch."""
    deny = _RET_ERRNO | errno.EACCES
    return b"".join(
        [
            _insn(_LD_ABS, 0, 0, 4),  # seccomp_data.arch
            _insn(_JEQ, 0, 4, arch),  # another ABI: allow (jump to the end)
            _insn(_LD_ABS, 0, 0, 0),  # seccomp_data.nr
            _insn(_JEQ, 0, 2, nr),  # not socket(): allow
            _insn(_LD_ABS, 0, 0, 16),  # args[0], the family (low word)
            _insn(_JEQ, 0, 1, socket.AF_UNIX),  # AF_UNIX: allow, others: deny
            _insn(_RET, 0, 0, _RET_ALLOW),
            _insn(_RET, 0, 0, deny),
        ]
    )


def _seccomp() -> bool:
    """Install the filter; False where the platform does not allow it."""
    found = _ARCHES.get(platform.machine())
    if not sys.platform.startswith("linux") or found is None:
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
    except OSError:
        return False
    code = _filter(*found)
    buf = ctypes.create_string_buffer(code, len(code))
    prog = _Program(len(code) // 8, ctypes.cast(buf, ctypes.c_void_p))
    if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        return False
    return bool(
        libc.prctl(_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER, ctypes.byref(prog), 0, 0) == 0
    )


def _refuse(*args: Any, **kwargs: Any) -> NoReturn:
    raise PermissionError(errno.EACCES, "network access is disabled in this process")


class _NoSocket(socket.socket):
    def __init__(self, family: Any = -1, *args: Any, **kwargs: Any) -> None:
        if family != socket.AF_UNIX:
            _refuse()
        super().__init__(family, *args, **kwargs)


def allow_only(url: str) -> None:
    """Forbid every network connection of this process but those to the SPARQL
    server at ``url`` (a query process reading a remote store): a Python-level
    guard on ``socket.create_connection``, which urllib uses; no seccomp, since
    the process needs its one socket. Such a process evaluates no query itself
    (the server does), so no query text can make it connect anywhere else."""
    parts = urllib.parse.urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    allowed = {(parts.hostname, port)}
    if parts.hostname == "localhost":
        allowed |= {("127.0.0.1", port), ("::1", port)}
    connect = socket.create_connection

    def guarded(address: tuple[str, int], *args: Any, **kwargs: Any) -> socket.socket:
        if (address[0], int(address[1])) not in allowed:
            _refuse()
        return connect(address, *args, **kwargs)

    socket.create_connection = guarded  # type: ignore[assignment]


def forbid_network() -> bool:
    """Forbid new network sockets in this process for good; True when the
    operating system enforces it (seccomp), False when only Python does."""
    socket.socket = _NoSocket  # type: ignore[misc]
    socket.create_connection = _refuse
    return _seccomp()
