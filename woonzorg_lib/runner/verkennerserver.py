"""Voilà for the explorer with a bounded number of kernels: a burst of page requests cannot exhaust the machine.

Voilà starts a kernel for every page request and keeps it until its page closes the
websocket. A request whose page is never shown (a reload loop, a prefetch, a crawler,
a client with a short timeout) would leave its kernel running. Here, with Voilà's and
jupyter-server's own hooks:

- the ``prelaunch_hook`` notes which request is about to start a kernel; a request whose
  client has already gone starts none;
- a kernel whose request closes before its page was delivered is stopped at once;
- at most ``max_kernels`` kernels live at a time: a new page stops the oldest kernel
  whose page was delivered but never connected (or has closed); when every kernel still
  renders or serves a page, the request is refused (503, in Dutch) and starts nothing;
- jupyter-server's culler stops kernels that no page connected to within
  ``CULL_NA_S`` seconds (``cull_connected`` stays off: an open page keeps its kernel).
"""

from __future__ import annotations

import asyncio
import sys
import time
from collections.abc import Sequence
from contextvars import ContextVar
from typing import Any

from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from tornado.web import Finish, HTTPError, RequestHandler
from traitlets import Integer
from traitlets.config import Config

MAX_KERNELS = 3  # pages served at once; a fourth stops the oldest kernel without a page
CULL_NA_S = 120  # a kernel no page connected to for this long is stopped
CULL_INTERVAL_S = 20
BEZET = "De verkenner is bezet: er zijn al {n} pagina's open. Sluit er een en laad deze pagina opnieuw."

_VERZOEK: ContextVar[RequestHandler | None] = ContextVar("verkenner_verzoek", default=None)


def voor_start(verzoek: RequestHandler, notebook: Any = None, cwd: str = "") -> None:
    """Voilà's prelaunch hook: remember the request that is about to start a kernel; none for a client that left."""
    if _weg(verzoek):
        raise Finish()  # the client is gone: nobody would ever see this page, so no kernel starts
    _VERZOEK.set(verzoek)


def _weg(verzoek: RequestHandler) -> bool:
    """Whether the client of a page request has closed its connection."""
    stroom = getattr(verzoek.request.connection, "stream", None)
    return stroom is None or stroom.closed()


class BegrensdeKernels(AsyncMappingKernelManager):
    """jupyter-server's kernel manager with at most ``max_kernels`` kernels and no kernel for an abandoned page."""

    max_kernels = Integer(MAX_KERNELS, config=True, help="the most kernels alive at once")

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._plaats = asyncio.Lock()
        self._gestart: dict[str, float] = {}
        self._verzoeken: dict[str, RequestHandler] = {}

    async def start_kernel(self, **kwargs: Any) -> str:  # type: ignore[override]
        """Start a kernel for a page request, after making room; the kernel stops if the page is abandoned."""
        verzoek = _VERZOEK.get()
        async with self._plaats:
            if verzoek is not None and _weg(verzoek):
                raise Finish()
            await self._maak_plaats()
            kwargs["extra_arguments"] = [*kwargs.get("extra_arguments", []), "--IPKernelApp.log_level=CRITICAL"]
            kernel_id = await super().start_kernel(**kwargs)
            self._gestart[kernel_id] = time.monotonic()
        if verzoek is not None:
            self._verzoeken[kernel_id] = verzoek
            self._stop_bij_sluiten(verzoek, kernel_id)
        return kernel_id

    def _los(self, kernel_id: str) -> bool:
        """Whether no page uses a kernel: none connected to it, and its page request is over (delivered or gone)."""
        verzoek = self._verzoeken.get(kernel_id)
        klaar = verzoek is None or getattr(verzoek, "_finished", True) or _weg(verzoek)
        return klaar and not self._kernel_connections.get(kernel_id, 0)

    async def _maak_plaats(self) -> None:
        """Stop the oldest kernels no page uses until a new one fits; 503 when every kernel serves a page."""
        while len(self.list_kernel_ids()) >= self.max_kernels:
            los = [k for k in self.list_kernel_ids() if self._los(k)]
            if not los:
                raise HTTPError(503, BEZET.format(n=len(self.list_kernel_ids())), reason="Verkenner bezet")
            await self._stop(min(los, key=lambda k: self._gestart.get(k, 0.0)))

    def _stop_bij_sluiten(self, verzoek: RequestHandler, kernel_id: str) -> None:
        """Stop the kernel when the request's connection closes before its page was delivered."""
        eigen = verzoek.on_connection_close

        def gesloten() -> None:
            eigen()
            if not self._kernel_connections.get(kernel_id, 0):
                asyncio.ensure_future(self._stop(kernel_id))

        verzoek.request.connection.set_close_callback(gesloten)  # type: ignore[attr-defined]
        if _weg(verzoek):
            gesloten()

    async def _stop(self, kernel_id: str) -> None:
        """Stop one kernel now; one that is already gone is fine."""
        self._gestart.pop(kernel_id, None)
        self._verzoeken.pop(kernel_id, None)
        if kernel_id in self:
            try:
                await self.shutdown_kernel(kernel_id, now=True)
            except (KeyError, RuntimeError):  # stopped meanwhile by the culler or by its page
                pass


def configuratie() -> Config:
    """Voilà's configuration: the bounded kernel manager, the hook, the culler, and no English in the terminal."""
    c = Config()
    c.VoilaConfiguration.multi_kernel_manager_class = f"{__name__}.BegrensdeKernels"
    c.VoilaConfiguration.prelaunch_hook = voor_start
    c.MappingKernelManager.cull_idle_timeout = CULL_NA_S
    c.MappingKernelManager.cull_interval = CULL_INTERVAL_S
    c.MappingKernelManager.cull_connected = False
    c.Voila.log_level = "CRITICAL"  # the terminal says in Dutch where the page is; Voilà's log is English
    return c


def main(argv: Sequence[str] | None = None) -> None:
    """Run Voilà with this configuration (``python -m woonzorg_lib.runner.verkennerserver NOTEBOOK …``)."""
    import logging

    from voila.app import Voila

    # A page abandoned while its kernel ran leaves Voilà's rendering task failed, and a refused page is logged:
    # asyncio and tornado would print that in English. The page itself says what went wrong, in Dutch.
    for logger in ("asyncio", "tornado"):
        logging.getLogger(logger).setLevel(logging.CRITICAL)
    Voila.launch_instance(list(sys.argv[1:] if argv is None else argv), config=configuratie())


if __name__ == "__main__":  # pragma: no cover - started by webapp.serveer
    main()
